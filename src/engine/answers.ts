/**
 * Answers written in words: yes/no/intended, veto columns, listing words, origin, stage and land use.
 * Every reader folds the text once (width, case) and handles negation (非/未/无/不 …) BEFORE it
 * matches a keyword, so 非上市公司 is not "listed" and 未签约 is not "signed". Intentions (拟, 计划,
 * 筹建, 申报中 …) are a value of their own, below a certificate. The vocabularies are declared once
 * here `as const`; the model's own word lists (stages, land uses, keyword rules) go through the same
 * matcher.
 */
import { foldCharCode, foldText } from "./numerals";
import { CellValue, Label, ScoringModel } from "./types";
import { flatMap } from "./es2017";
import { ColumnReader } from "./memo";

/** How a field's words are read; a field without one is read by its type alone. */
export const ANSWER_READERS = ["veto", "origin", "stage", "landUse"] as const;
export type AnswerReader = (typeof ANSWER_READERS)[number];

/** A boolean field's value for an intention (拟申报, 筹建中): its own value, below yes (1). */
export const INTENDED = 0.5;

/** Text as the readers compare it: width-folded, lower case, spaces collapsed, trimmed. */
export function foldAnswer(c: CellValue | undefined): string {
  if (c === null || c === undefined) return "";
  return foldText(String(c)).replace(/\s+/g, " ").trim();
}

/** Marks right before a word that negate it: 非上市, 未认定, 无研发中心, 不是链主, not listed, unlisted. */
const NEGATION =
  /(?:非|未|无|不|不是|并非|不属于|没有|没|尚未|\bnot (?:yet )?|\bnon-?|\bno |\bun)$/;
/** Words anywhere in a clause that make it an intention, not a fact. */
const INTENTION =
  /拟|计划|筹建|筹备|准备|申报中|申请中|在申请|在申报|培育|潜在|有望|争取|planned|planning|plan to|applying|intends?|to be |potential/;
/** Clause breaks: an intention or a negation reaches no further than its clause. */
const CLAUSE = /[，,；;。（）()、/|]/;

export type Hit = "fact" | "intended" | "negated";

/** How `word` (folded) stands at `at` in `text` (folded): negated, intended in its clause, or a fact. */
export function hitAt(text: string, at: number, word: string): Hit {
  if (NEGATION.test(text.slice(Math.max(0, at - 5), at))) return "negated";
  let start = at;
  while (start > 0 && !CLAUSE.test(text[start - 1])) start--;
  let end = at + word.length;
  while (end < text.length && !CLAUSE.test(text[end])) end++;
  return INTENTION.test(text.slice(start, end)) ? "intended" : "fact";
}

/** Every place `word` occurs in `text` (both folded) with how it stands there. */
export function hits(text: string, word: string): Hit[] {
  const out: Hit[] = [];
  if (!word) return out;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
    out.push(hitAt(text, at, word));
  return out;
}

/**
 * A word list folded once (when a model is compiled, not per cell) and indexed by first character,
 * so a text is searched in one pass however long the list.
 */
export interface WordList {
  /** The words as written. */
  words: readonly string[];
  folded: string[];
  /** Whether some folded word starts with this code unit. */
  starts: Uint8Array;
  /** Per first code unit: indices of the words starting with it, in list order. */
  byFirst: Map<number, number[]>;
}

export function wordList(words: readonly string[]): WordList {
  const folded = words.map((w) => foldAnswer(w));
  const starts = new Uint8Array(0x10000);
  const byFirst = new Map<number, number[]>();
  folded.forEach((w, k) => {
    // An empty word is found nowhere (as `hits` finds it).
    if (!w) return;
    const c = w.charCodeAt(0);
    starts[c] = 1;
    const list = byFirst.get(c);
    if (list) list.push(k);
    else byFirst.set(c, [k]);
  });
  return { words, folded, starts, byFirst };
}

/** The list's words cut at their first space: each a necessary part of its word in folded text. */
export function wordStarts(words: readonly string[]): WordList {
  return wordList(words.map((w) => foldAnswer(w).split(" ")[0]));
}

