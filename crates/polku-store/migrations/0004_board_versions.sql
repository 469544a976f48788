-- Boards become records like the others: added, renamed, reordered and deleted by ops that other
-- clients follow, so each board row carries a version that grows with every change.

ALTER TABLE board ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
