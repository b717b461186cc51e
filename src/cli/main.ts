/**
 * zs-score: scores the candidate table of .xlsx workbooks and writes a copy of each with our result
 * columns, patching the package (every part it does not change is copied as it was). `main` is the
 * whole command, testable in-process; zs-score.ts is its thin entry.
 */
import * as fs from "fs";
import * as path from "path";
import * as v8 from "v8";
import * as vm from "vm";
import {
  candidateScore,
  compileModel,
  loadModel,
  fieldNames,
  parseAmount,
  scoreTable,
  validateModel,
} from "../engine";
import type { CandidateScore, Label, Lang, ScoredTable, ScoringModel } from "../engine";
import defaultModelJson from "../models/pinghu-2023.json";
import {
  cellAddress,
  chooseSheet,
  prepareTable,
  checkReadable,
  columnLetters,
  columnOf,
  decisionLabel,
  formatReadingReport,
  readingJson,
  DISCOVERY_ROWS,
  findModelSheet,
  modelFromSheet,
  nameField,
  planResults,
  planSummary,
  Refusal,
  RESULT_SHEET_NAME,
  roundScore,
  SUMMARY_SHEET_NAME,
  standing,
  toCandidateTable,
} from "../workbook";
import type { ColumnMapping, PlannedResults, ReadingJson, SheetData } from "../workbook";
import type { SummaryPlan } from "../workbook/summary";
import { formatMoney } from "../workbook/format";
import { duplicateOf } from "../workbook/merge";
import { L, UsageError } from "./errors";
import { writeFileSafely } from "./files";
import { writeMerged } from "./merged";
import type { MergedRow } from "./merged";
import { formatTable, truncate } from "./width";
import type { Workbook } from "./xlsx";
import { openWorkbook, sheetOf, writeResults } from "./xlsx";

export { UsageError };

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
}

export const USAGE = `用法 Usage: zs-score <input.xlsx|folder> [more.xlsx …] [--sheet NAME] [--table N]
                [--model model.json | --model-sheet] [--out FILE | --in-place] [--result-sheet]
                [--merge OUT.xlsx] [--summary] [--json] [--lang zh|en]

  --sheet NAME     评分的工作表（默认：第一个含候选项目表的可见工作表） sheet to score (default: the first visible one holding a table)
  --table N        工作表中有多个表格时，评分第 N 个（默认 1） which table of the sheet to score (default 1)
  --model FILE     评分模型 JSON（默认：工作簿中的「评分模型」表，否则内置平湖 2023 模型） model JSON
  --model-sheet    必须使用工作簿中的「评分模型」表 require the workbook's own model sheet
  --out FILE       输出文件（默认 <input>-scored.xlsx；仅限一个输入） output file (one input only)
  --in-place       直接写回输入文件 write back into the input file
  --result-sheet   结果写到单独的「评分结果」表，而不是表格右侧 write results to a separate sheet
  --merge OUT      另写一个汇总排名工作簿（来源、行号、疑似重复） also write one combined ranking workbook
  --summary        另加「汇总」表：按等级、建议、产业链、进度、招大引强统计，目标进度，前 10 名，及图表
                   add a 汇总 (Summary) sheet: counts, progress against targets, top 10, native charts
  --json           以 JSON 输出各列读取情况与结果 print each column's reading and the results as JSON
  --lang zh|en     输出语言（默认 zh） output language
  --unit 列=单位    不带单位的数按此单位读取，可重复（如 --unit 总投资=万元 --unit 用地面积=平方米）
                   unit of a column's bare numbers, repeatable

  接受 .xlsx 与 .xlsm（宏保留）。.xls、.xlsb、.ods 请先另存为 .xlsx。 .xlsx and .xlsm (macros kept) are read; save .xls, .xlsb and .ods as .xlsx first.
  退出码 Exit status: 0 成功 success · 2 输入或参数问题 bad input or arguments · 1 程序错误 a bug
`;

interface Options {
  inputs: string[];
  sheet?: string;
  table?: number;
  model?: string;
  modelSheet: boolean;
  out?: string;
  inPlace: boolean;
  resultSheet: boolean;
  summary: boolean;
  merge?: string;
  json: boolean;
  lang: Lang;
  help: boolean;
  /** --unit 总投资=万元: field, label or header → unit. */
  units: Record<string, string>;
}

