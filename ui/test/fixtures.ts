import type { Note, Persona, Touchpoint } from "../src/lib/api/types";
import { blankFields } from "../src/lib/people/personaForm";

/** A note on board "board" unless told; its text names its version, so a test sees which copy won. */
export const note = (id: string, version: number, extra: Partial<Note> = {}): Note => ({
  id,
  board_id: "board",
  touchpoint_id: null,
  lane_id: null,
  persona_id: null,
  session_id: null,
  kind: "observation",
  sentiment: "neutral",
  text: `v${version}`,
  x: 0,
  y: 0,
  face_down: false,
  author: null,
  version,
  created_at: 1,
  updated_at: version,
  ...extra,
});



export const persona = (id: string, version = 1): Persona => ({
  id,
  fields: { ...blankFields({ symbol: "owl", colour: "teal" }), name: id },
  version,
  created_at: 1,
  updated_at: version,
});

export const touchpoint = (id: string, position: number, version = 1, board_id = "board"): Touchpoint => ({
  id,
  board_id,
  position,
  label: id,
  description: "",
  phase_id: null,
  side_station: false,
  original_label: "",
  version,
});
