-- Dot votes (polku_core::vote): each vote's settings, targets and counts per target as one JSON
-- value checked by the core. `vote_ballot` holds who gave how many dots where, under an opaque
-- voter key, only while the vote is open: enough to keep each voter to their dots. Ending the
-- vote deletes its rows (`votes.rs`), deleting the vote takes them too.

CREATE TABLE vote (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    board_id    TEXT NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    fields      TEXT NOT NULL,
    version     INTEGER NOT NULL
) STRICT;
CREATE INDEX vote_by_workshop ON vote(workshop_id);

CREATE TABLE vote_ballot (
    vote_id   TEXT NOT NULL REFERENCES vote(id) ON DELETE CASCADE,
    voter     TEXT NOT NULL,
    target_id TEXT NOT NULL,
    dots      INTEGER NOT NULL CHECK (dots > 0),
    PRIMARY KEY (vote_id, voter, target_id)
) STRICT;