const EXT = /\.(xlsx|xlsm)$/i;

export function parseArgs(argv: string[]): Options {
  const o: Options = {
    inputs: [],
    modelSheet: false,
    inPlace: false,
    resultSheet: false,
    summary: false,
    json: false,
    lang: "zh",
    help: false,
    units: {},
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--"))
      throw new UsageError(L(`${flag} 后面缺少参数值`, `${flag} needs a value`));
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case "--sheet":
        o.sheet = value(i++, a);
        break;
      case "--table": {
        const v = value(i++, a);
        if (!/^[1-9]\d*$/.test(v))
          throw new UsageError(
            L(`--table 须是正整数，而不是“${v}”`, `--table must be a whole number ≥ 1, not "${v}"`)
          );
        o.table = Number(v);
        break;
      }
      case "--model":
        o.model = value(i++, a);
        break;
      case "--out":
        o.out = value(i++, a);
        break;
      case "--merge":
        o.merge = value(i++, a);
        break;
      case "--lang": {
        const v = value(i++, a);
        if (v !== "zh" && v !== "en")
          throw new UsageError(
            L(`--lang 只能是 zh 或 en，而不是“${v}”`, `--lang must be zh or en, not "${v}"`)
          );
        o.lang = v;
        break;
      }
      case "--model-sheet":
        o.modelSheet = true;
        break;
      case "--unit": {
        const v = value(i++, a);
        const eq = v.indexOf("=");
        if (eq <= 0 || eq === v.length - 1)
          throw new UsageError(
            L(
              `--unit 应写作 列=单位（如 总投资=万元），而不是“${v}”`,
              `--unit takes column=unit (e.g. 总投资=万元), not "${v}"`
            )
          );
        o.units[v.slice(0, eq).trim()] = v.slice(eq + 1).trim();
        break;
      }
      case "--in-place":
        o.inPlace = true;
        break;
      case "--result-sheet":
        o.resultSheet = true;
        break;
      case "--summary":
        o.summary = true;
        break;
      case "--json":
        o.json = true;
        break;
      case "--help":
      case "-h":
        o.help = true;
        break;
      default:
        if (a.startsWith("-")) throw new UsageError(L(`未知选项 ${a}`, `unknown option ${a}`));
        o.inputs.push(a);
    }
  }
  if (o.help) return o;
  if (o.inputs.length === 0) throw new UsageError(L("缺少输入文件", "no input file given"));
  if (o.model !== undefined && o.modelSheet)
    throw new UsageError(
      L(
        "--model 与 --model-sheet 不能同时使用",
        "--model and --model-sheet cannot be used together"
      )
    );
  if (o.out !== undefined && o.inPlace)
    throw new UsageError(
      L("--out 与 --in-place 不能同时使用", "--out and --in-place cannot be used together")
    );
  if (o.out !== undefined && o.inputs.length > 1)
    throw new UsageError(
      L(
        "--out 只能用于一个输入文件；多个文件各自写到 <文件>-scored.xlsx",
        "--out takes one input file; several inputs are each written to <file>-scored.xlsx"
      )
    );
  if (o.out !== undefined && !EXT.test(o.out))
    throw new UsageError(
      L(
        `输出文件须以 .xlsx 或 .xlsm 结尾：${o.out}`,
        `the output file must end in .xlsx or .xlsm: ${o.out}`
      )
    );
  if (o.merge !== undefined && !/\.xlsx$/i.test(o.merge))
    throw new UsageError(
      L(`汇总文件须以 .xlsx 结尾：${o.merge}`, `the merged file must end in .xlsx: ${o.merge}`)
    );
  return o;
}

/** The files named: folders give their .xlsx/.xlsm files (not our outputs, lock or hidden files). */
function expandInputs(inputs: string[], cwd: string, merge?: string): string[] {
  const out: string[] = [];
  for (const i of inputs) {
    const full = path.resolve(cwd, i);
    let dir = false;
    try {
      dir = fs.statSync(full).isDirectory();
    } catch {
      // A missing file is reported when it is opened.
    }
    if (!dir) {
      out.push(i);
      continue;
    }
    const files = fs
      .readdirSync(full)
      .filter(
        (n) =>
          EXT.test(n) && !n.startsWith(".") && !n.startsWith("~$") && !/-scored\.xls[xm]$/i.test(n)
      )
      .filter((n) => merge === undefined || path.resolve(full, n) !== path.resolve(cwd, merge))
      .sort();
    if (files.length === 0)
      throw new UsageError(
        L(`文件夹 ${i} 中没有 .xlsx 或 .xlsm 文件`, `the folder ${i} holds no .xlsx or .xlsm file`)
      );
    out.push(...files.map((n) => path.join(i, n)));
  }
  return out;
}

