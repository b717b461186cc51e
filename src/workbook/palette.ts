/**
 * The one palette for grades and advice: the pane's badges use `strong` (white text on it), result
 * cells in Excel and the CLI's output use `fill` with `strong` as the font colour, so a grade looks
 * the same wherever it is read. The colour scale on the score column runs red → yellow → green.
 */
import type { CellColour } from "./types";

export interface Tone {
  /** Badge background (pane) and font colour on a light fill (sheets). */
  strong: string;
  /** Light cell fill. */
  fill: string;
}

export const TONES = {
  good: { strong: "#107C10", fill: "#DFF6DD" },
  fair: { strong: "#0F6CBD", fill: "#EBF3FC" },
  weak: { strong: "#BC4B09", fill: "#FDF0E6" },
  poor: { strong: "#C50F1F", fill: "#FDF3F4" },
  neutral: { strong: "#616161", fill: "#F5F5F5" },
  attention: { strong: "#835B00", fill: "#FFF4CE" },
} as const satisfies Record<string, Tone>;

export type ToneName = keyof typeof TONES;

/** Grades A–D of every bundled model, best first; other grades are neutral. */
const GRADE_TONES: Record<string, ToneName> = { A: "good", B: "fair", C: "weak", D: "poor" };

/** Advice by decision id of the bundled models; advice a model adds is neutral. */
const DECISION_TONES: Record<string, ToneName> = {
  prioritise: "good",
  land: "good",
  build: "good",
  followUp: "fair",
  producing: "fair",
  watch: "weak",
  needInfo: "attention",
  defer: "poor",
};

export function gradeTone(grade: string | null): Tone {
  return TONES[(grade !== null && GRADE_TONES[grade]) || "neutral"];
}

export function decisionTone(decision: string): Tone {
  return TONES[DECISION_TONES[decision] ?? "neutral"];
}

/** A tone as a cell's colours. */
export function cellColour(tone: Tone): CellColour {
  return { fill: tone.fill, font: tone.strong };
}

/** The score column's three-colour scale: lowest, 50th percentile, highest. */
export const SCORE_SCALE = { low: "#F8696B", mid: "#FFEB84", high: "#63BE7B" } as const;
