/**
 * zs-score: scores the candidate table of an .xlsx workbook and writes a copy with our result
 * columns. `main` is the whole command, testable in-process; zs-score.ts is its thin entry.
 */
import { Buffer } from "buffer";
import * as fs from "fs";
import * as path from "path";
import process from "process";
import ExcelJS from "exceljs";
import { candidateScore, compileModel, loadModel, scoreTable, validateModel } from "../engine";
import type { CandidateScore, Label, Lang, ScoredTable, ScoringModel } from "../engine";
import defaultModelJson from "../models/pinghu-2023.json";
import {
  cellAddress,
  columnLetters,
  columnOf,
  decisionLabel,
  gridToModel,
  isModelGrid,
  locateTable,
  mapColumns,
  markerKey,
  nameField,
  planResults,
  RESULT_SHEET_NAME,
  roundScore,
  standing,
  toCandidateTable,
} from "../workbook";
import type { ColumnMapping, SheetData, TableLocation } from "../workbook";
import { formatMoney } from "../workbook/format";
import { formatTable, truncate } from "./width";
import { applyPlan, sheetData } from "./xlsx";

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
}

/** A problem with the arguments or the input file: exit status 2. */
export class UsageError extends Error {
  constructor(readonly label: Label) {
    super(label.en);
  }
}

const L = (zh: string, en: string): Label => ({ zh, en });

export const USAGE = `用法 Usage: zs-score <input.xlsx> [--sheet NAME] [--model model.json | --model-sheet]
                [--out FILE | --in-place] [--result-sheet] [--json] [--lang zh|en]

  --sheet NAME     评分的工作表（默认：第一个含候选项目表的工作表） sheet to score (default: the first holding a table)
  --model FILE     评分模型 JSON（默认：工作簿中的「评分模型」表，否则内置平湖 2023 模型） model JSON
  --model-sheet    必须使用工作簿中的「评分模型」表 require the workbook's own model sheet
  --out FILE       输出文件（默认 <input>-scored.xlsx） output file
  --in-place       直接写回输入文件 write back into the input file
  --result-sheet   结果写到单独的「评分结果」表，而不是表格右侧 write results to a separate sheet
  --json           以 JSON 输出结果 print results as JSON
  --lang zh|en     输出语言（默认 zh） output language
`;

interface Options {
  input: string;
  sheet?: string;
  model?: string;
  modelSheet: boolean;
  out?: string;
  inPlace: boolean;
  resultSheet: boolean;
  json: boolean;
  lang: Lang;
  help: boolean;
}

export function parseArgs(argv: string[]): Options {
  const o: Partial<Options> & Options = {
    input: "",
    modelSheet: false,
    inPlace: false,
    resultSheet: false,
    json: false,
    lang: "zh",
    help: false,
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--"))
      throw new UsageError(L(`${flag} 后面缺少参数值`, `${flag} needs a value`));
    return v;
  };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case "--sheet":
        o.sheet = value(i++, a);
        break;
      case "--model":
        o.model = value(i++, a);
        break;
      case "--out":
        o.out = value(i++, a);
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
      case "--in-place":
        o.inPlace = true;
        break;
      case "--result-sheet":
        o.resultSheet = true;
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
        positional.push(a);
    }
  }
  if (o.help) return o;
  if (positional.length !== 1)
    throw new UsageError(
      positional.length === 0
        ? L("缺少输入文件", "no input file given")
        : L(
            `只能指定一个输入文件，收到 ${positional.length} 个`,
            `one input file expected, got ${positional.length}`
          )
    );
  o.input = positional[0];
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
  if (o.out !== undefined && !/\.xlsx$/i.test(o.out))
    throw new UsageError(
      L(`输出文件须以 .xlsx 结尾：${o.out}`, `the output file must end in .xlsx: ${o.out}`)
    );
  return o;
}

