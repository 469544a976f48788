-- Open joins, so a phone may reach any instance: each workshop's join as the API keeps it (its
-- link and code, the boards shown, and its devices with only a hash of each device's secret and
-- the nickname the person chose). A row lives while joining is open; closing it deletes it, and
-- erasing the workshop takes it along.

CREATE TABLE participant_join (
    workshop_id TEXT COLLATE "C" PRIMARY KEY REFERENCES workshop(id) ON DELETE CASCADE,
    state       JSONB NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX participant_join_by_token ON participant_join ((state->>'token'));
CREATE INDEX participant_join_by_code ON participant_join ((state->>'code'));

-- Wrong short codes lately, over every join: past the limit every code stops working.
CREATE TABLE join_code_failure (
    at BIGINT NOT NULL
);
