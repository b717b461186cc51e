/**
 * The year's targets against the candidate list: what the signed (and later) candidates reach, and
 * what the top k not yet signed would add if they signed.
 */
import { convertAmount } from "../engine/fx";
import type { Label, ScoringModel, TargetDef } from "../engine/types";
import type { ScoredTable } from "../engine/score";
import type { Row } from "./session";

export interface TargetProgress {
  id: string;
  label: Label;
  target: number;
  /** In the target's unit (e.g. 亿元). */
  reached: number;
  /** Reached plus the top k unsigned candidates. */
  projected: number;
  gap: number;
  /** The unit shown after numbers, e.g. "亿元" / "亿美元"; "" for counts. */
  unit: string;
}

const UNIT_ZH: Record<string, string> = {
  CNY: "元",
  USD: "美元",
  EUR: "欧元",
  JPY: "日元",
  HKD: "港元",
  GBP: "英镑",
};

/** Whether a stage cell means signed or later, by the model's stage list (order = pipeline). */
export function signedStages(model: ScoringModel): (stage: string | null) => boolean {
  const stages = model.stages ?? [];
  const from = stages.findIndex((s) => s.id === "signed");
  const later = from < 0 ? [] : stages.slice(from);
  return (stage) => {
    if (!stage) return false;
    const text = stage.toLowerCase();
    return later.some((s) =>
      [s.id, s.label.zh, s.label.en, ...s.aliases].some((a) => a && text.includes(a.toLowerCase()))
    );
  };
}

function amountOf(def: TargetDef, scored: ScoredTable, model: ScoringModel, i: number): number {
  const field = {
    signedInvestment: "totalInvestment",
    contractedFdi: "contractedFdi",
    utilisedFdi: "utilisedFdi",
  }[def.measure as "signedInvestment"];
  const column = field ? scored.columns[field] : undefined;
  if (!(column instanceof Float64Array)) return 0;
  const v = column[i];
  if (!(v === v)) return 0;
  const to = def.currency ?? model.currency;
  const inBase = convertAmount(v * model.amountMultiplier, model.currency, to, model.fx);
  return inBase / (def.multiplier ?? 1);
}

export function targetProgress(
  model: ScoringModel,
  scored: ScoredTable,
  rows: Row[],
  topK: number
): TargetProgress[] {
  const items = model.targets?.items ?? [];
  const isSigned = signedStages(model);
  const signed = rows.filter((r) => isSigned(r.stage));
  const next = rows
    .filter((r) => !isSigned(r.stage) && r.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .slice(0, topK);
  return items.map((def) => {
    const measure = (r: Row): number => {
      switch (def.measure) {
        case "signedCount":
          return 1;
        case "flagCount":
          return def.flag && r.flags.includes(def.flag) ? 1 : 0;
        default:
          return amountOf(def, scored, model, r.index);
      }
    };
    const reached = signed.reduce((n, r) => n + measure(r), 0);
    const projected = reached + next.reduce((n, r) => n + measure(r), 0);
    const multiplier = def.multiplier === 1e8 ? "亿" : def.multiplier === 1e4 ? "万" : "";
    return {
      id: def.id,
      label: def.label,
      target: def.value,
      reached,
      projected,
      gap: Math.max(0, def.value - reached),
      unit: def.currency ? `${multiplier}${UNIT_ZH[def.currency] ?? def.currency}` : "",
    };
  });
}
