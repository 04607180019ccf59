/**
 * Tables in a 公文 (小四, header 黑体 repeated on each page, rows kept whole): column widths fitted to the
 * content, so that a code or id (字母、数字、连字符) never breaks across lines and long text columns get the room.
 */
import {
  AlignmentType,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { FONT, run, SIZE, TEXT_WIDTH, widthInChars } from './layout.js';

/** One 小四 character in twips, and the cell's left + right margins. */
const CELL_CHAR = SIZE.xiaosi * 10;
const PADDING = 160;
/** Runs that must stay on one line: ids, codes, numbers, dates. */
const UNBREAKABLE = /[A-Za-z0-9][A-Za-z0-9\-_./:〔〕]*/g;
/** Proportional digits and Latin capitals of substitute fonts (DejaVu Sans: 0.64 em) run wider than half a character. */
const LATIN_SLACK = 1.35;
const SHORT = 6;

/** Width in 小四 characters, Latin at its substitute-font width. */
function textWidth(text: string): number {
  const latin = text.match(/[\x21-\x7e]/g)?.length ?? 0;
  return widthInChars(text) + latin * 0.5 * (LATIN_SLACK - 1);
}

function columnNeeds(texts: string[], header: string) {
  let min = Math.min(widthInChars(header), 4);
  let natural = widthInChars(header);
  for (const text of texts) {
    for (const line of text.split('\n')) {
      natural = Math.max(natural, textWidth(line));
      for (const token of line.match(UNBREAKABLE) ?? []) min = Math.max(min, textWidth(token));
    }
  }
  // A short value (up to six characters: 已销号, 2026-12-31) never wraps; nothing needs more than its longest line.
  min = Math.max(min, Math.min(natural, SHORT));
  return { min: min * CELL_CHAR + PADDING, natural: natural * CELL_CHAR + PADDING };
}

/**
 * Column widths in twips that add up to `total`: every column gets its minimum (its longest id), then the
 * rest goes to the columns whose text would otherwise wrap, in proportion to what they lack.
 */
export function fitColumns(columns: string[], rows: string[][], total = TEXT_WIDTH): number[] {
  const needs = columns.map((c, i) =>
    columnNeeds(
      rows.map((r) => String(r[i] ?? '')),
      c,
    ),
  );
  const minSum = needs.reduce((s, n) => s + n.min, 0);
  let widths: number[];
  if (minSum >= total) {
    widths = needs.map((n) => (n.min * total) / minSum);
  } else {
    const lack = needs.map((n) => Math.max(0, n.natural - n.min));
    const lackSum = lack.reduce((s, x) => s + x, 0);
    const spare = total - minSum;
    widths = needs.map((n, i) => n.min + (lackSum ? Math.min(lack[i], (spare * lack[i]) / lackSum) : 0));
    // What no column lacks any more is shared in proportion to the widths.
    const rest = total - widths.reduce((s, w) => s + w, 0);
    const sum = widths.reduce((s, w) => s + w, 0);
    widths = widths.map((w) => w + (rest * w) / sum);
  }
  const rounded = widths.map(Math.floor);
  rounded[rounded.length - 1] += total - rounded.reduce((s, w) => s + w, 0);
  return rounded;
}

export function tableBlock(columns: string[], rows: string[][]) {
  const widths = fitColumns(columns, rows);
  const cell = (text: string, header: boolean, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: PADDING / 2, right: PADDING / 2, top: 40, bottom: 40 },
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: { line: 360, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
            children: [run(line, header ? FONT.hei : FONT.body, SIZE.xiaosi)],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c, true, widths[i])) }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((_, i) => cell(String(r[i] ?? ''), false, widths[i])),
          }),
      ),
    ],
  });
}
