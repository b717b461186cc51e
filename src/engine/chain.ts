/**
 * Chain fit: which of the city's priority industrial chains (产业链) a candidate belongs to, its role
 * in that chain, and the synergy when it serves two chains at once. Pure; the dictionaries are data
 * in the model (ChainModel), this module only applies them.
 */

import {
  DENIALS,
  dropDenied,
  factWord,
  foldAnswer,
  Hit,
  hitAt,
  hits as wordHits,
  visitFoldedWords,
  wordList,
  WordList,
  wordStarts,
  readYesNo,
} from "./answers";
import { TextMemo } from "./memo";
import { NO_DATA_WORDS } from "./vocabulary";
import { foldText, isBlankText } from "./numerals";
import { ChainModel, ChainRoleDef, Label } from "./types";

export interface ChainClassification {
  /** Chain id, or null when the text fits no chain well enough ("none"). */
  chain: string | null;
  /** 0–1: how sure the classification is. */
  confidence: number;
  /** The keywords that matched, best chain first, as written in the dictionary. */
  matched: string[];
  /** A second chain the text also strongly fits (e.g. CNC machine tools for NEV parts). */
  secondary: string | null;
  /** The non-target sector word (4S店, 酒店 …) that made the answer "none", when one did. */
  nonTarget?: string;
}

export interface ChainFitInput {
  /** The explicit chain cell (所属产业链), which wins over classification when it names a chain. */
  explicitChain: string | null;
  /** Description, industry, product texts to classify when no explicit chain is given. */
  texts: (string | null)[];
  /** The role cell (链主, 关键环节 …). */
  role: string | null;
  /** The role cell answers a yes/no column asking after this role (是否链主): see readRole. */
  yesRole?: string;
  /** The candidate's scale in the field model.roleScale names (model units); NaN when unknown. */
  scale?: number;
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

/**
 * Code units whose NFKC form, lower-cased, is one code unit that depends on no neighbour (no
 * combining marks, no Hangul, no final sigma): text made only of these is normalised unit by unit,
 * without building strings. 0 means "take the general path".
 */
const SIMPLE = (() => {
  const map = new Uint16Array(0x10000);
  // CJK unified ideographs are caseless and NFKC-stable.
  for (let c = 0x4e00; c <= 0x9fff; c++) map[c] = c;
  const ranges = [
    [0x01, 0xff],
    [0x2010, 0x2027],
    [0x3000, 0x3029],
    [0xff01, 0xff5e],
  ];
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c++) {
      const s = String.fromCharCode(c).normalize("NFKC").toLowerCase();
      if (s.length === 1 && s.charCodeAt(0) !== 0) map[c] = s.charCodeAt(0);
    }
  }
  return map;
})();

/** Full-width forms to half-width, lower case, so "ＴＰＵ薄膜" matches "tpu薄膜". */
export function normalizeText(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (SIMPLE[c] !== c) return text.normalize("NFKC").toLowerCase();
  }
  return text;
}

/** Text normalised into `codes` (grown as needed); returns its length. */
let codes = new Uint16Array(256);
function normalizeInto(text: string): number {
  const n = text.length;
  if (codes.length < n) codes = new Uint16Array(2 * n);
  for (let i = 0; i < n; i++) {
    const c = SIMPLE[text.charCodeAt(i)];
    if (c === 0) {
      const s = text.normalize("NFKC").toLowerCase();
      if (codes.length < s.length) codes = new Uint16Array(2 * s.length);
      for (let k = 0; k < s.length; k++) codes[k] = s.charCodeAt(k);
      return s.length;
    }
    codes[i] = c;
  }
  return n;
}

/** a–z, 0–9: what makes a keyword an English word that must stand alone. */
const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
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

const S = 115; // "s"

/** Whether a keyword found at [at, end) of codes[0..n) stands as a word where it must (see occurrences). */
function standsAlone(n: number, at: number, end: number, wordStart: boolean, wordEnd: boolean) {
  if (wordStart && at > 0 && isWordCode(codes[at - 1])) return false;
  if (wordEnd && end < n && isWordCode(codes[end])) {
    return codes[end] === S && (end + 1 >= n || !isWordCode(codes[end + 1]));
  }
  return true;
}

/** Joins the texts of one candidate; a keyword containing it could span two texts. */
const JOINER = " \n ";

/**
 * A chain model's dictionary compiled once: keywords and stop phrases in a trie over normalised code
 * units, so one pass over a text finds every keyword at every position.
 * Entries are numbered in the order the rules weigh them: longest keyword first, then dictionary
 * order (chains in order, their keywords in order, then the stop phrases).
 */
interface Dictionary {
  model: ChainModel;
  /** Per chain: the index of the first chain with its id (chains are told apart by id). */
  chainOf: Int32Array;
  entryWord: string[];
  entryWeight: Float64Array;
  entryChain: Int32Array;
  entryNode: Int32Array;
  /** First trie node per code unit. */
  root: Int32Array;
  /** Per node: its children as (code, node) pairs in childCode/childNode[childStart … childEnd). */
  childStart: Int32Array;
  childEnd: Int32Array;
  childCode: Uint16Array;
  childNode: Int32Array;
  /** Per node: length of its keyword, 0 when no keyword ends there; its entries in nodeEntries. */
  depth: Int32Array;
  entriesStart: Int32Array;
  entriesEnd: Int32Array;
  nodeEntries: Int32Array;
  /** Per node: whether the keyword's first / last unit is a–z0–9 (then it must stand as a word). */
  wordStart: Uint8Array;
  wordEnd: Uint8Array;
  /** Some keyword contains the joiner: texts are classified joined, as one text. */
  joined: boolean;
  /** Per chain: the names a cell may give it by (id, zh and en names, aliases), normalised. */
  chainNames: string[][];
  /** Per role: id, labels and aliases, normalised. */
  roleNames: string[][];
  /** The non-target sector words (4S店, 酒店 …), folded. */
  nonTarget: WordList;
  /** Words whose absence from a text lets it be read as written (see specialWords, readText). */
  special: WordList;
  /**
   * Per word of `special`: 0 for a denial or non-target word (its presence alone needs the full
   * reading); for model.contexts[r], 1 << r on its shared word and on each of its cues.
   */
  specialRule: Int32Array;
  /** The same, for the cues: 1 << r on each cue of model.contexts[r], 0 on every other word. */
  specialCue: Int32Array;
}