function modelFromFile(file: string): ScoringModel {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new UsageError(L(`无法读取模型文件：${file}`, `cannot read the model file: ${file}`));
  }
  try {
    return loadModel(text);
  } catch (e) {
    const errors = (e as { errors?: { path: string; message: Label }[] }).errors ?? [];
    const list = (lang: Lang) =>
      errors.map((x) => `  ${x.path || "(document)"}: ${x.message[lang]}`).join("\n");
    throw new UsageError(
      L(
        `模型文件 ${file} 无效：\n${list("zh")}`,
        `the model file ${file} is not valid:\n${list("en")}`
      )
    );
  }
}

export function defaultModel(): ScoringModel {
  const r = validateModel(defaultModelJson);
  if (!r.ok)
    throw new Error(
      `bundled model invalid: ${r.errors.map((e) => `${e.path}: ${e.message.en}`).join("; ")}`
    );
  return r.model;
}

function describeMapping(
  mapping: ColumnMapping,
  model: ScoringModel,
  lang: Lang,
  originCol: number
): string {
  const label = (id: string) => model.fields.find((f) => f.id === id)?.label[lang] ?? id;
  const how: Record<string, Label> = {
    exact: L("精确", "exact"),
    alias: L("别名", "alias"),
    fuzzy: L("猜测", "guess"),
    user: L("指定", "given"),
  };
  const lines = [lang === "zh" ? "列映射：" : "Column mapping:"];
  const role = (id: string) => model.chain?.roles.find((r) => r.id === id)?.label[lang] ?? id;
  for (const m of mapping.mapped) {
    const c = m.context;
    const unit =
      c && (c.multiplier !== undefined || c.currency !== undefined)
        ? ` [${c.multiplier !== undefined ? `×${c.multiplier}` : ""}${c.currency ? ` ${c.currency}` : ""}${c.perArea ? `/${c.perArea}` : ""}]`
        : c?.yesRole !== undefined
          ? ` [${lang === "zh" ? "是" : "yes"} = ${role(c.yesRole)}]`
          : "";
    const guess = m.how === "fuzzy" ? " ?" : "";
    // 预期效益 → 达产营业额 and → 年税收: each reads the figure labelled as its own.
    const shared =
      c?.labelled === true ? (lang === "zh" ? " [多项共用，按标签]" : " [shared, by label]") : "";
    lines.push(
      `  ${columnLetters(originCol + m.column)} ${m.header} → ${label(m.field)}${unit}${shared}（${how[m.how][lang]} ${m.confidence.toFixed(2)}）${guess}`
    );
  }
  const missing = mapping.unmapped.filter((u) => u.key);
  if (missing.length > 0)
    lines.push(
      `  ${lang === "zh" ? "未找到的关键字段" : "Key fields without a column"}: ${missing.map((u) => u.label[lang]).join(lang === "zh" ? "、" : ", ")}`
    );
  if (mapping.unused.length > 0)
    lines.push(
      `  ${lang === "zh" ? "未使用的列" : "Unused columns"}: ${mapping.unused.map((u) => `${columnLetters(originCol + u.column)} ${u.header}`).join(lang === "zh" ? "、" : ", ")}`
    );
  for (const u of mapping.unused)
    if (u.why) lines.push(`    ! ${columnLetters(originCol + u.column)}: ${u.why[lang]}`);
  return lines.join("\n");
}

export interface JsonResult {
  row: number;
  name: string | null;
  score: number;
  grade: string | null;
  rank: number | null;
  decision: string;
  decisionLabel: string;
  excluded: boolean;
  dimensions: Record<string, number>;
  gates: CandidateScore["gates"];
  flags: string[];
  chain: string | null;
  summary: string;
  explanation: CandidateScore["explanation"];
}

