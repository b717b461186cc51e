/**
 * Chain fit: which of the city's priority industrial chains (产业链) a candidate belongs to, its role
 * in that chain, and the synergy when it serves two chains at once. Pure; the dictionaries are data
 * in the model (ChainModel), this module only applies them.
 */

import { ChainDef, ChainModel, ChainRoleDef, Label } from "./types";

export interface ChainClassification {
  /** Chain id, or null when the text fits no chain well enough ("none"). */
  chain: string | null;
  /** 0–1: how sure the classification is. */
  confidence: number;
  /** The keywords that matched, best chain first, as written in the dictionary. */
  matched: string[];
  /** A second chain the text also strongly fits (e.g. CNC machine tools for NEV parts). */
  secondary: string | null;
}

export interface ChainFitInput {
  /** The explicit chain cell (所属产业链), which wins over classification when it names a chain. */
  explicitChain: string | null;
  /** Description, industry, product texts to classify when no explicit chain is given. */
  texts: (string | null)[];
  /** The role cell (链主, 关键环节 …). */
  role: string | null;
}

export interface ChainFit {
  /** 0–1 criterion value: role score × certainty × synergy, clamped. */
  value: number;
  chain: string | null;
  secondary: string | null;
  /** Role id used (the model's default role when the cell is blank or unknown). */
  role: string;
  confidence: number;
  matched: string[];
  note: Label;
}

/** Share of the best chain's evidence a second chain needs to count as a secondary chain. */
const DEFAULT_SECONDARY_SHARE = 0.5;

/** Evidence saturates: one strong keyword (weight 1) gives 0.78, two give 0.95. */
const SATURATION = 1.5;

/** Full-width forms to half-width, lower case, so "ＴＰＵ薄膜" matches "tpu薄膜". */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

const ASCII_WORD = /[a-z0-9]/;

/** ASCII keywords must stand as words ("ev" not inside "every"); CJK ones match anywhere. */
function occurrences(text: string, word: string): number[] {
  const found: number[] = [];
  const needsBoundary = ASCII_WORD.test(word[0]) || ASCII_WORD.test(word[word.length - 1]);
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) break;
    from = at + 1;
    if (needsBoundary) {
      const before = at > 0 ? text[at - 1] : " ";
      const after = at + word.length < text.length ? text[at + word.length] : " ";
      // Plural "s" is allowed: "machine tools" matches "machine tool".
      if (ASCII_WORD.test(before) && ASCII_WORD.test(word[0])) continue;
      if (ASCII_WORD.test(after) && ASCII_WORD.test(word[word.length - 1])) {
        const nextAfter = text[at + word.length + 1];
        if (!(after === "s" && (nextAfter === undefined || !ASCII_WORD.test(nextAfter)))) continue;
      }
    }
    found.push(at);
  }
  return found;
}

interface Entry {
  chain: string;
  word: string;
  norm: string;
  weight: number;
}

const entryCache = new WeakMap<ChainModel, Entry[][]>();

/** Dictionary entries grouped by keyword length, longest first (a longer keyword hides the shorter ones inside it). */
function entriesByLength(model: ChainModel): Entry[][] {
  const cached = entryCache.get(model);
  if (cached) return cached;
  const byLength = new Map<number, Entry[]>();
  const put = (chain: string, word: string, weight: number): void => {
    const norm = normalizeText(word).trim();
    if (!norm) return;
    const list = byLength.get(norm.length) ?? [];
    list.push({ chain, word, norm, weight });
    byLength.set(norm.length, list);
  };
  for (const chain of model.chains) {
    for (const k of chain.keywords) if (k.weight > 0) put(chain.id, k.word, Math.min(1, k.weight));
  }
  // A stop phrase adds nothing but hides the shorter keywords inside it.
  for (const phrase of model.stopPhrases ?? []) put("", phrase, 0);
  const groups = [...byLength.entries()].sort((a, b) => b[0] - a[0]).map(([, list]) => list);
  entryCache.set(model, groups);
  return groups;
}

