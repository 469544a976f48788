-- The library on a team server: the same tables as the laptop's SQLite file (its migrations 0001
-- to 0014), written for PostgreSQL. Ids are text in the "C" collation, so they sort as in SQLite
-- (byte order: a UUIDv7's order is the order it was made) whatever the database's locale.

CREATE TABLE workshop (
    id         TEXT COLLATE "C" PRIMARY KEY,
    title      TEXT NOT NULL,
    language   TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deleted_at BIGINT
);

CREATE TABLE board (
    id          TEXT COLLATE "C" PRIMARY KEY,
    workshop_id TEXT COLLATE "C" NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    position    BIGINT NOT NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    live        TEXT
);
CREATE INDEX board_by_workshop ON board(workshop_id);

CREATE TABLE phase (
    id               TEXT COLLATE "C" PRIMARY KEY,
    board_id         TEXT COLLATE "C" NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    position         BIGINT NOT NULL,
    label            TEXT NOT NULL,
    version          BIGINT NOT NULL,
    stacked          BOOLEAN NOT NULL DEFAULT FALSE,
    caption          TEXT NOT NULL DEFAULT '',
    original_label   TEXT NOT NULL DEFAULT '',
    original_caption TEXT NOT NULL DEFAULT ''
);
CREATE INDEX phase_by_board ON phase(board_id);

CREATE TABLE touchpoint (
    id             TEXT COLLATE "C" PRIMARY KEY,
    board_id       TEXT COLLATE "C" NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    position       BIGINT NOT NULL,
    label          TEXT NOT NULL,
    version        BIGINT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    side_station   BOOLEAN NOT NULL DEFAULT FALSE,
    phase_id       TEXT COLLATE "C" REFERENCES phase(id) ON DELETE SET NULL,
    original_label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX touchpoint_by_board ON touchpoint(board_id);

CREATE TABLE lane (
    id             TEXT COLLATE "C" PRIMARY KEY,
    board_id       TEXT COLLATE "C" NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    position       BIGINT NOT NULL,
    label          TEXT NOT NULL,
    version        BIGINT NOT NULL,
    height         DOUBLE PRECISION NOT NULL DEFAULT 268.0,
    line_above     TEXT NOT NULL DEFAULT '',
    original_label TEXT NOT NULL DEFAULT '',
    original_line  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX lane_by_board ON lane(board_id);

CREATE TABLE persona (
    id          TEXT COLLATE "C" PRIMARY KEY,
    workshop_id TEXT COLLATE "C" NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    version     BIGINT NOT NULL,
    fields      TEXT NOT NULL DEFAULT '{}',
    created_at  BIGINT NOT NULL DEFAULT 0,
    updated_at  BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX persona_by_workshop ON persona(workshop_id);

CREATE TABLE session (
    id          TEXT COLLATE "C" PRIMARY KEY,
    workshop_id TEXT COLLATE "C" NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    position    BIGINT NOT NULL,
    fields      TEXT NOT NULL,
    version     BIGINT NOT NULL,
    run         TEXT
);
CREATE INDEX session_by_workshop ON session(workshop_id);

CREATE TABLE note (
    id            TEXT COLLATE "C" PRIMARY KEY,
    board_id      TEXT COLLATE "C" NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    touchpoint_id TEXT COLLATE "C" REFERENCES touchpoint(id) ON DELETE SET NULL,
    lane_id       TEXT COLLATE "C" REFERENCES lane(id) ON DELETE SET NULL,
    persona_id    TEXT COLLATE "C" REFERENCES persona(id) ON DELETE SET NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('observation', 'idea', 'question')),
    sentiment     TEXT CHECK (sentiment IN ('negative', 'neutral', 'positive')),
    text          TEXT NOT NULL,
    x             DOUBLE PRECISION NOT NULL,
    y             DOUBLE PRECISION NOT NULL,
    version       BIGINT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    session_id    TEXT COLLATE "C" REFERENCES session(id) ON DELETE SET NULL,
    face_down     BOOLEAN NOT NULL DEFAULT FALSE,
    author        TEXT,
    CHECK ((kind = 'observation') = (sentiment IS NOT NULL))
);
CREATE INDEX note_by_board_id ON note(board_id, id);
CREATE INDEX note_by_touchpoint ON note(touchpoint_id);
CREATE INDEX note_by_lane ON note(lane_id);
CREATE INDEX note_by_persona ON note(persona_id);
CREATE INDEX note_by_session ON note(session_id);
CREATE INDEX note_face_down ON note(board_id) WHERE face_down;

CREATE TABLE walkthrough (
    id               TEXT COLLATE "C" PRIMARY KEY,
    persona_id       TEXT COLLATE "C" NOT NULL REFERENCES persona(id) ON DELETE CASCADE,
    board_id         TEXT COLLATE "C" NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    at_touchpoint_id TEXT COLLATE "C" REFERENCES touchpoint(id) ON DELETE SET NULL,
    version          BIGINT NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX walkthrough_by_persona ON walkthrough(persona_id);
CREATE INDEX walkthrough_by_station ON walkthrough(at_touchpoint_id);
CREATE INDEX walkthrough_by_board ON walkthrough(board_id);

CREATE TABLE walk_step (
    id             TEXT COLLATE "C" PRIMARY KEY,
    walkthrough_id TEXT COLLATE "C" NOT NULL REFERENCES walkthrough(id) ON DELETE CASCADE,
    touchpoint_id  TEXT COLLATE "C" NOT NULL REFERENCES touchpoint(id) ON DELETE CASCADE,
    emotion        BIGINT CHECK (emotion BETWEEN -2 AND 2),
    happens        TEXT NOT NULL,
    barriers       TEXT NOT NULL,
    ideas          TEXT NOT NULL,
    skipped        BOOLEAN NOT NULL,
    version        BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    UNIQUE (walkthrough_id, touchpoint_id)
);
CREATE INDEX walk_step_by_touchpoint ON walk_step(touchpoint_id);

CREATE TABLE vote (
    id          TEXT COLLATE "C" PRIMARY KEY,
    workshop_id TEXT COLLATE "C" NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    board_id    TEXT COLLATE "C" NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    fields      TEXT NOT NULL,
    version     BIGINT NOT NULL
);
CREATE INDEX vote_by_workshop ON vote(workshop_id);
CREATE INDEX vote_by_board ON vote(board_id);

CREATE TABLE vote_ballot (
    vote_id   TEXT COLLATE "C" NOT NULL REFERENCES vote(id) ON DELETE CASCADE,
    voter     TEXT COLLATE "C" NOT NULL,
    target_id TEXT COLLATE "C" NOT NULL,
    dots      BIGINT NOT NULL CHECK (dots > 0),
    PRIMARY KEY (vote_id, voter, target_id)
);

CREATE TABLE own_template (
    id         TEXT COLLATE "C" PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('workshop', 'board')),
    json       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Every op, in the order it was applied to its workshop: ops on one workshop hold its row's lock
-- from before their number is drawn until they commit, so a client that catches up from a
-- number misses none.
CREATE TABLE op_log (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    op_id       TEXT COLLATE "C" NOT NULL UNIQUE,
    workshop_id TEXT COLLATE "C" NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    client_id   TEXT COLLATE "C" NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('do', 'undo', 'redo')),
    request     TEXT NOT NULL,
    changes     TEXT NOT NULL,
    at          BIGINT NOT NULL
);
CREATE INDEX op_log_by_workshop ON op_log(workshop_id, seq);

CREATE TABLE undo_step (
    workshop_id TEXT COLLATE "C" NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    client_id   TEXT COLLATE "C" NOT NULL,
    seq         BIGINT NOT NULL REFERENCES op_log(seq) ON DELETE CASCADE,
    state       TEXT NOT NULL CHECK (state IN ('done', 'undone')),
    PRIMARY KEY (workshop_id, client_id, seq)
);
CREATE INDEX undo_step_by_seq ON undo_step(seq);
