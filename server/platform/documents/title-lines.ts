/**
 * Breaks a 公文 title into lines by meaning (GB/T 9704 7.3.1: 回行时要做到词意完整，排列对称，长短适宜，间距恰当，
 * 标题排列应当使用梯形或菱形): lines never cut a word (ICU's Chinese word segmentation through Intl.Segmenter),
 * prefer the cuts after "关于" and before "的通知/的决定/…", each line fits the 版心, and the line lengths make a
 * trapezoid (each line no longer, or each no shorter, than the one above) or a diamond.
 */
import { widthInChars } from './layout.js';

/** 二号 characters on a 156 mm line: 156 mm / 22 pt. */
export const TITLE_CHARS = 20;

const segmenter = new Intl.Segmenter('zh-Hans', { granularity: 'word' });
/** Cuts that follow the sense of a title: after these … */
const GOOD_AFTER = /(关于|对|在|、|，|和|及|与)$/;
/** … and before these. */
const GOOD_BEFORE =
  /^(的(决定|通报|通知|意见|报告|批复|函|请示|纪要|方案|办法|规定|情况)|情况的|工作的|(督导|巡查|整改|问责)?(情况)?(通报|通知|决定|意见|纪要|提醒函|建议书|交办单))/;
/** No line may start with closing punctuation or end with opening punctuation. */
const NO_START = /^[、，。；：）》」』”’！？]/;
const NO_END = /[（《「『“‘]$/;

function cutPoints(title: string): number[] {
  const points: number[] = [];
  let at = 0;
  for (const s of segmenter.segment(title)) {
    if (at > 0) points.push(at);
    at += s.segment.length;
  }
  return points;
}

function score(lines: string[]): number {
  const widths = lines.map(widthInChars);
  let s = 0;
  for (let i = 0; i < lines.length; i += 1) {
    if (widths[i] > TITLE_CHARS) return Number.POSITIVE_INFINITY;
    if (NO_START.test(lines[i]) || NO_END.test(lines[i])) return Number.POSITIVE_INFINITY;
    if (i > 0) s += GOOD_AFTER.test(lines[i - 1]) || GOOD_BEFORE.test(lines[i]) ? 0 : 6;
  }
  // Shape: a trapezoid (monotone) or a diamond (up then down); anything else is ragged.
  const ups = widths.slice(1).map((w, i) => Math.sign(w - widths[i]));
  const peak = ups.indexOf(-1);
  const monotone = ups.every((d) => d >= 0) || ups.every((d) => d <= 0);
  const diamond = peak > 0 && ups.slice(0, peak).every((d) => d >= 0) && ups.slice(peak).every((d) => d <= 0);
  if (!monotone && !diamond) s += 20;
  // Balanced lengths, and a last line of more than two characters.
  s += (Math.max(...widths) - Math.min(...widths)) * 0.5;
  if (lines.length > 1 && (widths.at(-1) ?? 0) <= 2) s += 30;
  return s;
}

/** Splits `title` into the fewest lines that fit, choosing the cuts that read best. */
export function breakTitle(title: string, maxChars = TITLE_CHARS): string[] {
  const given = title
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (given.length > 1 || widthInChars(title) <= maxChars) return given.length ? given : [title];
  const points = cutPoints(title);
  const minLines = Math.ceil(widthInChars(title) / maxChars);
  for (let lines = minLines; lines <= minLines + 2; lines += 1) {
    let best: { lines: string[]; score: number } | undefined;
    const choose = (from: number, start: number, left: number, acc: string[]) => {
      if (left === 1) {
        const candidate = [...acc, title.slice(start)];
        const s = score(candidate);
        if (s < (best?.score ?? Number.POSITIVE_INFINITY)) best = { lines: candidate, score: s };
        return;
      }
      for (let i = from; i < points.length; i += 1) {
        const line = title.slice(start, points[i]);
        if (widthInChars(line) > maxChars) break;
        choose(i + 1, points[i], left - 1, [...acc, line]);
      }
    };
    choose(0, 0, lines, []);
    if (best) return best.lines;
  }
  // No word boundary fits (a single very long word): cut by width.
  const out: string[] = [];
  let line = '';
  for (const ch of title) {
    if (widthInChars(line + ch) > maxChars) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  return [...out, line];
}
