/**
 * Seeded candidate data for the benchmarks: the same seed gives the same rows on every run, so
 * figures from run to run measure the code, not the data. Values follow ../shared/domain.md
 * (how amounts are written, the eight chains, the pipeline stages).
 */
import { createRng, type Rng } from "../../src/engine/random";
import type { CandidateTable, CellValue, FieldDef, ScoringModel } from "../../src/engine/types";

const CHAINS = [
  "新能源汽车",
  "光电通信",
  "高档数控机床",
  "碳三和膜材料及关联产业",
  "生物医药",
  "互联网服务",
  "软件和信息技术",
  "种子种苗",
];
const PRODUCTS = [
  "汽车内外饰塑料件",
  "新能源汽车驱动电机精密零部件",
  "光学级TPU薄膜",
  "储能模组及装备",
  "数控机床主机",
  "光通信模块",
  "生物医药研发中心",
  "工业软件",
  "胶粘剂",
  "种子种苗繁育基地",
  "动力电池壳体",
  "精密刀具",
];
const PLACES = ["独山港", "经济技术开发区", "新仓镇", "曹桥街道", "当湖街道", "钟埭街道", "乍浦镇"];
const STAGES = ["洽谈", "签约", "落地", "开工", "投产"];
const ROLES = ["链主", "关键环节", "上下游重点配套", "一般配套"];
const COUNTRIES = ["法国", "德国", "日本", "美国", "中国", "中国", "中国", "新加坡"];

/** Amount text as real sheets write it (domain.md, "How amounts are written"). */
function amountText(rng: Rng): CellValue {
  const r = rng.next();
  const n = 100 + Math.floor(rng.next() * 9900);
  const yi = (0.5 + rng.next() * 20).toFixed(1);
  const forms: (() => CellValue)[] = [
    () => `${n}万美元`,
    () => `${n}万元`,
    () => `${yi}亿元`,
    () => `约${yi}亿元`,
    () => `${n}万欧元`,
    () => `${(n / 1000).toFixed(1)}-${(n / 500).toFixed(1)}亿`,
    () => `${n}万元以上`,
    () => `${Math.floor(n / 1000)},${String(n % 1000).padStart(3, "0")}万`,
    () => `USD ${Math.round(n / 100)}m`,
    () => String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))) + "万美元",
    () => `近${n}万元`,
    () => `${yi}亿元(${(Number(yi) / 7).toFixed(2)}亿美元)`,
    () => n,
    () => ["", "-", "待定"][n % 3],
  ];
  return forms[Math.floor(r * forms.length)]();
}

/** `count` amount strings in the mix above, for parsing throughput. */
export function amountStrings(count: number, seed = 7): string[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => String(amountText(rng) ?? ""));
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)];

function categoryValue(rng: Rng, field: FieldDef, model: ScoringModel): CellValue {
  const chain = model.chain;
  if (chain && field.id === chain.chainField) {
    return rng.next() < 0.3
      ? null
      : pick(
          rng,
          chain.chains.map((c) => c.name.zh)
        );
  }
  if (chain && field.id === chain.roleField) {
    return pick(rng, chain.roles.length ? chain.roles.map((r) => r.label.zh) : ROLES);
  }
  // A category a criterion scores by table takes that table's words (and now and then one it does not know).
  const table = model.criteria.find((c) => c.field === field.id && c.transform.type === "category");
  if (table?.transform.type === "category" && rng.next() < 0.9) {
    return pick(rng, Object.keys(table.transform.table));
  }
  if (/stage|阶段/i.test(field.id) && model.stages?.length) {
    return pick(
      rng,
      model.stages.map((s) => s.label.zh)
    );
  }
  if (/stage/i.test(field.id)) return pick(rng, STAGES);
  if (/country|国/i.test(field.id)) return pick(rng, COUNTRIES);
  return pick(rng, [...PLACES, ...ROLES]);
}

function textValue(rng: Rng, field: FieldDef, i: number): CellValue {
  const product = pick(rng, PRODUCTS);
  if (/name|名称/i.test(field.id)) return `${pick(rng, COUNTRIES)}${product}项目${i + 1}`;
  return `${pick(rng, PLACES)}${product}，服务${pick(rng, CHAINS)}产业链`;
}

/** One cell for `field`, in the forms real sheets use; about one in twelve is left blank. */
function cellValue(rng: Rng, field: FieldDef, model: ScoringModel, i: number): CellValue {
  if (!field.key && rng.next() < 1 / 12) return null;
  switch (field.type) {
    case "amount":
      return amountText(rng);
    case "number":
      return Math.round((5 + rng.next() * 300) * 10) / 10;
    case "percent":
      return Math.round(rng.next() * 150) / 1000;
    case "boolean":
      // Vetoes are rare in a real list; other yes/no facts are not.
      return rng.next() < (/veto/i.test(field.id) ? 0.02 : 0.3) ? "是" : "否";
    case "date":
      return `2023-${1 + Math.floor(rng.next() * 12)}-${1 + Math.floor(rng.next() * 28)}`;
    case "category":
      return categoryValue(rng, field, model);
    default:
      return textValue(rng, field, i);
  }
}

/** `count` candidates of `model`, by field id, as the workbook layer would hand them over. */
export function candidateTable(model: ScoringModel, count: number, seed = 1): CandidateTable {
  const rng = createRng(seed);
  const columns: CandidateTable["columns"] = {};
  for (const f of model.fields) columns[f.id] = new Array<CellValue>(count);
  for (let i = 0; i < count; i++) {
    for (const f of model.fields) columns[f.id][i] = flat(cellValue(rng, f, model, i));
  }
  return { count, columns, rowIds: Array.from({ length: count }, (_, i) => i + 2) };
}

/**
 * A text as hosts hand it over: Excel's values come through JSON and the CLI's through XML decoding, as
 * flat strings. A template literal leaves V8 a string of linked pieces, which the first reads of every
 * cell would have to flatten (the chain fit took ~1.4× as long on them).
 */
function flat(v: CellValue): CellValue {
  return typeof v === "string" ? (JSON.parse(JSON.stringify(v)) as string) : v;
}

/** The same candidates as a sheet grid: a header row of the fields' Chinese labels, then one row each. */
export function candidateGrid(model: ScoringModel, count: number, seed = 1): CellValue[][] {
  const table = candidateTable(model, count, seed);
  const grid: CellValue[][] = [model.fields.map((f) => f.label.zh)];
  for (let i = 0; i < count; i++) grid.push(model.fields.map((f) => table.columns[f.id][i]));
  return grid;
}

/** A `rows` × `cols` matrix of positive criterion values with some spread, for the MCDA methods. */
export function matrix(rows: number, cols: number, seed = 3): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, (_, j) => 1 + rng.next() * 10 * (j + 1))
  );
}