/**
 * What --json prints for each workbook: its file and sheet, how each mapped column's cells were read
 * (the counts the report line gives), and every candidate. One shape for one file or many (a folder
 * gives one object per workbook, one after the other).
 */
export interface JsonOutput {
  file: string;
  sheet: string;
  reading: ReadingJson[];
  results: JsonResult[];
}

/** The --json output's candidates: each with its full explanation (built here, one per row). */
function jsonResults(
  scored: ScoredTable,
  names: (string | null)[],
  rowIds: number[],
  model: ScoringModel,
  lang: Lang
): JsonResult[] {
  return Array.from({ length: scored.count }, (_, i) => {
    const s = candidateScore(scored, i);
    return {
      row: rowIds[s.index],
      name: names[s.index],
      score: roundScore(s.score),
      grade: s.grade,
      rank: s.rank,
      decision: s.decision,
      decisionLabel: decisionLabel(model, s.decision, lang),
      excluded: s.excluded,
      dimensions: Object.fromEntries(
        Object.entries(s.dimensions).map(([k, v]) => [k, roundScore(v)])
      ),
      gates: s.gates,
      flags: s.flags,
      chain: s.chain,
      summary: s.explanation.summary[lang],
      explanation: s.explanation,
    };
  });
}

/** Rows the terminal table shows; the rest are in the workbook (and in --json). */
const SHOWN = 200;

/**
 * The terminal table: the first SHOWN candidates by rank, read from the scored table (no
 * explanation built; only the rows shown are formatted).
 */
function rankedTable(
  scored: ScoredTable,
  names: (string | null)[],
  rowIds: number[],
  model: ScoringModel,
  lang: Lang
): string {
  const rankOf = (i: number) => (scored.rank[i] > 0 ? scored.rank[i] : Infinity);
  const order = Array.from({ length: scored.count }, (_, i) => i)
    .sort((a, b) => rankOf(a) - rankOf(b) || rowIds[a] - rowIds[b])
    .slice(0, SHOWN);
  const investment = scored.columns.totalInvestment;
  const zh = lang === "zh";
  const more = scored.count - order.length;
  const rest =
    more > 0
      ? zh
        ? `\n… 另有 ${more} 个项目，见输出工作簿（或用 --json）`
        : `\n… ${more} more candidates in the output workbook (or use --json)`
      : "";
  return `${formatTable(
    zh
      ? ["排名", "行", "项目名称", "总投资", "得分", "等级", "建议"]
      : ["Rank", "Row", "Project", "Investment", "Score", "Grade", "Decision"],
    order.map((i) => {
      const s = standing(scored, i);
      const v = investment instanceof Float64Array ? investment[i] : NaN;
      return [
        s.rank === null ? "—" : String(s.rank),
        String(rowIds[i]),
        truncate(names[i] ?? "", 36),
        // Total investment as the pane shows it (workbook/format), "—" when not given.
        formatMoney(v * model.amountMultiplier, model.currency, lang),
        roundScore(s.score).toFixed(2),
        s.grade ?? "—",
        decisionLabel(model, s.decision, lang),
      ];
    }),
    [true, true, false, true, true, false, false]
  )}${rest}`;
}

function chooseModelSource(o: Options, cwd: string): { model: ScoringModel; source: Label } | null {
  if (o.model === undefined) return null;
  return {
    // Relative to where the command was given, like the input and --out.
    model: modelFromFile(path.resolve(cwd, o.model)),
    source: L(`模型文件 ${o.model}`, `model file ${o.model}`),
  };
}

/** The model: --model, else the workbook's model sheet (found by its marker), else the bundled one. */
async function workbookModel(
  o: Options,
  wb: Workbook,
  tops: SheetData[]
): Promise<{ model: ScoringModel; source: Label }> {
  const top = findModelSheet(tops);
  if (!top) {
    if (o.modelSheet)
      throw new UsageError(
        L(
          "工作簿中没有「评分模型」表（--model-sheet）",
          "the workbook has no scoring-model sheet (--model-sheet)"
        )
      );
    const m = defaultModel();
    return { model: m, source: L(`内置模型 ${m.name.zh}`, `bundled model ${m.name.en}`) };
  }
  const full = await sheetOf(
    wb,
    wb.worksheets.find((e) => e.name === top.name)!
  );
  return {
    model: modelFromSheet(full, defaultModel()),
    source: L(`工作簿中的「${top.name}」表`, `the workbook's sheet "${top.name}"`),
  };
}

