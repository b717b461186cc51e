/**
 * One candidate's score in plain language, for the detail view: dimensions with their points, each
 * criterion as "总投资 60亿元 → 24.0 分（100亿元及以上得满分）" grouped by dimension, unknown criteria
 * with what supplying them could add, derived figures in words ("亩均税收 = 年税收 ÷ 用地面积 =
 * 50万元/亩"), each cell as written and as read, gates, bonuses and flags with their reasons.
 * Never expression syntax: a formula that is not a simple a ÷ b is described by its model text.
 * Pure (no DOM), built from the engine's ScoredTable and explanation.
 */
import { candidateScore } from "../engine";
import type {
  CandidateScore,
  CriterionDef,
  Label,
  Lang,
  ScoredTable,
  ScoringModel,
  Transform,
} from "../engine";
import { columnLetters } from "../workbook";
import { formatMoney, formatNumber, formatPercent, formatScore } from "../workbook/format";
import type { Table } from "./session";

export interface CriterionLine {
  id: string;
  /** "总投资 60亿元 → 24.0 分（100亿元及以上得满分）". */
  text: string;
  points: number;
  /** Points at full marks under the current weights. */
  max: number;
  /** The cell as written and where, with how it was read; null for derived and chain criteria. */
  reading: string | null;
  /** A derived figure in words: "亩均税收 = 年税收 ÷ 用地面积 = 50万元/亩". */
  derived: string | null;
  /** Why the value is what it is (a bound read, a missing-value policy), in words. */
  note: string | null;
}

export interface UnknownLine {
  id: string;
  label: string;
  /** How the gap is counted now ("缺失，按中性值 0.5 计"). */
  now: string;
  /** Points supplying it could add at most, under the current weights. */
  couldAdd: number;
}

export interface DimensionBlock {
  id: string;
  label: string;
  /** 0–100, NaN when nothing of it is known (and it is left out). */
  score: number;
  weight: number;
  /** Points toward the total: weight × score. */
  points: number;
  criteria: CriterionLine[];
  unknown: UnknownLine[];
}

export interface Described {
  score: CandidateScore;
  dimensions: DimensionBlock[];
  /** Points all unknown criteria could add together (at most). */
  couldAdd: number;
  unknownCount: number;
  gates: { label: string; text: string; kind: "failed" | "unknown" }[];
  passedGates: number;
  bonuses: string[];
  flags: string[];
  notes: string[];
}

const PTS: Label = { zh: "分", en: "pts" };

/** A figure in the field's unit: amounts in 万元/亿元, shares as %, counts with their unit word. */
function figure(model: ScoringModel, field: string, v: number, lang: Lang): string {
  const f = model.fields.find((x) => x.id === field);
  const d = model.derived.find((x) => x.id === field);
  if (f?.type === "amount") return formatMoney(v * model.amountMultiplier, model.currency, lang);
  if (f?.type === "percent") return formatPercent(v, 1);
  if (f?.type === "boolean")
    return v ? (lang === "zh" ? "是" : "yes") : lang === "zh" ? "否" : "no";
  const unit = f?.unit ?? d?.unit ?? "";
  return `${formatNumber(v)}${unit ? (lang === "zh" ? unit : ` ${unit}`) : ""}`;
}

/** Where the transform reaches full marks, in the field's unit; null when it has no such point. */
function fullMark(c: CriterionDef, model: ScoringModel, lang: Lang): string | null {
  const t: Transform = c.transform;
  const zh = lang === "zh";
  const at = (x: number) => {
    const v = figure(model, c.field, x, lang);
    return c.direction === "less"
      ? zh
        ? `${v}及以下得满分`
        : `full marks at ${v} or less`
      : zh
        ? `${v}及以上得满分`
        : `full marks from ${v}`;
  };
  switch (t.type) {
    case "piecewise": {
      const top = t.points.find((p) => p[1] >= 1);
      return top ? at(top[0]) : null;
    }
    case "threshold":
      return at(t.full);
    case "linear":
    case "log":
      return at(c.direction === "less" ? t.min : t.max);
    case "boolean":
      return zh ? "是则满分" : "full marks if yes";
    case "keywords": {
      const best = [...t.rules].sort((a, b) => b.score - a.score)[0];
      return best
        ? zh
          ? `写有“${best.words[0]}”得满分`
          : `full marks for "${best.words[0]}"`
        : null;
    }
    case "category": {
      const best = Object.entries(t.table).sort((a, b) => b[1] - a[1])[0];
      return best ? (zh ? `“${best[0]}”得满分` : `full marks for "${best[0]}"`) : null;
    }
    default:
      return null;
  }
}

const OPS: Record<string, Label> = {
  "/": { zh: "÷", en: "÷" },
  "*": { zh: "×", en: "×" },
  "+": { zh: "+", en: "+" },
  "-": { zh: "−", en: "−" },
};

/** A derived field's formula in words ("年税收 ÷ 用地面积"), else its label: never the expression. */
export function formulaInWords(model: ScoringModel, id: string, lang: Lang): string | null {
  const d = model.derived.find((x) => x.id === id);
  if (!d) return null;
  const m = /^\s*([A-Za-z_]\w*)\s*([-+*/])\s*([A-Za-z_]\w*)\s*$/.exec(d.expression);
  const name = (x: string) =>
    model.fields.find((f) => f.id === x)?.label[lang] ??
    model.derived.find((f) => f.id === x)?.label[lang] ??
    null;
  if (m && name(m[1]) && name(m[3])) return `${name(m[1])} ${OPS[m[2]][lang]} ${name(m[3])}`;
  return null;
}

