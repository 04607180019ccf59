/**
 * Every document kind, rendered through the real API on the demo county (PGlite), converted to PDF by
 * LibreOffice and measured against GB/T 9704-2012 (`npm run test:documents`; needs `soffice` and poppler's
 * `pdftotext`/`pdftoppm`). Positions are measured with the fonts this machine has: the GB fonts (方正小标宋,
 * 仿宋_GB2312) are absent and LibreOffice substitutes Noto CJK, so glyph shapes differ but the grid does not.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOfficialDocument } from '../server/platform/documents/official-document.js';
import { createTestApp, type TestApp } from '../server/test/harness.js';
import { type Expect, type Measured, measure } from './check.js';

interface Kind extends Expect {
  name: string;
  list: string;
  doc: (id: string) => string;
  users: string[];
}

const kind = (name: string, list: string, doc: Kind['doc'], users: string[], redHeader = true): Kind => ({
  name,
  list: list ? `/api/${list}?pageSize=30` : '',
  doc,
  users,
  redHeader,
  record: false,
});
const KINDS: Kind[] = [
  ...(['notice', 'reminder', 'interview'] as const).map((k) =>
    kind(`问题 ${k}`, 'problems', (id) => `/api/problems/${id}/documents/${k}.docx`, ['office']),
  ),
  kind('问题通报', 'problems', (ids) => `/api/problems/documents/circular.docx?ids=${ids}`, ['office']),
  kind('督办提醒函', 'warnings', (id) => `/api/warnings/${id}/documents/reminder.docx`, ['office', 'leader']),
  kind('问责决定书', 'cases', (id) => `/api/cases/${id}/documents/decision.docx`, ['wenze1', 'wenze2', 'anguan']),
  kind('督导巡查任务单', 'tasks', (id) => `/api/tasks/${id}/documents/assignment.docx`, ['office', 'group1']),
  kind('督导巡查通报', 'circulars', (id) => `/api/circulars/${id}/documents/circular.docx`, ['office', 'leader']),
  kind('主体责任清单', 'dispatches', (id) => `/api/dispatches/${id}/documents/dispatch.docx`, ['office']),
  kind(
    '落实情况季度报告',
    'responsibility-reports',
    (id) => `/api/responsibility-reports/${id}/documents/report.docx`,
    ['office'],
    false,
  ),
  kind('联席会议纪要', 'meetings', (id) => `/api/meetings/${id}/documents/minutes.docx`, ['office']),
  kind('督导评估报告', 'supervision-reviews', (id) => `/api/supervision-reviews/${id}/documents/report.docx`, [
    'office',
    'zuzhibu',
  ]),
  kind('述责述廉会议纪要', 'evaluations', (id) => `/api/evaluations/${id}/documents/minutes.docx`, [
    'office',
    'zuzhibu',
  ]),
  // 组织部 reads published runs only: the numbered 通报 of last year's assessment.
  kind('考核结果通报', 'assessments', (id) => `/api/assessments/${id}/documents/report.docx`, ['zuzhibu', 'office']),
  kind('谈话笔录', 'talks', (id) => `/api/talks/${id}/documents/record.docx`, ['office', 'zuzhibu'], false),
  // Not one object's document: `list` empty, the one download of this year.
  kind('年度工作报告', '', () => `/api/reports/annual.docx?year=${new Date().getFullYear()}`, ['leader']),
  kind(
    '容错备案表',
    'tolerance-filings',
    (id) => `/api/tolerance-filings/${id}/documents/filing.docx`,
    ['office'],
    false,
  ),
];

/** A 公文 whose body grows a paragraph at a time, so that some length ends a page at the signature. */
const FILLER =
  '各单位要切实提高政治站位，压紧压实主体责任，对照问题清单逐项整改，做到整改一个、销号一个，确保整改到位。对整改不力、敷衍塞责的，县纪委监委将严肃追责问责，并在全县范围内通报。';
const synthetic = (paragraphs: number) =>
  renderOfficialDocument({
    issuer: '中共示范县纪律检查委员会',
    docNumber: '示纪发〔2026〕9号',
    title: '关于进一步加强问题整改落实工作的通知',
    recipients: ['各乡镇党委', '县直各单位'],
    body: Array.from({ length: paragraphs }, (_, i) => (i % 5 === 2 ? { heading: `第${i}项要求` } : FILLER)),
    signature: '中共示范县纪律检查委员会',
    date: new Date('2026-12-04T02:00:00Z'),
    copyTo: ['县委办公室', '县人民政府办公室'],
    printedBy: '中共示范县纪律检查委员会办公室',
  });