/**
 * Each word of `list` found in the text as foldAnswer folds it, told to `visit` with `state` (it
 * returns whether to go on), without building the folded text: foldAnswer folds unit by unit and
 * only collapses spaces, so a word without spaces (see wordStarts) is found unit by unit. A visitor
 * that closes over nothing allocates nothing per text. Returns false when `visit` stopped.
 */
export function visitFoldedWords<S>(
  text: string,
  list: WordList,
  visit: (k: number, state: S) => boolean,
  state: S
): boolean {
  const { starts, byFirst, folded } = list;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = foldCharCode(text.charCodeAt(i));
    if (starts[c] === 0) continue;
    for (const k of byFirst.get(c) as number[]) {
      const w = folded[k];
      let j = 1;
      while (j < w.length && i + j < n && foldCharCode(text.charCodeAt(i + j)) === w.charCodeAt(j))
        j++;
      if (j === w.length && !visit(k, state)) return false;
    }
  }
  return true;
}

const stop = (): boolean => false;

/** Index of the first word of the list (in list order) found in `text` (folded) as a fact; −1 when none. */
export function firstFact(text: string, list: WordList): number {
  let best = -1;
  for (let at = 0; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (list.starts[c] === 0) continue;
    for (const k of list.byFirst.get(c) as number[]) {
      if (best >= 0 && k >= best) break;
      const w = list.folded[k];
      if (text.startsWith(w, at) && hitAt(text, at, w) === "fact") best = k;
    }
  }
  return best;
}

/** The first word of the list found as a fact (not negated, not an intention), or null. */
export function factWord(text: string, list: WordList): string | null {
  const k = firstFact(text, list);
  return k < 0 ? null : list.words[k];
}

/** Explicit denials in free text: the span from one to its clause's end says what the project is NOT. */
export const DENIALS = [
  "不涉及",
  "不含",
  "不包括",
  "不属于",
  "不是",
  "并非",
  "非从事",
  "not ",
  "non-",
] as const;
const DENIAL = new RegExp(`(?:${DENIALS.join("|")})[^，,；;。（）()\\n]*`, "g");

/** Free text with its denied spans blanked ("不涉及汽车整车" says nothing about cars); the same length. */
export function dropDenied(text: string): string {
  return text.replace(DENIAL, (m) => " ".repeat(m.length));
}

// ---------------------------------------------------------------------------------------------
// Yes / no / intended
// ---------------------------------------------------------------------------------------------

const YES_WORDS = [
  "是",
  "有",
  "已",
  "具备",
  "通过",
  "认定",
  "√",
  "✓",
  "✔",
  "☑",
  "y",
  "yes",
  "true",
  "t",
  "1",
  "对",
  // On the list the column names: 入围, 入选, 上榜, 列入 (名录), 属于.
  "入围",
  "入选",
  "上榜",
  "列入",
  "属于",
] as const;
const NO_WORDS = [
  "否",
  "无",
  "没有",
  "未",
  "不",
  "非",
  "×",
  "✗",
  "✘",
  "☐",
  "n",
  "no",
  "not",
  "false",
  "f",
  "0",
] as const;

/**
 * "Not yet" (暂无, 尚未, 目前没有): an answer, no for now. 暂无 alone is also a "no data" mark, which it
 * is in amount and number columns; in a yes/no column it answers the question (isMissingFor).
 */
const NOT_YET_WORDS = [
  "暂无",
  "暂未",
  "暂时没有",
  "暂时无",
  "尚无",
  "尚未",
  "目前没有",
  "目前无",
  "目前尚无",
  "目前尚未",
  "还没有",
  "还未",
] as const;

/** Applied for and not yet granted (已申报 starts like 已, yes): an intention, not a certificate. */
const APPLIED_WORDS = [
  "已申报",
  "已申请",
  "已提交申请",
  "认定中",
  "待认定",
  "正在认定",
  "审核中",
  "公示中",
  "复审中",
  "正在复审",
  "待复审",
  // In the cultivation pool (高企培育库): a candidate, not certified.
  "已入库",
  "入库",
  "重新认定中",
  "重新申报",
] as const;

/**
 * Held once, not now: lapsed (已过期, 到期未复审), withdrawn (已撤销, 被取消), or held in the past only
 * (曾是, 原高新企业). A no in a yes/no column, with a note; in a veto column still a veto.
 */