const dictionaries = new WeakMap<ChainModel, Dictionary>();
const normal = (word: string): string => normalizeText(word).trim();

/**
 * Dictionary.special: the denial words, the non-target words, and the shared words of model.contexts
 * with their cues, folded and cut at their first space. Each is a necessary part of its whole word in
 * folded text (foldAnswer folds unit by unit and only collapses spaces), and denials fold to
 * themselves. A shared word changes nothing unless one of its cues is present too, so a text
 * holding shared words but none of their cues is still read as written.
 */
function specialWords(
  model: ChainModel
): Pick<Dictionary, "special" | "specialRule" | "specialCue"> {
  const words: string[] = [...DENIALS, ...(model.nonTarget ?? [])];
  const rule: number[] = words.map(() => 0);
  const cue: number[] = words.map(() => 0);
  const contexts = model.contexts ?? [];
  // A rule past the 31st has no bit: its words then count as denials do (always the full reading).
  contexts.forEach((r, k) => {
    const bit = k < 31 ? 1 << k : 0;
    for (const w of [r.word, ...r.cues]) {
      words.push(w);
      rule.push(bit);
      cue.push(w === r.word ? 0 : bit);
    }
  });
  return {
    special: wordStarts(words),
    specialRule: Int32Array.from(rule),
    specialCue: Int32Array.from(cue),
  };
}

function dictionary(model: ChainModel): Dictionary {
  const cached = dictionaries.get(model);
  if (cached) return cached;
  const ids = model.chains.map((c) => c.id);
  const chainOf = Int32Array.from(ids, (id) => ids.indexOf(id));
  const raw: { chain: number; word: string; norm: string; weight: number; seq: number }[] = [];
  const put = (chain: number, word: string, weight: number): void => {
    const norm = normal(word);
    if (norm) raw.push({ chain, word, norm, weight, seq: raw.length });
  };
  model.chains.forEach((chain, k) => {
    for (const kw of chain.keywords)
      if (kw.weight > 0) put(chainOf[k], kw.word, Math.min(1, kw.weight));
  });
  // A stop phrase adds nothing but hides the shorter keywords inside it.
  for (const phrase of model.stopPhrases ?? []) put(-1, phrase, 0);
  raw.sort((a, b) => b.norm.length - a.norm.length || a.seq - b.seq);

  // The trie, built with maps and then flattened into typed arrays.
  const children: Map<number, number>[] = [new Map()];
  const nodeOf = (norm: string): number => {
    let node = 0;
    for (let i = 0; i < norm.length; i++) {
      const c = norm.charCodeAt(i);
      let next = children[node].get(c);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        children[node].set(c, next);
      }
      node = next;
    }
    return node;
  };
  const entryNode = Int32Array.from(raw, (e) => nodeOf(e.norm));
  const nodes = children.length;
  const root = new Int32Array(0x10000);
  for (const [c, node] of children[0]) root[c] = node;
  const childStart = new Int32Array(nodes);
  const childEnd = new Int32Array(nodes);
  const pairs = children.reduce((a, m) => a + m.size, 0);
  const childCode = new Uint16Array(pairs);
  const childNode = new Int32Array(pairs);
  let p = 0;
  children.forEach((m, node) => {
    childStart[node] = p;
    for (const [c, next] of m) {
      childCode[p] = c;
      childNode[p++] = next;
    }
    childEnd[node] = p;
  });
  const depth = new Int32Array(nodes);
  const wordStart = new Uint8Array(nodes);
  const wordEnd = new Uint8Array(nodes);
  const count = new Int32Array(nodes);
  raw.forEach((e, k) => {
    const node = entryNode[k];
    depth[node] = e.norm.length;
    wordStart[node] = isWordCode(e.norm.charCodeAt(0)) ? 1 : 0;
    wordEnd[node] = isWordCode(e.norm.charCodeAt(e.norm.length - 1)) ? 1 : 0;
    count[node]++;
  });
  const entriesStart = new Int32Array(nodes);
  const entriesEnd = new Int32Array(nodes);
  for (let node = 0, at = 0; node < nodes; node++) {
    entriesStart[node] = entriesEnd[node] = at;
    at += count[node];
  }
  const nodeEntries = new Int32Array(raw.length);
  entryNode.forEach((node, k) => (nodeEntries[entriesEnd[node]++] = k));

  const d: Dictionary = {
    model,
    chainOf,
    entryWord: raw.map((e) => e.word),
    entryWeight: Float64Array.from(raw, (e) => e.weight),
    entryChain: Int32Array.from(raw, (e) => e.chain),
    entryNode,
    root,
    childStart,
    childEnd,
    childCode,
    childNode,
    depth,
    entriesStart,
    entriesEnd,
    nodeEntries,
    wordStart,
    wordEnd,
    joined: raw.some((e) => e.norm.includes(JOINER)),
    chainNames: model.chains.map((c) =>
      [c.id, c.name.zh, c.name.en, ...(c.aliases ?? [])].map(normal)
    ),
    roleNames: model.roles.map((r) => [r.id, r.label.zh, r.label.en, ...r.aliases].map(normal)),
    nonTarget: wordList(model.nonTarget ?? []),
    ...specialWords(model),
  };
  dictionaries.set(model, d);
  return d;
}

