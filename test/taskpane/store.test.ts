/**
 * The pane's store over the preview host in Node (no DOM): read → map → score → write, weight changes
 * and rewriting, sorting and filters, detail focus memory, and targets saved with the workbook's model.
 */
import { gridToModel, MODEL_SHEET_NAME, markerKey, modelToGrid } from "../../src/workbook";
import type { SummaryPlan } from "../../src/workbook/summary";
import type { SheetData } from "../../src/workbook/types";
import type { WorkbookRead } from "../../src/workbook/host";
import { PreviewHost } from "../../src/preview/preview-host";
import type { XlsxSheet } from "../../src/preview/xlsx-reader";
import { Store, type Change } from "../../src/taskpane/store";
import { model, readSheet } from "../models/sample-helpers";

/** The preview host plus what Excel's host adds for the 汇总 sheet: the sheet's read and its write. */
class SummaryHost extends PreviewHost {
  readonly summaries: SummaryPlan[] = [];
  /** A sheet of the summary's name, as read (null: none). */
  summarySheet: SheetData | null = null;
  readonly asked: (string | undefined)[] = [];

  override async readWorkbook(resultSheet: string, summarySheet?: string): Promise<WorkbookRead> {
    this.asked.push(summarySheet);
    const read = await super.readWorkbook(resultSheet);
    return summarySheet === undefined ? read : { ...read, summarySheet: this.summarySheet };
  }

  async writeSummary(plan: SummaryPlan): Promise<void> {
    this.summaries.push(plan);
  }
}

async function sampleStore<H extends PreviewHost = PreviewHost>(
  Kind: new (title: string, sheets: XlsxSheet[]) => H = PreviewHost as never
): Promise<{ store: Store; host: H; changes: Change[] }> {
  const sheet = await readSheet();
  const host = new Kind("pinghu-candidates.xlsx", [
    { ...sheet, hidden: false, hiddenColumns: [], merges: [] } as XlsxSheet,
  ]);
  const store = new Store(host, model, "zh");
  const changes: Change[] = [];
  store.subscribe((c) => changes.push(...c));
  await store.start();
  return { store, host, changes };
}

test("score, change a weight, apply, score again: every write lands in our own columns (no refusal)", async () => {
  const { store, host } = await sampleStore();
  expect(store.state.table).not.toBeNull();
  await store.score();
  expect(store.state.message).toMatchObject({ place: "score", kind: "ok" });
  const read = await host.readWorkbook("y");
  const headerRow = store.state.table!.location.headerRow;
  // Our columns are marked by hidden names (marks), their headers clean.
  const ours = (read.table.marks ?? []).filter((m) => m.row === headerRow).length;
  expect(ours).toBeGreaterThan(4);
  expect(read.table.grid[headerRow].some((v) => markerKey(v) !== null)).toBe(false);

  const first = store.state.model.dimensions[0].id;
  store.setWeights({ [first]: 3 });
  await store.apply();
  expect(store.state.message).toMatchObject({ place: "weights", kind: "ok" });
  await store.score();
  expect(store.state.message).toMatchObject({ place: "score", kind: "ok" });
  // Still the same number of result columns: reused, not appended again.
  const again = await host.readWorkbook("y");
  expect((again.table.marks ?? []).filter((m) => m.row === headerRow).length).toBe(ours);
  expect(again.table.grid[headerRow].filter((v) => v !== null && v !== "").length).toBe(
    read.table.grid[headerRow].filter((v) => v !== null && v !== "").length
  );
});

test("the written scores are the list's: rank changes ▲▼ count from the last write", async () => {
  const { store } = await sampleStore();
  await store.score();
  const s = store.state.scoring!;
  expect(s.rows().every((r) => s.rankChange(r.index) === 0)).toBe(true);
  store.setWeights({ [store.state.model.dimensions[0].id]: 0.01 });
  const moved = s.rows().filter((r) => s.rankChange(r.index) !== 0);
  expect(moved.length).toBeGreaterThan(0);
  for (const r of moved) expect(s.rankChange(r.index)).toBe(s.writtenRanks[r.index] - r.rank!);
  await store.apply();
  expect(s.rows().every((r) => s.rankChange(r.index) === 0)).toBe(true);
});

