/**
 * The 评分模型 sheet: a model shown as cells an analyst can read and edit, and read back.
 * Sections stack down the sheet, each a title cell carrying a marker "[ZS:section]", a header row
 * and one row per item, ended by a blank row. Reading accepts headers and choice words in either
 * language, so a sheet written in Chinese reads back in an English session. What the sheet does not
 * show (field aliases, derived fields, chain synergy, descriptions) comes from the base model.
 */
import { validateModel } from "../engine/model/validate";
import {
  CURRENCY_CODES,
  GATE_EFFECT_LABELS,
  MISSING_POLICY_LABELS,
  TARGET_MEASURE_LABELS,
  TRANSFORM_LABELS,
} from "../engine/vocabulary";
import type { CellValue, EngineError, Label, Lang, ScoringModel, Transform } from "../engine/types";
import { cellAddress } from "./a1";
import { isModelGrid, MODEL_MARKER, MODEL_SHEET_NAME, markedHeader, markerKey } from "./marker";
import { Refusal } from "./refusal";
import { cellText, isBlank, looseText } from "./text";
import type { Grid, SheetData } from "./types";
import { flatMap, fromEntries } from "../engine/es2017";

export { isModelGrid, MODEL_SHEET_NAME };

type Item = Record<string, unknown>;

interface Choice {
  id: string;
  label: Label;
}

type Kind = "text" | "number" | "optNumber" | "optText" | "list" | { choices: Choice[] };

interface Column {
  key: string;
  label: Label;
  kind: Kind;
}

interface Section {
  id: string;
  title: Label;
  columns: Column[];
  /** Flat rows shown for a model. */
  rows: (m: ScoringModel) => Item[];
  /** Puts the rows read back into the model being built. */
  apply: (m: ScoringModel, rows: Item[], fail: (msg: Label) => void) => void;
}

const L = (zh: string, en: string): Label => ({ zh, en });
const col = (key: string, zh: string, en: string, kind: Kind = "text"): Column => ({
  key,
  label: L(zh, en),
  kind,
});
const choice = (id: string, zh: string, en: string): Choice => ({ id, label: L(zh, en) });

/** Choices from a vocabulary's labels: one list, so the sheet offers every allowed value. */
const choices = <T extends string>(labels: Record<T, Label>): Choice[] =>
  (Object.keys(labels) as T[]).map((id) => ({ id, label: labels[id] }));

const TRANSFORMS = choices(TRANSFORM_LABELS);
const DIRECTIONS = [
  choice("more", "越大越好", "higher is better"),
  choice("less", "越小越好", "lower is better"),
];
const MISSING = choices(MISSING_POLICY_LABELS);
const EFFECTS = choices(GATE_EFFECT_LABELS);
const GRADE_METHODS = [
  choice("absolute", "按分数", "by score"),
  choice("percentile", "按排名比例", "by rank share"),
];
const MEASURES = choices(TARGET_MEASURE_LABELS);
const CURRENCIES = CURRENCY_CODES.map((c) => choice(c, c, c));

const LIST_SEP = /[、,，;；]/;
const PAIR_SEP = /[;；]/;

// --- Transform parameters as readable cells -------------------------------------------------------
// "0 分点" / "满分点" hold the value scoring 0 and the value scoring full marks for linear, log and
// threshold; piecewise, category and expression parameters are one text cell.

function pairs(entries: [string | number, number][]): string {
  return entries.map(([k, v]) => `${k}=${v}`).join("; ");
}

function readPairs(text: string, fail: (msg: Label) => void): [string, number][] {
  const out: [string, number][] = [];
  for (const part of text.split(PAIR_SEP)) {
    if (part.trim() === "") continue;
    const m = /^(.*?)\s*[=＝]\s*(-?[\d.]+(?:e-?\d+)?)\s*$/i.exec(part.trim());
    if (!m) fail(L(`“${part.trim()}”应写成 名称=分值`, `"${part.trim()}" should read name=value`));
    else out.push([m[1].trim(), Number(m[2])]);
  }
  return out;
}

