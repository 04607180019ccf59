/**
 * The GB/T 9704-2012 positions a converted PDF must show, measured with `measure.ts`. Every number in
 * millimetres from the top-left of the A4 page; the 版心 is 156 × 225 mm at 28 mm from the left and 37 mm
 * from the top.
 */
import { firstRedRow, type Line, type Rule, rules, textLines } from './measure.js';

export const TOLERANCE = 1;
const AREA = { top: 37, bottom: 262, left: 28, right: 184, width: 156 };
/** One 四号 character (14 pt), the page number's 空一字. */
const SIHAO = (14 * 25.4) / 72;

export interface Measured {
  pages: number;
  /** Characters on the full body lines (the most common count). */
  charsPerLine?: number;
  fullLines: number;
  issuerTop?: number;
  redRule?: Pick<Rule, 'y' | 'left' | 'width'>;
  /** Distance from the 发文字号 line's bottom to the red rule. */
  numberToRule?: number;
  pageNumberTop?: number;
  /** Odd pages: right edge; even: left edge. */
  pageNumberOdd?: number;
  pageNumberEven?: number;
  recordRules: { y: number; width: number }[];
  lastPageBodyLines: number;
  failures: string[];
}

const near = (value: number | undefined, expected: number, tol = TOLERANCE) =>
  value !== undefined && Math.abs(value - expected) <= tol;
const f1 = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(1));

function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

const isPageNumber = (l: Line) => /^—\s*\d+\s*—$/.test(l.text) && l.top > AREA.bottom;
/** A line of 三号 body text (box 5–7.5 mm high) inside the 版心. */
const isBodySize = (l: Line) => l.bottom - l.top > 5 && l.bottom - l.top < 7.5 && l.top < AREA.bottom;

export interface Expect {
  /** A 公文 with the red 版头 (forms such as 谈话笔录 have none). */
  redHeader: boolean;
  /** A 发文字号 line above the red rule. */
  docNumber?: string;
  /** A 版记 (抄送/印发) at the foot of the last page. */
  record: boolean;
}

export function measure(pdf: string, want: Expect): Measured {
  const { pages, lines } = textLines(pdf);
  const failures: string[] = [];
  const out: Measured = { pages, fullLines: 0, recordRules: [], lastPageBodyLines: 0, failures };

  // 28 characters a line: lines of CJK text that run the full 版心 width. Lines with Latin letters or digits are
  // left out: the substitute Latin font is wider than the half-width Latin of 仿宋_GB2312.
  const full = lines.filter(
    (l) => isBodySize(l) && l.right - l.left > AREA.width - 6 && !isPageNumber(l) && !/[\x21-\x7e]/.test(l.text),
  );
  out.fullLines = full.length;
  out.charsPerLine = mode(full.map((l) => Math.round(l.chars)));
  if (full.length && out.charsPerLine !== 28) failures.push(`每行${out.charsPerLine}字（应为28字）`);

  if (want.redHeader) {
    out.issuerTop = firstRedRow(pdf, 1);
    if (!near(out.issuerTop, AREA.top + 35)) failures.push(`发文机关标志上边缘 ${f1(out.issuerTop)} mm（应为72 mm）`);
    const red = rules(pdf, 1).find((r) => r.color === 'red');
    out.redRule = red && { y: red.y, left: red.left, width: red.width };
    if (!red || !near(red.width, AREA.width) || !near(red.left, AREA.left))
      failures.push(`红色分隔线 ${f1(red?.left)}+${f1(red?.width)} mm（应为28+156 mm）`);
    // The 发文字号 line: the given number, or any 〔year〕 line just above the rule.
    const number = (l: Line) => (want.docNumber ? l.text.includes(want.docNumber) : /〔\d{4}〕/.test(l.text));
    const n = red && lines.find((l) => l.page === 1 && number(l) && l.bottom < red.y && red.y - l.bottom < 10);
    if (red && (want.docNumber || n)) {
      out.numberToRule = n && red.y - n.bottom;
      if (!near(out.numberToRule, 4)) failures.push(`发文字号至分隔线 ${f1(out.numberToRule)} mm（应为4 mm）`);
    }
  }

  // Page numbers: 一字线 7 mm below the 版心, 空一字 from the outer edge.
  const numbers = lines.filter(isPageNumber);
  out.pageNumberTop = numbers[0]?.top;
  out.pageNumberOdd = numbers.find((l) => l.page % 2 === 1)?.right;
  out.pageNumberEven = numbers.find((l) => l.page % 2 === 0)?.left;
  if (numbers.length !== pages) failures.push(`${numbers.length}个页码（${pages}页）`);
  if (numbers.some((l) => !near(l.top, AREA.bottom + 7)))
    failures.push(`页码上边缘 ${f1(out.pageNumberTop)} mm（应为269 mm）`);
  if (out.pageNumberOdd !== undefined && !near(out.pageNumberOdd, AREA.right - SIHAO))
    failures.push(`单页码右边缘 ${f1(out.pageNumberOdd)} mm（应为${f1(AREA.right - SIHAO)} mm）`);
  if (out.pageNumberEven !== undefined && !near(out.pageNumberEven, AREA.left + SIHAO))
    failures.push(`双页码左边缘 ${f1(out.pageNumberEven)} mm（应为${f1(AREA.left + SIHAO)} mm）`);

  // 版记: rules the full 版心 width, the last one on the 版心's lower edge of the last page.
  if (want.record) {
    out.recordRules = rules(pdf, pages)
      .filter((r) => r.color === 'black' && r.width > AREA.width / 2)
      .map((r) => ({ y: r.y, width: r.width }));
    const last = out.recordRules.at(-1);
    if (!out.recordRules.length || out.recordRules.some((r) => !near(r.width, AREA.width)))
      failures.push(`版记线宽 ${out.recordRules.map((r) => f1(r.width)).join('/') || '—'} mm（应为156 mm）`);
    if (!near(last?.y, AREA.bottom)) failures.push(`版记末条线 ${f1(last?.y)} mm（应在版心下边缘262 mm）`);
  }

  // No id or code broken across lines (WT2026-/90299 in a narrow table column, RC2026‑/0001 in body text): a line
  // may not end in a code's hyphen (plain or U+2011, with or without a word joiner) nor the next begin with one.
  const broken = lines.filter(
    (l) => /[A-Za-z0-9]\u2060?[-\u2011]\u2060?$/.test(l.text) || /^\u2060?[-\u2011]\u2060?[A-Za-z0-9]/.test(l.text),
  );
  if (broken.length) failures.push(`编号断行：${broken.map((l) => l.text).join('、')}`);

  // No last page with only the 署名/日期 or the 版记: at least one line of text starting at the left.
  const own = lines.filter(
    (l) => l.page === pages && !isPageNumber(l) && l.left < AREA.left + 14 && !/^(抄送|印发)/.test(l.text),
  );
  out.lastPageBodyLines = own.filter((l) => !/印发$/.test(l.text)).length;
  if (pages > 1 && out.lastPageBodyLines === 0) failures.push('末页只有署名、日期或版记');
  return out;
}
