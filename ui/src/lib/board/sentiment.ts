import type { Sentiment } from "../api/types";

export const SENTIMENTS: readonly Sentiment[] = ["negative", "neutral", "positive"];

/** Symbols go with colours everywhere, so sentiment never depends on seeing colour. */
export const SYMBOL: Record<Sentiment, string> = {
  negative: "−",
  neutral: "○",
  positive: "+",
};