function transformCells(t: Transform): {
  zero: number | null;
  full: number | null;
  params: string | null;
} {
  switch (t.type) {
    case "linear":
    case "log":
      return { zero: t.min, full: t.max, params: null };
    case "threshold":
      return { zero: t.zero, full: t.full, params: null };
    case "piecewise":
      return { zero: null, full: null, params: pairs(t.points) };
    case "category":
      return {
        zero: null,
        full: null,
        params: pairs([...Object.entries(t.table), ...defaultPair(t.default)]),
      };
    case "keywords": {
      const all = [
        ...defaultPair(t.default),
        ...(t.intended === undefined ? [] : [[INTENDED_KEY, t.intended] as [string, number]]),
      ];
      return { zero: null, full: null, params: all.length ? pairs(all) : null };
    }
    case "expression":
      return { zero: null, full: null, params: t.expression };
    default:
      return { zero: null, full: null, params: null };
  }
}

const DEFAULT_KEY = "*";
/** Share of a rule's score a word inside an intention earns (拟=0.6). */
const INTENDED_KEY = "拟";
const TRANSFORM_CELLS = new Set(["transform", "zero", "full", "params"]);
function defaultPair(d: number | undefined): [string, number][] {
  return d === undefined ? [] : [[DEFAULT_KEY, d]];
}

/** A criterion's transform from its cells; `failAt` reports a problem at the cell of the column named. */
function readTransform(
  row: Item,
  keywordRules: Map<string, { words: string[]; score: number }[]>,
  failAt: (key: "zero" | "full" | "params") => (msg: Label) => void
): Transform {
  const type = row.transform as Transform["type"];
  const zero = row.zero as number | null;
  const full = row.full as number | null;
  const params = (row.params as string | null) ?? "";
  const need = (v: number | null, key: "zero" | "full", what: Label): number => {
    if (v === null) {
      const fail = failAt(key);
      fail(L(`变换 ${type} 需要填写${what.zh}`, `transform ${type} needs ${what.en}`));
    }
    return v ?? 0;
  };
  const zeroL = L("0 分点", "zero point");
  const fullL = L("满分点", "full point");
  const fail = failAt("params");
  const withDefault = (entries: [string, number][]) => {
    const d = entries.find(([k]) => k === DEFAULT_KEY);
    return { rest: entries.filter(([k]) => k !== DEFAULT_KEY), ...(d ? { default: d[1] } : {}) };
  };
  switch (type) {
    case "linear":
    case "log":
      return { type, min: need(zero, "zero", zeroL), max: need(full, "full", fullL) };
    case "threshold":
      return { type, full: need(full, "full", fullL), zero: need(zero, "zero", zeroL) };
    case "piecewise":
      return {
        type,
        points: readPairs(params, fail).map(([k, v]) => [Number(k), v] as [number, number]),
      };
    case "category": {
      const { rest, ...d } = withDefault(readPairs(params, fail));
      return { type, table: fromEntries(rest), ...d };
    }
    case "keywords": {
      const { rest, ...d } = withDefault(readPairs(params, fail));
      // The words and their scores are in the keyword section; a name here can only be a typo.
      for (const [k] of rest)
        if (k !== INTENDED_KEY)
          fail(
            L(
              `“${k}”不是关键词计分的参数（只有 ${DEFAULT_KEY}=未命中得分、${INTENDED_KEY}=意向折算）`,
              `"${k}" is not a keyword-rule parameter (only ${DEFAULT_KEY}=score when no word matches, ${INTENDED_KEY}=share for an intention)`
            )
          );
      const intended = rest.find(([k]) => k === INTENDED_KEY);
      return {
        type,
        rules: keywordRules.get(row.id as string) ?? [],
        ...(d.default === undefined ? {} : { default: d.default }),
        ...(intended ? { intended: intended[1] } : {}),
      };
    }
    case "expression":
      return { type, expression: params };
    default:
      return { type } as Transform;
  }
}

// --- Sections ---------------------------------------------------------------------------------------

const idCol = col("id", "编号", "id");
const zhCol = (key = "label") => col(`${key}.zh`, "中文名称", "Chinese name");
const enCol = (key = "label") => col(`${key}.en`, "英文名称", "English name");

/** Items from the base matched by id keep what the sheet does not show (descriptions…). */
function mergeById<T extends { id: string }>(
  base: T[] | undefined,
  rows: Item[],
  build: (row: Item, old: T | undefined, index: number) => T
): T[] {
  return rows.map((row, i) =>
    build(
      row,
      base?.find((b) => b.id === row.id),
      i
    )
  );
}

