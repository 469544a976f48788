-- A workshop is a programme of meetings. A session's fields (title, date, place, goal, agenda,
-- attendance counts, summary) are one JSON document checked by the core, like a persona's.

CREATE TABLE session (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    fields      TEXT NOT NULL,
    version     INTEGER NOT NULL
) STRICT;
CREATE INDEX session_by_workshop ON session(workshop_id);
