/**
 * The bureau's view of a whole candidate list: counts and sums by stage, chain, country and owner;
 * progress against the year's targets (model.targets) with the gap left; and what signing the best
 * candidates now in negotiation would do to those targets. Pure; reads cells as written, converts
 * amounts with the model's exchange rates, and takes chain, flags and rank from the scores.
 */

import { parseAmount } from "./amount";
import { formatUnit, fxRate } from "./fx";
import { readOrigin, resolveStage } from "./answers";
import { fieldNames } from "./model/fields";
import {
  CandidateScore,
  CandidateTable,
  CurrencyCode,
  Label,
  ScoringModel,
  TargetDef,
} from "./types";

export interface GroupRow {
  /** Stage/chain id, or the cell text for country and owner; "" for not given. */
  key: string;
  label: Label;
  count: number;
  /** Sum of total investment, in model units (e.g. 万元 CNY); candidates without a figure add nothing. */
  investment: number;
  /** Candidates in the group with a readable total investment. */
  withInvestment: number;
  /** Sums of contracted and utilised foreign capital, in whole US dollars. */
  contractedFdiUsd: number;
  utilisedFdiUsd: number;
}

export interface TargetProgress {
  id: string;
  label: Label;
  measure: TargetDef["measure"];
  /** Target and actual in the target's own units (e.g. 亿美元 when multiplier 1e8 and currency USD). */
  target: number;
  actual: number;
  /** What is still needed (0 when met). */
  gap: number;
  /** actual ÷ target. */
  share: number;
  met: boolean;
  unit: Label;
}

export interface IfTopSign {
  topK: number;
  /** Indices (into the table) of the negotiating candidates assumed to sign, best first. */
  candidates: number[];
  targets: TargetProgress[];
  /** Target ids met after they sign, and those among them not met today. */
  met: string[];
  newlyMet: string[];
}

export interface PortfolioSummary {
  count: number;
  byStage: GroupRow[];
  byChain: GroupRow[];
  byCountry: GroupRow[];
  byOwner: GroupRow[];
  /** Each flag of the model (every 招大引强 kind, 外资 …) with how many candidates carry it. */
  flags: { flag: string; label: Label; count: number }[];
  /** Candidates at a stage from "signed" on (signed, registered, started, in production). */
  signed: number[];
  foreign: number[];
  targets: TargetProgress[];
  ifTopSign: IfTopSign;
  notes: Label[];
}

export interface PortfolioOptions {
  /** How many of the best negotiating candidates to assume signed (default 10). */
  topK?: number;
}

/** Field ids the summary reads: the model's stage and owner fields and amounts, by these ids. */
const FIELDS = {
  stage: "stage",
  owner: "owner",
  country: "country",
  investment: "totalInvestment",
  contractedFdi: "contractedFdi",
  utilisedFdi: "utilisedFdi",
} as const;

const NOT_GIVEN: Label = { zh: "未填", en: "not given" };

/** Index of the first stage that counts as signed: the stage with id "signed", else the second stage. */
function firstSignedStage(model: ScoringModel): number {
  const stages = model.stages ?? [];
  const i = stages.findIndex((s) => s.id === "signed");
  return i >= 0 ? i : Math.min(1, stages.length);
}

interface Money {
  /** Whole units of the cell's currency, or NaN. */
  value: number;
  currency: CurrencyCode | null;
  unreadable: boolean;
}

function readMoney(table: CandidateTable, field: string, i: number, model: ScoringModel): Money {
  const cell = table.columns[field]?.[i] ?? null;
  const def = model.fields.find((f) => f.id === field);
  const r = parseAmount(cell, { context: table.contexts?.[field], names: def && fieldNames(def) });
  if (r.ok) return { value: r.value, currency: r.currency, unreadable: false };
  return { value: NaN, currency: null, unreadable: r.code !== "missing" };
}

/** `m` in whole units of `to`, or NaN (missing, or no rate in the model). */
function convert(m: Money, to: CurrencyCode, model: ScoringModel): number {
  if (m.currency === null || !Number.isFinite(m.value)) return NaN;
  const rate = fxRate(m.currency, to, model.fx);
  return rate === null ? NaN : m.value * rate;
}

const add = (a: number, b: number): number => (Number.isFinite(b) ? a + b : a);

interface Row {
  stage: string | null;
  investment: number;
  investmentCny: number;
  contractedUsd: number;
  utilisedUsd: number;
  flags: string[];
}