function nest(row: Item): Item {
  const out: Item = {};
  for (const [k, v] of Object.entries(row)) {
    const [a, b] = k.split(".");
    if (b === undefined) out[a] = v;
    else out[a] = { ...((out[a] as Item) ?? {}), [b]: v };
  }
  return out;
}

function flat(obj: object, keys: string[]): Item {
  const out: Item = {};
  for (const k of keys) {
    const [a, b] = k.split(".");
    const v = (obj as Item)[a];
    out[k] = b === undefined ? v : (v as Item | undefined)?.[b];
  }
  return out;
}

/** Drops keys whose value is null/undefined (optional cells left empty). */
function compact<T extends object>(o: T): T {
  return fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}

const SETTINGS_KEYS: Column[] = [
  col("id", "模型编号", "model id"),
  col("version", "版本", "version"),
  col("name.zh", "模型名称（中文）", "model name (Chinese)"),
  col("name.en", "模型名称（英文）", "model name (English)"),
  col("currency", "计算货币", "currency", { choices: CURRENCIES }),
  col(
    "amountMultiplier",
    "金额单位（倍数，10000 = 万）",
    "amount unit (multiplier, 10000 = 万)",
    "number"
  ),
  col("gradeMethod", "等级方法", "grading method", { choices: GRADE_METHODS }),
  col("targetYear", "目标年份", "target year", "optNumber"),
  col("fxBase", "汇率基准货币", "FX base currency", { choices: CURRENCIES }),
  col("fxDate", "汇率日期", "FX date"),
  col("fxSource", "汇率来源", "FX source"),
];

/** Key/value sections: one row per setting; FX rates follow as one row per currency. */
const SETTINGS: Section = {
  id: "settings",
  title: L("模型设置", "Model settings"),
  columns: [col("key", "项目", "setting"), col("value", "值", "value")],
  rows: () => [],
  apply: () => undefined,
};

