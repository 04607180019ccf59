/**
 * A 表 form (容错免责事前备案表 and the like) as .docx: the form's name, its number, a two-column table of labels
 * and values, and a last row of boxes with room for a seal or a signature and the date (单位盖章, 负责人签字, 审批人).
 */
import {
  AlignmentType,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { packDocument } from './docx-package.js';
import { blank, CHAR, exact, FONT, LINE, mm, run, SIZE, TEXT_WIDTH } from './layout.js';

export interface TableForm {
  title: string;
  /** Left and right of the line under the title, e.g. 编号 and 状态. */
  caption: [string, string];
  rows: [string, string][];
  /** The boxes of the last row, e.g. ['单位盖章', '负责人签字', '审批人']. */
  boxes: string[];
  creator: string;
}

const LABEL_WIDTH = mm(36);
/** Room for a seal (42 mm across) or a signature. */
const BOX_HEIGHT = mm(48);
const CELL_MARGINS = { left: 100, right: 100, top: 60, bottom: 60 };

const cellText = (text: string, font: string, align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  text
    .split('\n')
    .map((line) => new Paragraph({ alignment: align, spacing: exact(LINE), children: [run(line, font, SIZE.sanhao)] }));

function fieldRow([label, value]: [string, string]) {
  return new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        width: { size: LABEL_WIDTH, type: WidthType.DXA },
        margins: CELL_MARGINS,
        verticalAlign: VerticalAlignTable.CENTER,
        children: cellText(label, FONT.hei, AlignmentType.CENTER),
      }),
      new TableCell({
        width: { size: TEXT_WIDTH - LABEL_WIDTH, type: WidthType.DXA },
        margins: CELL_MARGINS,
        verticalAlign: VerticalAlignTable.CENTER,
        children: cellText(value || '\u3000', FONT.body, AlignmentType.JUSTIFIED),
      }),
    ],
  });
}

/** One row of boxes, each the label on top, blank room, and 年 月 日 at the foot. */
function boxesTable(boxes: string[]) {
  const width = Math.floor(TEXT_WIDTH / boxes.length);
  return new Table({
    width: { size: width * boxes.length, type: WidthType.DXA },
    columnWidths: boxes.map(() => width),
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        cantSplit: true,
        height: { value: BOX_HEIGHT, rule: HeightRule.EXACT },
        children: boxes.map(
          (label) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              margins: CELL_MARGINS,
              children: [
                new Paragraph({ spacing: exact(LINE), children: [run(`${label}：`, FONT.hei, SIZE.sanhao)] }),
                ...Array.from({ length: 4 }, () => blank()),
                new Paragraph({
                  alignment: AlignmentType.RIGHT,
                  spacing: exact(LINE),
                  children: [run('年\u3000\u3000月\u3000\u3000日', FONT.body, SIZE.sanhao)],
                }),
              ],
            }),
        ),
      }),
    ],
  });
}

export async function renderTableForm(form: TableForm): Promise<Buffer> {
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(LINE * 2),
      children: [run(form.title, FONT.title, SIZE.erhao)],
    }),
    new Paragraph({
      spacing: exact(LINE),
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR }],
      children: [run(`${form.caption[0]}\t${form.caption[1]}`, FONT.body, SIZE.sanhao)],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH],
      layout: TableLayoutType.FIXED,
      rows: form.rows.map(fieldRow),
    }),
    boxesTable(form.boxes),
    new Paragraph({ spacing: { line: 20, lineRule: 'exact', before: 0, after: 0 }, children: [] }),
  ];
  return packDocument(children, { title: form.title, creator: form.creator });
}
