-- A session run live: its agenda item on screen, time per item and the timer, as one JSON value
-- checked by the core (`polku_core::run`). Null until the session is started.

ALTER TABLE session ADD COLUMN run TEXT;