const LAPSED_WORDS = [
  "已过期",
  "过期",
  "已失效",
  "失效",
  "已到期",
  "到期未复审",
  "已撤销",
  "被撤销",
  "已取消",
  "被取消",
  "曾经是",
  "曾是",
  "曾经",
  "曾",
  "曾为",
  "原为",
  "原是",
  "原",
] as const;

/** Answers offered side by side (是/否, 有或无). */
const ALTERNATIVES = /[/|]|或/;
/** A level of recognition alone, as the answer (省级, 国家级（2022年）). */
const LEVEL = /^(?:国家级?|省级|市级|县级|区级)(?:\(.*\))?$/;

export type YesNo = "yes" | "no" | "intended";

const startsWithWord = (text: string, words: readonly string[]): boolean =>
  words.some(
    (w) =>
      text.startsWith(w) &&
      // A Latin word must end there: "no" is not the start of "none" or "north".
      (!/[a-z0-9]$/.test(w) || !/[a-z0-9]/.test(text.charAt(w.length)))
  );

/** An answer's text as compared: folded, a leading year left out (2022年认定: the year says when). */
function answerText(cell: CellValue): string {
  return foldAnswer(cell).replace(/^(?:19|20)\d\d年(?:\d{1,2}月)?/, "");
}

/**
 * A yes/no answer as written: 是（2022年认定）, 已认定, 有, 具备, √, Y, yes, 通过 → yes; 否, 无, 没有, 未,
 * ×, N, no → no; 拟申报, 计划, 筹建, 申报中, 正在申请 → intended. Null when blank or not an answer.
 */
export function readYesNo(cell: CellValue): YesNo | null {
  if (typeof cell === "boolean") return cell ? "yes" : "no";
  if (typeof cell === "number") return cell === 1 ? "yes" : cell === 0 ? "no" : null;
  const t = answerText(cell);
  // 是否… asks the question (a header copied into the cell); it starts with 是 but answers nothing.
  if (!t || t.startsWith("是否")) return null;
  // 是/否, 有或无: both answers offered, none given.
  const parts = t.split(ALTERNATIVES);
  if (parts.length > 1) {
    const answers = parts.map((p) => readYesNo(p.trim())).filter((a) => a !== null);
    if (answers.some((a) => a !== answers[0])) return null;
  }
  // 已过期 starts like 已 (yes), 原高新企业 names the certificate: held once is not held now.
  if (startsWithWord(t, LAPSED_WORDS)) return "no";
  // 省级, 国家级: the level it was recognised at (noted).
  if (LEVEL.test(t)) return "yes";
  // 否（拟申报）: no certificate yet, and the plan to apply stated, reads as 拟申报 alone does.
  if (saysNo(t)) return statesIntention(t) ? "intended" : "no";
  if (INTENTION.test(t) || startsWithWord(t, APPLIED_WORDS)) return "intended";
  if (startsWithWord(t, YES_WORDS)) return "yes";
  return null;
}

/** Whether an answer says "not yet" (暂无, 尚未认定, 目前没有): no, for now. */
export function saysNotYet(cell: CellValue): boolean {
  return startsWithWord(foldAnswer(cell), NOT_YET_WORDS);
}

/** Folded text that opens with a no (否, 无, 未认定) or a "not yet" (暂无, 尚未). */
const saysNo = (t: string): boolean =>
  startsWithWord(t, NO_WORDS) || startsWithWord(t, NOT_YET_WORDS);

/** An intention word, or an application not yet granted (已申报, 认定中), as the answers read them. */
const INTENTIONS = new RegExp(`${INTENTION.source}|${APPLIED_WORDS.join("|")}`, "g");

/**
 * Whether folded text states an intention or a pending application, not negated (拟申报, 计划申报,
 * 已申报; not 无计划, 不拟申报).
 */
function statesIntention(t: string): boolean {
  INTENTIONS.lastIndex = 0;
  for (let m = INTENTIONS.exec(t); m !== null; m = INTENTIONS.exec(t))
    if (!NEGATION.test(t.slice(Math.max(0, m.index - 5), m.index))) return true;
  return false;
}

/**
 * What a yes/no reading assumed, for its explanation and the reading report: a "not yet" read as no
 * (暂无 is no data elsewhere), a no with an intention read as the intention (否（拟申报）). In a veto
 * column a leading no is no veto whatever follows, so only "not yet" is noted. Null otherwise.
 */
