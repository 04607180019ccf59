import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUESTIONS_PER_REPORTER } from '../../../common/evaluations.js';
import { type Client, type TestApp, createTestApp, unitByCode } from '../../test/harness.js';
import { TINY_PNG, multipartFile } from '../../test/xlsx.js';

let t: TestApp;
let office: Client;
let group1: Client;
let zhujian: Client;
let zjjId: string;
let yjjId: string;
let covered: string;

const rows = async <T>(q: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(q)) as unknown as { rows: T[] }).rows;
const todayCn = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const unitId = async (code: string) => (await unitByCode(office, code)).id as string;

beforeAll(async () => {
  t = await createTestApp();
  [office, group1, zhujian] = await Promise.all(['office', 'group1', 'zhujian'].map((u) => t.as(u)));
  zjjId = await unitId('ZJJ');
  yjjId = await unitId('YJJ');
  const groupId = (await group1.get('/api/me')).json().scope.groupIds[0];
  const groups = (await office.get('/api/groups?kind=patrol')).json().items as { id: string; unitIds: string[] }[];
  covered = (groups.find((g) => g.id === groupId) as { unitIds: string[] }).unitIds.find(
    (u) => u !== zjjId && u !== yjjId,
  ) as string;
});
afterAll(() => t.close());

const meeting = (unitIds: string[], extra: Record<string, unknown> = {}) => ({
  kind: 'integrity',
  title: '年度述责述廉会议',
  year: 2026,
  scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
  place: '县委第一会议室',
  reporters: unitIds.map((unitId, i) => ({ unitId, reporterName: `报告人${i + 1}` })),
  attendees: ['县纪委书记', '县委组织部部长', '党员代表'],
  ...extra,
});

/** What should be asked of a unit, read from the owning tables directly (not through the read models). */
async function expectedSources(unitId: string) {
  const open = await rows<{ id: string }>(sql`
    SELECT id FROM (
      SELECT id, (created_at AT TIME ZONE 'Asia/Shanghai')::date AS since FROM patrol_findings
        WHERE unit_id = ${unitId} AND state IN ('submitted', 'escalated')
      UNION ALL SELECT id, deadline FROM problems WHERE unit_id = ${unitId} AND deleted_at IS NULL
        AND state NOT IN ('draft', 'closed') AND deadline < ${todayCn()}::date
      UNION ALL SELECT id, (issued_at AT TIME ZONE 'Asia/Shanghai')::date FROM warnings
        WHERE unit_id = ${unitId} AND state IN ('issued', 'rectifying')) x`);
  return open.map((r) => r.id);
}

