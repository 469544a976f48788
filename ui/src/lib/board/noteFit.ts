import { NOTE_W } from "./geometry";

/**
 * Text auto-fit for a note card: its text shrinks from the usual size towards a floor so a few
 * more words fit in the card's own height; past the floor the card grows instead. Worked out from
 * the text alone (no measuring), so thousands of notes cost nothing but a loop over their lines.
 */

/** Board units: the text's usual size, and the smallest still readable from across a room. */
export const TEXT_MAX = 16;
export const TEXT_FLOOR = 13;
/** Lines of note text sit this far apart, as a factor of the font size (NoteCard's .text). */
export const LINE_HEIGHT = 1.3;
const STEP = 0.5;

// The card's text box in board units, from NoteCard's CSS: padding 10/12/12/40, borders 1 and 6,
// a minimum height of 96.
const TEXT_W = NOTE_W - 40 - 12 - 6 - 1;
const TEXT_H = 96 - 10 - 12 - 2;
/** An average glyph is about this wide, as a factor of the size; words wrapping early lose some more. */
const GLYPH = 0.56;
const WRAP_LOSS = 0.9;

/** How many lines `text` takes at `size`, estimated. */
export function linesAt(text: string, size: number): number {
  const perLine = Math.max(1, Math.floor((TEXT_W * WRAP_LOSS) / (GLYPH * size)));
  let lines = 0;
  for (const para of text.split("\n")) lines += Math.max(1, Math.ceil(para.length / perLine));
  return lines;
}

/** The largest text size (board units, in half steps) at which `text` fits the card's usual height; the floor when none does. */
export function fitSize(text: string): number {
  for (let size = TEXT_MAX; size > TEXT_FLOOR; size -= STEP) {
    if (linesAt(text, size) * size * LINE_HEIGHT <= TEXT_H) return size;
  }
  return TEXT_FLOOR;
}