export function answerNote(cell: CellValue, veto: boolean): Label | null {
  if (typeof cell !== "string") return null;
  const text = cell.trim();
  if (!veto && readYesNo(cell) === "intended" && saysNo(answerText(cell)))
    return {
      zh: `“${text}”读作“意向”：写了“否”，并写明已申请或打算申请（同“拟申报”“已申报”）`,
      en: `"${text}" read as intended: a no, with an application made or planned (as 拟申报, 已申报)`,
    };
  if (!veto && LEVEL.test(answerText(cell)))
    return {
      zh: `“${text}”读作“是”：写的是认定的级别`,
      en: `"${text}" read as yes: it names the level of recognition`,
    };
  if (!veto && startsWithWord(answerText(cell), LAPSED_WORDS))
    return {
      zh: `“${text}”读作“否”：资格已过期、被取消或只是曾经具备`,
      en: `"${text}" read as no: lapsed, withdrawn or held only in the past`,
    };
  return saysNotYet(cell)
    ? {
        zh: `“${text}”读作“否”：尚未具备，不是缺数据`,
        en: `"${text}" read as no: not yet, not missing data`,
      }
    : null;
}

/** readYesNo as a number: yes 1, no 0, intended INTENDED; NaN when blank or not an answer. */
export function yesNoValue(cell: CellValue): number {
  const a = readYesNo(cell);
  return a === "yes" ? 1 : a === "no" ? 0 : a === "intended" ? INTENDED : NaN;
}

/**
 * A veto column: blank or "no data" marks give NaN (not known), an explicit negative (否, 无, 没有,
 * —, ×, no …) 0, and any other content 1, a veto whose text is its reason (有（2022年环保行政处罚）,
 * 失信被执行人).
 */
