-- The first schema: workshops and their boards, touchpoints, lanes, personas and notes, plus the
-- op log and each client's undo history. Ids are UUID text; times are Unix milliseconds.
PRAGMA application_id = 1347374155; -- 'POLK': tells our databases from any other SQLite file

CREATE TABLE workshop (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    language   TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE board (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    position    INTEGER NOT NULL
) STRICT;
CREATE INDEX board_by_workshop ON board(workshop_id);

CREATE TABLE touchpoint (
    id       TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label    TEXT NOT NULL,
    phase    TEXT,
    version  INTEGER NOT NULL
) STRICT;
CREATE INDEX touchpoint_by_board ON touchpoint(board_id);

CREATE TABLE lane (
    id       TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label    TEXT NOT NULL,
    version  INTEGER NOT NULL
) STRICT;
CREATE INDEX lane_by_board ON lane(board_id);

CREATE TABLE persona (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    version     INTEGER NOT NULL
) STRICT;
CREATE INDEX persona_by_workshop ON persona(workshop_id);

CREATE TABLE note (
    id            TEXT PRIMARY KEY,
    board_id      TEXT NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    touchpoint_id TEXT REFERENCES touchpoint(id) ON DELETE SET NULL,
    lane_id       TEXT REFERENCES lane(id) ON DELETE SET NULL,
    persona_id    TEXT REFERENCES persona(id) ON DELETE SET NULL,
    sentiment     TEXT NOT NULL CHECK (sentiment IN ('negative', 'neutral', 'positive')),
    text          TEXT NOT NULL,
    x             REAL NOT NULL,
    y             REAL NOT NULL,
    version       INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX note_by_board ON note(board_id);
CREATE INDEX note_by_touchpoint ON note(touchpoint_id);

-- Every applied op, written in the same transaction as its change. `request` is what the client
-- sent (to answer a retry of the same op id), `changes` the before/after values (for undo).
CREATE TABLE op_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id       TEXT NOT NULL UNIQUE,
    workshop_id TEXT NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    client_id   TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('do', 'undo', 'redo')),
    request     TEXT NOT NULL,
    changes     TEXT NOT NULL,
    at          INTEGER NOT NULL
) STRICT;
CREATE INDEX op_log_by_workshop ON op_log(workshop_id, seq);

-- Each client's own undo history: the op-log steps it recorded, done or undone.
CREATE TABLE undo_step (
    workshop_id TEXT NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    client_id   TEXT NOT NULL,
    seq         INTEGER NOT NULL REFERENCES op_log(seq) ON DELETE CASCADE,
    state       TEXT NOT NULL CHECK (state IN ('done', 'undone')),
    PRIMARY KEY (workshop_id, client_id, seq)
) STRICT, WITHOUT ROWID;