test("a refused write is reported next to its action and offers the result sheet", async () => {
  const { store, host } = await sampleStore();
  const read = await host.readWorkbook("y");
  const loc = store.state.table!.location;
  // A user's note right of the table, where the first result column would go.
  read.table.grid[loc.dataRows[0]][loc.lastCol + 1] = "my note";
  await store.read();
  await store.score();
  expect(store.state.message).toMatchObject({ place: "score", kind: "error", refusal: true });
  // The alternative keeps the weights the user set.
  store.setWeights({ [store.state.model.dimensions[0].id]: 0.01 });
  const order = store.visibleRows().map((r) => r.index);
  await store.useResultSheet();
  expect(store.state.message).toMatchObject({ place: "score", kind: "ok" });
  expect(store.state.target).toBe("sheet");
  expect(store.visibleRows().map((r) => r.index)).toEqual(order);
  await store.score("sheet");
  expect(store.state.message).toMatchObject({ place: "score", kind: "ok" });
});

test("sorting by any column, both ways; unknown amounts last either way", async () => {
  const { store } = await sampleStore();
  await store.score();
  store.sortBy("investment");
  const desc = store.visibleRows();
  expect(store.state.sort).toEqual({ key: "investment", dir: "desc" });
  const known = desc.filter((r) => r.investment === r.investment).map((r) => r.investment);
  expect(known).toEqual([...known].sort((a, b) => b - a));
  expect(desc.slice(known.length).every((r) => r.investment !== r.investment)).toBe(true);
  store.sortBy("investment");
  expect(store.state.sort.dir).toBe("asc");
  const asc = store
    .visibleRows()
    .filter((r) => r.investment === r.investment)
    .map((r) => r.investment);
  expect(asc).toEqual([...known].reverse());
  store.sortBy("rank");
  expect(
    store
      .visibleRows()
      .map((r) => r.rank)
      .filter((r) => r !== null)
  ).toEqual(
    store.state
      .scoring!.rows()
      .map((r) => r.rank)
      .filter((r) => r !== null)
      .sort((a, b) => a! - b!)
  );
  store.sortBy("rank");
  const ranks = store
    .visibleRows()
    .map((r) => r.rank)
    .filter((r) => r !== null);
  expect(ranks[0]).toBe(Math.max(...(ranks as number[])));
});

test("filters narrow the list and clearing them brings every row back", async () => {
  const { store } = await sampleStore();
  await store.score();
  const all = store.visibleRows().length;
  store.setFilter("search", "no such project anywhere");
  expect(store.visibleRows()).toEqual([]);
  expect(store.filtered()).toBe(true);
  store.clearFilters();
  expect(store.visibleRows().length).toBe(all);
  expect(store.filtered()).toBe(false);
});

test("closing a detail remembers the row it came from", async () => {
  const { store } = await sampleStore();
  await store.score();
  store.openDetail(3);
  expect(store.state.detail).toBe(3);
  store.closeDetail();
  expect(store.state).toMatchObject({ detail: null, lastDetail: 3 });
});

test("remapping a field drops the scores until scored again and is kept for the same headers", async () => {
  const { store, host } = await sampleStore();
  await store.score();
  const name = store.state.table!.mapping.mapped.find((m) => m.field === "name")!;
  store.remap("name", null);
  expect(store.state.scoring).toBeNull();
  expect(store.state.table!.mapping.mapped.some((m) => m.field === "name")).toBe(false);
  const saved = await host.loadSettings();
  expect(saved?.mapping?.override).toEqual({ name: null });
  store.remap("name", name.column);
  expect(store.state.table!.mapping.mapped.find((m) => m.field === "name")!.column).toBe(
    name.column
  );
});

test("targets are saved with the workbook's model (the 评分模型 sheet), and bad figures are refused", async () => {
  const { store, host } = await sampleStore();
  await store.score();
  const targets = structuredClone(store.state.model.targets!);
  targets.year = 2026;
  targets.items[0].value = 120;
  await store.saveTargets(targets);
  expect(store.state.message).toMatchObject({ place: "targets", kind: "ok" });
  expect(store.state.modelSheet).toBe(MODEL_SHEET_NAME.zh);
  const back = gridToModel((await host.readSheet(MODEL_SHEET_NAME.zh)).grid, model);
  expect(back.ok && back.model.targets?.year).toBe(2026);
  expect(back.ok && back.model.targets?.items[0].value).toBe(120);
  expect(store.state.scoring!.portfolio(5, store.state.model).targets[0].target).toBe(120);

  targets.items[1].value = -3;
  await store.saveTargets(targets);
  expect(store.state.message).toMatchObject({ place: "targets", kind: "error" });
  expect(store.state.message!.text.zh).toContain(targets.items[1].label.zh);
});

