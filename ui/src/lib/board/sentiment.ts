import type { Note, NoteKind, Sentiment } from "../api/types";

export const SENTIMENTS: readonly Sentiment[] = ["negative", "neutral", "positive"];

/** A note's colour: the sentiment of an observation, or the kind of an idea or a question. */
export type Tone = Sentiment | "idea" | "question";
export const TONES: readonly Tone[] = ["negative", "neutral", "positive", "idea", "question"];

/** Symbols go with colours everywhere, so a note's tone never depends on seeing colour. */
export const SYMBOL: Record<Tone, string> = {
  negative: "−",
  neutral: "○",
  positive: "+",
  idea: "✦",
  question: "?",
};

/** The i18n key of a tone's name: ideas and questions are not feelings, so not under `sentiment.`. */
export const TONE_NAME: Record<Tone, string> = {
  negative: "sentiment.negative",
  neutral: "sentiment.neutral",
  positive: "sentiment.positive",
  idea: "tone.idea",
  question: "tone.question",
};

export function isSentiment(tone: Tone): tone is Sentiment {
  return tone !== "idea" && tone !== "question";
}

export function toneOf(n: Pick<Note, "kind" | "sentiment">): Tone {
  return n.kind === "observation" ? (n.sentiment ?? "neutral") : n.kind;
}

/** The kind and sentiment fields a tone stands for, as a note or a patch carries them. */
export function toneFields(tone: Tone): { kind: NoteKind; sentiment: Sentiment | null } {
  return isSentiment(tone) ? { kind: "observation", sentiment: tone } : { kind: tone, sentiment: null };
}