const OLE_CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Says what a file that is not an xlsx most likely is. */
function checkSignature(file: string, head: Buffer): void {
  if (head.subarray(0, 8).equals(OLE_CFB))
    throw new UsageError(
      L(
        `${file} 是加密（有密码保护）的工作簿或旧版 .xls 文件，无法读取。请在 Excel 中取消密码并另存为 .xlsx 后再试。`,
        `${file} is a password-protected (encrypted) workbook or an old .xls file and cannot be read. Remove the password in Excel and save it as .xlsx, then try again.`
      )
    );
  if (head.subarray(0, 4).equals(ZIP)) return;
  const text =
    head.length > 0 && [...head].every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
  throw new UsageError(
    text
      ? L(
          `${file} 是文本文件（如 CSV），不是 .xlsx 工作簿。请在 Excel 中打开并另存为 .xlsx。`,
          `${file} is a text file (such as CSV), not an .xlsx workbook. Open it in Excel and save it as .xlsx.`
        )
      : L(
          `${file} 不是 .xlsx 工作簿（文件格式无法识别）。`,
          `${file} is not an .xlsx workbook (unrecognised file format).`
        )
  );
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, "r");
    head = Buffer.alloc(512);
    const n = fs.readSync(fd, head, 0, 512, 0);
    fs.closeSync(fd);
    head = head.subarray(0, n);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(
      code === "ENOENT"
        ? L(`找不到文件：${file}`, `file not found: ${file}`)
        : code === "EISDIR"
          ? L(`${file} 是文件夹，不是文件`, `${file} is a folder, not a file`)
          : L(
              `无法读取文件 ${file}（${code ?? String(e)}）`,
              `cannot read ${file} (${code ?? String(e)})`
            )
    );
  }
  checkSignature(file, head);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new UsageError(
      L(
        `无法把 ${file} 读作 .xlsx 工作簿（文件可能已损坏）：${(e as Error).message}`,
        `cannot read ${file} as an .xlsx workbook (it may be damaged): ${(e as Error).message}`
      )
    );
  }
  return wb;
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