/**
 * Whether position `at` of codes[0..n) lies where the text says whom a product serves rather than
 * what it is: after "用于", "应用于", "面向", "服务于", "配套", "for", "used in", "serving",
 * "supplying", up to the end of the clause. Keywords there point to a secondary chain, not the
 * main one ("用于加工新能源汽车驱动零部件的机床" is a machine tool that serves NEV).
 */
const MARKERS: { codes: number[]; ascii: boolean }[] = [
  "用于",
  "应用于",
  "面向",
  "服务于",
  "配套",
  "for",
  "used in",
  "serving",
  "supplying",
].map((m) => ({ codes: [...m].map((c) => c.charCodeAt(0)), ascii: /[a-z]/.test(m[0]) }));
/** 1 per code unit a marker starts with, and per clause end: looked up for every unit of every text. */
const codeSet = (codes: number[]): Uint8Array => {
  const set = new Uint8Array(0x10000);
  for (const c of codes) set[c] = 1;
  return set;
};
const MARKER_START = codeSet(MARKERS.map((m) => m.codes[0]));
/** Word characters of the regular expression \b: a–z, A–Z, 0–9 and "_". */
const isRegexWord = (c: number): boolean => isWordCode(c) || (c >= 65 && c <= 90) || c === 95;
const ENDS_ASCII = codeSet([..."，。；,.;\n"].map((c) => c.charCodeAt(0)));
const ENDS_CJK = codeSet([..."的，。；,;\n"].map((c) => c.charCodeAt(0)));

/** A copy twice as long (scratch buffers grow with the longest text seen). */
function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}

/** Masked spans [start, end) of codes[0..n), flat, in `spans`; returns how many numbers it holds. */
let spans: Int32Array = new Int32Array(16);

/** The marker of MARKERS (in order) that starts at position i of codes[0..n), if any. */
function markerAt(i: number, n: number): (typeof MARKERS)[number] | undefined {
  for (const m of MARKERS) {
    const len = m.codes.length;
    if (i + len > n) continue;
    let k = 0;
    while (k < len && codes[i + k] === m.codes[k]) k++;
    if (k < len) continue;
    if (
      !m.ascii ||
      ((i === 0 || !isRegexWord(codes[i - 1])) && (i + len === n || !isRegexWord(codes[i + len])))
    )
      return m;
  }
  return undefined;
}

// No closure in the loop: one capturing `i` would cost a context per code unit of every text.
function applicationSpans(n: number): number {
  let found = 0;
  for (let i = 0; i < n;) {
    const marker = MARKER_START[codes[i]] === 1 ? markerAt(i, n) : undefined;
    if (!marker) {
      i++;
      continue;
    }
    const start = i + marker.codes.length;
    const ends = marker.ascii ? ENDS_ASCII : ENDS_CJK;
    let end = start;
    while (end < n && ends[codes[end]] === 0) end++;
    if (found + 2 > spans.length) spans = grown(spans);
    spans[found++] = start;
    spans[found++] = end;
    i = start;
  }
  return found;
}

/** Keyword occurrences of the text being scanned: trie node and start; and which held. */
let occNode: Int32Array = new Int32Array(64);
let occAt: Int32Array = new Int32Array(64);
let occOrder: Int32Array = new Int32Array(64);
let taken = new Uint8Array(256);
/** (node, bits) pairs of the text being scanned: at most two per occurrence. */
let hits: Int32Array = new Int32Array(128);

function grow(): void {
  occNode = grown(occNode);
  occAt = grown(occAt);
  occOrder = new Int32Array(occNode.length);
  hits = new Int32Array(2 * occNode.length);
}

/**
 * The keywords one text holds, as (node, bits) pairs in `hits`; returns how many numbers it wrote.
 * Bit 1 the keyword counts there, bit 2 it counts at least once outside a "whom it serves" span. A
 * keyword inside a longer one found there does not count ("新能源汽车" hides "汽车"); keywords of
 * equal length all count (real ambiguity).
 */
function scanHits(d: Dictionary, text: string): number {
  const n = normalizeInto(text);
  const { root, depth, childStart, childEnd, childCode, childNode, wordStart, wordEnd } = d;
  let k = 0;
  for (let i = 0; i < n; i++) {
    let node = root[codes[i]];
    let j = i + 1;
    while (node !== 0) {
      if (depth[node] !== 0 && standsAlone(n, i, j, wordStart[node] === 1, wordEnd[node] === 1)) {
        if (k === occNode.length) grow();
        occNode[k] = node;
        occAt[k++] = i;
      }
      if (j >= n) break;
      const c = codes[j++];
      const end = childEnd[node];
      let next = 0;
      for (let q = childStart[node]; q < end; q++) {
        if (childCode[q] === c) {
          next = childNode[q];
          break;
        }
      }
      node = next;
    }
  }
  if (k === 0) return 0;

  // Longest keywords first (insertion sort: a text holds a handful).
  for (let a = 0; a < k; a++) {
    let b = a;
    while (b > 0 && depth[occNode[occOrder[b - 1]]] < depth[occNode[a]]) {
      occOrder[b] = occOrder[b - 1];
      b--;
    }
    occOrder[b] = a;
  }
  if (taken.length < n) taken = new Uint8Array(2 * n);
  taken.fill(0, 0, n);
  let masked = -1;
  let found = 0;
  for (let g = 0; g < k;) {
    const len = depth[occNode[occOrder[g]]];
    let h = g;
    // Which occurrences of this length lie clear of longer keywords found before; marked after the group.
    for (; h < k && depth[occNode[occOrder[h]]] === len; h++) {
      const o = occOrder[h];
      const at = occAt[o];
      let clear = true;
      for (let x = at; x < at + len; x++) if (taken[x]) clear = false;
      if (!clear) occAt[o] = -1;
    }
    for (; g < h; g++) {
      const o = occOrder[g];
      const at = occAt[o];
      if (at < 0) continue;
      taken.fill(1, at, at + len);
      if (masked < 0) masked = applicationSpans(n);
      let served = false;
      for (let s = 0; s < masked; s += 2) if (spans[s] <= at && at < spans[s + 1]) served = true;
      const node = occNode[o];
      const bits = served ? 1 : 3;
      let known = 0;
      while (known < found && hits[known] !== node) known += 2;
      if (known === found) {
        hits[found++] = node;
        hits[found++] = bits;
      } else hits[known + 1] |= bits;
    }
  }
  return found;
}