export function vetoValue(cell: CellValue, missing: (c: CellValue) => boolean): number {
  if (missing(cell)) return NaN;
  // 曾被列入失信名单, 已撤销处罚: a reason all the same (the column's text is its reason), as before.
  if (startsWithWord(answerText(cell), LAPSED_WORDS)) return 1;
  // 无（拟整改） is no veto: what follows a no is no reason.
  const a = readYesNo(cell);
  return a === "no" || (a === "intended" && saysNo(answerText(cell))) ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------
// Origin
// ---------------------------------------------------------------------------------------------

/** Where capital comes from: country (or region) written in zh and en, and the words that name it. */
const ORIGINS = [
  ["中外合资", ["中外合资", "中外合作", "sino-foreign", "joint venture"]],
  ["外资", ["外商独资", "外资", "外商", "外企", "foreign-owned", "foreign"]],
  ["中国香港", ["港资", "香港", "hong kong", "hk"]],
  ["中国澳门", ["澳资", "澳门", "macao", "macau"]],
  ["中国台湾", ["台资", "台湾", "台商", "taiwan"]],
  ["日本", ["日资", "日本", "日商", "japan", "japanese"]],
  ["德国", ["德资", "德国", "germany", "german"]],
  ["美国", ["美资", "美国", "united states", "usa", "u.s.", "american"]],
  ["韩国", ["韩资", "韩国", "korea", "korean"]],
  ["法国", ["法资", "法国", "france", "french"]],
  ["英国", ["英资", "英国", "united kingdom", "britain", "uk"]],
  ["瑞士", ["瑞士", "switzerland", "swiss"]],
  ["意大利", ["意大利", "意资", "italy", "italian"]],
  ["荷兰", ["荷兰", "netherlands", "dutch"]],
  ["瑞典", ["瑞典", "sweden", "swedish"]],
  ["丹麦", ["丹麦", "denmark", "danish"]],
  ["芬兰", ["芬兰", "finland"]],
  ["挪威", ["挪威", "norway"]],
  ["奥地利", ["奥地利", "austria"]],
  ["比利时", ["比利时", "belgium"]],
  ["西班牙", ["西班牙", "spain"]],
  ["新加坡", ["新加坡", "新资", "singapore"]],
  ["加拿大", ["加拿大", "canada"]],
  ["澳大利亚", ["澳大利亚", "australia"]],
  ["以色列", ["以色列", "israel"]],
  ["泰国", ["泰国", "thailand"]],
  ["马来西亚", ["马来西亚", "malaysia"]],
  ["印度", ["印度", "india"]],
  ["欧洲", ["欧洲", "欧盟", "欧资", "europe", "eu"]],
  // Offshore registrations: foreign-invested as China's statistics count them, whoever owns them.
  ["英属维尔京群岛", ["英属维尔京群岛", "维尔京群岛", "bvi", "british virgin islands"]],
  ["开曼群岛", ["开曼群岛", "开曼", "cayman islands", "cayman"]],
  ["百慕大", ["百慕大", "bermuda"]],
  ["萨摩亚", ["萨摩亚", "samoa"]],
] as const;

/** Mainland China: the country and its provinces, regions and larger cities are domestic capital. */
const DOMESTIC = [
  "中国大陆",
  "中国",
  "国内",
  "内资",
  "本地",
  "本市",
  "市内",
  "省内",
  "民营",
  "国有",
  "国资",
  "央企",
  "china",
  "chinese",
  "domestic",
  "北京",
  "天津",
  "上海",
  "重庆",
  "河北",
  "山西",
  "辽宁",
  "吉林",
  "黑龙江",
  "江苏",
  "浙江",
  "安徽",
  "福建",
  "江西",
  "山东",
  "河南",
  "湖北",
  "湖南",
  "广东",
  "海南",
  "四川",
  "贵州",
  "云南",
  "陕西",
  "甘肃",
  "青海",
  "内蒙古",
  "广西",
  "西藏",
  "宁夏",
  "新疆",
  "杭州",
  "宁波",
  "温州",
  "嘉兴",
  "湖州",
  "绍兴",
  "金华",
  "台州",
  "平湖",
  "南京",
  "苏州",
  "无锡",
  "常州",
  "深圳",
  "广州",
  "武汉",
  "成都",
  "西安",
  "合肥",
  "厦门",
  "青岛",
  "shanghai",
  "beijing",
  "shenzhen",
  "jiangsu",
  "zhejiang",
  "hangzhou",
] as const;

/** The canonical name of domestic capital, which the model's expressions compare with. */
export const DOMESTIC_ORIGIN = "中国";

export interface Origin {
  /** Canonical country or region ("日本", "中国香港"), DOMESTIC_ORIGIN for mainland China. */
  country: string;
  /** Foreign capital as China's statistics count it: 港澳台 included. */
  foreign: boolean;
  /** The word that decided it. */
  word: string;
}

const isLatin = (w: string): boolean => /^[a-z. -]+$/.test(w);

/** Whether folded text holds the word: a Latin word standing alone, any other anywhere. */
function finder(word: string): (text: string) => boolean {
  if (!isLatin(word)) return (t) => t.includes(word);
  const alone = new RegExp(`(?:^|[^a-z])${word.replace(/\./g, "\\.")}(?:$|[^a-z])`);
  return (t) => alone.test(t);
}

// Longest word first, so 中国香港 is Hong Kong before it is 中国, and 中外合资 is not 中国.
const ORIGIN_WORDS: { word: string; country: string; found: (text: string) => boolean }[] = [
  ...flatMap(ORIGINS, ([country, words]) => words.map((word) => ({ word, country }))),
  ...DOMESTIC.map((word) => ({ word, country: DOMESTIC_ORIGIN })),
]
  .sort((a, b) => b.word.length - a.word.length)
  .map((w) => ({ ...w, found: finder(w.word) }));

/** Origin as written (日资, 港资, 中外合资, Japan, 上海 …); null when blank or not recognised. */
export function readOrigin(cell: CellValue): Origin | null {
  const t = foldAnswer(cell);
  if (!t) return null;
  for (const { word, country, found } of ORIGIN_WORDS)
    if (found(t)) return { country, foreign: country !== DOMESTIC_ORIGIN, word };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Stage
// ---------------------------------------------------------------------------------------------

/** Negation before a stage word also takes 待 and 拟 (待开工, 拟签约: not yet). */
const STAGE_NEGATION = /(?:未|没有|没|待|拟|不|尚未|\bnot (?:yet )?|\byet to be |\bun)$/;

/** The model's stage aliases and land-use words, folded once per model (not once per cell). */
interface ModelWords {
  /** Every stage alias (id, labels, aliases), folded, in stage then alias order, with its stage. */
  stageAliases: { k: number; alias: string }[];
  /** The stage before signing that a negated early stage (未签约, 待签约) means; see resolveStage. */
  signed: number;
  /** Per stage: dropped or on hold (StageDef.halted). */
  halted: boolean[];
  /** Every land use's words, uses in model order, and the use each word names. */
  landWords: WordList;
  /** landWords cut at their first space (wordStarts): a text holding none of these names no use. */
  landStarts: WordList;
  landUseOf: string[];
}

const modelWords = new WeakMap<ScoringModel, ModelWords>();

function wordsOf(model: ScoringModel): ModelWords {
  let w = modelWords.get(model);
  if (w) return w;
  const stages = model.stages ?? [];
  const stageAliases: ModelWords["stageAliases"] = [];
  stages.forEach((stage, k) => {
    for (const alias of [stage.id, stage.label.zh, stage.label.en, ...stage.aliases]) {
      const a = foldAnswer(alias);
      if (a) stageAliases.push({ k, alias: a });
    }
  });
  const uses = model.landUse?.uses ?? [];
  w = {
    stageAliases,
    signed: stages.findIndex((st) => st.id === "signed"),
    halted: stages.map((st) => st.halted === true),
    landWords: wordList(flatMap(uses, (u) => u.words)),
    landStarts: wordStarts(flatMap(uses, (u) => u.words)),
    landUseOf: flatMap(uses, (u) => u.words.map(() => u.id)),
  };
  modelWords.set(model, w);
  return w;
}

/**
 * The model stage a cell names: the stage whose longest alias the cell contains. A negated alias
 * (未签约, 待开工) rules out that stage and every later one; when nothing else is named, a negated
 * stage up to signing (未签约, 待签约, 未洽谈) means the one before it (still negotiating). Null when none.
 */
export function resolveStage(cell: CellValue | undefined, model: ScoringModel): string | null {
  const k = stageIndex(cell, model);
  return k < 0 ? null : (model.stages ?? [])[k].id;
}

/** resolveStage as an index into model.stages; −1 when none. */
export function stageIndex(cell: CellValue | undefined, model: ScoringModel): number {
  return readStage(cell, model).k;
}

/** Words after a halt that say the project goes on again: 停滞后重启, 暂停后恢复, 已复工. */
const RESUMED = ["重启", "恢复", "复工", "复产", "重新启动", "重新推进", "继续推进"] as const;

/** Where the last resumption word not negated (未恢复) starts in folded text; −1 when none. */
function resumedAt(text: string): number {
  let last = -1;
  for (const w of RESUMED)
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1))
      if (at > last && !STAGE_NEGATION.test(text.slice(0, at))) last = at;
  return last;
}