function strength(evidence: number): number {
  return 1 - Math.exp(-SATURATION * evidence);
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Spans of text that say whom a product serves rather than what it is: "用于…的", "配套…",
 * "for …" up to the end of the clause. Keywords there point to a secondary chain, not the main one
 * ("用于加工新能源汽车驱动零部件的机床" is a machine tool that serves NEV).
 */
function applicationMask(text: string): boolean[] {
  const mask: boolean[] = new Array(text.length).fill(false);
  const markers = /用于|应用于|面向|服务于|配套|\bfor\b|\bused in\b|\bserving\b|\bsupplying\b/g;
  for (const m of text.matchAll(markers)) {
    const start = (m.index ?? 0) + m[0].length;
    const ascii = ASCII_WORD.test(m[0][0]);
    let end = start;
    while (end < text.length && !(ascii ? /[,.;，。；\n]/ : /[的，。；,;\n]/).test(text[end]))
      end++;
    for (let i = start; i < end; i++) mask[i] = true;
  }
  return mask;
}

/**
 * Classify free text (description, industry, products) to one of the model's chains.
 * Each dictionary keyword found adds its weight once to its chain; a keyword inside a longer matched
 * keyword does not count ("新能源汽车" hides "汽车"). What the product is decides the main chain; whom it
 * serves ("用于…", "for …") can only add a secondary chain. Confidence grows with the evidence and
 * shrinks when another chain has nearly as much; below `minConfidence` the answer is "none" (null).
 */
export function classifyChain(texts: (string | null)[], model: ChainModel): ChainClassification {
  const text = normalizeText(texts.filter((t): t is string => typeof t === "string").join(" \n "));
  const none: ChainClassification = { chain: null, confidence: 0, matched: [], secondary: null };
  if (!text.trim()) return none;

  const inApplication = applicationMask(text);
  const taken: boolean[] = new Array(text.length).fill(false);
  const main = new Map<string, number>();
  const served = new Map<string, number>();
  const words = new Map<string, string[]>();
  const add = (m: Map<string, number>, id: string, w: number): void => {
    m.set(id, (m.get(id) ?? 0) + w);
  };
  for (const group of entriesByLength(model)) {
    const spans: [number, number][] = [];
    for (const e of group) {
      const hits = occurrences(text, e.norm).filter(
        (at) => !taken.slice(at, at + e.norm.length).some(Boolean)
      );
      if (hits.length === 0) continue;
      for (const at of hits) spans.push([at, at + e.norm.length]);
      if (e.weight === 0) continue;
      if (hits.some((at) => !inApplication[at])) add(main, e.chain, e.weight);
      else add(served, e.chain, e.weight);
      words.set(e.chain, [...(words.get(e.chain) ?? []), e.word]);
    }
    // Mark after the whole group, so equal-length keywords of two chains both count (real ambiguity).
    for (const [a, b] of spans) for (let i = a; i < b; i++) taken[i] = true;
  }
  // Text that only says whom it serves is classified by that.
  const evidence = main.size > 0 ? main : served;
  if (evidence.size === 0) return none;

  // Ties keep dictionary order, so the result does not depend on the order keywords were found.
  const order = model.chains.map((c) => c.id);
  const byEvidence = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]));
  const ranked = byEvidence(evidence);
  const [topId, top] = ranked[0];
  const second = ranked.length > 1 ? ranked[1][1] : 0;
  const confidence = round(strength(top) * (0.6 + (0.4 * top) / (top + second)));
  const matched = [topId, ...order.filter((id) => id !== topId)].flatMap(
    (id) => words.get(id) ?? []
  );
  if (confidence < model.minConfidence)
    return { chain: null, confidence, matched, secondary: null };

  const share = model.secondaryShare ?? DEFAULT_SECONDARY_SHARE;
  const total = new Map(main);
  for (const [id, w] of served) add(total, id, w);
  const runnerUp = byEvidence(total).find(([id]) => id !== topId);
  const secondary =
    runnerUp && runnerUp[1] >= share * top && strength(runnerUp[1]) >= model.minConfidence
      ? runnerUp[0]
      : null;
  return { chain: topId, confidence, matched, secondary };
}

/** Names a cell may give a chain by: id, zh and en names, aliases. */
function chainNames(chain: ChainDef): string[] {
  return [chain.id, chain.name.zh, chain.name.en, ...(chain.aliases ?? [])].map((n) =>
    normalizeText(n).trim()
  );
}

/** All chains an explicit cell names, in the order written ("高档数控机床/新能源汽车" gives both). */
export function resolveChainNames(text: string | null, model: ChainModel): string[] {
  if (text === null || typeof text !== "string") return [];
  const cell = normalizeText(text);
  const found: { id: string; at: number; len: number }[] = [];
  for (const chain of model.chains) {
    let best: { at: number; len: number } | null = null;
    for (const name of chainNames(chain)) {
      if (!name) continue;
      const at = occurrences(cell, name)[0];
      if (at === undefined) continue;
      if (!best || name.length > best.len) best = { at, len: name.length };
    }
    if (best) found.push({ id: chain.id, ...best });
  }
  // A name inside a longer matched name of another chain does not count (e.g. "软件" inside a longer name).
  const kept = found.filter(
    (f) =>
      !found.some((g) => g !== f && g.len > f.len && g.at <= f.at && f.at + f.len <= g.at + g.len)
  );
  return kept.sort((a, b) => a.at - b.at).map((f) => f.id);
}

/** The chain an explicit chain cell names (by zh/en name or alias), or null. */
export function resolveChainName(text: string | null, model: ChainModel): string | null {
  return resolveChainNames(text, model)[0] ?? null;
}

