-- A board's notes in id order (UUIDv7: the order they were made) without sorting them all: a
-- phone's view lists a board's newest notes, and a room's phones ask for it many times a minute.
CREATE INDEX note_by_board_id ON note(board_id, id);