const SECTIONS: Section[] = [
  {
    id: "fx",
    title: L("汇率（1 单位外币折合基准货币）", "Exchange rates (base currency per unit)"),
    columns: [
      col("currency", "货币", "currency", { choices: CURRENCIES }),
      col("rate", "汇率", "rate", "number"),
    ],
    rows: (m) => Object.entries(m.fx.rates).map(([currency, rate]) => ({ currency, rate })),
    apply: (m, rows) => {
      m.fx.rates = fromEntries(
        rows.map((r) => [String(r.currency), r.rate] as const)
      ) as typeof m.fx.rates;
    },
  },
  {
    id: "dimensions",
    title: L("维度与权重", "Dimensions and weights"),
    columns: [idCol, zhCol(), enCol(), col("weight", "权重", "weight", "number")],
    rows: (m) => m.dimensions.map((d) => flat(d, ["id", "label.zh", "label.en", "weight"])),
    apply: (m, rows) => {
      m.dimensions = mergeById(
        m.dimensions,
        rows,
        (r, old) => ({ ...old, ...(nest(r) as object) }) as ScoringModel["dimensions"][0]
      );
    },
  },
  {
    id: "criteria",
    title: L("评分准则", "Criteria"),
    columns: [
      idCol,
      zhCol(),
      enCol(),
      col("dimension", "所属维度", "dimension"),
      col("field", "字段", "field"),
      col("transform", "计分方式", "transform", { choices: TRANSFORMS }),
      col("zero", "0 分点", "zero point", "optNumber"),
      col("full", "满分点", "full point", "optNumber"),
      col("params", "其他参数", "parameters", "optText"),
      col("direction", "方向", "direction", { choices: DIRECTIONS }),
      col("weight", "维度内权重", "weight in dimension", "number"),
      col("missing", "缺失处理", "when missing", { choices: MISSING }),
    ],
    rows: (m) =>
      m.criteria.map((c) => ({
        ...flat(c, ["id", "label.zh", "label.en", "dimension", "field"]),
        transform: c.transform.type,
        ...transformCells(c.transform),
        direction: c.direction,
        weight: c.weight,
        missing: c.missing,
      })),
    apply: () => undefined, // criteria need the keyword rules: applied in gridToModel
  },
  {
    id: "keywords",
    title: L("关键词计分（用、分隔）", "Keyword rules (words separated by 、)"),
    columns: [
      col("criterion", "准则编号", "criterion id"),
      col("words", "关键词", "words", "list"),
      col("score", "得分（0–1）", "score (0–1)", "number"),
    ],
    rows: (m) =>
      flatMap(m.criteria, (c) =>
        c.transform.type === "keywords"
          ? c.transform.rules.map((r) => ({ criterion: c.id, words: r.words, score: r.score }))
          : []
      ),
    apply: () => undefined,
  },
  {
    id: "gates",
    title: L("门槛条件", "Gates"),
    columns: [
      idCol,
      zhCol(),
      enCol(),
      col("pass", "通过条件", "passes when"),
      col("appliesWhen", "适用条件", "applies when", "optText"),
      col("effect", "未通过时", "if not passed", { choices: EFFECTS }),
      col("cap", "封顶分", "cap", "optNumber"),
      col("reason.zh", "原因（中文）", "reason (Chinese)"),
      col("reason.en", "原因（英文）", "reason (English)"),
    ],
    rows: (m) =>
      m.gates.map((g) =>
        flat(g, [
          "id",
          "label.zh",
          "label.en",
          "pass",
          "appliesWhen",
          "effect",
          "cap",
          "reason.zh",
          "reason.en",
        ])
      ),
    apply: (m, rows) => {
      m.gates = mergeById(
        m.gates,
        rows,
        (r, old) =>
          compact({
            ...old,
            appliesWhen: undefined,
            cap: undefined,
            ...(nest(r) as object),
          }) as ScoringModel["gates"][0]
      );
    },
  },
  {
    id: "bonuses",
    title: L("加分项", "Bonuses"),
    columns: [
      idCol,
      zhCol(),
      enCol(),
      col("when", "条件", "when"),
      col("points", "加分", "points", "number"),
    ],
    rows: (m) => m.bonuses.map((b) => flat(b, ["id", "label.zh", "label.en", "when", "points"])),
    apply: (m, rows) => {
      m.bonuses = mergeById(
        m.bonuses,
        rows,
        (r, old) => ({ ...old, ...(nest(r) as object) }) as ScoringModel["bonuses"][0]
      );
    },
  },
  {
    id: "flags",
    title: L("标记", "Flags"),
    columns: [idCol, zhCol(), enCol(), col("when", "条件", "when")],
    rows: (m) => m.flags.map((f) => flat(f, ["id", "label.zh", "label.en", "when"])),
    apply: (m, rows) => {
      m.flags = mergeById(
        m.flags,
        rows,
        (r, old) => ({ ...old, ...(nest(r) as object) }) as ScoringModel["flags"][0]
      );
    },
  },
  {
    id: "grades",
    title: L("等级", "Grades"),
    columns: [
      col("grade", "等级", "grade"),
      zhCol(),
      enCol(),
      col("min", "最低分", "minimum score", "optNumber"),
      col("topShare", "前比例（累计）", "top share (cumulative)", "optNumber"),
    ],
    rows: (m) =>
      m.grades.bands.map((b) => flat(b, ["grade", "label.zh", "label.en", "min", "topShare"])),
    apply: (m, rows) => {
      m.grades.bands = rows.map(
        (r) => compact(nest(r)) as unknown as ScoringModel["grades"]["bands"][0]
      );
    },
  },
  {
    id: "decisions",
    title: L("处理建议", "Decisions"),
    columns: [idCol, zhCol(), enCol(), col("grades", "对应等级", "grades", "list")],
    rows: (m) => m.decisions.map((d) => flat(d, ["id", "label.zh", "label.en", "grades"])),
    apply: (m, rows) => {
      m.decisions = mergeById(
        m.decisions,
        rows,
        (r, old) => ({ ...old, ...(nest(r) as object) }) as ScoringModel["decisions"][0]
      );
    },
  },
  {
    id: "chains",
    title: L("产业链与关键词（词:权重）", "Industrial chains and keywords (word:weight)"),
    columns: [
      idCol,
      zhCol("name"),
      enCol("name"),
      col("keywords", "关键词", "keywords", "list"),
      col("aliases", "别名", "aliases", "list"),
    ],
    rows: (m) =>
      (m.chain?.chains ?? []).map((c) => ({
        ...flat(c, ["id", "name.zh", "name.en"]),
        keywords: c.keywords.map((k) => `${k.word}:${k.weight}`),
        aliases: c.aliases ?? [],
      })),
    apply: (m, rows, fail) => {
      if (!m.chain) return;
      m.chain.chains = mergeById(m.chain.chains, rows, (r, old) => {
        const { keywords, aliases, ...rest } = nest(r);
        const kws = (keywords as string[]).map((k) => {
          const mm = /^(.*?)[:：]\s*(-?[\d.]+)$/.exec(k);
          if (!mm) fail(L(`关键词“${k}”应写成 词:权重`, `keyword "${k}" should read word:weight`));
          return mm ? { word: mm[1].trim(), weight: Number(mm[2]) } : { word: k, weight: 1 };
        });
        const al = aliases as string[];
        const out = { ...old, ...rest, keywords: kws } as NonNullable<
          ScoringModel["chain"]
        >["chains"][0];
        if (al.length > 0 || old?.aliases !== undefined) out.aliases = al;
        return out;
      });
    },
  },
  {
    id: "roles",
    title: L("产业链地位", "Roles in the chain"),
    columns: [
      idCol,
      zhCol(),
      enCol(),
      col("score", "得分（0–1）", "score (0–1)", "number"),
      col("aliases", "别名", "aliases", "list"),
    ],
    rows: (m) =>
      (m.chain?.roles ?? []).map((r) =>
        flat(r, ["id", "label.zh", "label.en", "score", "aliases"])
      ),
    apply: (m, rows) => {
      if (!m.chain) return;
      m.chain.roles = mergeById(
        m.chain.roles,
        rows,
        (r, old) =>
          ({ ...old, ...(nest(r) as object) }) as NonNullable<ScoringModel["chain"]>["roles"][0]
      );
    },
  },
  {
    id: "targets",
    title: L("年度目标", "Targets"),
    columns: [
      idCol,
      zhCol(),
      enCol(),
      col("measure", "指标", "measure", { choices: MEASURES }),
      col("flag", "标记编号", "flag id", "optText"),
      col("value", "目标值", "value", "number"),
      col("currency", "货币", "currency", "optText"),
      col("multiplier", "单位倍数", "unit multiplier", "optNumber"),
    ],
    rows: (m) =>
      (m.targets?.items ?? []).map((t) =>
        flat(t, [
          "id",
          "label.zh",
          "label.en",
          "measure",
          "flag",
          "value",
          "currency",
          "multiplier",
        ])
      ),
    apply: (m, rows, fail) => {
      if (!m.targets) {
        if (rows.length > 0)
          fail(L("缺少目标年份（见模型设置）", "the target year is missing (see model settings)"));
        return;
      }
      m.targets.items = mergeById(
        m.targets.items,
        rows,
        (r, old) =>
          compact({
            ...old,
            flag: undefined,
            currency: undefined,
            multiplier: undefined,
            ...(nest(r) as object),
          }) as NonNullable<ScoringModel["targets"]>["items"][0]
      );
    },
  },
];

