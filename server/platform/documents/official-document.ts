/**
 * Official documents (公文) as .docx in the GB/T 9704-2012 layout, as far as the `docx` package
 * allows: A4 with the standard margins, red 发文机关标志 and separator line, 小标宋 title,
 * 仿宋 三号 body on an exact 28.95 pt line grid (22 lines a page), 黑体/楷体 headings,
 * 署名 and 日期 placed by the 2-character rule, 版记 with thick/thin rules, and
 * "— 1 —" page numbers outside on odd and even pages. Fonts a machine lacks fall back through
 * `w:altName` in the font table (小标宋 → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体).
 */
import { formatDate } from '../../../common/format.js';
import { chineseNumber } from '../../../common/rules.js';
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, type Table, TabStopType } from 'docx';
import { type DocChart, chartBlock } from './document-chart.js';
import { tableBlock } from './document-table.js';
import { packDocument } from './docx-package.js';
import { blank, CHAR, exact, FONT, LINE, mm, RED, run, SIZE, TEXT_WIDTH, widthInChars } from './layout.js';
import { recordTable, signatureParagraphs } from './official-blocks.js';
import { breakTitle } from './title-lines.js';

export type DocBlock =
  | string
  | { heading: string; level?: 1 | 2 }
  | { table: { columns: string[]; rows: string[][] } }
  | { chart: DocChart };

export interface OfficialDocument {
  /** 发文机关标志, e.g. '中共某县纪律检查委员会' (from the region's issuers) */
  issuer: string;
  /** 发文字号, e.g. '某纪发〔2026〕12号' (from the document registry) */
  docNumber?: string;
  title: string;
  /** 主送机关 */
  recipients?: string[];
  /** Paragraphs (首行缩进2字), headings (level 1 '一、' 黑体, level 2 '（一）' 楷体), tables, charts. */
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
  /** Not issued yet: no 发文字号, marked 草稿 (document-registry.ts). */
  draft?: boolean;
  /**
   * 加盖印章 (GB/T 9704 7.3.5.1: 成文日期右空四字, 印章 pressing on 署名 and 日期), as a decision is; otherwise
   * the unsealed layout of 7.3.5.2 (署名 右空二字 above the date).
   */
  sealed?: boolean;
  /**
   * A 纪要 (GB/T 9704 10.3): the issuer is the 纪要标志 ("…会议纪要"); the line above the red rule carries the
   * 署名 (the office that prints it) and the date instead of a 发文字号, and the end carries no 署名 or 日期.
   */
  minutes?: boolean;
  /** 出席/列席/请假 lists after the body: the label in 黑体, the names in 仿宋 aligned after the colon. */
  attendance?: { label: '出席' | '列席' | '请假'; names: string[] }[];
}

/** Ink top of a CJK glyph below its exact line's top, per half-point of size (measured: LibreOffice, Noto CJK). */
const ISSUER_INK = 0;
/** Space between the 发文字号 line and the red rule, in points (the rule 4 mm under the number). */
const RULE_SPACE = 11;

/** Heading numbers (一、（二）): the regulations' numerals, shared with article citations. */
export { chineseNumber };

/** '2026年11月24日' for the calendar day of `d` in Asia/Shanghai (GB/T 9704: Arabic numerals, no padding). */
export function formatChineseDate(d: Date): string {
  return formatDate(d, '');
}