/** The role a cell names (链主, 关键环节 …), longest alias first; null when none. */
export function resolveRole(text: string | null, model: ChainModel): ChainRoleDef | null {
  if (text === null || typeof text !== "string" || !text.trim()) return null;
  const cell = normalizeText(text);
  let best: { role: ChainRoleDef; len: number } | null = null;
  for (const role of model.roles) {
    for (const alias of [role.id, role.label.zh, role.label.en, ...role.aliases]) {
      const name = normalizeText(alias).trim();
      if (name && occurrences(cell, name).length > 0 && (!best || name.length > best.len))
        best = { role, len: name.length };
    }
  }
  return best ? best.role : null;
}

/** Synergy multiplier for a pair of chains: the pair's own entry, else "*", else 1. */
export function synergyFor(a: string, b: string, model: ChainModel): number {
  const key = [a, b].sort().join("+");
  const m = model.synergy[key] ?? model.synergy["*"];
  return typeof m === "number" && Number.isFinite(m) && m > 0 ? m : 1;
}

function chainLabel(id: string | null, model: ChainModel): Label {
  const c = model.chains.find((x) => x.id === id);
  return c ? c.name : { zh: "无", en: "none" };
}

/**
 * Chain fit of one candidate, 0–1. An explicit chain cell that names a chain wins (certainty 1);
 * otherwise the texts are classified and the classifier's confidence scales the value. The role's
 * score is the base; serving a second priority chain multiplies by the synergy factor.
 */
export function chainFit(input: ChainFitInput, model: ChainModel): ChainFit {
  const explicit = resolveChainNames(input.explicitChain, model);
  const roleDef = resolveRole(input.role, model);
  const role = roleDef ?? model.roles.find((r) => r.id === model.defaultRole) ?? null;
  const roleId = role ? role.id : model.defaultRole;
  const roleScore = role ? role.score : 0;
  const roleNote: Label = role
    ? {
        zh: `${role.label.zh}${roleDef ? "" : "（未填，按默认）"} ${role.score}`,
        en: `${role.label.en}${roleDef ? "" : " (blank, default)"} ${role.score}`,
      }
    : { zh: "环节未知", en: "role unknown" };

  let chain: string | null;
  let secondary: string | null;
  let confidence: number;
  let matched: string[];
  let source: Label;
  if (explicit.length > 0) {
    chain = explicit[0];
    // A second chain comes from the cell itself, or from the text when the text clearly names another.
    const fromText = classifyChain(input.texts, model);
    const other = fromText.chain !== chain ? fromText.chain : fromText.secondary;
    secondary = explicit[1] ?? (other && other !== chain ? other : null);
    confidence = 1;
    matched = fromText.matched;
    source = {
      zh: `填写为“${String(input.explicitChain).trim()}”`,
      en: `given as "${String(input.explicitChain).trim()}"`,
    };
  } else {
    const c = classifyChain(input.texts, model);
    ({ chain, secondary, confidence, matched } = c);
    const words = matched.slice(0, 5).join("、");
    source =
      chain === null
        ? {
            zh: matched.length
              ? `文本不足以判定产业链（命中：${words}；置信度 ${confidence}）`
              : "未填产业链，文本未命中任何产业链",
            en: matched.length
              ? `text does not settle a chain (matched: ${words}; confidence ${confidence})`
              : "no chain given and the text matches no chain",
          }
        : {
            zh: `由文本判定（命中：${words}；置信度 ${confidence}）`,
            en: `classified from text (matched: ${words}; confidence ${confidence})`,
          };
  }

  if (chain === null) {
    return { value: 0, chain, secondary: null, role: roleId, confidence, matched, note: source };
  }
  const synergy = secondary ? synergyFor(chain, secondary, model) : 1;
  const value = round(Math.max(0, Math.min(1, roleScore * confidence * synergy)), 4);
  const name = chainLabel(chain, model);
  const sec = secondary ? chainLabel(secondary, model) : null;
  const synergyNote: Label =
    sec && synergy !== 1
      ? {
          zh: `；兼及${sec.zh}，协同 ×${synergy}`,
          en: `; also serves ${sec.en}, synergy ×${synergy}`,
        }
      : sec
        ? { zh: `；兼及${sec.zh}`, en: `; also serves ${sec.en}` }
        : { zh: "", en: "" };
  return {
    value,
    chain,
    secondary,
    role: roleId,
    confidence,
    matched,
    note: {
      zh: `${name.zh}（${source.zh}）；${roleNote.zh}${confidence < 1 ? ` × 置信度 ${confidence}` : ""}${synergyNote.zh} → ${value}`,
      en: `${name.en} (${source.en}); ${roleNote.en}${confidence < 1 ? ` × confidence ${confidence}` : ""}${synergyNote.en} → ${value}`,
    },
  };
}
