-- Deleting a workshop puts it in "Recently deleted": `deleted_at` (Unix milliseconds) is set and
-- the workshop is hidden, refused for edits, and kept whole so it can be restored. After 30 days,
-- or when the facilitator erases it, its rows are removed for good (with secure_delete on, so no
-- freed page keeps its text). NULL: not deleted.

ALTER TABLE workshop ADD COLUMN deleted_at INTEGER;
