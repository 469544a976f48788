-- A facilitator's own templates: a board or a whole workshop saved as its structure (no notes,
-- no people), to start from again and to share as a file. `json` is the template file itself
-- (format "polku.template"), checked before it was written; `id` is "own-<uuid>", so it never
-- names a built-in template. They belong to the library, not to any workshop.

CREATE TABLE own_template (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('workshop', 'board')),
    json TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
