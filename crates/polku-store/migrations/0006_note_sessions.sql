-- Each note remembers the session (meeting) in which it was written, so a board can show what
-- came up in one session. Deleting a session goes through an op that unlinks its notes first.

ALTER TABLE note ADD COLUMN session_id TEXT REFERENCES session(id) ON DELETE SET NULL;
CREATE INDEX note_by_session ON note(session_id);
