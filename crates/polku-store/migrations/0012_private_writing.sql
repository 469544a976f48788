-- Private writing and covering (polku_core::writing): a board's live state as one JSON value
-- (null: not covered, not written on privately), and whether a note is still face down.

ALTER TABLE board ADD COLUMN live TEXT;
ALTER TABLE note ADD COLUMN face_down INTEGER NOT NULL DEFAULT 0;

-- Only the face-down notes: what a phone counts of others' private writing, at the cost of what
-- was written privately, not of the board.
CREATE INDEX note_face_down ON note(board_id) WHERE face_down = 1;