// --- Writing ----------------------------------------------------------------------------------------

function showCell(v: unknown, kind: Kind, lang: Lang): CellValue {
  if (v === undefined || v === null) return null;
  if (kind === "list") return (v as string[]).join("、");
  if (typeof kind === "object")
    return kind.choices.find((c) => c.id === v)?.label[lang] ?? String(v);
  return v as CellValue;
}

function settingsValues(m: ScoringModel): Item {
  return {
    ...flat(m, ["id", "version", "name.zh", "name.en", "currency", "amountMultiplier"]),
    gradeMethod: m.grades.method,
    targetYear: m.targets?.year ?? null,
    fxBase: m.fx.base,
    fxDate: m.fx.date,
    fxSource: m.fx.source,
  };
}

/** The model as a sheet of cells (rectangular), in the given language. */
export function modelToGrid(model: ScoringModel, lang: Lang): Grid {
  const rows: CellValue[][] = [
    [
      markedHeader(
        lang === "zh"
          ? `${MODEL_SHEET_NAME.zh}：${model.name.zh}（${model.version}）`
          : `${MODEL_SHEET_NAME.en}: ${model.name.en} (${model.version})`,
        MODEL_MARKER
      ),
    ],
    [
      lang === "zh"
        ? "说明：可直接修改下面各表中的数值和文字（权重、0 分点/满分点、关键词、门槛、等级、汇率、目标），然后重新评分。请勿改动带 [ZS:…] 标记的标题行。"
        : "Note: edit the values and words in the tables below (weights, zero/full points, keywords, gates, grades, rates, targets), then score again. Keep the title rows marked [ZS:…].",
    ],
  ];
  const section = (s: Section, items: Item[]) => {
    rows.push([]);
    rows.push([markedHeader(s.title[lang], s.id)]);
    rows.push(s.columns.map((c) => c.label[lang]));
    for (const it of items) rows.push(s.columns.map((c) => showCell(it[c.key], c.kind, lang)));
  };
  const settings = settingsValues(model);
  section(
    SETTINGS,
    SETTINGS_KEYS.map((k) => ({
      key: k.label[lang],
      value: showCell(settings[k.key], k.kind, lang),
    }))
  );
  for (const s of SECTIONS) section(s, s.rows(model));
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
}

