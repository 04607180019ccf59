/**
 * Official documents (公文) as .docx in the GB/T 9704-2012 layout, as far as the `docx` package
 * allows: A4 with the standard margins, red 发文机关标志 and separator line, 小标宋 title,
 * 仿宋 三号 body on an exact 28.95 pt line grid (22 lines a page), 黑体/楷体 headings,
 * 署名 and 日期 placed by the 2-character rule, 版记 with thick/thin rules, and
 * "— 1 —" page numbers outside on odd and even pages. Fonts a machine lacks fall back through
 * `w:altName` in the font table (小标宋 → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体).
 */
import { unzipSync, zipSync } from 'fflate';
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

export type DocBlock = string | { heading: string; level?: 1 | 2 } | { table: { columns: string[]; rows: string[][] } };

export interface OfficialDocument {
  /** 发文机关标志, e.g. '中共示范县纪律检查委员会' */
  issuer: string;
  /** 发文字号, e.g. '示纪督〔2026〕12号' */
  docNumber?: string;
  title: string;
  /** 主送机关 */
  recipients?: string[];
  /** Paragraphs (首行缩进2字), headings (level 1 '一、' 黑体, level 2 '（一）' 楷体), tables. */
  body: DocBlock[];
  /** 落款 (发文机关署名) */
  signature: string;
  /** 成文日期, rendered in Asia/Shanghai as 2026年11月24日 */
  date: Date;
  /** 抄送 */
  copyTo?: string[];
  /** 印发机关 (版记) */
  printedBy?: string;
  /** 附件说明 lines */
  attachmentsNote?: string[];
}

const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
} as const;
/** Font-table entries: the name the document asks for and what Word/WPS/LibreOffice use when it is missing. */
const FONT_TABLE: { name: string; alt: string; pitch: 'variable' | 'fixed' }[] = [
  { name: FONT.title, alt: '宋体', pitch: 'variable' },
  { name: FONT.body, alt: '仿宋', pitch: 'fixed' },
  { name: FONT.kai, alt: '楷体', pitch: 'fixed' },
  { name: FONT.hei, alt: 'SimHei', pitch: 'variable' },
  { name: FONT.song, alt: 'SimSun', pitch: 'variable' },
];

const RED = 'FF0000';
/** Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt. */
const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24 } as const;
/** One 三号 character in twips (16pt × 20). */
const CHAR = 320;
/** 22 lines in the 225 mm type area: 28.95 pt, exact. */
const LINE = 579;
/** Millimetres to twips, rounded (A4 = 11906 × 16838, as Word writes it). */
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for heading numbers). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return String(n);
}

/** '2026年11月24日' for the calendar day of `d` in Asia/Shanghai (GB/T 9704: Arabic numerals, no padding). */
export function formatChineseDate(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(d);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return `${get('year')}年${get('month')}月${get('day')}日`;
}

/** Width of a line in 三号 characters: CJK and full-width count 1, ASCII half. */
function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) < 0x2000 ? 0.5 : 1;
  return w;
}

const run = (text: string, font: string, size: number, extra: { color?: string; bold?: boolean } = {}) =>
  new TextRun({ text, font, size, ...extra });

const blank = () => new Paragraph({ spacing: exact(LINE), children: [] });

function bodyParagraph(text: string, font: string = FONT.body) {
  return new Paragraph({
    spacing: exact(LINE),
    indent: { firstLine: 2 * CHAR },
    alignment: AlignmentType.JUSTIFIED,
    children: [run(text, font, SIZE.sanhao)],
  });
}

const HEADING_1 = /^[一二三四五六七八九十]+、/;
const HEADING_2 = /^（[一二三四五六七八九十]+）/;

function headingParagraph(text: string, level: 1 | 2, counters: { l1: number; l2: number }) {
  let label = text;
  if (level === 1) {
    counters.l1 += 1;
    counters.l2 = 0;
    if (!HEADING_1.test(text)) label = `${chineseNumber(counters.l1)}、${text}`;
  } else {
    counters.l2 += 1;
    if (!HEADING_2.test(text)) label = `（${chineseNumber(counters.l2)}）${text}`;
  }
  return bodyParagraph(label, level === 1 ? FONT.hei : FONT.kai);
}

function tableBlock(columns: string[], rows: string[][]) {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
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
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, true)) }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: columns.map((_, i) => cell(String(r[i] ?? ''), false)) }),
      ),
    ],
  });
}

function attachmentParagraphs(lines: string[]) {
  const numbered = lines.length > 1;
  const label = '附件：';
  const hang = widthInChars(label) * CHAR;
  return lines.map((line, i) => {
    const text = numbered && !/^\d/.test(line) ? `${i + 1}．${line}` : line;
    return new Paragraph({
      spacing: exact(LINE),
      indent: i === 0 ? { left: 2 * CHAR + hang, hanging: hang } : { left: 2 * CHAR + hang },
      children: [run(i === 0 ? `${label}${text}` : text, FONT.body, SIZE.sanhao)],
    });
  });
}

/**
 * 署名 and 成文日期 without a seal (GB/T 9704 7.3.5.2): 署名 右空二字, the date's first character two
 * characters right of the 署名's; a date longer than the 署名 stays 右空二字 and pushes the 署名 left.
 */