/** The target's unit as fx shows amounts elsewhere (亿美元, USD ×100m); counts are 个, projects. */
function targetUnit(t: TargetDef, currency: CurrencyCode, multiplier: number): Label {
  if (t.measure === "signedCount" || t.measure === "flagCount") return { zh: "个", en: "projects" };
  return { zh: formatUnit(currency, multiplier, "zh"), en: formatUnit(currency, multiplier, "en") };
}

function progress(
  model: ScoringModel,
  rows: Row[],
  counted: (i: number) => boolean
): TargetProgress[] {
  return (model.targets?.items ?? []).map((t) => {
    const m = t.multiplier ?? 1;
    const cur =
      t.currency ?? (t.measure === "contractedFdi" || t.measure === "utilisedFdi" ? "USD" : "CNY");
    const toTarget = (usdOrCny: number, from: CurrencyCode): number => {
      const rate = fxRate(from, cur, model.fx);
      return rate === null ? NaN : (usdOrCny * rate) / m;
    };
    let actual = 0;
    rows.forEach((r, i) => {
      if (!counted(i)) return;
      switch (t.measure) {
        case "signedCount":
          actual += 1;
          break;
        case "flagCount":
          if (t.flag && r.flags.includes(t.flag)) actual += 1;
          break;
        case "signedInvestment":
          actual = add(actual, toTarget(r.investmentCny, "CNY"));
          break;
        case "contractedFdi":
          actual = add(actual, toTarget(r.contractedUsd, "USD"));
          break;
        case "utilisedFdi":
          actual = add(actual, toTarget(r.utilisedUsd, "USD"));
          break;
      }
    });
    const gap = Math.max(0, t.value - actual);
    return {
      id: t.id,
      label: t.label,
      measure: t.measure,
      target: t.value,
      actual,
      gap,
      share: t.value > 0 ? actual / t.value : 1,
      met: actual >= t.value,
      unit: targetUnit(t, cur, m),
    };
  });
}

/** Rows grouped by `keys`; `labels` holds the model's own keys (stages, chains) in model order. */
function group(keys: string[], labels: Map<string, Label>, rows: Row[]): GroupRow[] {
  const out = new Map<string, GroupRow>();
  rows.forEach((r, i) => {
    const key = keys[i];
    const g = out.get(key) ?? {
      key,
      label: labels.get(key) ?? (key ? { zh: key, en: key } : NOT_GIVEN),
      count: 0,
      investment: 0,
      withInvestment: 0,
      contractedFdiUsd: 0,
      utilisedFdiUsd: 0,
    };
    g.count += 1;
    if (Number.isFinite(r.investment)) {
      g.investment += r.investment;
      g.withInvestment += 1;
    }
    g.contractedFdiUsd = add(g.contractedFdiUsd, r.contractedUsd);
    g.utilisedFdiUsd = add(g.utilisedFdiUsd, r.utilisedUsd);
    out.set(key, g);
  });
  // Known keys in model order, then others by count, "not given" last.
  const order = [...labels.keys()];
  const rank = (k: string): number =>
    k === "" ? Infinity : order.includes(k) ? order.indexOf(k) : order.length;
  return [...out.values()].sort(
    (a, b) => rank(a.key) - rank(b.key) || b.count - a.count || a.key.localeCompare(b.key)
  );
}

/** What the summary reads of each candidate's score: a CandidateScore, or as little as this. */
export type PortfolioScore = Pick<
  CandidateScore,
  "index" | "score" | "rank" | "excluded" | "flags" | "chain"
>;

/**
 * Summarise a scored candidate list for the bureau. `scores` are the engine's results for the same
 * table (matched by `index`); chains, flags, ranks and exclusions come from them.
 */
