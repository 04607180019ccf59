import { sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSESSMENT_REPORT, EVALUATION_MINUTES, REVIEW_REPORT } from '../modules/assessment/assessment.numbering.js';
import { MINUTES } from '../modules/meetings/meetings.numbering.js';
import { PATROL_DOCUMENTS } from '../modules/patrol/patrol.numbering.js';
import { PROBLEM_CIRCULAR, PROBLEM_DOCUMENTS } from '../modules/problems/problems.numbering.js';
import { TALK_RECORD } from '../modules/talks/talks.numbering.js';
import { REMINDER } from '../modules/warnings/warnings.numbering.js';
import { DISPATCH_SHEET } from '../modules/responsibility/responsibility.numbering.js';
import { rowsOf } from '../platform/db/client.js';
import { registeredKinds } from '../platform/documents/document-copies.js';
import { type Client, type TestApp, createTestApp } from './harness.js';
import { ANNUAL_REPORT_KIND } from '../modules/dashboard/dashboard.annual-report.js';

/** Issue #13: an issued document is kept as issued; later edits never change what is served. */
let t: TestApp;
let office: Client;
let leader: Client;
let paizhu1: Client;

const docText = (buf: Buffer) => strFromU8(unzipSync(new Uint8Array(buf))['word/document.xml']).replace(/<[^>]+>/g, '');
const get = async (c: Client, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, `${url} ${res.body.slice(0, 200)}`).toBe(200);
  return res.rawPayload;
};
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  [office, leader, paizhu1] = await Promise.all(['office', 'leader', 'paizhu1'].map((u) => t.as(u)));
});
afterAll(() => t.close());

const ALL_KINDS = [
  ...Object.values(PROBLEM_DOCUMENTS).map((k) => k.kind),
  PROBLEM_CIRCULAR.kind,
  REMINDER.kind,
  ...Object.values(PATROL_DOCUMENTS).map((k) => k.kind),
  MINUTES.kind,
  TALK_RECORD.kind,
  'case_decision',
  ANNUAL_REPORT_KIND,
  DISPATCH_SHEET.kind,
  EVALUATION_MINUTES.kind,
  REVIEW_REPORT.kind,
  ASSESSMENT_REPORT.kind,
];

/** Where each issued kind downloads, for its object. */
const URL: Record<string, (id: string) => string> = {
  problem_notice: (id) => `/api/problems/${id}/documents/notice.docx`,
  problem_reminder: (id) => `/api/problems/${id}/documents/reminder.docx`,
  problem_interview: (id) => `/api/problems/${id}/documents/interview.docx`,
  warning_reminder: (id) => `/api/warnings/${id}/documents/reminder.docx`,
  patrol_assignment: (id) => `/api/tasks/${id}/documents/assignment.docx`,
  patrol_circular: (id) => `/api/circulars/${id}/documents/circular.docx`,
  patrol_interview: (id) => `/api/circulars/${id}/documents/circular.docx`,
  meeting_minutes: (id) => `/api/meetings/${id}/documents/minutes.docx`,
  talk_record: (id) => `/api/talks/${id}/documents/record.docx`,
  case_decision: (id) => `/api/cases/${id}/documents/decision.docx`,
  dispatch_sheet: (id) => `/api/dispatches/${id}/documents/dispatch.docx`,
  evaluation_minutes: (id) => `/api/evaluations/${id}/documents/minutes.docx`,
  review_report: (id) => `/api/supervision-reviews/${id}/documents/report.docx`,
  // A 考核结果通报 is issued per publication (object: the publication); `issuedUrl` maps it to its run and revision.
  assessment_report: (publication) => publication,
};

/** The download of an issued row; a publication's 通报 downloads through its run with the revision. */
async function issuedUrl(kind: string, objectId: string) {
  if (kind !== ASSESSMENT_REPORT.kind) return URL[kind](objectId);
  const [p] = rowsOf<{ assessment_id: string; revision: number }>(
    await t.database.db.execute(
      sql`SELECT assessment_id, revision FROM assessment_publications WHERE id = ${objectId}`,
    ),
  );
  return `/api/assessments/${p.assessment_id}/documents/report.docx?revision=${p.revision}`;
}

