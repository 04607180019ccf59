/**
 * A 笔录 form (谈话笔录 and the like) as .docx: not a red-header 公文 but a record on the same A4 page — the form's
 * name, the facts of the conversation (时间 from–to, 地点, the people), the questions and answers, and room for
 * each signature.
 */
import { AlignmentType, Paragraph } from 'docx';
import { packDocument } from './docx-package.js';
import { blank, CHAR, exact, FONT, LINE, run, SIZE } from './layout.js';

export interface RecordForm {
  /** e.g. '谈话笔录' */
  title: string;
  /** The record's number from the document registry, under the title; none while it is a draft. */
  number?: string;
  /** Facts above the record, label and value: 时间, 地点, 谈话人, 记录人, 被谈话人. An empty value leaves room to write. */
  fields: [string, string][];
  /** The record: lines starting with 问：/答： get their label in 黑体; other lines are plain paragraphs. */
  lines: string[];
  /** Headed sections after the record (整改要求, 跟踪落实情况). */
  sections?: { heading: string; text: string }[];
  /** Who signs, e.g. '被谈话人', '谈话人', '记录人'. */
  signers: string[];
  creator: string;
}

const QA = /^(问|答)[：:]/;
/** Room to write by hand: full-width spaces, underlined. */
const space = (chars: number) => run('\u3000'.repeat(chars), FONT.body, SIZE.sanhao, { underline: {} });

const para = (children: ReturnType<typeof run>[], extra: object = {}) =>
  new Paragraph({ spacing: exact(LINE), alignment: AlignmentType.JUSTIFIED, ...extra, children });

function fieldParagraph([label, value]: [string, string]) {
  const hang = (label.length + 1) * CHAR;
  return para([run(`${label}：`, FONT.hei, SIZE.sanhao), value ? run(value, FONT.body, SIZE.sanhao) : space(12)], {
    indent: { left: hang, hanging: hang },
  });
}

function recordParagraph(line: string, keepNext: boolean) {
  const qa = QA.exec(line);
  if (!qa) return para([run(line, FONT.body, SIZE.sanhao)], { keepNext, indent: { firstLine: 2 * CHAR } });
  const text = line.slice(qa[0].length).trim();
  return para([run(`${qa[1]}：`, FONT.hei, SIZE.sanhao), run(text, FONT.body, SIZE.sanhao)], { keepNext });
}

/** Each signer on a line of their own with room to sign and date, two blank lines apart, kept together. */
function signatureLines(signers: string[]) {
  return signers.flatMap((who, i) => [
    ...(i === 0 ? [] : [blank()]),
    para(
      [
        run(`${who}（签名）：`, FONT.body, SIZE.sanhao),
        space(8),
        run('\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日', FONT.body, SIZE.sanhao),
      ],
      { keepNext: i < signers.length - 1, keepLines: true, indent: { left: 2 * CHAR } },
    ),
  ]);
}

export async function renderRecordForm(form: RecordForm): Promise<Buffer> {
  // The record, then the sections; the last of them keeps with the signatures: never a page of signatures alone.
  const texts: { heading?: string; line: string }[] = [
    ...form.lines.map((line) => ({ line })),
    ...(form.sections ?? []).map((s) => ({ heading: s.heading, line: s.text })),
  ];
  const body = texts.flatMap((t, i) => {
    const keepNext = i === texts.length - 1;
    if (!t.heading) return [recordParagraph(t.line, keepNext)];
    return [
      para([run(t.heading, FONT.hei, SIZE.sanhao)], { keepNext: true, indent: { firstLine: 2 * CHAR } }),
      para([run(t.line, FONT.body, SIZE.sanhao)], { keepNext, indent: { firstLine: 2 * CHAR } }),
    ];
  });
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(LINE * 2),
      children: [run(form.title, FONT.title, SIZE.erhao)],
    }),
    ...(form.number
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: exact(LINE),
            children: [run(form.number, FONT.body, SIZE.sanhao)],
          }),
        ]
      : []),
    ...form.fields.map(fieldParagraph),
    blank(),
    ...body,
    new Paragraph({ spacing: exact(LINE), keepNext: true, children: [] }),
    new Paragraph({ spacing: exact(LINE), keepNext: true, children: [] }),
    ...signatureLines(form.signers),
  ];
  return packDocument(children, { title: form.title, creator: form.creator });
}