// --- Reading ----------------------------------------------------------------------------------------

/** An error in the 评分模型 sheet: the cell (A1, "" for the sheet as a whole) and, from the model's own checks, the JSON path. */
export interface ModelSheetError extends EngineError {
  address: string;
}

/** Where each item of a section was read: its row, and the column of each key. */
type Placed = Map<string, { id: unknown; row: number; cols: Record<string, number> }[]>;

/** Lists the sheet shows that sit below the model's top level: their path → section and list. */
const NESTED_LISTS = new Map<string, { section: string; list: (m: ScoringModel) => unknown }>([
  ["chain.chains", { section: "chains", list: (m) => m.chain?.chains }],
  ["chain.roles", { section: "roles", list: (m) => m.chain?.roles }],
  ["grades.bands", { section: "grades", list: (m) => m.grades.bands }],
  ["targets.items", { section: "targets", list: (m) => m.targets?.items }],
]);

/** A criterion's transform parameters → the column showing them (its keyword rules have their own section). */
const TRANSFORM_COLUMNS: Record<string, string> = {
  "transform.type": "transform",
  "transform.min": "zero",
  "transform.zero": "zero",
  "transform.max": "full",
  "transform.full": "full",
  "transform.points": "params",
  "transform.table": "params",
  "transform.default": "params",
  "transform.intended": "params",
  "transform.expression": "params",
};

/**
 * The cell a model path came from: criteria[3].weight → the row of that criterion in the 准则
 * section and its weight column; chain.roles[1].score → the roles section's second row; a transform's
 * parameter → its 0 分点, 满分点 or 其他参数 cell. A path deeper than the columns (decisions[0].grades[2])
 * gives the nearest column, else the row's first. "" when the sheet does not show it.
 */