/** The first sentence of a model description (the rest is the model author's reasoning). */
function firstSentence(text: string): string {
  const m = /^(.+?)[。.;；](\s|$)/.exec(text);
  return m ? m[1] : text;
}

function cellText(v: unknown): string {
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

/** Candidate i of the ScoredTable described in `lang`. */
export function describe(s: ScoredTable, i: number, table: Table, lang: Lang): Described {
  const score = candidateScore(s, i);
  const model = s.compiled.model;
  const zh = lang === "zh";
  const e = score.explanation;
  const byId = new Map(e.criteria.map((c) => [c.criterion, c]));
  const columnOf = new Map(table.mapping.mapped.map((m) => [m.field, m.column]));
  const origin = table.read.table.origin ?? { row: 0, col: 0 };
  const sheetRow = origin.row + table.location.dataRows[i] + 1;
  const criterionShare = new Map<string, number>();
  const sums = new Map<string, number>();
  for (const c of model.criteria) sums.set(c.dimension, (sums.get(c.dimension) ?? 0) + c.weight);
  for (const c of model.criteria) criterionShare.set(c.id, c.weight / (sums.get(c.dimension) || 1));

  const dimensions = model.dimensions.map((d, k): DimensionBlock => {
    const dimScore = s.dimensionScores[k][i];
    const weight = s.dimensionWeights[k];
    const block: DimensionBlock = {
      id: d.id,
      label: d.label[lang],
      score: dimScore,
      weight,
      points: dimScore === dimScore ? weight * dimScore : 0,
      criteria: [],
      unknown: [],
    };
    model.criteria.forEach((c, ck) => {
      if (c.dimension !== d.id) return;
      const x = byId.get(c.id)!;
      const nominal = 100 * weight * criterionShare.get(c.id)!;
      const known = s.criterionValues[ck][i] === s.criterionValues[ck][i];
      if (!known) {
        block.unknown.push({
          id: c.id,
          label: c.label[lang],
          now: x.note ? x.note[lang] : zh ? "缺失" : "missing",
          couldAdd: Math.max(0, nominal - x.contribution),
        });
        return;
      }
      const col = s.columns[c.field];
      const v = col instanceof Float64Array ? col[i] : NaN;
      const isChain = c.transform.type === "chain";
      // The chain note ends in its 0–1 value ("… 0.7 → 0.7"): the points say it better.
      const value = isChain
        ? x.used[lang].replace(/\s*→\s*[\d.]+$/, "")
        : v === v
          ? figure(model, c.field, v, lang)
          : x.raw === null
            ? ""
            : cellText(x.raw);
      const full = fullMark(c, model, lang);
      const text = `${c.label[lang]} ${value} → ${formatScore(x.contribution)} ${PTS[lang]}${full ? (zh ? `（${full}）` : ` (${full})`) : ""}`;
      const formula = formulaInWords(model, c.field, lang);
      const d2 = model.derived.find((f) => f.id === c.field);
      const derived = d2
        ? `${d2.label[lang]} = ${formula ?? (d2.description ? firstSentence(d2.description[lang]) : d2.label[lang])}${v === v ? ` = ${figure(model, c.field, v, lang)}` : ""}`
        : null;
      const column = columnOf.get(c.field);
      const reading =
        !isChain && !d2 && column !== undefined && x.raw !== null
          ? `${columnLetters(origin.col + column)}${sheetRow}：“${cellText(x.raw)}” → ${value}`
          : null;
      block.criteria.push({
        id: c.id,
        text,
        points: x.contribution,
        max: nominal,
        reading: reading && !zh ? reading.replace("：", ": ") : reading,
        derived,
        note: x.note ? x.note[lang] : null,
      });
    });
    return block;
  });

  const gates = e.gates
    .filter((g) => g.status === "failed" || g.status === "unknown")
    .map((g) => {
      const label = model.gates.find((x) => x.id === g.gate)?.label[lang] ?? g.gate;
      return {
        label,
        kind: g.status as "failed" | "unknown",
        text:
          g.status === "failed"
            ? g.reason[lang]
            : zh
              ? "缺少数据，未判定"
              : "not decided: data missing",
      };
    });
  const unknownCount = dimensions.reduce((n, d) => n + d.unknown.length, 0);
  return {
    score,
    dimensions,
    couldAdd: dimensions.reduce((n, d) => n + d.unknown.reduce((a, u) => a + u.couldAdd, 0), 0),
    unknownCount,
    gates,
    passedGates: e.gates.filter((g) => g.status === "passed").length,
    bonuses: e.bonuses.map((b) => `${b.label[lang]} +${formatNumber(b.points)} ${PTS[lang]}`),
    flags: e.flags.map((f) => {
      const def = model.flags.find((x) => x.id === f.flag);
      return def?.description ? `${f.label[lang]}：${def.description[lang]}` : f.label[lang];
    }),
    // Unknown-gate notes are listed with the gates above.
    notes: e.notes
      .filter((n) => !gates.some((g) => g.kind === "unknown" && n.zh.includes(g.label)))
      .map((n) => n[lang]),
  };
}
