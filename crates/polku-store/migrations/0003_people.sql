-- The persona issue: a persona's fields (name, avatar, situation, channels …) as one JSON document
-- checked by the core on every read and write, and the walkthroughs with one step per station.

ALTER TABLE persona ADD COLUMN fields TEXT NOT NULL DEFAULT '{}';
ALTER TABLE persona ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE persona ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
UPDATE persona SET fields = json_object(
    'name', name,
    'avatar', json_object('symbol', 'sun', 'colour', 'sky'),
    'age_group', NULL,
    'life_situation', '', 'goals', '', 'needs', '', 'fears', '',
    'channels', json('[]'),
    'digital_skills', NULL,
    'languages', json('[]'),
    'quote', '', 'notes', '');
ALTER TABLE persona DROP COLUMN name;

CREATE TABLE walkthrough (
    id               TEXT PRIMARY KEY,
    persona_id       TEXT NOT NULL REFERENCES persona(id) ON DELETE CASCADE,
    board_id         TEXT NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    at_touchpoint_id TEXT REFERENCES touchpoint(id) ON DELETE SET NULL,
    version          INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
) STRICT;
CREATE INDEX walkthrough_by_persona ON walkthrough(persona_id);
CREATE INDEX walkthrough_by_station ON walkthrough(at_touchpoint_id);

CREATE TABLE walk_step (
    id             TEXT PRIMARY KEY,
    walkthrough_id TEXT NOT NULL REFERENCES walkthrough(id) ON DELETE CASCADE,
    touchpoint_id  TEXT NOT NULL REFERENCES touchpoint(id) ON DELETE CASCADE,
    emotion        INTEGER CHECK (emotion BETWEEN -2 AND 2),
    happens        TEXT NOT NULL,
    barriers       TEXT NOT NULL,
    ideas          TEXT NOT NULL,
    skipped        INTEGER NOT NULL CHECK (skipped IN (0, 1)),
    version        INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    UNIQUE (walkthrough_id, touchpoint_id)
) STRICT;
CREATE INDEX walk_step_by_touchpoint ON walk_step(touchpoint_id);
CREATE INDEX note_by_persona ON note(persona_id);
