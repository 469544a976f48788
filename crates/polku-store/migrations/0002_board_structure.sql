-- The board issue's structure: phases become renameable rows of their own, touchpoints get a
-- description and can be side stations, lanes get a height, notes get a kind (observation, idea,
-- question; only observations have a sentiment), and a note's position becomes relative to its
-- cell: x from its touchpoint's column, y from its lane's top (see docs/decisions/0001). The
-- numbers are the layout of schema 1: column x = 160 + 260 × index, first lane at y = 230,
-- lanes 268 high.

CREATE TABLE phase (
    id       TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label    TEXT NOT NULL,
    version  INTEGER NOT NULL
) STRICT;
CREATE INDEX phase_by_board ON phase(board_id);

-- Every board gets the three default phases, labelled in its workshop's language, with random
-- (version 4) UUIDs; the touchpoints that named a phase point at its row.
CREATE TEMP TABLE phase_label (key TEXT, position INTEGER, language TEXT, label TEXT);
INSERT INTO phase_label VALUES
    ('before', 0, 'fi', 'Ennen palvelua'), ('during', 1, 'fi', 'Palvelun aikana'), ('after', 2, 'fi', 'Palvelun jälkeen'),
    ('before', 0, 'en', 'Before the service'), ('during', 1, 'en', 'During the service'), ('after', 2, 'en', 'After the service'),
    ('before', 0, 'sv', 'Före tjänsten'), ('during', 1, 'sv', 'Under tjänsten'), ('after', 2, 'sv', 'Efter tjänsten');
CREATE TEMP TABLE phase_key (board_id TEXT, key TEXT, id TEXT);
INSERT INTO phase_key
SELECT b.id, k.key,
       lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' ||
       substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
FROM board b CROSS JOIN (SELECT DISTINCT key FROM phase_label) k;
INSERT INTO phase (id, board_id, position, label, version)
SELECT pk.id, pk.board_id, pl.position, pl.label, 1
FROM phase_key pk
JOIN board b ON b.id = pk.board_id
JOIN workshop w ON w.id = b.workshop_id
JOIN phase_label pl ON pl.key = pk.key AND pl.language = w.language;

ALTER TABLE touchpoint ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE touchpoint ADD COLUMN side_station INTEGER NOT NULL DEFAULT 0 CHECK (side_station IN (0, 1));
ALTER TABLE touchpoint ADD COLUMN phase_id TEXT REFERENCES phase(id) ON DELETE SET NULL;
UPDATE touchpoint SET phase_id = (SELECT pk.id FROM phase_key pk WHERE pk.board_id = touchpoint.board_id AND pk.key = touchpoint.phase);
ALTER TABLE touchpoint DROP COLUMN phase;
DROP TABLE phase_key;
DROP TABLE phase_label;

ALTER TABLE lane ADD COLUMN height REAL NOT NULL DEFAULT 268.0;

CREATE TABLE note_v2 (
    id            TEXT PRIMARY KEY,
    board_id      TEXT NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    touchpoint_id TEXT REFERENCES touchpoint(id) ON DELETE SET NULL,
    lane_id       TEXT REFERENCES lane(id) ON DELETE SET NULL,
    persona_id    TEXT REFERENCES persona(id) ON DELETE SET NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('observation', 'idea', 'question')),
    sentiment     TEXT CHECK (sentiment IN ('negative', 'neutral', 'positive')),
    text          TEXT NOT NULL,
    x             REAL NOT NULL,
    y             REAL NOT NULL,
    version       INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    CHECK ((kind = 'observation') = (sentiment IS NOT NULL))
) STRICT;
INSERT INTO note_v2
SELECT n.id, n.board_id, n.touchpoint_id, n.lane_id, n.persona_id, 'observation', n.sentiment, n.text,
       CASE WHEN n.touchpoint_id IS NULL THEN n.x ELSE n.x - (160 + 260 * (
           SELECT count(*) FROM touchpoint t2 JOIN touchpoint t ON t.id = n.touchpoint_id
           WHERE t2.board_id = t.board_id AND (t2.position < t.position OR (t2.position = t.position AND t2.id < t.id))))
       END,
       CASE WHEN n.lane_id IS NULL THEN n.y ELSE n.y - (230 + 268 * (
           SELECT count(*) FROM lane l2 JOIN lane l ON l.id = n.lane_id
           WHERE l2.board_id = l.board_id AND (l2.position < l.position OR (l2.position = l.position AND l2.id < l.id))))
       END,
       n.version, n.created_at, n.updated_at
FROM note n;
DROP TABLE note;
ALTER TABLE note_v2 RENAME TO note;
CREATE INDEX note_by_board ON note(board_id);
CREATE INDEX note_by_touchpoint ON note(touchpoint_id);
CREATE INDEX note_by_lane ON note(lane_id);

-- Recorded undo steps hold notes in the old shape and positions; undoing them now would put
-- notes in the wrong place, so each client's history starts afresh. The op log itself stays.
DELETE FROM undo_step;