function chooseModel(
  o: Options,
  data: SheetData[],
  cwd: string
): { model: ScoringModel; source: Label } {
  if (o.model !== undefined)
    return {
      // Relative to where the command was given, like the input and --out.
      model: modelFromFile(path.resolve(cwd, o.model)),
      source: L(`模型文件 ${o.model}`, `model file ${o.model}`),
    };
  const sheet = data.find((d) => isModelGrid(d.grid));
  if (!sheet) {
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
  const r = gridToModel(sheet.grid, defaultModel());
  if (!r.ok) {
    const list = (lang: Lang) =>
      r.errors
        .map(
          (e) => `  ${e.address ? `${sheet.name}!${e.address}` : sheet.name}: ${e.message[lang]}`
        )
        .join("\n");
    throw new UsageError(
      L(
        `「${sheet.name}」表中的评分模型有误：\n${list("zh")}`,
        `the scoring model in sheet "${sheet.name}" has errors:\n${list("en")}`
      )
    );
  }
  return {
    model: r.model,
    source: L(`工作簿中的「${sheet.name}」表`, `the workbook's sheet "${sheet.name}"`),
  };
}

/** Our result sheets and model sheets are not candidate tables. */
function isOurs(d: SheetData): boolean {
  return isModelGrid(d.grid) || (d.grid[0] ?? []).some((v) => markerKey(v) === "row");
}

function chooseSheet(
  o: Options,
  data: SheetData[],
  model: ScoringModel
): { sheet: SheetData; table: TableLocation } {
  if (o.sheet !== undefined) {
    const sheet = data.find((d) => d.name === o.sheet);
    if (!sheet)
      throw new UsageError(
        L(
          `没有名为「${o.sheet}」的工作表（现有：${data.map((d) => d.name).join("、")}）`,
          `no sheet named "${o.sheet}" (sheets: ${data.map((d) => d.name).join(", ")})`
        )
      );
    const r = locateTable(sheet, model);
    if (!r.ok) throw new UsageError(r.message);
    return { sheet, table: r.table };
  }
  let first: Label | null = null;
  for (const sheet of data.filter((d) => !isOurs(d))) {
    const r = locateTable(sheet, model);
    if (r.ok) return { sheet, table: r.table };
    first ??= r.message;
  }
  throw new UsageError(
    first ?? L("工作簿中没有可评分的工作表", "the workbook has no sheet to score")
  );
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
  for (const m of mapping.mapped) {
    const unit = m.context
      ? ` [${m.context.multiplier !== undefined ? `×${m.context.multiplier}` : ""}${m.context.currency ? ` ${m.context.currency}` : ""}]`
      : "";
    const guess = m.how === "fuzzy" ? " ?" : "";
    lines.push(
      `  ${columnLetters(originCol + m.column)} ${m.header} → ${label(m.field)}${unit}（${how[m.how][lang]} ${m.confidence.toFixed(2)}）${guess}`
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

/** The --json output: every candidate with its full explanation (built here, one per row). */
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

type RankedRow = Pick<JsonResult, "row" | "name" | "score" | "grade" | "rank" | "decisionLabel"> & {
  /** Total investment as the pane shows it (workbook/format), "—" when not given. */
  investment: string;
};

/** What the terminal table shows, read from the scored table (no explanation built). */
function rankedRows(
  scored: ScoredTable,
  names: (string | null)[],
  rowIds: number[],
  model: ScoringModel,
  lang: Lang
): RankedRow[] {
  const investment = scored.columns.totalInvestment;
  return Array.from({ length: scored.count }, (_, i) => {
    const s = standing(scored, i);
    const v = investment instanceof Float64Array ? investment[i] : NaN;
    return {
      row: rowIds[i],
      name: names[i],
      investment: formatMoney(v * model.amountMultiplier, model.currency, lang),
      score: roundScore(s.score),
      grade: s.grade,
      rank: s.rank,
      decisionLabel: decisionLabel(model, s.decision, lang),
    };
  });
}

function rankedTable(results: RankedRow[], lang: Lang): string {
  const ordered = [...results].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.row - b.row
  );
  const zh = lang === "zh";
  return formatTable(
    zh
      ? ["排名", "行", "项目名称", "总投资", "得分", "等级", "建议"]
      : ["Rank", "Row", "Project", "Investment", "Score", "Grade", "Decision"],
    ordered.map((r) => [
      r.rank === null ? "—" : String(r.rank),
      String(r.row),
      truncate(r.name ?? "", 36),
      r.investment,
      r.score.toFixed(2),
      r.grade ?? "—",
      r.decisionLabel,
    ]),
    [true, true, false, true, true, false, false]
  );
}

/** Writes next to the target and renames, so a crash never leaves a half-written workbook behind. */
async function writeAtomically(wb: ExcelJS.Workbook, out: string): Promise<void> {
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new UsageError(
      L(`无法写入 ${out}：${(e as Error).message}`, `cannot write ${out}: ${(e as Error).message}`)
    );
  }
}

/** Rows above which the command reports progress. */
const LARGE = 1000;

async function run(o: Options, io: CliIo): Promise<number> {
  const input = path.resolve(io.cwd, o.input);
  const out = o.inPlace
    ? input
    : path.resolve(io.cwd, o.out ?? o.input.replace(/(\.xlsx)?$/i, "-scored.xlsx"));
  if (!o.inPlace && out === input)
    throw new UsageError(
      L(
        "输出文件与输入文件相同；如确需覆盖请用 --in-place",
        "the output is the input file; use --in-place to overwrite it"
      )
    );
  const { lang } = o;
  const progress = (zh: string, en: string) => io.stderr.write(`${lang === "zh" ? zh : en}\n`);
  const big = fs.existsSync(input) && fs.statSync(input).size > 1 << 20;
  if (big) progress(`正在读取 ${o.input} …`, `Reading ${o.input} …`);

  const wb = await readWorkbook(input);
  const data = wb.worksheets.map(sheetData);
  const { model, source } = chooseModel(o, data, io.cwd);
  const { sheet, table } = chooseSheet(o, data, model);
  const mapping = mapColumns(table.headers, model, {}, table.hiddenColumns);
  const info = o.json ? io.stderr : io.stdout;
  info.write(
    `${lang === "zh" ? "模型" : "Model"}: ${source[lang]}\n${lang === "zh" ? "工作表" : "Sheet"}: ${sheet.name}（${lang === "zh" ? "表头在第" : "header on row"} ${table.headerRow + 1}${lang === "zh" ? " 行" : ""}，${table.dataRows.length} ${lang === "zh" ? "个项目" : "candidates"}）\n`
  );
  info.write(`${describeMapping(mapping, model, lang, 0)}\n`);

  const missingAmounts = model.fields.filter(
    (f) => f.key && f.type === "amount" && !columnOf(mapping, f.id)
  );
  if (missingAmounts.length > 0) {
    const names = (lang2: Lang) =>
      missingAmounts.map((f) => f.label[lang2]).join(lang2 === "zh" ? "、" : ", ");
    throw new UsageError(
      L(
        `工作表「${sheet.name}」中没有一列能对应到「${names("zh")}」（表头在第 ${table.headerRow + 1} 行）。请把该列表头改为如“总投资（万元）”后再试。`,
        `No column of sheet "${sheet.name}" maps to ${names("en")} (header on row ${table.headerRow + 1}). Name that column e.g. "Total investment (CNY 10k)" and try again.`
      )
    );
  }

  const candidates = toCandidateTable(sheet, table, mapping);
  if (candidates.count >= LARGE)
    progress(`正在评分 ${candidates.count} 个项目 …`, `Scoring ${candidates.count} candidates …`);
  const scored = scoreTable(candidates, compileModel(model));

  const resultSheetName = RESULT_SHEET_NAME[lang];
  const existing = data.find((d) => d.name === resultSheetName) ?? null;
  const plan = planResults(sheet, table, scored, model, {
    target: o.resultSheet ? "sheet" : "columns",
    lang,
    mapping,
    existingSheet: existing,
  });
  if (!plan.ok) {
    const hint =
      plan.conflicts.length > 0
        ? L(
            "\n可加 --result-sheet 选项改为写入单独的结果表。",
            "\nAdd --result-sheet to write the results to a separate sheet."
          )
        : L("", "");
    throw new UsageError(L(plan.message.zh + hint.zh, plan.message.en + hint.en));
  }
  applyPlan(wb, plan);
  if (candidates.count >= LARGE) progress(`正在写入 ${out} …`, `Writing ${out} …`);
  await writeAtomically(wb, out);

  const nameCol = columnOf(mapping, nameField(model) ?? "");
  const names = table.dataRows.map((r) => {
    const v = nameCol ? sheet.grid[r]?.[nameCol.column] : null;
    return v === null || v === undefined ? null : String(v);
  });
  const rowIds = candidates.rowIds ?? [];
  if (o.json)
    io.stdout.write(
      `${JSON.stringify(jsonResults(scored, names, rowIds, model, lang), null, 2)}\n`
    );
  else
    io.stdout.write(`\n${rankedTable(rankedRows(scored, names, rowIds, model, lang), lang)}\n\n`);
  const where =
    plan.target === "sheet"
      ? `${plan.sheet}!A1`
      : `${plan.sheet}!${cellAddress(plan.headerRow, plan.columns[0].col)}`;
  info.write(
    lang === "zh"
      ? `结果已写入 ${out}（${where} 起）\n`
      : `Results written to ${out} (from ${where})\n`
  );
  return 0;
}

/** The command: exit status 0 success, 2 bad argument or unreadable input, 1 anything unexpected. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const o = parseArgs(argv);
    if (o.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    return await run(o, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`错误：${e.label.zh}\nError: ${e.label.en}\n`);
      if (/needs a value|unknown option|input file/.test(e.label.en)) io.stderr.write(USAGE);
      return 2;
    }
    io.stderr.write(
      `意外错误 Unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
    );
    return 1;
  }
}
