-- Groups of facilitators (a team, a unit) that a workshop can be shared with as a whole: who is
-- in the group when they ask is who reaches it.

CREATE TABLE team_group (
    id         TEXT COLLATE "C" PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE group_member (
    group_id       TEXT COLLATE "C" NOT NULL REFERENCES team_group(id) ON DELETE CASCADE,
    facilitator_id TEXT COLLATE "C" NOT NULL REFERENCES facilitator(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, facilitator_id)
);
CREATE INDEX group_member_by_facilitator ON group_member(facilitator_id);

CREATE TABLE workshop_group_share (
    workshop_id TEXT COLLATE "C" NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    group_id    TEXT COLLATE "C" NOT NULL REFERENCES team_group(id) ON DELETE CASCADE,
    PRIMARY KEY (workshop_id, group_id)
);
CREATE INDEX workshop_group_share_by_group ON workshop_group_share(group_id);
