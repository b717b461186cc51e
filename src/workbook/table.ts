/** Finding the candidate table in a sheet: header row, data rows, and the rows that are not candidates. */
import type { CellValue, ScoringModel } from "../engine/types";
import { isModelGrid, markerKey } from "./marker";
import { parseHeaderContext } from "../engine/amount";
import { headerLandUnit } from "../engine/land";
import { askedRole, bestField, ROLE_QUESTION, SHARED_HEADER, sharedHeaderField } from "./mapping";
import { cellText, isBlank } from "./text";
import type { LocateResult, MergeArea, SheetData, SkipReason, TableLocation } from "./types";

/** How far down a header may sit under titles and notes. */
const HEADER_SEARCH_ROWS = 50;
/** Longer cells are not headers. */
const MAX_HEADER_LENGTH = 40;
/** This many blank rows in a row end the table. */
const BLANK_RUN_END = 3;

const TOTAL =
  /^.{0,8}?(合\s*计|小\s*计|总\s*计|共\s*计|累\s*计|total|sub-?total|grand\s*total|sum)\s*([(（:：].*)?$/i;
const NOTE =
  /^(备\s*注|附\s*注|注\s*释|说\s*明|填[表报]说明|资料来源|数据来源|来\s*源|注\s*\d*|notes?|remarks?|sources?)\s*[:：、.．]|^(备注|说明|注释|附注)$|^[※*＊]/i;
const SECTION =
  /^([一二三四五六七八九十]+|[(（]?\d+[)）]|[(（][一二三四五六七八九十]+[)）])[、.．\s]/;

/** The field a text names best; cached per model, since the same texts recur row after row. */
const matches = new WeakMap<ScoringModel, Map<string, { confidence: number; field: string }>>();
function bestMatch(cell: string, model: ScoringModel): { confidence: number; field: string } {
  let cache = matches.get(model);
  if (!cache) matches.set(model, (cache = new Map()));
  let hit = cache.get(cell);
  if (!hit) {
    hit = bestField(cell, model.fields);
    // 是否链主 names the role field, as mapColumns maps it.
    const chain = model.chain;
    if (hit.confidence < ROLE_QUESTION && chain && askedRole(cell, chain))
      hit = { confidence: ROLE_QUESTION, field: chain.roleField };
    // 预期效益 names the fields that share it, as mapColumns maps it.
    const shared = hit.confidence < SHARED_HEADER ? sharedHeaderField(cell, model.fields) : null;
    if (shared) hit = { confidence: SHARED_HEADER, field: shared.id };
    cache.set(cell, hit);
  }
  return hit;
}

/**
 * Grid rows → header score: fields named in the row, plus a little for each text cell. A row that
 * could not beat `beat` even if every text named a field exactly is not matched (data rows under a
 * header hold distinct texts, and matching each against every field is what costs).
 */
export function headerScore(
  row: CellValue[],
  model: ScoringModel,
  hidden: Set<number>,
  ours: Map<number, string> | undefined,
  beat: number
): { score: number; fields: number } {
  const texts: string[] = [];
  row.forEach((cell, c) => {
    // Headers are short: long texts (descriptions in data rows) are not matched against every field.
    if (
      typeof cell !== "string" ||
      isBlank(cell) ||
      cell.length > MAX_HEADER_LENGTH ||
      hidden.has(c) ||
      ours?.has(c) === true ||
      markerKey(cell) !== null
    )
      return;
    texts.push(cell);
  });
  // Each field found adds at most 1 (an exact match) and each text 0.1.
  if (texts.length < 2 || texts.length * 1.1 + 1e-9 <= beat) return { score: 0, fields: 0 };
  const found = new Set<string>();
  let score = 0;
  for (const cell of texts) {
    const { confidence, field } = bestMatch(cell, model);
    if (confidence > 0 && !found.has(field)) {
      found.add(field);
      score += confidence;
    }
  }
  return { score: score + 0.1 * texts.length, fields: found.size };
}

/** A unit a group header states for its columns: "（亿元）" of 投资情况（亿元）, "（亩）" of 用地（亩）; "" when none. */
function groupUnit(group: string): string {
  const { name, context } = parseHeaderContext(group);
  if (context !== null) return group.trim().slice(name.length);
  return headerLandUnit(group) !== null ? (UNIT_SUFFIX.exec(group.trim())?.[0] ?? "") : "";
}
const UNIT_SUFFIX = /\s*(?:[(（][^()（）]*[)）]|[/／:：][^/／:：]*)\s*$/;

/** A sub-header under group `group`: alone (with the group's unit when it states none) or joined to the group, whichever names a field better. */
function underGroup(group: string, sub: string, model: ScoringModel): string {
  const unit =
    parseHeaderContext(sub).context === null && headerLandUnit(sub) === null
      ? groupUnit(group)
      : "";
  const alone = sub + unit;
  const name = parseHeaderContext(group).name.replace(UNIT_SUFFIX, "");
  const joined = name + sub + unit;
  // 一期 under 投资情况 names nothing alone: the joined text at least says what the column is.
  const a = bestMatch(alone, model).confidence;
  return a > 0 && a >= bestMatch(joined, model).confidence ? alone : joined;
}

/**
 * The headers of rows `top` and `top + 1` read as one two-level header, or null when they are not one.
 * A group is a top cell merged across columns, or a top text followed by blank top cells over sub-header
 * texts; its columns take their sub-headers. Other columns keep the top text (or the sub text under a
 * blank top cell). The lower row must hold only short texts, under groups or blank top cells (a data
 * row has a value under some other header), and, when no group is merged, one of them must name a field.
 */
function twoLevel(
  grid: CellValue[][],
  top: number,
  merges: MergeArea[],
  model: ScoringModel
): { headers: CellValue[]; rowOf: number[] } | null {
  const upper = grid[top] ?? [];
  const lower = grid[top + 1] ?? [];
  const width = Math.max(upper.length, lower.length);
  if (upper.filter((v) => !isBlank(v)).length < 2) return null;
  const groupOf = new Array<number>(width).fill(-1);
  let merged = false;
  for (const m of merges)
    if (m.top === top && m.bottom === top && m.right > m.left && !isBlank(upper[m.left]))
      for (let c = m.left; c <= Math.min(m.right, width - 1); c++)
        ((groupOf[c] = m.left), (merged = true));
  for (let c = 0; c < width; c++) {
    if (groupOf[c] >= 0 || isBlank(upper[c]) || isBlank(lower[c])) continue;
    let end = c;
    while (
      end + 1 < width &&
      groupOf[end + 1] < 0 &&
      isBlank(upper[end + 1]) &&
      !isBlank(lower[end + 1])
    )
      end++;
    for (let k = c; end > c && k <= end; k++) groupOf[k] = c;
  }
  let named = false;
  const headers: CellValue[] = [];
  const rowOf: number[] = [];
  for (let c = 0; c < width; c++) {
    const sub = lower[c] ?? null;
    if (isBlank(sub)) {
      headers.push(upper[c] ?? null);
      rowOf.push(top);
      continue;
    }
    if (typeof sub !== "string" || sub.length > MAX_HEADER_LENGTH) return null;
    if (groupOf[c] < 0) {
      if (!isBlank(upper[c])) return null;
      headers.push(sub);
      rowOf.push(top + 1);
      continue;
    }
    const h = underGroup(cellText(upper[groupOf[c]]), sub, model);
    if (bestMatch(h, model).confidence > 0) named = true;
    headers.push(h);
    // The unit is read from the sub-header when it states one, else from the group.
    rowOf.push(h.endsWith(sub) ? top + 1 : top);
  }
  return named || merged ? { headers, rowOf } : null;
}

function mergeAt(merges: MergeArea[], row: number, col: number): MergeArea | undefined {
  return merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/**
 * Finds the header row (under title rows, merged cells and blank rows) and the candidate rows under it.
 * Totals (合计, 小计, Total), note rows (备注：…, 注：…) and section rows are not candidates; a note row ends the table.
 */
export function locateTable(sheet: SheetData, model: ScoringModel): LocateResult {
  const { grid } = sheet;
  // A scoring-model sheet names fields in its rows (亩均税收, tax …) but is never a candidate list.
  if (isModelGrid(grid))
    return {
      ok: false,
      message: {
        zh: `工作表「${sheet.name}」是评分模型表（A 列有 [ZS:model] 标记），不是候选项目表。`,
        en: `Sheet "${sheet.name}" is a scoring-model sheet ([ZS:model] in column A), not a candidate table.`,
      },
    };
  const origin = sheet.origin ?? { row: 0, col: 0 };
  // Merges and hidden columns in grid coordinates.
  const merges = (sheet.merges ?? []).map((m) => ({
    top: m.top - origin.row,
    bottom: m.bottom - origin.row,
    left: m.left - origin.col,
    right: m.right - origin.col,
  }));
  const hidden = new Set((sheet.hiddenColumns ?? []).map((c) => c - origin.col));
  // Our header cells marked by names, by grid row and column.
  const marked = new Map<number, Map<number, string>>();
  for (const m of sheet.marks ?? []) {
    const r = m.row - origin.row;
    if (!marked.has(r)) marked.set(r, new Map());
    marked.get(r)!.set(m.col - origin.col, m.key);
  }

  let headerRow = -1;
  let best = { score: 0, fields: 0 };
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    const s = headerScore(grid[r] ?? [], model, hidden, marked.get(r), best.score);
    if (s.fields > 0 && s.score > best.score) {
      best = s;
      headerRow = r;
    }
  }
  if (headerRow < 0 || best.fields < 2) {
    return {
      ok: false,
      message: {
        zh: `工作表「${sheet.name}」中未找到候选项目表：前 ${HEADER_SEARCH_ROWS} 行没有一行表头能对应到模型的两个以上字段（如 项目名称、总投资）。`,
        en: `No candidate table found in sheet "${sheet.name}": no row among the first ${HEADER_SEARCH_ROWS} has headers matching two or more model fields (such as project name, total investment).`,
      },
    };
  }

  // Two-level headers: a group such as 投资情况 over 总投资 / 其中外资, whichever of the two rows scored best.
  const below = twoLevel(grid, headerRow, merges, model);
  const above = below ? null : headerRow > 0 ? twoLevel(grid, headerRow - 1, merges, model) : null;
  const band = below ?? above;
  const headers: CellValue[] = band ? band.headers : [...grid[headerRow]];
  // A header cell merged down from the row above takes the merged value.
  for (const m of merges) {
    if (m.top < headerRow && m.bottom >= headerRow && isBlank(headers[m.left]))
      headers[m.left] = grid[m.top]?.[m.left] ?? null;
  }
  // Header cells merged downwards push the first data row below the merge.
  let firstData = below ? headerRow + 2 : headerRow + 1;
  for (const m of merges)
    if (m.top <= headerRow && m.bottom >= firstData && m.bottom < headerRow + 4)
      firstData = m.bottom + 1;

  const ownColumns: { key: string; col: number }[] = [];
  let firstCol = -1;
  let lastCol = -1;
  const ours = marked.get(headerRow);
  headers.forEach((h, c) => {
    const key = ours?.get(c) ?? markerKey(h);
    if (key !== null) ownColumns.push({ key, col: c });
    else if (!isBlank(h)) {
      if (firstCol < 0) firstCol = c;
      lastCol = c;
    }
  });

  const headerTexts = new Set(headers.filter((h) => !isBlank(h)).map(cellText));
  const dataRows: number[] = [];
  const skipped: { row: number; reason: SkipReason }[] = [];
  let blankRun = 0;
  for (let r = firstData; r < grid.length; r++) {
    // One pass over the row's cells, without a copy per cell (a list may have 100 000 rows).
    const row = grid[r];
    let count = 0;
    let onlyCol = -1;
    let onlyValue: CellValue = null;
    let textCount = 0;
    let first = "";
    let total = false;
    let asHeader = 0;
    for (let c = firstCol; row && c <= lastCol; c++) {
      const v = row[c] ?? null;
      if (isBlank(v)) continue;
      if (count++ === 0) ((onlyCol = c), (onlyValue = v));
      if (typeof v !== "string") continue;
      const t = cellText(v);
      if (textCount === 0) first = t;
      if (textCount < 3 && TOTAL.test(t)) total = true;
      if (headerTexts.has(t)) asHeader++;
      textCount++;
    }
    if (count === 0) {
      if (++blankRun >= BLANK_RUN_END) break;
      skipped.push({ row: r, reason: "blank" });
      continue;
    }
    blankRun = 0;
    if (NOTE.test(first) && count <= 2) break;
    if (total) {
      skipped.push({ row: r, reason: "total" });
      continue;
    }
    if (textCount >= 2 && asHeader * 2 >= count) {
      skipped.push({ row: r, reason: "header" });
      continue;
    }
    if (count === 1) {
      const merged = mergeAt(merges, r, onlyCol);
      if (
        typeof onlyValue !== "string" ||
        (merged && merged.right > merged.left) ||
        SECTION.test(first)
      ) {
        skipped.push({ row: r, reason: "section" });
        continue;
      }
    }
    dataRows.push(r);
  }
  const last = dataRows.length > 0 ? dataRows[dataRows.length - 1] : headerRow;
  const table: TableLocation = {
    headerRow,
    headers,
    ...(band ? { headerRowOf: band.rowOf } : {}),
    firstCol,
    lastCol,
    dataRows,
    skippedRows: skipped.filter((s) => s.row < last),
    ownColumns,
    hiddenColumns: [...hidden].filter((c) => c >= firstCol && c <= lastCol).sort((a, b) => a - b),
  };
  return { ok: true, table };
}