/** scanHits' pairs as an array of their own (to remember). */
function textHits(d: Dictionary, text: string): Int32Array {
  return hits.slice(0, scanHits(d, text));
}

/** One candidate's hits over all its texts, and what they add up to; reused from row to row. */
interface Tally {
  bits: Uint8Array;
  nodes: Int32Array;
  nodeCount: number;
  /** Entries hit, in weighing order. */
  entries: Int32Array;
  entryCount: number;
  main: Float64Array;
  served: Float64Array;
  /** Per chain: bit 1 it has main evidence, bit 2 evidence from "whom it serves" spans. */
  has: Uint8Array;
}

const tallies = new WeakMap<Dictionary, Tally>();

function tallyOf(d: Dictionary): Tally {
  let t = tallies.get(d);
  if (!t) {
    const chains = d.chainOf.length;
    t = {
      bits: new Uint8Array(d.depth.length),
      nodes: new Int32Array(d.depth.length),
      nodeCount: 0,
      entries: new Int32Array(d.entryWord.length),
      entryCount: 0,
      main: new Float64Array(chains),
      served: new Float64Array(chains),
      has: new Uint8Array(chains),
    };
    tallies.set(d, t);
  }
  return t;
}

function addHits(t: Tally, pairs: Int32Array, length = pairs.length): void {
  for (let p = 0; p < length; p += 2) {
    const node = pairs[p];
    if (t.bits[node] === 0) t.nodes[t.nodeCount++] = node;
    t.bits[node] |= pairs[p + 1];
  }
}

function clearTally(t: Tally): void {
  for (let k = 0; k < t.nodeCount; k++) t.bits[t.nodes[k]] = 0;
  t.nodeCount = 0;
}

/** One text's hits added straight from the scratch pairs (nothing allocated). */
function addText(d: Dictionary, t: Tally, text: string): void {
  const found = scanHits(d, text);
  addHits(t, hits, found);
}

/** Adds the hits of a candidate's texts (strings only; others are skipped). */
function addTexts(d: Dictionary, t: Tally, texts: ArrayLike<unknown>): void {
  if (d.joined) {
    const strings: string[] = [];
    for (let k = 0; k < texts.length; k++) {
      const s = texts[k];
      if (typeof s === "string") strings.push(s);
    }
    addText(d, t, strings.join(JOINER));
    return;
  }
  for (let k = 0; k < texts.length; k++) {
    const s = texts[k];
    if (typeof s === "string") addText(d, t, s);
  }
}