/**
 * Land put up for auction and not yet won (土地已挂牌, 挂牌出让中): land is offered to a project that has
 * signed, so the stage is at least signed and before land supply (won: 摘牌, 摘地). Read as signed,
 * a lower bound as bound words are, unless a later step is written; the note says so.
 */
const LISTED = "挂牌";

/**
 * Equity markets: 挂牌 in a clause naming one (新三板挂牌, 拟在创业板挂牌), or followed by 上市, is the
 * company listing its shares, which says nothing of the project's stage. Land is listed at a public
 * resources exchange (交易中心), which is why only share exchanges are named here.
 */
const EQUITY_MARKETS = [
  "三板",
  "四板",
  "股权交易",
  "股交中心",
  "股转",
  "创业板",
  "科创板",
  "主板",
  "北交所",
  "上交所",
  "深交所",
  "港交所",
  "交易所",
  "港股",
  "美股",
  "纳斯达克",
  "纽交所",
  "上市",
] as const;
/** Words that make a clause's 挂牌 land whatever else it names. */
const LAND_WORDS = ["土地", "地块", "用地", "出让"] as const;

/** Whether the 挂牌 at `at` in folded text is a company's share listing, not land put up for sale. */
function shareListing(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && !CLAUSE.test(text.charAt(start - 1))) start--;
  let end = at + LISTED.length;
  while (end < text.length && !CLAUSE.test(text.charAt(end))) end++;
  const clause = text.slice(start, end);
  if (LAND_WORDS.some((w) => clause.includes(w))) return false;
  return (
    text.startsWith("上市", at + LISTED.length) ||
    EQUITY_MARKETS.some((w) => text.slice(start, at).includes(w))
  );
}