function cellOfPath(path: string, m: ScoringModel, placed: Placed): string {
  const p = /^((?:[A-Za-z]+\.)?[A-Za-z]+)\[(\d+)\](?:\.(.+))?$/.exec(path);
  const nested = p ? NESTED_LISTS.get(p[1]) : undefined;
  const rows = p ? placed.get(nested ? nested.section : p[1]) : undefined;
  if (!p || !rows) return "";
  const list = nested ? nested.list(m) : (m as unknown as Record<string, unknown>)[p[1]];
  const item = Array.isArray(list) ? (list[Number(p[2])] as { id?: unknown }) : undefined;
  const at = item?.id !== undefined ? rows.find((r) => r.id === item.id) : rows[Number(p[2])];
  if (!at) return "";
  const key = p[3] ?? "";
  const col =
    at.cols[key] ??
    at.cols[key.replace(/\[\d+\].*$/, "")] ??
    at.cols[TRANSFORM_COLUMNS[key.split(/[.[]/, 2).join(".")]] ??
    Object.values(at.cols)[0];
  return cellAddress(at.row, col);
}

export type GridModelResult =
  { ok: true; model: ScoringModel } | { ok: false; errors: ModelSheetError[] };

function matchesLabel(text: string, label: Label, id?: string): boolean {
  const t = looseText(text);
  return (
    t === looseText(label.zh) ||
    t === looseText(label.en) ||
    (id !== undefined && t === looseText(id))
  );
}

function readCell(v: CellValue, kind: Kind, fail: (m: Label) => void): unknown {
  if (kind === "list")
    return isBlank(v)
      ? []
      : cellText(v)
          .split(LIST_SEP)
          .map((s) => s.trim())
          .filter((s) => s !== "");
  if (isBlank(v)) {
    if (kind === "optNumber" || kind === "optText") return null;
    if (kind === "number" || typeof kind === "object") fail(L("不能为空", "must not be empty"));
    return "";
  }
  if (kind === "number" || kind === "optNumber") {
    const n = typeof v === "number" ? v : Number(cellText(v).normalize("NFKC").replace(/,/g, ""));
    if (!Number.isFinite(n))
      fail(L(`“${cellText(v)}”不是数字`, `"${cellText(v)}" is not a number`));
    return n;
  }
  if (typeof kind === "object") {
    const c = kind.choices.find((x) => matchesLabel(cellText(v), x.label, x.id));
    if (!c) {
      const options = kind.choices.map((x) => x.label.zh).join("/");
      const optionsEn = kind.choices.map((x) => x.label.en).join("/");
      fail(
        L(`“${cellText(v)}”不是可选项（${options}）`, `"${cellText(v)}" is not one of ${optionsEn}`)
      );
    }
    return c?.id ?? cellText(v);
  }
  return typeof v === "string" ? v.trim() : String(v);
}

/** Reads one section's rows; columns are found by their header text in either language. */
function readSection(
  grid: Grid,
  titleRow: number,
  s: Section,
  errors: ModelSheetError[],
  placed: Placed
): Item[] {
  const header = grid[titleRow + 1] ?? [];
  const positions = s.columns.map((c) =>
    header.findIndex((h) => typeof h === "string" && matchesLabel(h, c.label))
  );
  s.columns.forEach((c, i) => {
    if (positions[i] < 0)
      errors.push({
        code: "model-sheet",
        address: cellAddress(titleRow + 1, 0),
        message: L(
          `「${s.title.zh}」缺少列“${c.label.zh}”`,
          `"${s.title.en}" lacks the column "${c.label.en}"`
        ),
      });
  });
  if (positions.some((p) => p < 0)) return [];
  const items: Item[] = [];
  const where: { id: unknown; row: number; cols: Record<string, number> }[] = [];
  placed.set(s.id, where);
  const cols = fromEntries(s.columns.map((c, i) => [c.key, positions[i]] as const));
  for (let r = titleRow + 2; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every((v) => isBlank(v)) || markerKey(row[0]) !== null) break;
    const item: Item = {};
    s.columns.forEach((c, i) => {
      const fail = (m: Label) =>
        errors.push({
          code: "model-sheet",
          address: cellAddress(r, positions[i]),
          message: L(`${c.label.zh}：${m.zh}`, `${c.label.en}: ${m.en}`),
        });
      item[c.key] = readCell(row[positions[i]] ?? null, c.kind, fail);
    });
    items.push(item);
    where.push({ id: item.id, row: r, cols });
  }
  return items;
}

/**
 * Reads a model sheet back. What the sheet does not show comes from `base` (its fields, derived
 * fields, chain settings…). Sections left out of the sheet keep the base's content.
 */