describe('述职评议 / 述责述廉', () => {
  it('draws 质询 from the units’ real open findings, overdue problems and unresolved reminders', async () => {
    const f = await group1.post('/api/findings', {
      unitId: covered,
      title: '食堂采购台账缺失',
      description: '近三个月采购无台账',
    });
    expect(f.statusCode, f.body).toBe(201);
    const created = await office.post('/api/evaluations', meeting([covered, zjjId, yjjId]));
    expect(created.statusCode, created.body).toBe(201);
    const e = created.json();
    expect(e).toMatchObject({ state: 'scheduled', kindLabel: '述责述廉', reporterCount: 3 });
    for (const r of e.reporters) {
      const expected = await expectedSources(r.unitId);
      const drawn = r.questions.map((q: { link: string }) => q.link.split('/').at(-1));
      expect(drawn.length).toBe(Math.min(expected.length, QUESTIONS_PER_REPORTER));
      for (const id of drawn) expect(expected).toContain(id);
    }
    const mine = e.reporters.find((r: { unitId: string }) => r.unitId === covered);
    const q = mine.questions.find((x: { link: string }) => x.link === `/supervision/findings/${f.json().id}`);
    expect(q).toMatchObject({ source: 'finding', sourceLabel: '督查发现未交办', sourceCode: f.json().code });
    expect(q.question).toContain('食堂采购台账缺失');
    // The demo county has overdue problems and issued reminders somewhere: at least one such question is drawn.
    const sources = e.reporters.flatMap((r: { questions: { source: string }[] }) => r.questions.map((x) => x.source));
    expect(sources.length).toBeGreaterThan(1);

    // A question asked by hand stays after the drawn ones; closing the finding and drawing again drops it.
    const asked = await office.post(`/api/evaluations/${e.id}/events`, {
      type: 'ask',
      version: e.version,
      reporterId: mine.id,
      question: '食堂管理制度何时建立？',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const finding = (await office.get(`/api/findings/${f.json().id}`)).json();
    const closed = await office.post(`/api/findings/${finding.id}/events`, {
      type: 'close',
      version: finding.version,
      comment: '已当场整改',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const redrawn = await office.post(`/api/evaluations/${e.id}/events`, {
      type: 'redraw',
      version: asked.json().version,
    });
    expect(redrawn.statusCode, redrawn.body).toBe(200);
    const after = redrawn.json().reporters.find((r: { unitId: string }) => r.unitId === covered);
    expect(after.questions.some((x: { sourceCode: string }) => x.sourceCode === f.json().code)).toBe(false);
    const last = after.questions.at(-1);
    expect(last).toMatchObject({ source: 'manual', question: '食堂管理制度何时建立？', seq: after.questions.length });
  });

  it('records answers and scores only while held, ranks ties together, grades by the thresholds and numbers the 纪要', async () => {
    const e0 = (
      await office.post(
        '/api/evaluations',
        meeting([zjjId, yjjId, covered], { kind: 'duty', title: '机关党组织书记述职评议会议' }),
      )
    ).json();
    const q0 = e0.reporters.flatMap((r: { questions: { id: string }[] }) => r.questions)[0];
    const early = await office.put(`/api/evaluations/${e0.id}/questions/${q0?.id ?? e0.id}`, { answer: '已整改' });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('EVALUATION_NOT_HELD');

    let e = (await office.post(`/api/evaluations/${e0.id}/events`, { type: 'hold', version: e0.version })).json();
    expect(e.state).toBe('held');
    for (const r of e.reporters) {
      if (r.questions.length) continue;
      e = (
        await office.post(`/api/evaluations/${e.id}/events`, {
          type: 'ask',
          version: e.version,
          reporterId: r.id,
          question: '如何落实“一岗双责”？',
        })
      ).json();
    }
    const tooSoon = await office.post(`/api/evaluations/${e.id}/events`, {
      type: 'close',
      version: e.version,
      summary: '完',
    });
    expect(tooSoon.json().code).toBe('QUESTIONS_UNANSWERED');
    for (const q of e.reporters.flatMap((r: { questions: { id: string }[] }) => r.questions)) {
      const a = await office.put(`/api/evaluations/${e.id}/questions/${q.id}`, {
        answer: '已制定整改方案，月底前完成。',
      });
      expect(a.statusCode, a.body).toBe(200);
      e = a.json();
    }
    expect(
      (
        await office.post(`/api/evaluations/${e.id}/events`, { type: 'close', version: e.version, summary: '完' })
      ).json().code,
    ).toBe('REPORTERS_UNSCORED');
    const [a, b, c] = e.reporters.map((r: { id: string }) => r.id);
    const stranger = await office.post(`/api/evaluations/${e.id}/scores`, {
      attendee: '路人甲',
      scores: [{ reporterId: a, score: 90 }],
    });
    expect(stranger.json().code).toBe('ATTENDEE_NOT_NAMED');
    const twice = await office.post(`/api/evaluations/${e.id}/scores`, {
      attendee: '县纪委书记',
      scores: [
        { reporterId: a, score: 90 },
        { reporterId: a, score: 80 },
      ],
    });
    expect(twice.json().code).toBe('REPORTER_TWICE');
    expect(
      (
        await office.post(`/api/evaluations/${e.id}/scores`, {
          attendee: '县纪委书记',
          scores: [{ reporterId: a, score: 101 }],
        })
      ).statusCode,
    ).toBe(400);
    await office.post(`/api/evaluations/${e.id}/scores`, {
      attendee: '县纪委书记',
      scores: [
        { reporterId: a, score: 92 },
        { reporterId: b, score: 86 },
        { reporterId: c, score: 50 },
      ],
    });
    const scored = await office.post(`/api/evaluations/${e.id}/scores`, {
      attendee: '县委组织部部长',
      scores: [
        { reporterId: a, score: 84 },
        { reporterId: b, score: 90 },
        { reporterId: c, score: 60 },
      ],
    });
    e = scored.json();
    const byId = new Map(e.reporters.map((r: { id: string }) => [r.id, r]));
    // 88, 88 (a tie shares rank 1, the next is 3rd), 55; thresholds 90/80/60 → 良好, 良好, 较差.
    expect(byId.get(a)).toMatchObject({ scored: 2, average: 88, rank: 1, grade: 'good', gradeLabel: '良好' });
    expect(byId.get(b)).toMatchObject({ average: 88, rank: 1, grade: 'good' });
    expect(byId.get(c)).toMatchObject({ average: 55, rank: 3, grade: 'poor' });
    expect(e.scores).toHaveLength(6);

    const closed = await office.post(`/api/evaluations/${e.id}/events`, {
      type: 'close',
      version: e.version,
      summary: '各单位对照质询问题逐项整改，一个月内书面报告整改情况。',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('closed');
    const [issued] = await rows<{ number: string; kind: string }>(
      sql`SELECT number, kind FROM issued_documents WHERE object_id = ${e.id}`,
    );
    expect(issued.kind).toBe('evaluation_minutes');
    expect(issued.number).toMatch(/评〔2026〕\d+号$/);
    const doc = await office.get(`/api/evaluations/${e.id}/documents/minutes.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('officedocument');
    expect(
      (await office.put(`/api/evaluations/${e.id}/questions/${q0?.id ?? e.id}`, { answer: '改' })).statusCode,
    ).toBe(422);

    // An unsatisfactory answer goes on to the ledger as a problem of the reporting unit, once.
    const q = closed.json().reporters[2].questions[0];
    const handOn = (deadline: string) =>
      office.post(`/api/evaluations/${e.id}/questions/${q.id}/problem`, { deadline });
    expect((await handOn(todayCn())).json().code).toBe('DEADLINE_PAST');
    const handed = await handOn('2099-06-30');
    expect(handed.statusCode, handed.body).toBe(200);
    const link = handed.json().reporters[2].questions[0].problem;
    const problem = (await office.get(`/api/problems/${link.id}`)).json();
    expect(problem).toMatchObject({ code: link.code, source: 'inquiry', unitId: covered, state: 'dispatched' });
    expect(problem.title).toContain('述责述廉质询');
    expect((await handOn('2099-06-30')).statusCode).toBe(409);

    // 述职评议得分 as an assessment metric: weight × the mean of the unit's per-meeting averages of the period.
    const sys = (await office.post('/api/indicator-systems', { name: '述职评议计分（测试）', year: 2026 })).json();
    await office.post(`/api/indicator-systems/${sys.id}/indicators`, {
      version: sys.version,
      name: '述职评议',
      weight: 10,
      method: 'metric',
      metric: 'evaluations.average',
    });
    const run = (
      await office.post('/api/assessments', {
        systemId: sys.id,
        name: '述职评议计分',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
      })
    ).json();
    const computed = await office.post(`/api/assessments/${run.id}/events`, { type: 'compute', version: run.version });
    expect(computed.statusCode, computed.body).toBe(200);
    const ended = (await office.get(`/api/evaluations?unitId=${zjjId}&state=closed&year=2026&pageSize=100`)).json();
    const averages: number[] = [];
    for (const m of ended.items) {
      const d = (await office.get(`/api/evaluations/${m.id}`)).json();
      averages.push(d.reporters.find((x: { unitId: string }) => x.unitId === zjjId).average);
    }
    expect(averages.length).toBeGreaterThan(0);
    const mean = averages.reduce((x, y) => x + y, 0) / averages.length;
    const unit = (await office.get(`/api/assessments/${run.id}/scores/${zjjId}`)).json();
    const item = unit.items.find((i: { indicatorName: string }) => i.indicatorName === '述职评议');
    expect(item.kind).toBe('rate');
    expect(item.points).toBeCloseTo((10 * mean) / 100, 1);
    expect(item.reason).toContain(`述职评议 ${averages.length} 次`);
  });

  it('shows a unit only its own part, lets its head or liaison hand in the report once, and keeps others out', async () => {
    const e = (await office.post('/api/evaluations', meeting([zjjId, yjjId]))).json();
    const other = (await office.post('/api/evaluations', meeting([yjjId], { title: '应急局述职' }))).json();
    const mine = (await zhujian.get('/api/evaluations?pageSize=100')).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(e.id);
    expect(mine.items.map((x: { id: string }) => x.id)).not.toContain(other.id);
    expect((await zhujian.get(`/api/evaluations/${other.id}`)).statusCode).toBe(404);
    const seen = (await zhujian.get(`/api/evaluations/${e.id}`)).json();
    expect(seen.reporters.map((r: { unitId: string }) => r.unitId)).toEqual([zjjId]);
    expect(seen).toMatchObject({ manage: false, actions: [], scores: [] });
    expect((await zhujian.get(`/api/evaluations/${e.id}/documents/minutes.docx`)).statusCode).toBe(403);
    expect(
      (await zhujian.post(`/api/evaluations/${e.id}/events`, { type: 'hold', version: e.version })).statusCode,
    ).toBe(403);

    const [zjjPart, yjjPart] = e.reporters;
    const upload = async (who: Client, reporterId: string) =>
      who.request({
        method: 'POST',
        url: `/api/evaluations/${e.id}/reporters/${reporterId}/report`,
        ...(await multipartFile(TINY_PNG, '述责述廉报告.png')),
      });
    expect((await upload(zhujian, yjjPart.id)).statusCode).toBe(404);
    const up = await upload(zhujian, zjjPart.id);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().reporters[0]).toMatchObject({ report: { name: '述责述廉报告.png' }, canUpload: false });
    expect((await upload(zhujian, zjjPart.id)).statusCode).toBe(409);
    const file = await office.get(`/api/evaluations/${e.id}/reporters/${zjjPart.id}/report`);
    expect(file.rawPayload.equals(TINY_PNG)).toBe(true);

    const zuzhibu = await t.as('zuzhibu');
    expect((await zuzhibu.get(`/api/evaluations/${e.id}`)).json().reporters).toHaveLength(2);
    expect(
      (await zuzhibu.post(`/api/evaluations/${e.id}/events`, { type: 'hold', version: e.version })).statusCode,
    ).toBe(403);
    expect((await group1.get('/api/evaluations')).statusCode).toBe(403);
    const filtered = (
      await office.get(`/api/evaluations?unitId=${zjjId}&kind=integrity&state=scheduled&pageSize=100`)
    ).json();
    expect(
      filtered.items.every((x: { kind: string; state: string }) => x.kind === 'integrity' && x.state === 'scheduled'),
    ).toBe(true);
    expect(filtered.items.map((x: { id: string }) => x.id)).not.toContain(other.id);
    const xlsx = await office.get('/api/evaluations/export.xlsx?kind=integrity');
    expect(xlsx.statusCode).toBe(200);
  });
});