function bodyParagraph(text: string, font: string = FONT.body, keepNext = false) {
  return new Paragraph({
    spacing: exact(LINE),
    keepNext,
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
  // A heading keeps with the paragraph under it: never stranded at a page foot.
  return bodyParagraph(label, level === 1 ? FONT.hei : FONT.kai, true);
}

function attachmentParagraphs(lines: string[]) {
  const numbered = lines.length > 1;
  const label = '附件：';
  const hang = widthInChars(label) * CHAR;
  return lines.map((line, i) => {
    const text = numbered && !/^\d/.test(line) ? `${i + 1}．${line}` : line;
    return new Paragraph({
      spacing: exact(LINE),
      keepNext: true,
      indent: i === 0 ? { left: 2 * CHAR + hang, hanging: hang } : { left: 2 * CHAR + hang },
      children: [run(i === 0 ? `${label}${text}` : text, FONT.body, SIZE.sanhao)],
    });
  });
}

function attendanceParagraphs(lists: NonNullable<OfficialDocument['attendance']>) {
  return lists
    .filter((l) => l.names.length)
    .map(
      (l) =>
        new Paragraph({
          spacing: exact(LINE),
          keepLines: true,
          indent: { left: 5 * CHAR, hanging: 3 * CHAR },
          children: [run(`${l.label}：`, FONT.hei, SIZE.sanhao), run(l.names.join('、'), FONT.body, SIZE.sanhao)],
        }),
    );
}

/** The issuer mark as large as fits the 156 mm line (at most 小初-plus 48 pt, at least 二号). */
function issuerSize(issuer: string): number {
  const pts = Math.floor(430 / Math.max(1, widthInChars(issuer)));
  return Math.max(22, Math.min(48, pts)) * 2;
}

/** The 发文机关标志: the ink top 35 mm below the 版心's top edge (GB/T 9704 7.2.2), red, centred. */
function issuerParagraph(issuer: string) {
  const size = issuerSize(issuer);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: {
      before: mm(35) - Math.round(size * ISSUER_INK),
      after: 0,
      line: size * 10,
      lineRule: LineRuleType.EXACT,
    },
    children: [run(issuer, FONT.title, size, { color: RED })],
  });
}

/** 版头: 发文机关标志, 空二行, 发文字号, the red rule 4 mm below it, then 空二行 to the title. */
function headParagraphs(doc: OfficialDocument) {
  return [
    issuerParagraph(doc.issuer),
    blank(),
    // A 纪要 carries its number under the 纪要标志; the line above its red rule holds the 署名 and the date.
    doc.minutes && doc.docNumber
      ? new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: exact(LINE),
          children: [run(doc.docNumber, FONT.body, SIZE.sanhao)],
        })
      : blank(),
    new Paragraph({
      spacing: exact(LINE),
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: RULE_SPACE } },
      ...(doc.minutes
        ? {
            alignment: AlignmentType.LEFT,
            tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR }],
            children: [run(`　${doc.signature}\t${formatChineseDate(doc.date)}`, FONT.body, SIZE.sanhao)],
          }
        : { alignment: AlignmentType.CENTER, children: [run(doc.docNumber ?? '', FONT.body, SIZE.sanhao)] }),
    }),
    blank(),
    blank(),
  ];
}

/** Renders an official document to .docx bytes. */
export async function renderOfficialDocument(doc: OfficialDocument): Promise<Buffer> {
  const date = formatChineseDate(doc.date);
  const children: (Paragraph | Table)[] = headParagraphs(doc);

  // 主体: title (broken by meaning), 空一行, 主送, body, 附件说明, 署名, 日期.
  for (const line of breakTitle(doc.title)) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: exact(LINE),
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
  const body: (Paragraph | Table)[] = [];
  for (const block of doc.body) {
    if (typeof block === 'string') body.push(bodyParagraph(block));
    else if ('heading' in block) body.push(headingParagraph(block.heading, block.level ?? 1, counters));
    else if ('chart' in block) body.push(chartBlock(block.chart));
    else body.push(tableBlock(block.table.columns, block.table.rows));
  }
  // The last body paragraph keeps with the signature: no page holds only the 署名 and 日期.
  const last = body.at(-1);
  if (last instanceof Paragraph && typeof doc.body.at(-1) === 'string') {
    body[body.length - 1] = bodyParagraph(doc.body.at(-1) as string, FONT.body, true);
  }
  children.push(...body);
  if (doc.attachmentsNote?.length) {
    children.push(new Paragraph({ spacing: exact(LINE), keepNext: true, children: [] }));
    children.push(...attachmentParagraphs(doc.attachmentsNote));
  }
  if (doc.attendance?.length) children.push(blank(), ...attendanceParagraphs(doc.attendance));
  if (!doc.minutes) children.push(...signatureParagraphs(doc.signature, date, doc.sealed ?? false));
  // 版记, pinned to the foot of the page of the paragraph after it.
  const record = recordTable(doc.copyTo, doc.printedBy, date);
  if (record) children.push(record);
  // A paragraph a table may be followed by (1 pt high).
  children.push(
    new Paragraph({
      spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [run('', FONT.body, 2)],
    }),
  );

  return packDocument(children, { title: doc.title, creator: doc.signature });
}
