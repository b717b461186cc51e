/**
 * Explanations, built lazily for one candidate at a time from a ScoredTable (never in the batch
 * path): per criterion the cell as written, the value used, its 0–1 value, effective weight and
 * points, and notes on anything missing or assumed; gates, bonuses, flags; a one-line summary.
 * Also the row-object API: scoreCandidates and candidateScore.
 */
import { formatAmount } from "./fx";
import { compileModel } from "./model/compile";
import {
  areaUnitProblem,
  inferredFrom,
  isMissingCell,
  isMissingFor,
  noOwnLand,
  rangeProblem,
  readAmount,
  readingNote,
  readNumericCell,
} from "./model/fields";
import { isExact } from "./amount";
import {
  envOf,
  GATE_FAILED,
  GATE_NOT_APPLICABLE,
  GATE_UNKNOWN,
  imputed,
  roleScale,
  scoreTable,
  totalIf,
  ScoredTable,
  tableFromRows,
} from "./score";
import { landUseNote, readLandUse, stageNote } from "./answers";
import type { CompiledExpression, RowFn } from "./expression";
import { chainFitOf } from "./transforms";
import { lookupDetail, lookupNames } from "./lookup";
import {
  CandidateScore,
  CandidateTable,
  CellValue,
  CriterionExplanation,
  Explanation,
  GateOutcome,
  Label,
  Lang,
  ScoringModel,
} from "./types";

const L = (zh: string, en: string): Label => ({ zh, en });

/** Numbers in explanations: at most 4 decimals, no float noise (0.30000000000000004 → 0.3). */
export const num = (x: number): string =>
  Number.isFinite(x) ? String(Math.round(x * 1e4) / 1e4) : String(x);
const pts = (x: number): string => x.toFixed(1);

const cellText = (c: CellValue): string =>
  typeof c === "boolean" ? (c ? "TRUE" : "FALSE") : String(c);

