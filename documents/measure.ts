/**
 * Measures a PDF the way a proof-reader with a ruler would: text lines with their boxes (poppler's
 * `pdftotext -bbox-layout`) and the horizontal rules (poppler's `pdftoppm` raster, rows of dark or red
 * pixels). Everything in millimetres from the top-left corner of the page.
 */
import { execFileSync } from 'node:child_process';

const PT = 25.4 / 72;
const DPI = 150;
const PX = 25.4 / DPI;

export interface Line {
  page: number;
  text: string;
  /** Characters as GB/T 9704 counts them: CJK and full-width 1, ASCII half. */
  chars: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Rule {
  page: number;
  color: 'red' | 'black';
  /** Vertical centre of the rule. */
  y: number;
  left: number;
  right: number;
  width: number;
}

export function charWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) < 0x2000 ? 0.5 : 1;
  return w;
}

const attr = (tag: string, name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(tag)?.[1] ?? 0);
const decodeEntities = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Text lines of every page (poppler writes one `<line>` per line of type with its `<word>`s). */
export function textLines(pdf: string): { pages: number; lines: Line[] } {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines: Line[] = [];
  let pages = 0;
  for (const pageXml of xhtml.split('<page ').slice(1)) {
    pages += 1;
    for (const m of pageXml.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const text = [...m[2].matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => decodeEntities(w[1])).join('');
      lines.push({
        page: pages,
        text,
        chars: charWidth(text),
        left: attr(m[1], 'xMin') * PT,
        right: attr(m[1], 'xMax') * PT,
        top: attr(m[1], 'yMin') * PT,
        bottom: attr(m[1], 'yMax') * PT,
      });
    }
  }
  return { pages, lines };
}

/** One page as RGB pixels (PPM from pdftoppm). */
function raster(pdf: string, page: number): { width: number; height: number; rgb: Buffer } {
  const ppm = execFileSync('pdftoppm', ['-r', String(DPI), '-f', String(page), '-l', String(page), pdf], {
    maxBuffer: 64 << 20,
  });
  // Header: "P6\n<width> <height>\n255\n" (no comments from pdftoppm).
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PPM');
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
}

/** Horizontal rules at least `minMm` long: runs of red or dark pixels, adjacent rows merged. */
export function rules(pdf: string, page: number, minMm = 40): Rule[] {
  const { width, height, rgb } = raster(pdf, page);
  const found: Rule[] = [];
  for (let y = 0; y < height; y += 1) {
    for (const color of ['red', 'black'] as const) {
      let best = { len: 0, start: 0 };
      let start = -1;
      for (let x = 0; x <= width; x += 1) {
        const i = (y * width + x) * 3;
        const [r, g, b] = [rgb[i], rgb[i + 1], rgb[i + 2]];
        const hit = x < width && (color === 'red' ? r > 150 && g < 110 && b < 110 : r < 110 && g < 110 && b < 110);
        if (hit && start < 0) start = x;
        if (!hit && start >= 0) {
          if (x - start > best.len) best = { len: x - start, start };
          start = -1;
        }
      }
      if (best.len * PX < minMm) continue;
      const prev = found.at(-1);
      const rule = {
        page,
        color,
        y: y * PX,
        left: best.start * PX,
        right: (best.start + best.len) * PX,
        width: best.len * PX,
      };
      if (prev && prev.color === color && Math.abs(rule.y - prev.y) < 1.2 && Math.abs(prev.width - rule.width) < 2) {
        prev.y = (prev.y + rule.y) / 2; // a thick rule spans rows: keep its centre
      } else found.push(rule);
    }
  }
  return found;
}

/** The first row on `page` holding red ink: the top edge of the 发文机关标志. */
export function firstRedRow(pdf: string, page = 1): number | undefined {
  const { width, height, rgb } = raster(pdf, page);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 3;
      if (rgb[i] > 150 && rgb[i + 1] < 110 && rgb[i + 2] < 110) return y * PX;
    }
  }
  return undefined;
}