export function gridToModel(grid: Grid, base?: ScoringModel): GridModelResult {
  const errors: ModelSheetError[] = [];
  if (!isModelGrid(grid)) {
    return {
      ok: false,
      errors: [
        {
          code: "model-sheet",
          address: "",
          message: L(
            "这不是评分模型表（第一行缺少 [ZS:model] 标记）",
            "This is not a scoring-model sheet (no [ZS:model] marker at the top)"
          ),
        },
      ],
    };
  }
  const titles = new Map<string, number>();
  grid.forEach((row, r) => {
    const key = markerKey(row?.[0]);
    if (key !== null && !titles.has(key)) titles.set(key, r);
  });
  const m = JSON.parse(JSON.stringify(base ?? emptyModel())) as ScoringModel;
  const placed: Placed = new Map();
  const read = (s: Section): Item[] | null => {
    const at = titles.get(s.id);
    return at === undefined ? null : readSection(grid, at, s, errors, placed);
  };

  const settingsRows = read(SETTINGS);
  if (settingsRows) {
    for (const row of settingsRows) {
      const k = SETTINGS_KEYS.find((x) => matchesLabel(String(row.key), x.label));
      if (!k) continue;
      const fail = (msg: Label) =>
        errors.push({
          code: "model-sheet",
          address: "",
          message: L(`${k.label.zh}：${msg.zh}`, `${k.label.en}: ${msg.en}`),
        });
      const v = readCell((row.value as CellValue) ?? null, k.kind, fail);
      switch (k.key) {
        case "name.zh":
          m.name = { ...m.name, zh: v as string };
          break;
        case "name.en":
          m.name = { ...m.name, en: v as string };
          break;
        case "gradeMethod":
          m.grades = { ...m.grades, method: v as ScoringModel["grades"]["method"] };
          break;
        case "targetYear":
          if (v !== null) m.targets = { items: [], ...m.targets, year: v as number };
          break;
        case "fxBase":
          m.fx.base = v as ScoringModel["fx"]["base"];
          break;
        case "fxDate":
          m.fx.date = v as string;
          break;
        case "fxSource":
          m.fx.source = v as string;
          break;
        default:
          (m as unknown as Item)[k.key] = v;
      }
    }
  }

  /** A problem named with its section, at the section's heading unless a cell is given. */
  const sectionFail =
    (s: Section, address = cellAddress(titles.get(s.id) ?? 0, 0)) =>
    (msg: Label) =>
      errors.push({
        code: "model-sheet",
        address,
        message: L(`「${s.title.zh}」${msg.zh}`, `"${s.title.en}": ${msg.en}`),
      });
  const keywordSection = SECTIONS.find((s) => s.id === "keywords")!;
  const rules = new Map<string, { words: string[]; score: number }[]>();
  for (const r of read(keywordSection) ?? []) {
    const id = r.criterion as string;
    rules.set(id, [
      ...(rules.get(id) ?? []),
      { words: r.words as string[], score: r.score as number },
    ]);
  }
  for (const s of SECTIONS) {
    if (s.id === "keywords") continue;
    const rows = read(s);
    if (rows === null) continue;
    if (s.id === "criteria") {
      const where = placed.get(s.id) ?? [];
      m.criteria = mergeById(m.criteria, rows, (r, old, i) => {
        const shown = fromEntries(Object.entries(r).filter(([k]) => !TRANSFORM_CELLS.has(k)));
        // A transform's problem points at its criterion's cell.
        const failAt = (key: string) =>
          sectionFail(s, cellAddress(where[i].row, where[i].cols[key]));
        return {
          ...old,
          ...(nest(shown) as object),
          transform: readTransform(r, rules, failAt),
        } as ScoringModel["criteria"][0];
      });
    } else s.apply(m, rows, sectionFail(s));
  }
  if (errors.length > 0) return { ok: false, errors };
  // The engine's checks name a JSON path; the sheet's own cells were checked above.
  const valid = validateModel(m);
  if (!valid.ok)
    return {
      ok: false,
      errors: valid.errors.map((e) => ({
        code: e.code,
        address: cellOfPath(e.path, m, placed),
        path: e.path,
        message: L(`${e.path}：${e.message.zh}`, `${e.path}: ${e.message.en}`),
      })),
    };
  return { ok: true, model: valid.model };
}

function emptyModel(): ScoringModel {
  return {
    schema: "zs-scorer/model",
    formatVersion: 1,
    id: "",
    name: { zh: "", en: "" },
    version: "",
    currency: "CNY",
    amountMultiplier: 1e4,
    fx: { base: "CNY", rates: {}, date: "", source: "" },
    fields: [],
    derived: [],
    dimensions: [],
    criteria: [],
    gates: [],
    bonuses: [],
    flags: [],
    grades: { method: "absolute", bands: [] },
    decisions: [],
  };
}

/** The model written in a model sheet; fields it does not show come from `base`. */
export function modelFromSheet(sheet: SheetData, base: ScoringModel): ScoringModel {
  const r = gridToModel(sheet.grid, base);
  if (r.ok) return r.model;
  const list = (lang: "zh" | "en") =>
    r.errors
      .map((e) => `  ${e.address ? `${sheet.name}!${e.address}` : sheet.name}: ${e.message[lang]}`)
      .join("\n");
  throw new Refusal(
    L(
      `「${sheet.name}」表中的评分模型有误：\n${list("zh")}`,
      `the scoring model in sheet "${sheet.name}" has errors:\n${list("en")}`
    )
  );
}