/**
 * The stage a cell names (−1 when none), whether a halt it names was followed by a resumption, and
 * whether the stage came from land listed (LISTED).
 */
function readStage(
  cell: CellValue | undefined,
  model: ScoringModel
): { k: number; resumed: boolean; listed: boolean } {
  const text = foldAnswer(cell);
  if (!text) return { k: -1, resumed: false, listed: false };
  const { stageAliases, signed, halted } = wordsOf(model);
  const found: { k: number; len: number; at: number; listed?: true }[] = [];
  let ceiling = (model.stages ?? []).length;
  let lastHalt = -1;
  for (const { k, alias } of stageAliases) {
    for (let at = text.indexOf(alias); at >= 0; at = text.indexOf(alias, at + 1)) {
      // 签约前, 开工前: before that stage, as 未签约 is.
      const before = text.charAt(at + alias.length) === "前";
      if (before || STAGE_NEGATION.test(text.slice(0, at))) ceiling = Math.min(ceiling, k);
      else {
        found.push({ k, len: alias.length, at });
        if (halted[k]) lastHalt = Math.max(lastHalt, at);
      }
    }
  }
  if (signed >= 0)
    for (let at = text.indexOf(LISTED); at >= 0; at = text.indexOf(LISTED, at + 1))
      if (
        text.charAt(at + LISTED.length) !== "前" &&
        !STAGE_NEGATION.test(text.slice(0, at)) &&
        !shareListing(text, at)
      )
        found.push({ k: signed, len: LISTED.length, at, listed: true });
  // 停滞后重启: a halt followed by a resumption is live again; the live stage named (if any) decides.
  const resume = resumedAt(text);
  const resumed = lastHalt >= 0 && resume > lastHalt;
  // After a resumption the step written after it is the current one (停滞后恢复并开工: started).
  const from = resumed && found.some((f) => f.at > resume && f.k < ceiling) ? resume : -1;
  let best: (typeof found)[number] | null = null;
  // A halted state wins whatever step is named beside it (已签约，后停滞; 未签约，已放弃). Else the
  // longest alias decides (已注册 over 供地 in 已注册，正在办理供地); of equally long ones the later
  // stage (已签约、已开工: a list that keeps each step reached).
  for (const f of found)
    if (
      (halted[f.k] ? !resumed : f.k < ceiling && f.at > from) &&
      (!best ||
        (halted[f.k] !== halted[best.k]
          ? halted[f.k]
          : f.len > best.len || (f.len === best.len && f.k > best.k)))
    )
      best = f;
  if (best) return { k: best.k, resumed, listed: best.listed === true };
  const k = ceiling > 0 && ceiling <= Math.max(signed, 1) ? ceiling - 1 : -1;
  return { k, resumed, listed: false };
}

/**
 * What the stage reading assumed, for the explanation: a halt written with a resumption after it
 * (停滞后重启) is no halt. Null when the cell says nothing of the kind.
 */