/** Rows from which the command reports progress. */
const LARGE = 1000;
/** Rows from which a forced full collection pays for itself in memory (see collectGarbage). */
const HUGE = 20_000;

/** Scores one workbook and writes its copy; returns its candidates for --merge. */
async function scoreFile(
  o: Options,
  inputArg: string,
  io: CliIo,
  given: { model: ScoringModel; source: Label } | null
): Promise<MergedRow[]> {
  const input = path.resolve(io.cwd, inputArg);
  const ext = /\.xlsm$/i.test(input) ? ".xlsm" : ".xlsx";
  const out = o.inPlace
    ? input
    : path.resolve(io.cwd, o.out ?? inputArg.replace(/(\.xls[xm])?$/i, `-scored${ext}`));
  if (!o.inPlace && out === input)
    throw new UsageError(
      L(
        "输出文件与输入文件相同；如确需覆盖请用 --in-place",
        "the output is the input file; use --in-place to overwrite it"
      )
    );
  if (path.extname(out).toLowerCase() !== ext)
    throw new UsageError(
      L(
        `输出文件的扩展名须与输入相同（${ext}）：Excel 不打开扩展名与内容不符的文件，.xlsm 另存为 .xlsx 会丢失宏。`,
        `the output must keep the input's extension (${ext}): Excel does not open a file whose extension does not match its content, and macros need .xlsm.`
      )
    );
  const { lang } = o;
  const progress = (zh: string, en: string) => io.stderr.write(`${lang === "zh" ? zh : en}\n`);
  if (fs.existsSync(input) && fs.statSync(input).size > 1 << 20)
    progress(`正在读取 ${inputArg} …`, `Reading ${inputArg} …`);

  const wb = await openWorkbook(input);
  try {
    const planned = await scoreWorkbook(o, wb, inputArg, io, given);
    if (planned.large) progress(`正在写入 ${out} …`, `Writing ${out} …`);
    if (planned.huge) collectGarbage();
    await writeFileSafely(
      out,
      (tmp) => writeResults(wb, planned.plan, tmp, planned.summary),
      o.inPlace ? input : undefined
    );
    io.stdout.write(planned.report);
    const { plan } = planned;
    const where =
      plan.target === "sheet"
        ? `${plan.sheet}!A1`
        : `${plan.sheet}!${cellAddress(plan.headerRow, plan.columns[0].col)}`;
    (o.json ? io.stderr : io.stdout).write(
      lang === "zh"
        ? `结果已写入 ${out}（${where} 起）\n`
        : `Results written to ${out} (from ${where})\n`
    );
    return planned.merged;
  } finally {
    wb.pkg.close();
  }
}

/**
 * A full garbage collection, now, at the two points of a large list where most of the heap has
 * just become garbage: after scoring (what reading, mapping and scoring left behind) and before the
 * write (the grid, candidates and scores, once planned). V8 would keep them, and grow the heap on
 * top of them, until its next full collection (100 000 rows: peak 543 → 382 MB; ~0.2 s each).
 */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  // A Node that ignores the late flag only loses the memory saving.
  const gc = vm.runInNewContext('typeof gc === "function" ? gc : null') as (() => void) | null;
  gc?.();
}

/** What scoring a workbook leaves for writing and printing. */
interface ScoredWorkbook {
  plan: PlannedResults;
  summary?: SummaryPlan;
  merged: MergedRow[];
  /** The ranked table or the --json text, printed once the file is written. */
  report: string;
  /** Whether to report progress. */
  large: boolean;
  /** Whether to collect garbage (see collectGarbage). */
  huge: boolean;
}

/**
 * Reads, maps and scores one workbook and plans its results. The grid, candidates and scores stay
 * here: only the plan and the printed report go on, so the write (the peak of memory at 100 000
 * rows) does not hold them too.
 */