/**
 * Codes at every position of a line: paragraph n puts RC2026-0001 or WT-2026-0012 after 14 + n characters, so that for some n the line
 * ends inside it, whatever the font. The demo's 问责决定书 only sometimes did (which case came first decided it).
 */
const CODES = () =>
  renderOfficialDocument({
    issuer: '中共示范县纪律检查委员会',
    title: '关于容错备案编号的说明',
    body: Array.from(
      { length: 16 },
      (_, n) =>
        `${FILLER.slice(0, 14 + n)}（${n % 2 ? 'WT-2026-0012' : 'RC2026-0001'}）并经集体研究，不同意见已记入纪要。`,
    ),
    signature: '中共示范县纪律检查委员会',
    date: new Date('2026-12-04T02:00:00Z'),
  });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zelian-documents-'));
const measured = new Map<string, Measured>();
let t: TestApp;

function convert(files: string[]) {
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
    { stdio: 'ignore', timeout: 240_000 },
  );
}

async function download(kind: Kind): Promise<{ buffer: Buffer; docNumber?: string } | undefined> {
  for (const username of kind.users) {
    const c = await t.as(username);
    if (!kind.list) {
      const res = await c.get(kind.doc(''));
      if (res.statusCode === 200) return { buffer: res.rawPayload };
      continue;
    }
    const list = await c.get(kind.list);
    if (list.statusCode !== 200) continue;
    const ids = (list.json().items as { id: string }[]).map((x) => x.id);
    const tries = kind.name === '问题通报' ? [ids.slice(0, 6).join(',')] : ids;
    for (const id of tries) {
      const res = await c.get(kind.doc(id));
      if (res.statusCode === 200) return { buffer: res.rawPayload };
    }
  }
  return undefined;
}

beforeAll(async () => {
  t = await createTestApp();
  const files: string[] = [];
  for (const [i, kind] of KINDS.entries()) {
    const doc = await download(kind);
    if (!doc) throw new Error(`${kind.name}: no document could be downloaded`);
    files.push(path.join(dir, `k${i}.docx`));
    fs.writeFileSync(files.at(-1) as string, doc.buffer);
  }
  for (const n of [6, 7, 8, 9, 10, 11, 12]) {
    files.push(path.join(dir, `s${n}.docx`));
    fs.writeFileSync(files.at(-1) as string, await synthetic(n));
  }
  files.push(path.join(dir, 'codes.docx'));
  fs.writeFileSync(files.at(-1) as string, await CODES());
  convert(files);
}, 600_000);

afterAll(async () => {
  await t?.close();
  const table = [...measured.entries()].map(([name, m]) => ({
    name,
    pages: m.pages,
    chars: m.charsPerLine,
    issuerTop: m.issuerTop?.toFixed(1),
    ruleY: m.redRule?.y.toFixed(1),
    ruleW: m.redRule?.width.toFixed(1),
    numToRule: m.numberToRule?.toFixed(1),
    pageNoTop: m.pageNumberTop?.toFixed(1),
    oddRight: m.pageNumberOdd?.toFixed(1),
    evenLeft: m.pageNumberEven?.toFixed(1),
    record: m.recordRules.map((r) => `${r.y.toFixed(1)}/${r.width.toFixed(1)}`).join(' '),
    failures: m.failures.join('；'),
  }));
  console.table(table);
  if (process.env.DOCUMENTS_REPORT) fs.writeFileSync(process.env.DOCUMENTS_REPORT, JSON.stringify(table, null, 2));
  if (!process.env.DOCUMENTS_KEEP) fs.rmSync(dir, { recursive: true, force: true });
});

describe('GB/T 9704 positions, measured on the PDF', () => {
  it.each(KINDS.map((k, i) => [k.name, i] as const))('%s', (name, i) => {
    const m = measure(path.join(dir, `k${i}.pdf`), KINDS[i]);
    measured.set(name, m);
    expect(m.failures).toEqual([]);
  });

  it.each([6, 7, 8, 9, 10, 11, 12])('a notice of %i paragraphs (版记 at the foot, no lonely signature)', (n) => {
    const m = measure(path.join(dir, `s${n}.pdf`), {
      redHeader: true,
      docNumber: '示纪发〔2026〕9号',
      record: true,
    });
    measured.set(`通知（${n}段）`, m);
    expect(m.failures).toEqual([]);
  });

  it('a code at every position of a line is never split across two lines', () => {
    const m = measure(path.join(dir, 'codes.pdf'), { redHeader: true, record: false });
    measured.set('编号', m);
    expect(m.failures.filter((f) => f.startsWith('编号断行'))).toEqual([]);
  });
});
