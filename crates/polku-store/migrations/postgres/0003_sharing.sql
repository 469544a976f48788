-- Whose a workshop is on a team server, and whom it is shared with. Only they see it in the list
-- and reach it by its id; to anyone else it does not exist. A workshop with no owner (one copied
-- in without --owner) is reached by no one until IT gives it one (`polku share --owner`).

CREATE TABLE workshop_owner (
    workshop_id    TEXT COLLATE "C" PRIMARY KEY REFERENCES workshop(id) ON DELETE CASCADE,
    facilitator_id TEXT COLLATE "C" NOT NULL REFERENCES facilitator(id)
);
CREATE INDEX workshop_owner_by_facilitator ON workshop_owner(facilitator_id);

CREATE TABLE workshop_share (
    workshop_id    TEXT COLLATE "C" NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    facilitator_id TEXT COLLATE "C" NOT NULL REFERENCES facilitator(id) ON DELETE CASCADE,
    PRIMARY KEY (workshop_id, facilitator_id)
);
CREATE INDEX workshop_share_by_facilitator ON workshop_share(facilitator_id);