async function scoreWorkbook(
  o: Options,
  wb: Workbook,
  inputArg: string,
  io: CliIo,
  given: { model: ScoringModel; source: Label } | null
): Promise<ScoredWorkbook> {
  const { lang } = o;
  const progress = (zh: string, en: string) => io.stderr.write(`${lang === "zh" ? zh : en}\n`);
  const tops: SheetData[] = [];
  for (const e of wb.worksheets) tops.push(await sheetOf(wb, e, DISCOVERY_ROWS));
  const { model, source } = given ?? (await workbookModel(o, wb, tops));
  const chosen = chooseSheet(
    tops.map((data, i) => ({ data, hidden: wb.worksheets[i].state !== "visible" })),
    model,
    o.sheet
  );
  const entry = wb.worksheets.find((e) => e.name === chosen.name)!;
  const sheet = await sheetOf(wb, entry);
  const { tables, table, mapping, problem } = prepareTable(sheet, model, {
    index: o.table,
    units: o.units,
  });
  if (problem) throw problem;
  const info = o.json ? io.stderr : io.stdout;
  const which =
    tables.length > 1
      ? L(
          `，第 ${o.table ?? 1}/${tables.length} 个表格（--table 选择）`,
          `, table ${o.table ?? 1} of ${tables.length} (--table chooses)`
        )
      : L("", "");
  info.write(
    `${lang === "zh" ? "模型" : "Model"}: ${source[lang]}\n${lang === "zh" ? "工作表" : "Sheet"}: ${sheet.name}（${lang === "zh" ? "表头在第" : "header on row"} ${table.headerRow + 1}${lang === "zh" ? " 行" : ""}，${table.dataRows.length} ${lang === "zh" ? "个项目" : "candidates"}${which[lang]}）\n`
  );
  info.write(`${describeMapping(mapping, model, lang, 0)}\n`);
  info.write(`${formatReadingReport(mapping.report ?? [], lang)}\n`);
  for (const w of mapping.warnings ?? [])
    info.write(`${lang === "zh" ? "提示" : "Note"}: ${w[lang]}\n`);
  checkReadable(sheet, table, mapping, model, sheet.unreadable);

  const candidates = toCandidateTable(sheet, table, mapping);
  const large = candidates.count >= LARGE;
  if (large)
    progress(`正在评分 ${candidates.count} 个项目 …`, `Scoring ${candidates.count} candidates …`);
  const scored = scoreTable(candidates, compileModel(model));
  const huge = candidates.count >= HUGE;
  if (huge) collectGarbage();

  const resultName = RESULT_SHEET_NAME[lang];
  const resultEntry = o.resultSheet ? wb.worksheets.find((e) => e.name === resultName) : undefined;
  const title = path.basename(inputArg).replace(/\.xls[xm]$/i, "");
  const date = new Date().toISOString().slice(0, 10);
  const plan = planResults(sheet, table, scored, model, {
    target: o.resultSheet ? "sheet" : "columns",
    lang,
    mapping,
    existingSheet: resultEntry ? await sheetOf(wb, resultEntry) : null,
    title,
    date,
  });
  if (!plan.ok) {
    const hint = !o.resultSheet
      ? L(
          "\n可加 --result-sheet 选项改为写入单独的结果表。",
          "\nAdd --result-sheet to write the results to a separate sheet."
        )
      : L("", "");
    throw new UsageError(L(plan.message.zh + hint.zh, plan.message.en + hint.en));
  }
  const nameCol = columnOf(mapping, nameField(model) ?? "");
  const names = table.dataRows.map((r) => {
    const v = nameCol ? sheet.grid[r]?.[nameCol.column] : null;
    return v === null || v === undefined ? null : String(v);
  });
  const summaryEntry = o.summary
    ? wb.worksheets.find((e) => e.name === SUMMARY_SHEET_NAME[lang])
    : undefined;
  const summary = o.summary
    ? planSummary(scored, {
        lang,
        names,
        title,
        date,
        existingSheet: summaryEntry ? await sheetOf(wb, summaryEntry) : null,
      })
    : undefined;
  if (summary && !summary.ok) throw new UsageError(summary.message);
  const merged =
    o.merge === undefined
      ? []
      : mergeRows(inputArg, sheet, table.dataRows, mapping, model, scored, names, lang);
  const rowIds = candidates.rowIds ?? [];
  const report = o.json
    ? `${JSON.stringify(
        {
          file: inputArg,
          sheet: sheet.name,
          reading: readingJson(mapping.report ?? [], lang),
          results: jsonResults(scored, names, rowIds, model, lang),
        } satisfies JsonOutput,
        null,
        2
      )}\n`
    : `\n${rankedTable(scored, names, rowIds, model, lang)}\n\n`;
  return { plan, summary, merged, report, large, huge };
}