function signatureParagraphs(signature: string, date: string) {
  const n = widthInChars(signature);
  const w = widthInChars(date);
  const dateRight = Math.max(2, n - w);
  const sigRight = dateRight + w + 2 - n;
  const right = (text: string, chars: number) =>
    new Paragraph({
      spacing: exact(LINE),
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(chars * CHAR) },
      children: [run(text, FONT.body, SIZE.sanhao)],
    });
  return [right(signature, sigRight), right(date, dateRight)];
}

const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000', space: 1 });
/** 版记 rules: first and last 0.35 mm (≈ 1pt = size 8), the ones between 0.25 mm (≈ 0.75pt = 6). */
const THICK = rule(8);
const THIN = rule(6);

function recordParagraphs(doc: OfficialDocument, date: string) {
  const out: Paragraph[] = [];
  const hasCopy = !!doc.copyTo?.length;
  if (hasCopy) {
    const label = '抄送：';
    const hang = widthInChars(label) * 280;
    out.push(
      new Paragraph({
        spacing: exact(LINE),
        indent: { left: 280 + hang, right: 280, hanging: hang },
        border: { top: THICK, bottom: doc.printedBy ? THIN : THICK },
        children: [run(`${label}${(doc.copyTo ?? []).join('，')}。`, FONT.body, SIZE.sihao)],
      }),
    );
  }
  if (doc.printedBy) {
    out.push(
      new Paragraph({
        spacing: exact(LINE),
        indent: { left: 280, right: 280 },
        tabStops: [{ type: TabStopType.RIGHT, position: mm(156) - 560 }],
        border: hasCopy ? { bottom: THICK } : { top: THICK, bottom: THICK },
        children: [run(doc.printedBy, FONT.body, SIZE.sihao), run(`\t${date}印发`, FONT.body, SIZE.sihao)],
      }),
    );
  }
  return out;
}

function pageNumberFooter(align: 'left' | 'right') {
  const children: ParagraphChild[] = [
    new TextRun({ font: FONT.song, size: SIZE.sihao, children: ['— ', PageNumber.CURRENT, ' —'] }),
  ];
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: 280 } : { left: 280 },
        children,
      }),
    ],
  });
}

/** The issuer mark as large as fits the 156 mm line (at most 小初-plus 48 pt, at least 二号). */
function issuerSize(issuer: string): number {
  const pts = Math.floor(430 / Math.max(1, widthInChars(issuer)));
  return Math.max(22, Math.min(48, pts)) * 2;
}

function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="${f.pitch === 'fixed' ? 'modern' : 'roman'}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}

/** Adds the font fallbacks: `docx` writes a font table only for embedded fonts. */
function withFontTable(buffer: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(buffer));
  if (!files['word/fontTable.xml']) return buffer;
  files['word/fontTable.xml'] = new TextEncoder().encode(fontTableXml());
  return Buffer.from(zipSync(files, { level: 6 }));
}

/** Renders an official document to .docx bytes. */
export async function renderOfficialDocument(doc: OfficialDocument): Promise<Buffer> {
  const date = formatChineseDate(doc.date);
  const children: (Paragraph | Table)[] = [];

  // 版头: 发文机关标志, 空二行, 发文字号, red rule 4 mm below it.
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: {
        before: 0,
        after: 0,
        line: Math.round(issuerSize(doc.issuer) * 10 * 1.2),
        lineRule: LineRuleType.EXACT,
      },
      children: [run(doc.issuer, FONT.title, issuerSize(doc.issuer), { color: RED })],
    }),
    blank(),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(LINE),
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
      children: [run(doc.docNumber ?? '', FONT.body, SIZE.sanhao)],
    }),
    blank(),
  );

  // 主体: title, 主送, body, 附件说明, 署名, 日期.
  for (const line of doc.title.split('\n')) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact(700),
        children: [run(line, FONT.title, SIZE.erhao)],
      }),
    );
  }
  children.push(blank());
  if (doc.recipients?.length) {
    children.push(
      new Paragraph({
        spacing: exact(LINE),
        children: [run(`${doc.recipients.join('，')}：`, FONT.body, SIZE.sanhao)],
      }),
    );
  }
  const counters = { l1: 0, l2: 0 };
  for (const block of doc.body) {
    if (typeof block === 'string') children.push(bodyParagraph(block));
    else if ('heading' in block) children.push(headingParagraph(block.heading, block.level ?? 1, counters));
    else children.push(tableBlock(block.table.columns, block.table.rows));
  }
  if (doc.attachmentsNote?.length) children.push(blank(), ...attachmentParagraphs(doc.attachmentsNote));
  children.push(blank(), ...signatureParagraphs(doc.signature, date));

  // 版记.
  const record = recordParagraphs(doc, date);
  if (record.length) children.push(blank(), blank(), ...record);

  const document = new Document({
    creator: doc.signature,
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: FONT.body, size: SIZE.sanhao },
          paragraph: { spacing: exact(LINE) },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
              header: mm(15),
              footer: mm(21),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
  return withFontTable(await Packer.toBuffer(document));
}
