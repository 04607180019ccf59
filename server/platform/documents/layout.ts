/**
 * GB/T 9704-2012 page geometry and the typographic primitives of the .docx renderer: A4, 版心 156 × 225 mm
 * (天头 37 mm, 订口 28 mm), 三号 仿宋 on a 22-line × 28-character grid.
 */
import { LineRuleType, Paragraph, TextRun } from 'docx';
import { documentText } from './text-sanitise.js';

export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
} as const;

export const RED = 'FF0000';
/** Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24 } as const;

/** Millimetres to twips, rounded (A4 = 11906 × 16838, as Word writes it). */
export const mm = (v: number) => Math.round((v * 1440) / 25.4);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
} as const;
/** The 版心 width, 156 mm. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** The 版心 height, 225 mm. */
export const TEXT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;
/** Characters a line and lines a page (GB/T 9704 5.2.2). */
export const CHARS_PER_LINE = 28;
export const LINES_PER_PAGE = 22;
/** One grid character: 156 mm / 28 (≈ 15.8 pt, a 三号 character with the grid's negative spacing). */
export const CHAR = Math.floor(TEXT_WIDTH / CHARS_PER_LINE);
/** One grid line: 225 mm / 22 = 28.95 pt. */
export const LINE = 579;
/**
 * `w:charSpace` of the character grid: the pitch minus the default 三号 size, in 1/4096 pt (ECMA-376
 * 17.6.5), so that Word, WPS and LibreOffice lay out exactly 28 characters a line.
 */
export const CHAR_SPACE = Math.round((TEXT_WIDTH / CHARS_PER_LINE / 20 - SIZE.sanhao / 2) * 4096);

/**
 * 三号 characters condensed by 0.4 pt (in twips): 28 of them (436.8 pt) fit the 442.2 pt line with room for rounding
 * and 29 (452.4 pt) do not, so every program sets 28 a line without snapping to its character grid.
 */
export const CONDENSE = -8;

export const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** Width of a line in 三号 characters: CJK and full-width count 1, ASCII half. */
export function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) < 0x2000 ? 0.5 : 1;
  return w;
}

/** A run of text; 三号 runs carry the 0.4 pt condensation that sets 28 of them a line. */
export const run = (
  text: string,
  font: string,
  size: number,
  extra: { color?: string; bold?: boolean; underline?: object } = {},
) =>
  new TextRun({
    // Every text run passes the XML 1.0 filter: a U+FFFE stored in a field must not make the file unreadable.
    text: documentText(text),
    font,
    size,
    ...(size === SIZE.sanhao ? { characterSpacing: CONDENSE } : {}),
    ...extra,
  });

export const blank = () => new Paragraph({ spacing: exact(LINE), children: [] });
