/**
 * What the `docx` package cannot write, added to the finished .docx: the font table with fallbacks (小标宋 → 宋体,
 * 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体), and `w:snapToGrid="0"` on every paragraph (the document defaults): the
 * section declares the 28 × 22 grid (`w:docGrid` linesAndChars, for what a user types in Word or WPS), while the
 * document's own text sets 28 characters a line by its 15.75 pt advance (see `CONDENSE`), the same in every
 * program: LibreOffice's character grid gives digits, quotes and the larger type of the issuer mark whole cells.
 */
import { unzipSync, zipSync } from 'fflate';
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  type FileChild,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import { CHAR_SPACE, CONDENSE, exact, FONT, LINE, mm, PAGE, SIZE } from './layout.js';

/** Font-table entries: the name the document asks for and what Word/WPS/LibreOffice use when it is missing. */
const FONT_TABLE: { name: string; alt: string; pitch: 'variable' | 'fixed' }[] = [
  { name: FONT.title, alt: '宋体', pitch: 'variable' },
  { name: FONT.body, alt: '仿宋', pitch: 'fixed' },
  { name: FONT.kai, alt: '楷体', pitch: 'fixed' },
  { name: FONT.hei, alt: 'SimHei', pitch: 'variable' },
  { name: FONT.song, alt: 'SimSun', pitch: 'variable' },
];

function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="${f.pitch === 'fixed' ? 'modern' : 'roman'}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}

/** `docx` writes a font table only for embedded fonts, and no paragraph-level snapToGrid. */
function finishPackage(buffer: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(buffer));
  const encode = (s: string) => new TextEncoder().encode(s);
  if (files['word/fontTable.xml']) files['word/fontTable.xml'] = encode(fontTableXml());
  const styles = files['word/styles.xml'] && new TextDecoder().decode(files['word/styles.xml']);
  if (styles) {
    const patched = styles.replace('<w:pPrDefault><w:pPr>', '<w:pPrDefault><w:pPr><w:snapToGrid w:val="0"/>');
    files['word/styles.xml'] = encode(patched);
  }
  return Buffer.from(zipSync(files, { level: 6 }));
}

/** "— 1 —" in 四号 宋体, 空一字 from the outer edge: right on odd pages, left on even ones (GB/T 9704 7.5). */
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

/**
 * A4 with the GB/T 9704 margins, the 22 × 28 grid, 三号 仿宋 as the default and page numbers in the footer,
 * packed to .docx bytes.
 */
export async function packDocument(children: FileChild[], meta: { title: string; creator: string }): Promise<Buffer> {
  const base = { font: FONT.body, size: SIZE.sanhao, characterSpacing: CONDENSE };
  const document = new Document({
    ...meta,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: base, paragraph: { spacing: exact(LINE) } } },
      // The grid's character pitch is counted from the Normal style's size (LibreOffice reads it there).
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: base, paragraph: { spacing: exact(LINE) } }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE, header: mm(15), footer: mm(21) },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
  return finishPackage(await Packer.toBuffer(document));
}