describe("the 汇总 sheet option", () => {
  test("off by default; once set it is saved with the settings and the summary is written with the results", async () => {
    const { store, host } = await sampleStore(SummaryHost);
    expect(store.supportsSummary).toBe(true);
    expect(store.state.summary).toBe(false);
    await store.score();
    expect(host.summaries).toHaveLength(0);
    expect(host.asked.every((name) => name === undefined)).toBe(true);

    store.setSummary(true);
    expect((await host.loadSettings())?.summary).toBe(true);
    await store.score();
    expect(store.state.message).toMatchObject({ place: "score", kind: "ok" });
    expect(host.asked).toContain("汇总");
    expect(host.summaries).toHaveLength(1);
    expect(host.summaries[0]).toMatchObject({ ok: true, sheet: "汇总", createSheet: true });
    // The top-10 table lists the list's own names in rank order.
    const first = store.state.scoring!.rows().find((r) => r.rank === 1)!;
    expect(host.summaries[0].grid.some((row) => row.includes(first.name))).toBe(true);
  });

  test("a user's sheet of that name is refused with the workbook layer's message and nothing is written", async () => {
    const { store, host } = await sampleStore(SummaryHost);
    host.summarySheet = { name: "汇总", grid: [["我的笔记"]] };
    store.setSummary(true);
    await store.score();
    expect(store.state.message).toMatchObject({ place: "score", kind: "error", refusal: false });
    expect(store.state.message!.text.zh).toBe(
      "不能写入汇总：已有名为「汇总」的工作表，且内容不是本工具写入的。为保护您的数据，未做任何修改。请把该表改名后再试。"
    );
    expect(host.summaries).toHaveLength(0);
    const read = await host.readWorkbook("y");
    expect(read.table.marks ?? []).toHaveLength(0);
  });

  test("a host without writeSummary (the preview) does not offer it, and a saved choice writes nothing", async () => {
    const { store, host } = await sampleStore();
    expect(store.supportsSummary).toBe(false);
    store.setSummary(true);
    await store.score();
    expect(store.state.message).toMatchObject({ place: "score", kind: "ok" });
    expect((await host.readWorkbook("y")).table.marks?.length).toBeGreaterThan(4);
  });
});

test("k is clamped to 1…20", async () => {
  const { store } = await sampleStore();
  store.setTopK(0);
  expect(store.state.topK).toBe(1);
  store.setTopK(99);
  expect(store.state.topK).toBe(20);
});

test("a mapping the workbook layer cannot trust is refused at scoring, as the CLI refuses it, and the mapping step fixes it", async () => {
  const host = new PreviewHost("list.xlsx", [
    {
      name: "清单",
      hidden: false,
      hiddenColumns: [],
      merges: [],
      grid: [
        ["项目名称", "所属产业链", "投资"],
        ["甲项目", "新能源汽车", "1亿元"],
        ["乙项目", "高档数控机床", "5000万元"],
      ],
    },
  ]);
  const store = new Store(host, model, "en");
  await store.start();
  expect(store.state.table!.problem!.en).toContain("maps to Total investment");
  await store.score();
  expect(store.state.message).toMatchObject({ place: "score", kind: "error" });
  expect(store.state.message!.text.en).toContain("maps to Total investment");
  expect(store.state.scoring).toBeNull();

  store.remap("totalInvestment", 2);
  expect(store.state.table!.problem).toBeNull();
  await store.score();
  expect(store.state.message).toMatchObject({ place: "score", kind: "ok" });
  expect(store.state.scoring!.count).toBe(2);
});

