-- Boards of more kinds than the service path: a canvas period stacks its touchpoints as boxes
-- and carries a caption; a blueprint row names the line drawn above it. Each label keeps the
-- words its template gave it, so a facilitator who renamed things can go back to them.

ALTER TABLE phase ADD COLUMN stacked INTEGER NOT NULL DEFAULT 0 CHECK (stacked IN (0, 1));
ALTER TABLE phase ADD COLUMN caption TEXT NOT NULL DEFAULT '';
ALTER TABLE phase ADD COLUMN original_label TEXT NOT NULL DEFAULT '';
ALTER TABLE phase ADD COLUMN original_caption TEXT NOT NULL DEFAULT '';
ALTER TABLE touchpoint ADD COLUMN original_label TEXT NOT NULL DEFAULT '';
ALTER TABLE lane ADD COLUMN line_above TEXT NOT NULL DEFAULT '';
ALTER TABLE lane ADD COLUMN original_label TEXT NOT NULL DEFAULT '';
ALTER TABLE lane ADD COLUMN original_line TEXT NOT NULL DEFAULT '';