/** The candidates as the combined ranking lists them. */
function mergeRows(
  file: string,
  sheet: SheetData,
  dataRows: number[],
  mapping: ColumnMapping,
  model: ScoringModel,
  scored: ScoredTable,
  names: (string | null)[],
  lang: Lang
): MergedRow[] {
  const investor = columnOf(mapping, "investor");
  const amount = mapping.mapped.find(
    (m) =>
      model.fields.find((f) => f.id === m.field)?.type === "amount" &&
      model.fields.find((f) => f.id === m.field)?.key
  );
  const amountField = amount && model.fields.find((f) => f.id === amount.field);
  return dataRows.map((r, i) => {
    const s = standing(scored, i);
    const a = amount
      ? parseAmount(sheet.grid[r]?.[amount.column] ?? null, {
          context: amount.context,
          names: amountField && fieldNames(amountField),
        })
      : null;
    const inv = investor ? sheet.grid[r]?.[investor.column] : null;
    return {
      file,
      sheet: sheet.name,
      row: r + 1,
      name: names[i],
      investor: inv === null || inv === undefined ? null : String(inv),
      amount: a && a.ok ? { value: a.value, currency: a.currency } : null,
      score: roundScore(s.score),
      grade: s.grade,
      decision: decisionLabel(model, s.decision, lang),
      duplicateOf: null,
    };
  });
}

async function run(o: Options, io: CliIo): Promise<number> {
  const given = chooseModelSource(o, io.cwd);
  const files = expandInputs(o.inputs, io.cwd, o.merge);
  if (files.length > 1 && o.out !== undefined)
    throw new UsageError(L("--out 只能用于一个输入文件", "--out takes one input file"));
  if (files.length === 1 && o.merge === undefined) {
    await scoreFile(o, files[0], io, given);
    return 0;
  }
  const all: MergedRow[] = [];
  let failed = 0;
  for (const f of files) {
    if (files.length > 1) io.stderr.write(`== ${f}\n`);
    try {
      all.push(...(await scoreFile(o, f, io, given)));
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      failed++;
      io.stderr.write(`错误：${f}：${e.label.zh}\nError: ${f}: ${e.label.en}\n`);
    }
  }
  if (o.merge !== undefined) {
    const first = duplicateOf(all);
    all.forEach((r, i) => {
      if (first[i] !== i)
        r.duplicateOf = `${all[first[i]].file} ${all[first[i]].sheet}!${all[first[i]].row}`;
    });
    const out = path.resolve(io.cwd, o.merge);
    await writeFileSafely(out, (tmp) => writeMerged(tmp, all, o.lang));
    const dups = all.filter((r) => r.duplicateOf !== null).length;
    const info = o.json ? io.stderr : io.stdout;
    info.write(
      o.lang === "zh"
        ? `汇总排名已写入 ${out}：${files.length - failed} 个工作簿，${all.length} 个项目，其中疑似重复 ${dups} 个（只计一次），计 ${all.length - dups} 个项目。\n`
        : `Combined ranking written to ${out}: ${files.length - failed} workbooks, ${all.length} candidates, ${dups} likely duplicates (counted once), ${all.length - dups} projects.\n`
    );
  }
  return failed > 0 ? 2 : 0;
}

/** The command: exit status 0 success, 2 bad argument or unreadable input, 1 a bug (one line). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const o = parseArgs(argv);
    if (o.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    return await run(o, io);
  } catch (e) {
    if (e instanceof Refusal) {
      io.stderr.write(`错误：${e.label.zh}\nError: ${e.label.en}\n`);
      if (/needs a value|unknown option|input file/.test(e.label.en)) io.stderr.write(USAGE);
      return 2;
    }
    io.stderr.write(`${bugReport(e)}\n`);
    return 1;
  }
}

/** One line for a genuine bug: what and where, to paste into a report. */
export function bugReport(e: unknown): string {
  const where =
    e instanceof Error
      ? (e.stack ?? "")
          .split("\n")
          .find((l) => /^\s+at /.test(l))
          ?.trim()
      : undefined;
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return `意外错误（程序缺陷，请报告） Unexpected error (a bug, please report it): ${what}${where ? ` (${where})` : ""}`.replace(
    /\n/g,
    " "
  );
}
