/**
 * The parts of a 公文 below the body: 署名 and 成文日期 (sealed 7.3.5.1 or unsealed 7.3.5.2), and the 版记
 * (抄送, 印发机关和印发日期) as a table pinned to the foot of the last page's 版心, its rules the full 156 mm.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  HeightRule,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import { CHAR, PAGE, exact, FONT, LINE, run, SIZE, TEXT_HEIGHT, TEXT_WIDTH, widthInChars } from './layout.js';

/** One 四号 character (the 版记's 左右各空一字). */
const SIHAO_CHAR = SIZE.sihao * 10;

const right = (text: string, chars: number, keepNext: boolean) =>
  new Paragraph({
    spacing: exact(LINE),
    alignment: AlignmentType.RIGHT,
    keepNext,
    keepLines: true,
    indent: { right: Math.max(0, Math.round(chars * CHAR)) },
    children: [run(text, FONT.body, SIZE.sanhao)],
  });

/**
 * 署名 and 成文日期. Unsealed (7.3.5.2): 正文下空一行, 署名 右空二字, the date's first character two
 * characters right of the 署名's (a longer date stays 右空二字 and pushes the 署名 left). Sealed (7.3.5.1):
 * 成文日期 右空四字, the 署名 centred over it, three blank lines above for the 印章 (its top within one line of
 * the body, pressing on 署名 and 日期). Every paragraph keeps with the next (the date with the 版记 after it), so the block never stands alone.
 */
export function signatureParagraphs(signature: string, date: string, sealed: boolean): Paragraph[] {
  const n = widthInChars(signature);
  const w = widthInChars(date);
  const keep = () => new Paragraph({ spacing: exact(LINE), keepNext: true, children: [] });
  if (sealed) {
    const dateRight = 4;
    return [keep(), keep(), keep(), right(signature, dateRight + (w - n) / 2, true), right(date, dateRight, true)];
  }
  const dateRight = Math.max(2, n - w);
  return [keep(), right(signature, dateRight + w + 2 - n, true), right(date, dateRight, true)];
}

const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' });
/** 版记 rules: first and last 0.35 mm (≈ 1pt = size 8), the ones between 0.25 mm (≈ 0.75pt = 6). */
const THICK = rule(8);
const THIN = rule(6);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** 版记 lines: 四号 on an exact 20 pt line, a row's padding above and below. */
const RECORD_LINE = 400;
const RECORD_PAD = 60;
/** 四号 characters on a 版记 line (156 mm less 左右各空一字). */
const RECORD_CHARS = Math.floor((TEXT_WIDTH - 2 * SIHAO_CHAR) / SIHAO_CHAR);

function recordRow(children: Paragraph, lines: number, first: boolean, last: boolean) {
  return new TableRow({
    cantSplit: true,
    height: { value: lines * RECORD_LINE + 2 * RECORD_PAD, rule: HeightRule.EXACT },
    children: [
      new TableCell({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        margins: { left: SIHAO_CHAR, right: SIHAO_CHAR, top: RECORD_PAD, bottom: RECORD_PAD },
        borders: { top: first ? THICK : NONE, bottom: last ? THICK : THIN, left: NONE, right: NONE },
        children: [children],
      }),
    ],
  });
}

/**
 * 版记 (GB/T 9704 7.4): 抄送 and 印发机关和印发日期 between full-width rules, the last rule on the lower edge of
 * the 版心 of the last page: a table floating at a fixed distance from the 版心's top, its rows of exact height.
 */
export function recordTable(copyTo: string[] | undefined, printedBy: string | undefined, date: string) {
  const rows: { p: Paragraph; lines: number }[] = [];
  const line = (children: ReturnType<typeof run>[], extra: object = {}) =>
    new Paragraph({ spacing: { line: RECORD_LINE, lineRule: 'exact', before: 0, after: 0 }, ...extra, children });
  if (copyTo?.length) {
    const label = '抄送：';
    const text = `${label}${copyTo.join('，')}。`;
    const hang = widthInChars(label);
    const lines = 1 + Math.ceil(Math.max(0, widthInChars(text) - RECORD_CHARS) / (RECORD_CHARS - hang));
    rows.push({
      p: line([run(text, FONT.body, SIZE.sihao)], { indent: { left: hang * SIHAO_CHAR, hanging: hang * SIHAO_CHAR } }),
      lines,
    });
  }
  if (printedBy) {
    rows.push({
      p: line([run(printedBy, FONT.body, SIZE.sihao), run(`\t${date}印发`, FONT.body, SIZE.sihao)], {
        tabStops: [{ type: 'right', position: TEXT_WIDTH - 2 * SIHAO_CHAR }],
      }),
      lines: 1,
    });
  }
  if (!rows.length) return undefined;
  const height = rows.reduce((h, r) => h + r.lines * RECORD_LINE + 2 * RECORD_PAD, 0);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    borders: { top: THICK, bottom: THICK, left: NONE, right: NONE, insideHorizontal: THIN, insideVertical: NONE },
    float: {
      // Placed from the page edge: LibreOffice floats a full-width table only when it is anchored to the page.
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: PAGE.left,
      verticalAnchor: TableAnchorType.MARGIN,
      absoluteVerticalPosition: TEXT_HEIGHT - height,
      topFromText: LINE,
    },
    rows: rows.map((r, i) => recordRow(r.p, r.lines, i === 0, i === rows.length - 1)),
  });
}