function strength(evidence: number): number {
  return 1 - Math.exp(-SATURATION * evidence);
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The outcome of a tally, as chain indices (−1: none). */
interface Verdict {
  /** The chain with the most evidence, however little. */
  top: number;
  /** `top` when confident enough, else −1. */
  chain: number;
  secondary: number;
  confidence: number;
}

const MAIN = 1;
const SERVED = 2;

/** Highest value among the chains whose `has` bits meet `bits`, ties to the first; −1 when none (or only `skip`). */
function best(d: Dictionary, values: Float64Array, has: Uint8Array, bits: number, skip: number) {
  let top = -1;
  for (let c = 0; c < values.length; c++) {
    if (c === skip || d.chainOf[c] !== c || (has[c] & bits) === 0) continue;
    if (top < 0 || values[c] > values[top]) top = c;
  }
  return top;
}

/**
 * Weighs the tally and clears it for the next candidate. Each keyword adds its weight once to its
 * chain. What the product is decides the main chain; whom it serves ("用于…", "for …") can only add
 * a secondary chain, unless that is all the text says. Confidence grows with the evidence and
 * shrinks when another chain has nearly as much; below `minConfidence` the answer is none.
 */
function weigh(d: Dictionary, t: Tally, out: Verdict): void {
  // Entries hit, in weighing order (insertion sort: a candidate hits a handful).
  const entries = t.entries;
  let m = 0;
  for (let k = 0; k < t.nodeCount; k++) {
    const node = t.nodes[k];
    for (let q = d.entriesStart[node]; q < d.entriesEnd[node]; q++) {
      const e = d.nodeEntries[q];
      let at = m++;
      while (at > 0 && entries[at - 1] > e) {
        entries[at] = entries[at - 1];
        at--;
      }
      entries[at] = e;
    }
  }
  t.entryCount = m;
  const { main, served, has } = t;
  for (let c = 0; c < has.length; c++) {
    main[c] = 0;
    served[c] = 0;
    has[c] = 0;
  }
  let evidenceBit = SERVED;
  for (let k = 0; k < m; k++) {
    const e = entries[k];
    const w = d.entryWeight[e];
    if (w === 0) continue;
    const c = d.entryChain[e];
    if (t.bits[d.entryNode[e]] & 2) {
      main[c] += w;
      has[c] |= MAIN;
      evidenceBit = MAIN;
    } else {
      served[c] += w;
      has[c] |= SERVED;
    }
  }
  clearTally(t);

  // Text that only says whom it serves is classified by that.
  const evidence = evidenceBit === MAIN ? main : served;
  const topChain = best(d, evidence, has, evidenceBit, -1);
  out.top = topChain;
  out.chain = -1;
  out.secondary = -1;
  out.confidence = 0;
  if (topChain < 0) return;
  const top = evidence[topChain];
  const rival = best(d, evidence, has, evidenceBit, topChain);
  const second = rival < 0 ? 0 : evidence[rival];
  const confidence = round(strength(top) * (0.6 + (0.4 * top) / (top + second)));
  out.confidence = confidence;
  if (confidence < d.model.minConfidence) return;
  out.chain = topChain;

  const share = d.model.secondaryShare ?? DEFAULT_SECONDARY_SHARE;
  // Main plus served, in place: the served sums are not needed any more.
  for (let c = 0; c < served.length; c++)
    if (has[c] & MAIN) served[c] = has[c] & SERVED ? main[c] + served[c] : main[c];
  const runnerUp = best(d, served, has, MAIN | SERVED, topChain);
  if (
    runnerUp >= 0 &&
    served[runnerUp] >= share * top &&
    strength(served[runnerUp]) >= d.model.minConfidence
  )
    out.secondary = runnerUp;
}

/** The keywords that counted, best chain first then dictionary order, as written in the dictionary. */
function matchedWords(d: Dictionary, t: Tally, topChain: number): string[] {
  const words: string[] = [];
  const add = (c: number) => {
    for (let k = 0; k < t.entryCount; k++) {
      const e = t.entries[k];
      if (d.entryChain[e] === c && d.entryWeight[e] > 0) words.push(d.entryWord[e]);
    }
  };
  const ids = d.model.chains;
  if (topChain >= 0) add(topChain);
  for (let c = 0; c < ids.length; c++)
    if (topChain < 0 || ids[c].id !== ids[topChain].id) add(d.chainOf[c]);
  return words;
}

const verdict: Verdict = { top: -1, chain: -1, secondary: -1, confidence: 0 };
const idOf = (d: Dictionary, c: number): string | null => (c < 0 ? null : d.model.chains[c].id);

/**
 * Classify free text (description, industry, products) to one of the model's chains.
 * Each dictionary keyword found adds its weight once to its chain; a keyword inside a longer matched
 * keyword does not count ("新能源汽车" hides "汽车"). What the product is decides the main chain; whom it
 * serves ("用于…", "for …") can only add a secondary chain. Confidence grows with the evidence and
 * shrinks when another chain has nearly as much; below `minConfidence` the answer is "none" (null).
 */
export function classifyChain(texts: (string | null)[], model: ChainModel): ChainClassification {
  const d = dictionary(model);
  const t = tallyOf(d);
  const kept = texts.map((x) => (typeof x === "string" ? readable(x, model) : null));
  const nonTarget = nonTargetWord(kept, model);
  if (nonTarget !== null)
    return { chain: null, confidence: 0, matched: [nonTarget], secondary: null, nonTarget };
  addTexts(d, t, kept);
  weigh(d, t, verdict);
  if (verdict.top < 0) return { chain: null, confidence: 0, matched: [], secondary: null };
  return {
    chain: idOf(d, verdict.chain),
    confidence: verdict.confidence,
    matched: matchedWords(d, t, verdict.top),
    secondary: idOf(d, verdict.secondary),
  };
}
/** All chains an explicit cell names, in the order written ("高档数控机床/新能源汽车" gives both). */
export function resolveChainNames(text: string | null, model: ChainModel): string[] {
  if (text === null || typeof text !== "string") return [];
  const cell = normalizeText(text);
  const found: { id: string; at: number; len: number }[] = [];
  const names = dictionary(model).chainNames;
  for (let k = 0; k < model.chains.length; k++) {
    const chain = model.chains[k];
    let best: { at: number; len: number } | null = null;
    for (const name of names[k]) {
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

const HIT_RANK: Record<Hit, number> = { fact: 2, intended: 1, negated: 0 };

/**
 * The role a cell names and how it names it: as held (链主), denied (非链主, 不是链主企业) or intended
 * (拟培育链主, 潜在链主). A role held wins over one denied or intended, then the longest alias; null
 * when the cell names no role.
 */
function namedRole(text: string, model: ChainModel): { role: ChainRoleDef; hit: Hit } | null {
  const cell = normalizeText(text);
  let best: { role: ChainRoleDef; hit: Hit; len: number } | null = null;
  const names = dictionary(model).roleNames;
  for (let k = 0; k < model.roles.length; k++) {
    for (const name of names[k]) {
      if (!name) continue;
      for (const at of occurrences(cell, name)) {
        const hit = hitAt(cell, at, name);
        const rank = HIT_RANK[hit] - (best ? HIT_RANK[best.hit] : -1);
        if (rank > 0 || (rank === 0 && name.length > best!.len))
          best = { role: model.roles[k], hit, len: name.length };
      }
    }
  }
  return best;
}

/** The role a cell names as held (链主, 关键环节 …), longest alias first; null when none. */
export function resolveRole(text: string | null, model: ChainModel): ChainRoleDef | null {
  if (text === null || typeof text !== "string" || !text.trim()) return null;
  const found = namedRole(text, model);
  return found?.hit === "fact" ? found.role : null;
}

/** A role cell as read: the role, and for a yes/no role column what its answer said. */
export interface RoleReading {
  /** The role read; null for none (blank, a no, or not read): the model's default role applies. */
  role: ChainRoleDef | null;
  /** How a yes or a no was read, for the explanation and the reading report. */
  note?: Label;
  /** Why the cell was not read (an intention, or neither an answer nor a role). */
  problem?: Label;
}

/**
 * A role cell as read. In a column asking whether the company holds one role (`yesRole`, the role's
 * id: 是否链主), a yes reads as that role and a no as none, each with a note; a cell naming another
 * role reads as that role; an intention (拟, 培育) or anything else is not read, with the reason,
 * never guessed. Any other role column: the role the cell names as held (resolveRole); a role denied
 * (非链主) or a plain no is none, with a note; a role intended (拟培育链主) or text naming no role is
 * not read, with the reason. Whenever no role is read the model's default role applies.
 */
export function readRole(text: string | null, model: ChainModel, yesRole?: string): RoleReading {
  if (typeof text !== "string" || !text.trim()) return { role: null };
  const asked = model.roles.find((r) => r.id === yesRole);
  if (asked === undefined) return readNamedRole(text.trim(), model);
  const t = text.trim();
  const answer = readYesNo(t);
  // 是否链主 copied into the cell asks the question: it names no role.
  const named = t.startsWith("是否") ? null : resolveRole(t, model);
  const asks = (zh: string, en: string): Label => ({
    zh: `本列问是否${asked.label.zh}，“${t}”${zh}`,
    en: `the column asks whether it is ${asked.label.en}: "${t}" ${en}`,
  });
  if (answer === "intended")
    return {
      role: null,
      problem: asks(
        "是意向，不是已有的链上定位，未读取",
        "states an intention, not a role held; not read"
      ),
    };
  // 属于关键环节: the cell names its own role (a no stays a no: 非关键环节 names no role held).
  if (named !== null && named !== asked && answer !== "no") return { role: named };
  if (answer === "yes")
    return { role: asked, note: asks(`读作${asked.label.zh}`, `read as ${asked.label.en}`) };
  if (answer === "no")
    return {
      role: null,
      note: asks(`：不是${asked.label.zh}，链上定位未写`, `says it is not, and no role is written`),
    };
  if (named !== null) return { role: named };
  const roles = (lang: "zh" | "en") => model.roles.map((r) => r.label[lang]);
  return {
    role: null,
    problem: asks(
      `既不是“是/否”，也未写出模型的链上定位（${roles("zh").join("、")}），未读取`,
      `is neither yes nor no and names none of the model's roles (${roles("en").join(", ")}); not read`
    ),
  };
}

/** A cell of a role column that names roles (链上定位): see readRole. */
function readNamedRole(t: string, model: ChainModel): RoleReading {
  const found = namedRole(t, model);
  if (found?.hit === "fact") return { role: found.role };
  if (found?.hit === "intended")
    return {
      role: null,
      problem: {
        zh: `“${t}”是意向，不是已有的链上定位，未读取`,
        en: `"${t}" states an intention, not a role held; not read`,
      },
    };
  if (found?.hit === "negated" || readYesNo(t) === "no")
    return {
      role: null,
      note: { zh: `“${t}”：链上定位未写`, en: `"${t}": no role written` },
    };
  const roles = (lang: "zh" | "en") => model.roles.map((r) => r.label[lang]);
  return {
    role: null,
    problem: {
      zh: `“${t}”未写出模型的链上定位（${roles("zh").join("、")}），未读取`,
      en: `"${t}" names none of the model's roles (${roles("en").join(", ")}); not read`,
    },
  };
}

/** The first of `words` the folded text holds, not negated (an intention still counts), or null. */
function present(folded: string, words: readonly string[]): string | null {
  for (const w of words) if (wordHits(folded, foldAnswer(w)).some((h) => h !== "negated")) return w;
  return null;
}

/**
 * A word shared across sectors that the text's own cues settle (model.contexts): 储能 beside 电站 or
 * 电网 is a power-station project, not the battery supply chain. Null when no rule applies.
 */
export function sharedWordCue(
  text: string | null,
  model: ChainModel
): { word: string; cue: string } | null {
  if (typeof text !== "string" || !model.contexts) return null;
  const f = foldAnswer(dropDenied(text));
  for (const r of model.contexts) {
    if (present(f, [r.word]) === null) continue;
    const cue = present(f, r.cues);
    if (cue !== null) return { word: r.word, cue };
  }
  return null;
}

const escaped = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The text with each shared word its cues settle blanked (same length), so it counts for no chain. */
function settleShared(text: string, model: ChainModel): string {
  let out = text;
  for (const r of model.contexts ?? []) {
    const f = foldAnswer(out);
    if (present(f, [r.word]) !== null && present(f, r.cues) !== null)
      out = out.replace(new RegExp(escaped(r.word), "gi"), (m) => " ".repeat(m.length));
  }
  return out;
}

/** Free text as the classifier reads it: denied spans and settled shared words blanked. */
const readable = (text: string, model: ChainModel): string => settleShared(dropDenied(text), model);

/** The non-target sector word a candidate's texts name as a fact (not negated), or null. */
export function nonTargetWord(texts: ArrayLike<string | null>, model: ChainModel): string | null {
  const words = dictionary(model).nonTarget;
  if (words.words.length === 0) return null;
  for (let k = 0; k < texts.length; k++) {
    const t = texts[k];
    const w = t === null ? null : factWord(foldAnswer(t), words);
    if (w !== null) return w;
  }
  return null;
}

/**
 * The role score a candidate earns: its role's, except a role the model wants shown at scale (链主)
 * whose scale is below the line or unknown, which counts as claimed.
 */
function creditedScore(role: ChainRoleDef | null, scale: number, model: ChainModel): number {
  if (!role) return 0;
  const rs = model.roleScale;
  return rs && rs.role === role.id && !(scale >= rs.min)
    ? Math.min(role.score, rs.score)
    : role.score;
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

/** With an explicit chain, a second one comes from the cell itself, or from the text when the text clearly names another. */
function secondaryOf(
  explicit: string[],
  textChain: string | null,
  textSecondary: string | null
): string | null {
  const other = textChain !== explicit[0] ? textChain : textSecondary;
  return explicit[1] ?? (other && other !== explicit[0] ? other : null);
}

const fitValue = (roleScore: number, confidence: number, synergy: number): number =>
  round(Math.max(0, Math.min(1, roleScore * confidence * synergy)), 4);

/**
 * Chain fit of one candidate, 0–1. An explicit chain cell that names a chain wins (certainty 1);
 * otherwise the texts are classified and the classifier's confidence scales the value. The role's
 * score is the base; serving a second priority chain multiplies by the synergy factor.
 */
export function chainFit(input: ChainFitInput, model: ChainModel): ChainFit {
  const explicit = resolveChainNames(input.explicitChain, model);
  const reading = readRole(input.role, model, input.yesRole);
  const roleDef = reading.role;
  const role = roleDef ?? model.roles.find((r) => r.id === model.defaultRole) ?? null;
  const roleId = role ? role.id : model.defaultRole;
  const roleScore = creditedScore(role, input.scale ?? NaN, model);
  const claimed = role !== null && roleScore < role.score;
  const said = reading.note ?? reading.problem;
  const how: Label = said
    ? roleDef
      ? { zh: `（${said.zh}）`, en: ` (${said.en})` }
      : { zh: `（${said.zh}；按默认）`, en: ` (${said.en}; default)` }
    : roleDef
      ? { zh: "", en: "" }
      : { zh: "（未填，按默认）", en: " (blank, default)" };
  const roleNote: Label = role
    ? {
        zh: `${role.label.zh}${how.zh}${claimed ? "（自报，规模未达可信线，按所报角色折减）" : ""} ${roleScore}`,
        en: `${role.label.en}${how.en}${claimed ? " (role as claimed: scale below the line, reduced)" : ""} ${roleScore}`,
      }
    : { zh: "环节未知", en: "role unknown" };
  const denied =
    explicit.length === 0 ? (classifyChain(input.texts, model).nonTarget ?? null) : null;
  if (denied !== null)
    return {
      value: 0,
      chain: null,
      secondary: null,
      role: roleId,
      confidence: 1,
      matched: [denied],
      note: {
        zh: `无——非目标产业（“${denied}”）`,
        en: `none — not a target chain ("${denied}")`,
      },
    };

  let chain: string | null;
  let secondary: string | null;
  let confidence: number;
  let matched: string[];
  let source: Label;
  if (explicit.length > 0) {
    chain = explicit[0];
    const fromText = classifyChain(input.texts, model);
    secondary = secondaryOf(explicit, fromText.chain, fromText.secondary);
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
    const settled = input.texts.map((t) => sharedWordCue(t, model)).find((x) => x !== null);
    const cueNote: Label = settled
      ? {
          zh: `；“${settled.word}”因同句“${settled.cue}”不计入任何产业链`,
          en: `; "${settled.word}" counts for no chain beside "${settled.cue}"`,
        }
      : { zh: "", en: "" };
    // A chain cell naming none of the model's chains (新能源（光伏）) is filled, not blank: say what it holds.
    const written = String(input.explicitChain ?? "").trim();
    const given = saysNoChain(written) ? "" : written;
    source =
      chain === null
        ? {
            zh: matched.length
              ? `文本不足以判定产业链（命中：${words}；置信度 ${confidence}）`
              : given
                ? `所填“${given}”不是模型的产业链，文本也未命中任何产业链`
                : "未填产业链，文本未命中任何产业链",
            en: matched.length
              ? `text does not settle a chain (matched: ${words}; confidence ${confidence})`
              : given
                ? `"${given}" is none of the model's chains, and the text matches none`
                : "no chain given and the text matches no chain",
          }
        : {
            zh: `由文本判定（命中：${words}；置信度 ${confidence}）`,
            en: `classified from text (matched: ${words}; confidence ${confidence})`,
          };
    source = { zh: source.zh + cueNote.zh, en: source.en + cueNote.en };
  }

  if (chain === null) {
    // No chain written and no word of any chain in the texts: the chain is not yet known (missing),
    // not off the model's chains (0) — a sparse record is asked for, not buried.
    const unknown =
      explicit.length === 0 &&
      matched.length === 0 &&
      saysNoChain(String(input.explicitChain ?? ""));
    return {
      value: unknown ? NaN : 0,
      chain,
      secondary: null,
      role: roleId,
      confidence,
      matched,
      note: source,
    };
  }
  const synergy = secondary ? synergyFor(chain, secondary, model) : 1;
  const value = fitValue(roleScore, confidence, synergy);
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

/** The cells chain fit reads, by column. A cell that is not text, or only spaces, counts as blank. */
export interface ChainFitColumns {
  explicitChain: ArrayLike<string | null>;
  texts: ArrayLike<string | null>[];
  role: ArrayLike<string | null>;
  /** Scale per candidate for model.roleScale (model units), NaN when unknown. */
  scale?: ArrayLike<number>;
}

/** Whether a chain cell says nothing (blank, 待定, -): a chain not yet known, not one off the model's. */
function saysNoChain(text: string | null): boolean {
  if (text === null) return true;
  const folded = foldText(text).trim();
  return NO_DATA_WORDS.has(folded) || /^-*$/.test(folded);
}

/** A cell as chain fit reads it: text as written; numbers as their text; blanks null. */
export const cellText = (c: unknown): string | null =>
  c === null || c === undefined || (typeof c === "string" && isBlankText(c)) ? null : String(c);

/** A cell as chainFitColumns reads it: strings as they are, anything else blank. */
const asText = (c: unknown): string | null => (typeof c === "string" ? c : null);

/** One text of a candidate as chain fit reads it: denied spans blanked, then checked and scanned. */
interface TextReading {
  kept: string;
  /** It names a non-target sector as a fact. */
  offTarget: boolean;
  /** Its keyword hits (scanHits' pairs); null when off target or texts are scanned joined. */
  hits: Int32Array | null;
}

/**
 * Whether the text reads as written: no denial or non-target word of Dictionary.special occurs in it
 * as foldAnswer folds it, and no shared word occurs together with one of its cues.
 */
function plain(d: Dictionary, text: string): boolean {
  const st = PLAIN;
  st.d = d;
  st.shared = 0;
  st.cues = 0;
  return visitFoldedWords(text, d.special, plainWord, st);
}

/** plain's state, reused from text to text (a closure per text would allocate). */
const PLAIN = { d: null as unknown as Dictionary, shared: 0, cues: 0 };

/** One special word found by plain: whether the text may still read as written. */
function plainWord(k: number, st: typeof PLAIN): boolean {
  const rule = st.d.specialRule[k];
  if (rule === 0) return false;
  if (st.d.specialCue[k] === 0) st.shared |= rule;
  else st.cues |= rule;
  return (st.shared & st.cues) === 0;
}

function readText(d: Dictionary, text: string): TextReading {
  // Most texts hold no denial or non-target word, nor a shared word beside its cue: nothing to blank.
  if (plain(d, text))
    return { kept: text, offTarget: false, hits: d.joined ? null : textHits(d, text) };
  const kept = readable(text, d.model);
  const offTarget = nonTargetWord([kept], d.model) !== null;
  return { kept, offTarget, hits: offTarget || d.joined ? null : textHits(d, kept) };
}

/**
 * chainFit's value and chain for rows 0…count−1 (the scorer's batch path), into `value` and
 * `chain`; no notes. Chain, role and synergy are worked out once per distinct cell or pair, and
 * texts once per distinct text where lists repeat them.
 */
export function chainFitColumns(
  cells: ChainFitColumns,
  count: number,
  model: ChainModel,
  value: Float64Array,
  chain: (string | null)[]
): void {
  new ChainFitter(model, cells.texts.length).into(cells, count, value, chain);
}

/**
 * chainFitColumns with what it has read kept between calls: a scorer prepared once (the one-row
 * path) reads each distinct chain, role and text once across rows.
 */
export class ChainFitter {
  private readonly d: Dictionary;
  private readonly fallback: ChainRoleDef | null;
  private readonly roleOf: TextMemo<ChainRoleDef | null>;
  private readonly names: TextMemo<string[]>;
  private readonly synergyWith: TextMemo<TextMemo<number>>;
  // Lists repeat their texts: each distinct text of a column is read once.
  private readonly columns: TextMemo<TextReading>[];
  private readonly kept: (string | null)[];

  /** `yesRole`: the role cells answer a yes/no column asking after this role (readRole). */
  constructor(
    private readonly model: ChainModel,
    textColumns: number,
    yesRole?: string
  ) {
    const d = (this.d = dictionary(model));
    const fallback = (this.fallback = model.roles.find((r) => r.id === model.defaultRole) ?? null);
    this.roleOf = new TextMemo((r) => readRole(r, model, yesRole).role ?? fallback);
    this.names = new TextMemo((e) => resolveChainNames(e, model));
    this.synergyWith = new TextMemo((a) => new TextMemo((b) => synergyFor(a, b, model)));
    this.columns = Array.from({ length: textColumns }, () => new TextMemo((x) => readText(d, x)));
    this.kept = new Array(textColumns);
  }

  into(cells: ChainFitColumns, count: number, value: Float64Array, chain: (string | null)[]): void {
    this.fit(
      cells.explicitChain,
      cells.texts,
      cells.role,
      cells.scale,
      count,
      value,
      chain,
      asText
    );
  }

  /**
   * Chain fit of every row of a candidate table's columns (the scorer's batch path), as chainFitOf
   * gives it: NaN and null where neither an explicit chain nor any text is given.
   */
  column(
    columns: Record<string, ArrayLike<unknown> | undefined>,
    count: number,
    value: Float64Array,
    chain: (string | null)[],
    scale?: ArrayLike<number>
  ): void {
    const { model } = this;
    const none: ArrayLike<unknown> = [];
    const texts = model.textFields.map((f) => columns[f] ?? none);
    const explicit = columns[model.chainField] ?? none;
    const role = columns[model.roleField] ?? none;
    this.fit(explicit, texts, role, scale, count, value, chain, cellText);
  }

  private fit(
    explicitCells: ArrayLike<unknown>,
    textCells: ArrayLike<unknown>[],
    roleCells: ArrayLike<unknown>,
    scale: ArrayLike<number> | undefined,
    count: number,
    value: Float64Array,
    chain: (string | null)[],
    read: (c: unknown) => string | null
  ): void {
    const { d, model, fallback, kept, columns } = this;
    // Table cells are read by cellText, and a row with nothing given is missing (chainFitOf).
    const blankIsMissing = read === cellText;
    const t = tallyOf(d);
    const none: string[] = [];
    for (let i = 0; i < count; i++) {
      const e = read(explicitCells[i]);
      const explicit = e === null ? none : this.names.get(e);
      let given = e !== null;
      // A non-target sector in a text: the texts give no chain (an explicit chain still counts).
      let offTarget = false;
      for (let k = 0; k < columns.length; k++) {
        const x = read(textCells[k][i]);
        kept[k] = x;
        if (x === null) continue;
        given = true;
        // A column whose texts do not repeat (project names) is read straight into the tally.
        if (!columns[k].remembers && !d.joined && plain(d, x)) {
          addText(d, t, x);
          continue;
        }
        const r = columns[k].get(x);
        kept[k] = r.kept;
        if (r.offTarget) offTarget = true;
        else if (r.hits) addHits(t, r.hits);
      }
      if (!given && blankIsMissing) {
        value[i] = NaN;
        chain[i] = null;
        continue;
      }
      // Off target, nothing counts: the cleared tally weighs to none.
      if (offTarget) clearTally(t);
      else if (d.joined) addTexts(d, t, kept);
      weigh(d, t, verdict);
      const textChain = idOf(d, verdict.chain);
      const textSecondary = idOf(d, verdict.secondary);
      const named = explicit.length > 0;
      const c = named ? explicit[0] : textChain;
      const secondary = named ? secondaryOf(explicit, textChain, textSecondary) : textSecondary;
      chain[i] = c;
      if (c === null) {
        value[i] = !named && !offTarget && verdict.top < 0 && saysNoChain(e) ? NaN : 0;
        continue;
      }
      const r = read(roleCells[i]);
      value[i] = fitValue(
        creditedScore(r === null ? fallback : this.roleOf.get(r), scale?.[i] ?? NaN, model),
        named ? 1 : verdict.confidence,
        secondary ? this.synergyWith.get(c).get(secondary) : 1
      );
    }
  }
}