test("a model sheet with errors: the pane says what the CLI refuses with (every address), and goes on with the default model", async () => {
  const sample = await readSheet();
  const grid = modelToGrid(model, "zh");
  const r = grid.findIndex((row) => row.includes(model.dimensions[0].weight));
  const c = grid[r].indexOf(model.dimensions[0].weight);
  grid[r][c] = "很高";
  const host = new PreviewHost("pinghu-candidates.xlsx", [
    { ...sample, hidden: false, hiddenColumns: [], merges: [] } as XlsxSheet,
    { name: MODEL_SHEET_NAME.zh, hidden: false, hiddenColumns: [], merges: [], grid },
  ]);
  const store = new Store(host, model, "zh");
  await store.start();
  expect(store.state.modelSource).toBe("default");
  expect(store.state.message).toMatchObject({ place: "table", kind: "error" });
  expect(store.state.message!.text.zh).toContain(`「${MODEL_SHEET_NAME.zh}」表中的评分模型有误`);
  expect(store.state.message!.text.zh).toContain(`${MODEL_SHEET_NAME.zh}!`);
  expect(store.state.message!.text.en).toContain("Using the default model.");
  expect(store.state.table).not.toBeNull();
});

test("a committee's table is read into state (and announced); its weights apply like any weight change", async () => {
  const { store, changes } = await sampleStore();
  await store.score();
  const dims = store.state.model.dimensions;
  const rows = [];
  for (const expert of ["王", "李"])
    for (let i = 0; i < dims.length; i++)
      for (let j = i + 1; j < dims.length; j++)
        rows.push(`${expert}\t${dims[i].id}\t${dims[j].id}\t${expert === "王" ? 2 : 1}`);
  changes.length = 0;
  await store.readJudgements(rows.join("\n"));
  expect(changes).toEqual(["committee"]);
  const read = store.state.committee!;
  if (!read.ok || read.committee.kind !== "pairwise") throw new Error(JSON.stringify(read));
  store.setWeights(read.committee.weights);
  const applied = store.state.scoring!.weights();
  for (const d of dims) expect(applied[d.id]).toBeCloseTo(read.committee.weights[d.id], 12);
  await store.readJudgements("王\t规模");
  expect(store.state.committee).toMatchObject({ ok: false });
});

