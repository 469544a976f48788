-- A note's writer's nickname, kept only when the facilitator chose to show nicknames in exports
-- (the join's "names with notes"); null otherwise, which is every note written before.

ALTER TABLE note ADD COLUMN author TEXT;