export function portfolioSummary(
  table: CandidateTable,
  scores: PortfolioScore[],
  model: ScoringModel,
  options: PortfolioOptions = {}
): PortfolioSummary {
  const topK = Math.max(0, Math.floor(options.topK ?? 10));
  const byIndex = new Map(scores.map((s) => [s.index, s]));
  const notes: Label[] = [];
  const unreadable: Record<string, number> = {};
  const rows: Row[] = [];
  for (let i = 0; i < table.count; i++) {
    const money = (field: string): Money => {
      const m = readMoney(table, field, i, model);
      if (m.unreadable) unreadable[field] = (unreadable[field] ?? 0) + 1;
      return m;
    };
    const inv = money(FIELDS.investment);
    const investmentCny = convert(inv, "CNY", model);
    rows.push({
      stage: resolveStage(table.columns[FIELDS.stage]?.[i], model),
      investment: convert(inv, model.currency, model) / model.amountMultiplier,
      investmentCny,
      contractedUsd: convert(money(FIELDS.contractedFdi), "USD", model),
      utilisedUsd: convert(money(FIELDS.utilisedFdi), "USD", model),
      flags: byIndex.get(i)?.flags ?? [],
    });
  }
  for (const [field, n] of Object.entries(unreadable)) {
    notes.push({
      zh: `${field}：${n} 个金额无法识别，未计入合计`,
      en: `${field}: ${n} amount(s) unreadable, left out of the sums`,
    });
  }

  const stages = model.stages ?? [];
  const signedFrom = firstSignedStage(model);
  const stageIndex = (id: string | null): number =>
    id === null ? -1 : stages.findIndex((s) => s.id === id);
  // A dropped or held project (StageDef.halted) is no step reached: never counted as signed.
  const isSigned = (i: number): boolean => {
    const k = stageIndex(rows[i].stage);
    return k >= signedFrom && stages[k].halted !== true;
  };
  const signed = rows.map((_, i) => i).filter(isSigned);
  const unknownStage = rows.filter((r) => r.stage === null).length;
  if (unknownStage > 0) {
    notes.push({
      zh: `${unknownStage} 个项目进度未填或无法识别，不计为已签约`,
      en: `${unknownStage} candidate(s) with a blank or unknown stage are not counted as signed`,
    });
  }

  const foreign = rows
    .map((r, i) => {
      // 港澳台 capital is foreign, Chinese provinces and cities domestic (engine/answers).
      const origin = readOrigin(table.columns[FIELDS.country]?.[i] ?? null);
      const currency = readMoney(table, FIELDS.investment, i, model).currency;
      const isForeign =
        origin?.foreign === true ||
        (currency !== null && currency !== "CNY") ||
        r.contractedUsd > 0 ||
        r.utilisedUsd > 0;
      return isForeign ? i : -1;
    })
    .filter((i) => i >= 0);

  const chainLabels = new Map(
    (model.chain?.chains ?? []).map((c) => [c.id, c.name] as [string, Label])
  );
  const stageLabels = new Map(stages.map((s) => [s.id, s.label] as [string, Label]));
  const textKeys = (field: string): string[] =>
    rows.map((_, i) => {
      const c = table.columns[field]?.[i];
      return c === null || c === undefined ? "" : String(c).trim();
    });

  const targets = progress(model, rows, isSigned);

  // The best candidates not yet signed (contact or negotiation), by rank; excluded ones never count.
  const beforeSigning = (i: number): boolean => {
    const k = stageIndex(rows[i].stage);
    return k >= 0 && k < signedFrom;
  };
  const pool = scores
    .filter((s) => !s.excluded && s.index < rows.length && beforeSigning(s.index))
    .sort(
      (a, b) =>
        (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.score - a.score || a.index - b.index
    )
    .slice(0, topK)
    .map((s) => s.index);
  const chosen = new Set(pool);
  // Utilised capital arrives after signing: the what-if leaves it as it is today.
  const after = progress(model, rows, (i) => isSigned(i) || chosen.has(i)).map((t) =>
    t.measure === "utilisedFdi" ? (targets.find((x) => x.id === t.id) ?? t) : t
  );
  const metNow = new Set(targets.filter((t) => t.met).map((t) => t.id));
  const met = after.filter((t) => t.met).map((t) => t.id);
  if (model.targets?.items.some((t) => t.measure === "utilisedFdi")) {
    notes.push({
      zh: "假设签约时，实际利用外资不变（到资在签约之后）",
      en: "In the what-if, utilised foreign capital is unchanged (money arrives after signing)",
    });
  }

  return {
    count: table.count,
    byStage: group(
      rows.map((r) => r.stage ?? ""),
      stageLabels,
      rows
    ),
    byChain: group(
      rows.map((_, i) => byIndex.get(i)?.chain ?? ""),
      chainLabels,
      rows
    ),
    byCountry: group(textKeys(FIELDS.country), new Map(), rows),
    byOwner: group(textKeys(FIELDS.owner), new Map(), rows),
    flags: model.flags.map((f) => ({
      flag: f.id,
      label: f.label,
      count: rows.filter((r) => r.flags.includes(f.id)).length,
    })),
    signed,
    foreign,
    targets,
    ifTopSign: {
      topK,
      candidates: pool,
      targets: after,
      met,
      newlyMet: met.filter((id) => !metNow.has(id)),
    },
    notes,
  };
}