describe('issued documents are kept as issued', () => {
  it('registers a download for every kind the registry issues', () => {
    expect(registeredKinds().sort()).toEqual([...new Set(ALL_KINDS)].sort());
  });

  it('the demo seed keeps no copies (they took most of the first start); the first download keeps one', async () => {
    const seeded = rowsOf<{ id: string; kind: string; object_id: string; copy: Buffer | null }>(
      await t.database.db.execute(
        sql`SELECT id, kind, object_id, copy FROM issued_documents WHERE kind = 'problem_notice' ORDER BY issued_at LIMIT 1`,
      ),
    );
    expect(seeded).toHaveLength(1);
    const [{ n }] = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`SELECT count(*)::int AS n FROM issued_documents WHERE copy IS NOT NULL`),
    );
    expect(n).toBe(0);
    const first = await get(office, URL.problem_notice(seeded[0].object_id));
    const [kept] = rowsOf<{ copy: Buffer }>(
      await t.database.db.execute(sql`SELECT copy FROM issued_documents WHERE id = ${seeded[0].id}`),
    );
    expect(Buffer.compare(Buffer.from(kept.copy), first)).toBe(0);
  });

  it('keeps a talk record rendered when it is recorded: edits and follow-ups after do not change it', async () => {
    const [unit] = rowsOf<{ principal_person_id: string }>(
      await t.database.db.execute(sql`SELECT principal_person_id FROM units WHERE code = 'ZJJ'`),
    );
    const created = await paizhu1.post('/api/talks', {
      kind: 'reminder',
      talkerNames: '派驻第一组组长',
      subjectPersonIds: [unit.principal_person_id],
      reason: '提醒谈话',
      talkOn: today(),
      place: '第一谈话室',
      followUpRequired: '五日内报送整改方案',
      followUpDue: today(),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const url = URL.talk_record(id);
    const draft = docText(await get(paizhu1, url));
    expect(draft).toContain('草稿');
    const fire = async (body: Record<string, unknown>) => {
      const x = (await paizhu1.get(`/api/talks/${id}`)).json();
      const res = await paizhu1.post(`/api/talks/${id}/events`, { version: x.version, ...body });
      expect(res.statusCode, res.body).toBe(200);
    };
    await fire({ type: 'record', record: '谈话对象表示认同。' });
    // The copy was rendered inside the recording event, before anyone downloaded it.
    const [row] = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`SELECT octet_length(copy) AS n FROM issued_documents WHERE kind = ${TALK_RECORD.kind} AND object_id = ${id}`,
      ),
    );
    expect(row.n).toBeGreaterThan(1000);
    const issued = await get(paizhu1, url);
    expect(docText(issued)).toContain('第一谈话室');
    expect(docText(issued)).not.toContain('草稿');
    const x = (await paizhu1.get(`/api/talks/${id}`)).json();
    expect((await paizhu1.patch(`/api/talks/${id}`, { version: x.version, place: '第二谈话室' })).statusCode).toBe(200);
    await fire({ type: 'follow_up', result: '已报送整改方案', done: true });
    const again = await get(paizhu1, url);
    expect(Buffer.compare(again, issued)).toBe(0);
    expect(docText(again)).not.toContain('第二谈话室');
  });

  it('serves every issued kind byte for byte after its objects, people and units are renamed', async () => {
    // The demo has no escalated problem: escalating one issues its 督办提醒函 and 约谈建议书.
    const [p] = rowsOf<{ id: string; version: number }>(
      await t.database.db.execute(sql`SELECT id, version FROM problems WHERE state = 'dispatched' LIMIT 1`),
    );
    const esc = { type: 'escalate', level: 2, comment: '约谈', version: p.version };
    const escalated = await office.post(`/api/problems/${p.id}/events`, esc);
    expect(escalated.statusCode, escalated.body).toBe(200);
    const issued = rowsOf<{ kind: string; object_id: string }>(
      await t.database.db.execute(sql`
        SELECT DISTINCT ON (kind) kind, object_id FROM issued_documents
         WHERE kind <> ${PROBLEM_CIRCULAR.kind} ORDER BY kind, issued_at`),
    );
    expect(issued.map((r) => r.kind).sort()).toEqual(Object.keys(URL).sort());
    const first = new Map<string, Buffer>();
    for (const r of issued) {
      const who = r.kind === 'case_decision' ? leader : r.kind === 'talk_record' ? paizhu1 : office;
      first.set(r.kind, await get(who, await issuedUrl(r.kind, r.object_id)));
    }
    const circular = await office.post('/api/problems/circulars', { ids: [] });
    expect(circular.statusCode, circular.body).toBe(200);
    const circularUrl = `/api/problems/circulars/${circular.json().id}/circular.docx`;
    const circularFirst = await get(office, circularUrl);

    const db = t.database.db;
    await db.execute(sql`UPDATE units SET name = name || '（改）', short_name = short_name || '（改）'`);
    await db.execute(sql`UPDATE people SET name = name || '改'`);
    await db.execute(sql`UPDATE case_subjects SET name = name || '改'`);
    await db.execute(sql`UPDATE problems SET title = title || '（改）'`);
    await db.execute(sql`UPDATE talks SET place = place || '（改）', record = record || '（改）'`);
    await db.execute(sql`UPDATE meetings SET summary = summary || '（改）', place = place || '（改）'`);
    await db.execute(sql`UPDATE patrol_tasks SET title = title || '（改）'`);
    await db.execute(sql`UPDATE patrol_circulars SET body = body || '（改）', title = title || '（改）'`);
    await db.execute(sql`UPDATE cases SET title = title || '（改）'`);
    await db.execute(sql`UPDATE dispatch_items SET content = content || '（改）'`);
    await db.execute(sql`UPDATE regions SET name = name || '改'`);
    await db.execute(sql`DELETE FROM issuers`);

    for (const r of issued) {
      const who = r.kind === 'case_decision' ? leader : r.kind === 'talk_record' ? paizhu1 : office;
      const again = await get(who, await issuedUrl(r.kind, r.object_id));
      expect(docText(again), r.kind).not.toContain('（改）');
      expect(Buffer.compare(again, first.get(r.kind) as Buffer), r.kind).toBe(0);
    }
    const circularAgain = await get(office, circularUrl);
    expect(Buffer.compare(circularAgain, circularFirst)).toBe(0);
  });
});