export function stageNote(cell: CellValue | undefined, model: ScoringModel): Label | null {
  // Explanations ask for every row: most cells name no resumption or listing, and need no reading.
  if (typeof cell !== "string" || !(cell.includes(LISTED) || RESUMED.some((w) => cell.includes(w))))
    return null;
  const r = readStage(cell, model);
  if (!r.resumed && !r.listed) return null;
  const stage = r.k >= 0 ? (model.stages ?? [])[r.k].label : null;
  const text = cell.trim();
  const notes: Label[] = [];
  if (r.resumed)
    notes.push({
      zh: `停滞后已恢复，不按停滞计；${stage ? `读作“${stage.zh}”` : "未写明恢复后的进度，进度按未知计（按评分给建议）"}`,
      en: `halted, then resumed, so not counted as halted; ${stage ? `read as "${stage.en}"` : "the stage after resuming is not written, so it counts as unknown (advice by score)"}`,
    });
  if (r.listed && stage)
    notes.push({
      zh: `土地挂牌出让中、尚未摘牌：至少已签约，读作“${stage.zh}”（供地前；是否已注册未写明）`,
      en: `land listed for sale, not yet won: signed at least, read as "${stage.en}" (before land supply; registration not stated)`,
    });
  return {
    zh: `项目进度“${text}”：${notes.map((x) => x.zh).join("；")}`,
    en: `stage "${text}": ${notes.map((x) => x.en).join("; ")}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Land use
// ---------------------------------------------------------------------------------------------

export interface LandUseReading {
  /** Land-use id of the model (industrial, agricultural …). */
  use: string;
  /** "column": written in the land-use column; "inferred": from the description; "default". */
  source: "column" | "inferred" | "default";
  /** The word that decided it (null for the default). */
  word: string | null;
}

/**
 * The model's land use a cell names: the first use (in model order) with a word found as a fact, as
 * an index into the model's land-use words (uses in order, their words in order); −1 when none.
 */
function landWordIn(cell: CellValue | undefined, w: ModelWords): number {
  return firstFact(foldAnswer(cell), w.landWords);
}

/**
 * Land use of a candidate: the land-use column when it names one, else inferred from the text fields
 * the model lists, else the model's default. Null when the model has no land-use rules.
 */
export function readLandUse(
  columns: Record<string, CellValue[]>,
  i: number,
  model: ScoringModel
): LandUseReading | null {
  const lu = model.landUse;
  if (!lu) return null;
  const w = wordsOf(model);
  const fields = [lu.field, ...lu.inferFrom];
  for (let f = 0; f < fields.length; f++) {
    const k = landWordIn(columns[fields[f]]?.[i], w);
    if (k >= 0)
      return {
        use: w.landUseOf[k],
        word: w.landWords.words[k],
        source: f === 0 ? "column" : "inferred",
      };
  }
  return { use: lu.default, source: "default", word: null };
}

/**
 * readLandUse's use for many candidates (the batch path): each column is read once per distinct text,
 * and a field further down the list only for the candidates still undecided.
 */
export class LandUseReader {
  private readonly words: ModelWords;
  private readonly fields: string[];
  private readonly readers: ColumnReader<number>[];
  private entries = new Int32Array(0);

  constructor(private readonly model: ScoringModel) {
    const w = (this.words = wordsOf(model));
    const lu = model.landUse;
    this.fields = lu ? [lu.field, ...lu.inferFrom] : [];
    // Most texts (project names, places) hold no land word: nothing to fold.
    const read = (c: CellValue): number =>
      typeof c === "string" && visitFoldedWords(c, w.landStarts, stop, null)
        ? -1
        : landWordIn(c, w);
    this.readers = this.fields.map(() => new ColumnReader(read));
  }

  /** Uses of candidates 0…count−1 into `out`; null when the model has no land-use rules. */
  into(columns: Record<string, CellValue[]>, count: number, out: (string | null)[]): void {
    const lu = this.model.landUse;
    if (this.entries.length < count) this.entries = new Int32Array(count);
    const found = this.entries.fill(-1, 0, count);
    this.fields.forEach((field, f) => {
      const cells = columns[field];
      const reader = this.readers[f];
      for (let i = 0; i < count; i++) if (found[i] < 0) found[i] = reader.cell(cells?.[i] ?? null);
    });
    for (let i = 0; i < count; i++)
      out[i] = !lu ? null : found[i] >= 0 ? this.words.landUseOf[found[i]] : lu.default;
  }
}

/** How a land-use reading came about, for explanations. */
export function landUseNote(r: LandUseReading, model: ScoringModel): Label {
  const label = model.landUse?.uses.find((u) => u.id === r.use)?.label ?? { zh: r.use, en: r.use };
  if (r.source === "column")
    return {
      zh: `用地性质：${label.zh}（“${r.word}”）`,
      en: `Land use: ${label.en} ("${r.word}")`,
    };
  if (r.source === "inferred")
    return {
      zh: `用地性质：${label.zh}（据描述中的“${r.word}”推断）`,
      en: `Land use: ${label.en} (inferred from "${r.word}" in the description)`,
    };
  return {
    zh: `用地性质：${label.zh}（未写明，按模型默认）`,
    en: `Land use: ${label.en} (not stated; the model's default)`,
  };
}