describe("the model sheet is found by its marker, as the CLI finds it", () => {
  /** The sample list beside other sheets, and the sheets the host was asked to read in full. */
  async function open(...others: { name: string; grid: SheetData["grid"]; hidden?: boolean }[]) {
    const sample = await readSheet();
    const host = new PreviewHost("book.xlsx", [
      ...others.map((o) => ({ hiddenColumns: [], merges: [], hidden: false, ...o })),
      { ...sample, hidden: false, hiddenColumns: [], merges: [] } as XlsxSheet,
    ]);
    const readSheets: string[] = [];
    const readOne = host.readSheet.bind(host);
    host.readSheet = (name) => (readSheets.push(name), readOne(name));
    const store = new Store(host, model, "zh");
    await store.start();
    return { store, host, readSheets };
  }

  test("renamed and moved before the list (even hidden): its model is used, and saved targets go back into it", async () => {
    // The sheet's own weights: the first two dimensions' swapped.
    const [a, b] = model.dimensions;
    expect(a.weight).not.toBe(b.weight);
    const grid = modelToGrid(model, "zh");
    const ra = grid.findIndex((row) => row.includes(a.label.zh));
    const rb = grid.findIndex((row) => row.includes(b.label.zh));
    grid[ra][grid[ra].indexOf(a.weight)] = b.weight;
    grid[rb][grid[rb].indexOf(b.weight)] = a.weight;
    const { store, host, readSheets } = await open({ name: "模型 2024", grid, hidden: true });
    expect(store.state.message).toBeNull();
    expect(store.state.modelSource).toBe("sheet");
    expect(store.state.modelSheet).toBe("模型 2024");
    expect(store.state.model.dimensions.slice(0, 2).map((d) => d.weight)).toEqual([
      b.weight,
      a.weight,
    ]);
    expect(readSheets).toEqual(["模型 2024"]);
    expect(store.state.table).not.toBeNull();

    const targets = structuredClone(store.state.model.targets!);
    targets.year = 2027;
    await store.saveTargets(targets);
    expect(store.state.message!.text.zh).toBe("目标已保存到工作簿的“模型 2024”工作表");
    const back = gridToModel((await host.readSheet("模型 2024")).grid, model);
    expect(back.ok && back.model.targets?.year).toBe(2027);
    expect((await host.readWorkbook("y")).sheets.map((s) => s.data.name)).not.toContain(
      MODEL_SHEET_NAME.zh
    );
  });

  test("a user's sheet named 评分模型 without the marker is not a model: nothing extra is read, and inserting the model keeps it", async () => {
    const mine = [["我的评分模型笔记"], ["规模", "很重要"]];
    const { store, host, readSheets } = await open({ name: MODEL_SHEET_NAME.zh, grid: mine });
    expect(store.state.modelSource).toBe("default");
    expect(store.state.modelSheet).toBeNull();
    expect(readSheets).toEqual([]);
    await store.insertModel();
    expect(store.state.message!.text.zh).toBe("已插入评分模型工作表「评分模型 (2)」");
    expect((await host.readSheet(MODEL_SHEET_NAME.zh)).grid).toEqual(mine);
    expect(store.state.modelSource).toBe("sheet");
    expect(store.state.modelSheet).toBe("评分模型 (2)");
  });

  test("two marked sheets: the pane names both, as the CLI refuses, and goes on with the default model", async () => {
    const grid = modelToGrid(model, "zh");
    const { store, host, readSheets } = await open(
      { name: "模型甲", grid },
      { name: "模型乙", grid }
    );
    expect(store.state.modelSource).toBe("default");
    expect(readSheets).toEqual([]);
    expect(store.state.message).toMatchObject({ place: "table", kind: "error" });
    // The active sheet is a model sheet, which holds no candidate list: both problems are said.
    expect(store.state.message!.text.zh).toBe(
      "工作簿中有 2 张评分模型表：「模型甲」、「模型乙」。请删除多余的表（或清除其 A 列的 [ZS:model] 标记）后再试。\n暂用默认模型。\n" +
        "工作表「模型甲」是评分模型表（A 列有 [ZS:model] 标记），不是候选项目表。"
    );
    expect(store.state.message!.text.en).toContain(
      'The workbook holds 2 scoring-model sheets: "模型甲", "模型乙". Delete the extra ones'
    );
    expect(store.state.table).toBeNull();
    // Nor is either written: saving targets or inserting the model says why.
    await store.saveTargets(store.state.model.targets!);
    expect(store.state.message).toMatchObject({ place: "targets", kind: "error" });
    expect(store.state.message!.text.en).toContain("The workbook holds 2 scoring-model sheets");
    await store.insertModel();
    expect(store.state.message).toMatchObject({ place: "table", kind: "error" });
    expect(readSheets).toEqual([]);
    expect((await host.readWorkbook("y")).sheets).toHaveLength(3);
  });
});

test("a committee read from one sheet per expert through the host; a sheet gone since is named", async () => {
  const sample = await readSheet();
  const dims = model.dimensions;
  const expert = (name: string, w: number[]) => ({
    name,
    hidden: false,
    hiddenColumns: [],
    merges: [],
    grid: [
      ["", ...dims.map((d) => d.label.zh)],
      ...dims.map((d, i) => [d.label.zh, ...dims.map((_, j) => w[i] / w[j])]),
    ],
  });
  const host = new PreviewHost("book.xlsx", [
    { ...sample, hidden: false, hiddenColumns: [], merges: [] } as XlsxSheet,
    expert(
      "王",
      dims.map((_, i) => i + 1)
    ),
    expert(
      "李",
      dims.map((_, i) => i + 1)
    ),
  ]);
  const store = new Store(host, model, "zh");
  await store.start();
  expect(store.state.sheets.map((s) => s.data.name)).toEqual([sample.name, "王", "李"]);
  await store.readExpertSheets(["王", "李"]);
  const read = store.state.committee!;
  if (!read.ok || read.committee.kind !== "pairwise") throw new Error(JSON.stringify(read));
  expect(read.committee.experts.map((e) => e.name)).toEqual(["王", "李"]);
  expect(read.committee.agreement).toBeCloseTo(1, 12);
  await store.readExpertSheets(["王", "赵"]);
  expect(store.state.committee).toEqual({
    ok: false,
    message: {
      zh: `没有名为「赵」的工作表（现有：${sample.name}、王、李）`,
      en: `no sheet named "赵" (sheets: ${sample.name}, 王, 李)`,
    },
  });
});