/** "A", "A and B", "A, B and C". */
function listEn(items: string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * Effective weight of each criterion in candidate i's total, after renormalisation, into `out`
 * (zeroed first): a list's summary lines reuse one array for all its candidates.
 */
function effectiveWeightsInto(
  s: ScoredTable,
  i: number,
  out: { [k: number]: number; length: number }
): void {
  const { compiled } = s;
  for (let k = 0; k < out.length; k++) out[k] = 0;
  const counts = (d: number) =>
    s.dimensionScores[d][i] === s.dimensionScores[d][i] && s.dimensionWeights[d] > 0;
  let dimTotal = 0;
  for (let d = 0; d < compiled.dimensions.length; d++)
    if (counts(d)) dimTotal += s.dimensionWeights[d];
  for (let d = 0; d < compiled.dimensions.length; d++) {
    if (!counts(d)) continue;
    const criteria = compiled.dimensions[d].criteria;
    let den = 0;
    for (const k of criteria)
      if (usedValue(s, k, i) === usedValue(s, k, i)) den += compiled.criteria[k].share;
    for (const k of criteria)
      if (usedValue(s, k, i) === usedValue(s, k, i))
        out[k] =
          den > 0 ? ((s.dimensionWeights[d] / dimTotal) * compiled.criteria[k].share) / den : 0;
  }
}

function effectiveWeights(s: ScoredTable, i: number): number[] {
  const weights = new Array<number>(s.compiled.criteria.length);
  effectiveWeightsInto(s, i, weights);
  return weights;
}

/** The 0–1 value a criterion contributes for candidate i: its own, imputed, or NaN when dropped. */
function usedValue(s: ScoredTable, k: number, i: number): number {
  const v = s.criterionValues[k][i];
  return v === v ? v : imputed(s.compiled.criteria[k].def.missing, s.criterionMeans[k]);
}

/** A number with no unit of its own: the column's unit applies to it. */
function isBareNumber(raw: CellValue): boolean {
  return typeof raw === "number" || (typeof raw === "string" && /^\s*[\d,，.]+\s*$/.test(raw));
}

function missingNote(s: ScoredTable, k: number, unreadable: string | null): Label {
  const policy = s.compiled.criteria[k].def.missing;
  const mean = s.criterionMeans[k];
  const why =
    unreadable === null
      ? L("缺失", "missing")
      : L(`无法识别“${unreadable}”`, `"${unreadable}" could not be read`);
  const how: Record<string, Label> = {
    zero: L("按 0 计", "counted as 0"),
    neutral: L("按中性值 0.5 计", "counted as neutral 0.5"),
    mean:
      mean === mean
        ? L(`按本列平均值 ${num(mean)} 计`, `counted as the column mean ${num(mean)}`)
        : L("本列全无数据，按中性值 0.5 计", "no data in the column, counted as neutral 0.5"),
    renormalize: L(
      "不计入，同维度其他指标的权重按比例放大",
      "left out; the other criteria of its dimension weigh more"
    ),
  };
  return L(`${why.zh}，${how[policy].zh}`, `${why.en}, ${how[policy].en}`);
}

function explainCriterion(
  s: ScoredTable,
  k: number,
  i: number,
  weight: number
): CriterionExplanation {
  const { compiled, table } = s;
  const c = compiled.criteria[k];
  const { def } = c;
  const model = compiled.model;
  const field = compiled.fields.get(def.field);
  const value = s.criterionValues[k][i];
  const notes: Label[] = [];
  let raw: CellValue = null;
  let used: Label;

  if (c.transform.input === "chain" && model.chain) {
    const fit = chainFitOf(
      table.columns,
      i,
      model.chain,
      roleScale(s.columns, model)?.[i],
      table.contexts?.[model.chain.roleField]?.yesRole
    );
    raw = table.columns[model.chain.chainField]?.[i] ?? null;
    if (isMissingCell(raw))
      raw =
        model.chain.textFields
          .map((f) => table.columns[f]?.[i] ?? null)
          .find((t) => !isMissingCell(t)) ?? null;
    used = fit ? fit.note : L("无产业链或描述", "no chain or description given");
  } else if (!field) {
    // A derived field: show the formula and its result.
    const d = compiled.derived.find((x) => x.def.id === def.field);
    const v = (s.columns[def.field] as Float64Array)[i];
    raw = v === v ? v : null;
    // A formula that chooses between inputs (亩均税收 from tax ÷ land, else as the list gives it) is
    // named by its label; its notes say which input was used.
    const chooses = d !== undefined && d.def.expression.includes("?");
    const formula = d
      ? chooses
        ? d.def.label
        : L(d.def.expression, d.def.expression)
      : L(def.field, def.field);
    used =
      v === v
        ? L(`${formula.zh} = ${num(v)}`, `${formula.en} = ${num(v)}`)
        : L(`${formula.zh}：缺少输入`, `${formula.en}: inputs missing`);
    if (d !== undefined && v === v)
      (d.def.notes ?? []).forEach((n, k) => {
        if (holds(s, d.notes[k], i)) notes.push(n.text);
      });
  } else {
    raw = table.columns[def.field]?.[i] ?? null;
    const col = s.columns[def.field];
    const leased = noOwnLand(raw, field);
    if (leased !== null) used = L(`（空）${leased.zh}`, `(blank) ${leased.en}`);
    else if (isMissingFor(raw, field)) used = L("（空）", "(blank)");
    else if (field.type === "amount") {
      const r = readAmount(raw, table.contexts?.[def.field], model, field);
      if (!r.parsed.ok)
        used = L(
          `${cellText(raw)}：${r.parsed.message.zh}`,
          `${cellText(raw)}: ${r.parsed.message.en}`
        );
      else if (r.rate === null)
        used = L(
          `${cellText(raw)}：缺少 ${r.from} 汇率`,
          `${cellText(raw)}: no ${r.from} exchange rate`
        );
      else {
        const m = model.amountMultiplier;
        const at = r.from !== model.currency ? ` @ ${num(r.rate)}` : "";
        // A bare number read in an assumed unit is a guess: marked "?" and the note says so.
        const ctx = table.contexts?.[def.field];
        const inColumnUnit = isBareNumber(raw) && ctx?.source !== undefined;
        const mark = inColumnUnit && ctx?.guess ? "？" : "";
        used = L(
          `${mark}${cellText(raw)} → ${formatAmount(r.value * m, model.currency, m, "zh")}${at}`,
          `${mark && "? "}${cellText(raw)} → ${formatAmount(r.value * m, model.currency, m, "en")}${at}`
        );
        if (!isExact(r.parsed) || inColumnUnit) notes.push(r.parsed.note);
      }
    } else if (col instanceof Float64Array) {
      const v = col[i];
      const ctx = table.contexts?.[def.field];
      const mark = v === v && isBareNumber(raw) && ctx?.guess ? "？" : "";
      // Out of the field's range: the cell says which bound it broke.
      const outside =
        v === v
          ? null
          : (rangeProblem(readNumericCell(raw, field, ctx, model), field) ??
            areaUnitProblem(raw, field));
      used =
        v === v
          ? L(`${mark}${cellText(raw)} → ${num(v)}`, `${mark && "? "}${cellText(raw)} → ${num(v)}`)
          : outside
            ? L(`${cellText(raw)}：${outside.zh}`, `${cellText(raw)}: ${outside.en}`)
            : L(cellText(raw), cellText(raw));
      if (v === v && isBareNumber(raw) && ctx?.source !== undefined)
        notes.push(
          L(
            `按${ctx.source.zh}的单位读取${ctx.guess ? "（假定）" : ""}`,
            `read in the unit of the ${ctx.source.en}${ctx.guess ? " (assumed)" : ""}`
          )
        );
      // A bound, an approximation, a range's midpoint, "not yet": said, as for amounts.
      const said = v === v ? readingNote(raw, field, ctx, model) : null;
      if (said !== null) notes.push(said);
    } else {
      used = L(cellText(raw), cellText(raw));
    }
  }

  let normalized: number | null = value === value ? value : null;
  if (value !== value) {
    const fill = usedValue(s, k, i);
    normalized = fill === fill ? fill : null;
    notes.push(missingNote(s, k, isMissingCell(raw) ? null : cellText(raw)));
  }
  const contribution = normalized === null ? 0 : 100 * weight * normalized;
  const note = notes.length
    ? L(notes.map((x) => x.zh).join("；"), notes.map((x) => x.en).join("; "))
    : undefined;
  return {
    criterion: def.id,
    label: def.label,
    raw,
    used,
    normalized,
    weight,
    contribution,
    ...(note ? { note } : {}),
  };
}

/** Conditions bound to a scored table's columns once: lists explain every candidate of a table. */
const bound = new WeakMap<ScoredTable, Map<CompiledExpression, RowFn>>();
function holds(s: ScoredTable, condition: CompiledExpression, i: number): boolean {
  let fns = bound.get(s);
  if (!fns) bound.set(s, (fns = new Map()));
  let f = fns.get(condition);
  if (!f) fns.set(condition, (f = condition.bind(envOf(s.columns))));
  return f(i) === 1;
}

/** Lookup variables by name, per model: a list's summary lines ask for them once per failed gate. */
const lookupsOf = new WeakMap<ScoringModel, ReturnType<typeof lookupNames>>();

/**
 * The inputs a failed gate read for candidate i, as written (fields) or computed (derived), in one
 * language: a list's summary line needs only the language it shows.
 */
function gateDetail(s: ScoredTable, i: number, symbols: string[], lang: Lang): string {
  const { compiled, table } = s;
  const tables = compiled.model.tables ?? [];
  let lookups = lookupsOf.get(compiled.model);
  if (!lookups) lookupsOf.set(compiled.model, (lookups = lookupNames(compiled.model)));
  const zh = lang === "zh";
  const parts: string[] = [];
  for (const id of symbols) {
    // A threshold from a table: its value and the row that gave it (which industry's line).
    const lookup = lookups.get(id);
    if (lookup) {
      const k = tables.indexOf(lookup.table);
      parts.push(lookupDetail(lookup.table, s.lookupRows[k][i], lookup.column)[lang]);
      continue;
    }
    const field = compiled.fields.get(id);
    if (field) {
      const raw = table.columns[id]?.[i] ?? null;
      if (!isMissingCell(raw))
        parts.push(`${field.label[lang]}${zh ? "：" : ": "}${cellText(raw)}`);
      continue;
    }
    const d = compiled.derived.find((x) => x.def.id === id);
    const v = (s.columns[id] as Float64Array | undefined)?.[i];
    if (!d || v === undefined || v !== v) continue;
    // The derived field's own notes where they hold (total investment standing in …).
    const said = (d.def.notes ?? []).filter((_, k) => holds(s, d.notes[k], i));
    parts.push(
      zh
        ? `${d.def.label.zh}：${num(v)}${said.map((n) => `（${n.text.zh}）`).join("")}`
        : `${d.def.label.en}: ${num(v)}${said.map((n) => ` (${n.text.en})`).join("")}`
    );
  }
  return parts.join(zh ? "；" : "; ");
}

/** The bonuses whose floor lifted candidate i's total (null when no floor did). */
function liftedBy(s: ScoredTable, i: number): Label | null {
  if (!(s.floor[i] > 0 && s.total[i] > s.base[i] + s.bonus[i])) return null;
  const hit = s.compiled.bonuses.filter((b, k) => s.bonusHits[k][i] && b.def.floor === s.floor[i]);
  return hit.length
    ? L(hit.map((b) => b.def.label.zh).join("、"), listEn(hit.map((b) => b.def.label.en)))
    : null;
}

/** Unknown criteria of candidate i by the points each could add at its best, most first. */
function unknownGains(s: ScoredTable, i: number): Explanation["unknowns"] {
  return s.compiled.criteria
    .map((c, k) => ({ c, k }))
    .filter(({ k }) => s.criterionValues[k][i] !== s.criterionValues[k][i])
    .map(({ c, k }) => ({ criterion: c.def.id, gain: totalIf(s, i, k, 1) - s.total[i], c }))
    .filter((u) => u.gain > 0.05)
    .sort((a, b) => b.gain - a.gain)
    .map(({ criterion, gain, c }) => ({
      criterion,
      gain,
      label: L(
        `补充 ${c.def.label.zh} 最多 +${pts(gain)} 分`,
        `Give ${c.def.label.en}: up to +${pts(gain)}`
      ),
    }));
}

function gateOutcomes(s: ScoredTable, i: number): GateOutcome[] {
  return s.compiled.gates.map((g, k) => {
    const st = s.gateStatus[k][i];
    const status =
      st === GATE_FAILED
        ? "failed"
        : st === GATE_NOT_APPLICABLE
          ? "notApplicable"
          : st === GATE_UNKNOWN
            ? "unknown"
            : "passed";
    return {
      gate: g.def.id,
      ...(st === GATE_FAILED
        ? {
            detail: L(
              gateDetail(s, i, g.pass.symbols, "zh"),
              gateDetail(s, i, g.pass.symbols, "en")
            ),
          }
        : {}),
      passed: st !== GATE_FAILED,
      status,
      effect: g.def.effect,
      reason: g.def.reason,
    };
  });
}

/** The explanation of candidate i's score. */
export function explain(s: ScoredTable, i: number): Explanation {
  const { compiled } = s;
  const weights = effectiveWeights(s, i);
  const criteria = compiled.criteria.map((_, k) => explainCriterion(s, k, i, weights[k]));
  const gates = gateOutcomes(s, i);
  const bonuses = compiled.bonuses
    .filter((_, k) => s.bonusHits[k][i])
    .map((b) => ({ bonus: b.def.id, label: b.def.label, points: b.def.points }));
  const flags = compiled.flags
    .filter((_, k) => s.flagHits[k][i])
    .map((f) => ({ flag: f.def.id, label: f.def.label }));

  const notes: Label[] = [];
  const unknownGates = compiled.gates.filter((_, k) => s.gateStatus[k][i] === GATE_UNKNOWN);
  for (const g of unknownGates)
    notes.push(
      L(`“${g.def.label.zh}”缺少数据，未判定`, `"${g.def.label.en}" lacks data and was not decided`)
    );
  if (s.base[i] + s.bonus[i] > 100)
    notes.push(L("加分后超过 100，按 100 计", "above 100 with bonuses, counted as 100"));
  if (s.cap[i] < Infinity && s.base[i] + s.bonus[i] > s.cap[i])
    notes.push(
      L(`未通过门槛，封顶 ${num(s.cap[i])} 分`, `failed a gate, capped at ${num(s.cap[i])}`)
    );
  if (s.excluded[i])
    notes.push(L("未通过门槛，不参与排名和分级", "failed a gate: not ranked or graded"));
  const lifted = liftedBy(s, i);
  if (lifted)
    notes.push(
      L(
        `强信号（${lifted.zh}）保底至 ${num(s.floor[i])} 分，本身 ${pts(s.base[i] + s.bonus[i])} 分；同分项目按本身得分排序`,
        `a strong signal (${lifted.en}) lifts the score to its floor ${num(s.floor[i])}, from ${pts(s.base[i] + s.bonus[i])} on its own; equal scores rank by their own`
      )
    );
  if (weights.every((w) => w === 0))
    notes.push(L("没有可用数据，得 0 分", "no usable data, scored 0"));

  const points = criteria.map((c) => c.contribution);
  const landUse = readLandUse(s.table.columns, i, compiled.model);
  if (landUse) notes.push(landUseNote(landUse, compiled.model));
  // A yes/no answer taken from another column's text (世界500强 in the investor's name) is said.
  for (const field of compiled.model.fields) {
    const inferred = inferredFrom(s.table.columns, i, field, compiled.model);
    if (inferred === null) continue;
    const yes = inferred.value === 1;
    notes.push(
      L(
        `${field.label.zh}：${yes ? "是" : "否"}（未填，由${inferred.from.label.zh}“${inferred.text}”判定）`,
        `${field.label.en}: ${yes ? "yes" : "no"} (blank; from the ${inferred.from.label.en} "${inferred.text}")`
      )
    );
  }
  const stageField = compiled.model.fields.find((f) => f.reader === "stage");
  const resumed = stageField && stageNote(s.table.columns[stageField.id]?.[i], compiled.model);
  if (resumed) notes.push(resumed);
  const stage = s.stage[i];
  const stages = compiled.model.stages ?? [];
  if (
    stage >= 0 &&
    stages[stage].decision &&
    stage + 1 < stages.length &&
    stages[stage + 1].halted !== true
  )
    notes.push(
      L(`下一步：${stages[stage + 1].label.zh}`, `Next milestone: ${stages[stage + 1].label.en}`)
    );
  return {
    criteria,
    gates,
    bonuses,
    flags,
    notes,
    unknowns: unknownGains(s, i),
    summary: L(summaryLine(s, i, points, "zh"), summaryLine(s, i, points, "en")),
  };
}

const CONSEQUENCE: Record<string, Label> = {
  exclude: L("不参与排名", "excluded from ranking"),
  cap: L("分数封顶", "score capped"),
  flag: L("仅提示", "flagged only"),
};

/** The one-line summary from the criteria's points (0–100 scale) and the gates candidate i failed. */
function summaryLine(s: ScoredTable, i: number, points: ArrayLike<number>, lang: Lang): string {
  const { compiled } = s;
  const top: number[] = [];
  for (let k = 0; k < points.length; k++) if (points[k] > 0.05) top.push(k);
  top.sort((a, b) => points[b] - points[a] || a - b).splice(3);
  const zh = lang === "zh";
  const label = (k: number) => compiled.criteria[k].def.label[lang];
  let line = top.length
    ? zh
      ? `主要得分：${top.map((k) => `${label(k)} ${pts(points[k])} 分`).join("、")}`
      : `Most points from ${listEn(top.map((k) => `${label(k)} (${pts(points[k])})`))}`
    : zh
      ? "各项均未得分"
      : "No criterion scored";
  const lifted = liftedBy(s, i);
  if (lifted)
    line += zh
      ? `；${lifted.zh}保底 ${num(s.floor[i])} 分（本身 ${pts(s.base[i] + s.bonus[i])} 分）`
      : `; floor ${num(s.floor[i])} by ${lifted.en} (${pts(s.base[i] + s.bonus[i])} on its own)`;
  compiled.gates.forEach((g, k) => {
    if (s.gateStatus[k][i] !== GATE_FAILED) return;
    const { label: name, reason, effect } = g.def;
    const shown = gateDetail(s, i, g.pass.symbols, lang);
    line += zh
      ? `；未通过“${name.zh}”${shown ? `（${shown}）` : ""}：${reason.zh}（${CONSEQUENCE[effect].zh}）`
      : `; failed "${name.en}"${shown ? ` (${shown})` : ""}: ${reason.en} (${CONSEQUENCE[effect].en})`;
  });
  // Needs information: the figures to ask for first, so the list says what to do next.
  const needInfo = compiled.model.unknowns?.decision;
  const d = s.decision[i];
  if (needInfo !== undefined && d >= 0 && compiled.model.decisions[d].id === needInfo) {
    const ask = unknownGains(s, i).slice(0, 2);
    const name = (u: (typeof ask)[number]) =>
      compiled.criteria.find((c) => c.def.id === u.criterion)!.def.label[lang];
    if (ask.length)
      line += zh
        ? `；待补充：${ask.map((u) => `${name(u)}（最多 +${pts(u.gain)} 分）`).join("、")}`
        : `; needs: ${ask.map((u) => `${name(u)} (up to +${pts(u.gain)})`).join(", ")}`;
  }
  return `${line}${zh ? "。" : "."}`;
}

/**
 * The one-line summary of candidate i's score (the `summary` of its explanation) in one language,
 * without building the explanation: for lists that show a line per candidate.
 */
export function summary(s: ScoredTable, i: number, lang: Lang): string {
  let points = pointsScratch.get(s);
  if (!points) pointsScratch.set(s, (points = new Float64Array(s.compiled.criteria.length)));
  effectiveWeightsInto(s, i, points);
  for (let k = 0; k < points.length; k++) {
    const v = usedValue(s, k, i);
    points[k] = v === v ? 100 * points[k] * v : 0;
  }
  return summaryLine(s, i, points, lang);
}

/** One points array per scored table, reused for each candidate's summary line. */
const pointsScratch = new WeakMap<ScoredTable, Float64Array>();

/** Candidate i as a CandidateScore (with its explanation). */
export function candidateScore(s: ScoredTable, i: number): CandidateScore {
  const { model } = s.compiled;
  const dimensions: Record<string, number> = {};
  model.dimensions.forEach((d, k) => {
    const v = s.dimensionScores[k][i];
    if (v === v) dimensions[d.id] = v;
  });
  const explanation = explain(s, i);
  const rowId = s.table.rowIds?.[i];
  return {
    index: i,
    ...(rowId !== undefined ? { rowId } : {}),
    score: s.total[i],
    completeness: s.completeness[i],
    interval: [s.low[i], s.high[i]],
    dimensions,
    grade: s.grade[i] >= 0 ? model.grades.bands[s.grade[i]].grade : null,
    decision: s.decision[i] >= 0 ? model.decisions[s.decision[i]].id : "",
    rank: s.rank[i] > 0 ? s.rank[i] : null,
    excluded: s.excluded[i] === 1,
    gates: explanation.gates,
    flags: explanation.flags.map((f) => f.flag),
    chain: s.chains[i],
    explanation,
  };
}

/**
 * Scores candidates (rows keyed by field id, or a table) with a validated model and explains each.
 * For large tables use scoreTable and explain only the rows shown.
 */
export function scoreCandidates(
  candidates: Record<string, CellValue>[] | CandidateTable,
  model: ScoringModel
): CandidateScore[] {
  const table = Array.isArray(candidates) ? tableFromRows(candidates, model) : candidates;
  const scored = scoreTable(table, compileModel(model));
  return Array.from({ length: scored.count }, (_, i) => candidateScore(scored, i));
}
