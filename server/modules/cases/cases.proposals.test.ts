import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { readWorkbook } from '../../test/xlsx.js';
import { groups, units } from '../org/org.tables.js';
import { patrolCirculars, patrolFindings } from '../patrol/patrol.tables.js';
import { problems } from '../problems/problems.tables.js';
import { situations, warnings } from '../warnings/warnings.tables.js';
import { caseMembers, cases } from './cases.tables.js';
import { accountabilityProposals } from './cases.proposals.tables.js';

let t: TestApp;
let office: Client;
let wenze1: Client;
let leader: Client;
let zhujian: Client;
let paizhu1: Client;
let zjj: typeof units.$inferSelect;
const db = () => t.database.db;
const tag = () => crypto.randomBytes(3).toString('hex');

beforeAll(async () => {
  t = await createTestApp();
  [office, wenze1, leader, zhujian, paizhu1] = await Promise.all(
    ['office', 'wenze1', 'leader', 'zhujian', 'paizhu1'].map((u) => t.as(u)),
  );
  [zjj] = await db().select().from(units).where(eq(units.code, 'ZJJ'));
});
afterAll(() => t.close());

const fireOn = async (c: Client, url: string, body: Record<string, unknown>) => {
  const x = (await c.get(url)).json();
  return c.post(`${url}/events`, { version: x.version, ...body });
};
const proposalsOf = (sourceId: string) =>
  db().select().from(accountabilityProposals).where(eq(accountabilityProposals.sourceId, sourceId));

async function escalatedProblem(title = `工地扬尘整改不力${tag()}`) {
  const p = (
    await office.post('/api/problems', {
      title,
      description: '三处工地裸土未覆盖，多次督促仍未整改',
      source: 'patrol',
      category: '生态环境',
      unitId: zjj.id,
      responsiblePersonId: zjj.principalPersonId,
      measures: [{ content: '覆盖裸土并安装喷淋', deadlineType: 'working', days: 5 }],
      dispatch: true,
    })
  ).json();
  const res = await fireOn(office, `/api/problems/${p.id}`, { type: 'escalate', level: 4, comment: '逾期仍未整改' });
  expect(res.statusCode).toBe(200);
  return p as { id: string; code: string };
}

describe('问责建议 sources', () => {
  it('the ladder’s last rung proposes once, with the problem, its events and documents', async () => {
    const p = await escalatedProblem();
    const [row] = await proposalsOf(p.id);
    expect(row).toMatchObject({ sourceType: 'problem', state: 'pending', situation: 8, sourceCode: p.code });
    expect(row.subjects.map((s) => s.subjectType)).toEqual(['unit', 'person']);
    const kinds = row.evidence.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['problem', 'problem_event', 'document']));
    expect(row.evidence.find((e) => e.kind === 'document')?.link).toMatch(/^\/api\/problems\/.+\.docx$/);
    // The queue is told.
    const note = (await wenze1.get('/api/notifications?pageSize=50')).json().items;
    expect(note.some((n: { link: string }) => n.link === `/cases/proposals/${row.id}`)).toBe(true);
    // A second escalation attempt (already at the top) is refused; the proposal stays one.
    expect((await fireOn(office, `/api/problems/${p.id}`, { type: 'escalate', level: 4 })).statusCode).toBe(422);
    expect(await proposalsOf(p.id)).toHaveLength(1);
  });

  it('a warning escalated to a proposal carries its facts; twice is still one', async () => {
    const p = await escalatedProblem();
    const [s] = await db().select().from(situations).where(eq(situations.regionId, zjj.regionId)).limit(1);
    const base = {
      regionId: zjj.regionId,
      situationId: s.id,
      problemId: p.id,
      unitId: zjj.id,
      facts: { working_days_overdue: 12, overdue_measures: 1 },
      people: [{ personId: zjj.principalPersonId, name: '局长', post: '局长', who: 'unit_principal' }],
      deadline: '2026-12-31',
      firstSeenAt: new Date(),
      lastSeenAt: new Date(),
      state: 'issued',
    };
    const [w] = await db()
      .insert(warnings)
      .values({ ...base, code: `MN-${tag()}`, fingerprint: `${s.id}:${p.id}:${tag()}` })
      .returning();
    expect((await fireOn(office, `/api/warnings/${w.id}`, { type: 'escalate', target: 'proposal' })).statusCode).toBe(
      400,
    );
    const res = await fireOn(office, `/api/warnings/${w.id}`, {
      type: 'escalate',
      target: 'proposal',
      comment: '拒不整改，建议问责',
    });
    expect(res.json().outcome).toMatch(/^已提出问责建议 WZJY\d{4}-\d{4}/);
    const [row] = await proposalsOf(w.id);
    expect(row).toMatchObject({ sourceType: 'warning', situation: s.article, reason: '拒不整改，建议问责' });
    expect(row.evidence.filter((e) => e.kind === 'facts').map((e) => e.label)).toContain('已超过整改时限12个工作日。');
    expect(row.subjects.some((x) => x.personId === zjj.principalPersonId)).toBe(true);
    // The same source again (a second warning object would be another source): the service answers the first.
    const { submitAccountabilityProposal } = await import('./cases.proposals.service.js');
    const again = await submitAccountabilityProposal(
      { db: db(), actor: null, ip: null, clock: t.clock, now: new Date() },
      {
        sourceType: 'warning',
        sourceId: w.id,
        sourceCode: w.code,
        sourceTitle: 'x',
        regionId: zjj.regionId,
        subjects: row.subjects,
        reason: 'x',
        evidence: [],
        sourcePermission: 'warnings:manage',
      },
    );
    expect(again).toEqual({ id: row.id, code: row.code, created: false });
    expect(await proposalsOf(w.id)).toHaveLength(1);
  });

  it('a patrol finding (督+问) and a published circular propose, each once', async () => {
    const [g] = await db().select().from(groups).where(eq(groups.name, '第一督导巡查组'));
    const [f] = await db()
      .insert(patrolFindings)
      .values({ regionId: zjj.regionId, code: `DF-${tag()}`, groupId: g.id, unitId: zjj.id, title: '项目审批把关不严' })
      .returning();
    const res = await fireOn(office, `/api/findings/${f.id}`, {
      type: 'dispatch',
      deadline: '2026-12-31',
      accountability: '监管失职，建议问责',
      accountablePersonIds: [zjj.principalPersonId],
    });
    expect(res.statusCode).toBe(200);
    const [fp] = await proposalsOf(f.id);
    expect(fp).toMatchObject({ sourceType: 'finding', reason: '监管失职，建议问责' });
    expect(fp.evidence.map((e) => e.kind)).toEqual(['finding', 'problem']);

    const [c] = await db()
      .insert(patrolCirculars)
      .values({
        regionId: zjj.regionId,
        code: `TB-${tag()}`,
        kind: 'circular',
        title: '关于工地扬尘问题的通报',
        body: '点名通报县住建局',
        unitIds: [zjj.id],
        people: ['张某'],
        state: 'approved',
      })
      .returning();
    const pub = await fireOn(office, `/api/circulars/${c.id}`, {
      type: 'publish',
      accountability: '通报后仍未整改',
    });
    expect(pub.statusCode).toBe(200);
    const [cp] = await proposalsOf(c.id);
    expect(cp).toMatchObject({ sourceType: 'circular', reason: '通报后仍未整改（点名人员：张某）' });
    expect(cp.subjects).toEqual([{ subjectType: 'unit', unitId: zjj.id, name: '县住建局' }]);
  });

  it('以案促改 of a case proposes the people named, besides the problem', async () => {
    const me = (await wenze1.get('/api/me')).json();
    const [c] = await db()
      .insert(cases)
      .values({
        regionId: zjj.regionId,
        code: `WZ-${tag()}`,
        kind: 'party',
        title: '某局安全生产监管失职案',
        situation: 9,
        sourceType: 'manual',
        state: 'closed',
      })
      .returning();
    await db().insert(caseMembers).values({ caseId: c.id, userId: me.user.id, role: 'investigator' });
    const res = await fireOn(wenze1, `/api/cases/${c.id}`, {
      type: 'recommend',
      unitId: zjj.id,
      comment: '同类问题，局分管领导负有领导责任',
      deadline: '2026-12-31',
      personIds: [zjj.leaderInChargePersonId ?? zjj.principalPersonId],
    });
    expect(res.statusCode).toBe(200);
    const [row] = await proposalsOf(c.id);
    expect(row).toMatchObject({ sourceType: 'case', situation: 9, sourcePermission: 'cases:manage' });
    expect(res.json().events.at(-1).payload.proposalId).toBe(row.id);
    // The supervision office manages no cases: a case's proposal is not its to read.
    expect((await office.get(`/api/accountability-proposals/${row.id}`)).statusCode).toBe(404);
  });
});

describe('the queue', () => {
  it('starts with the demo proposals: pending ones, one accepted, one declined', async () => {
    const all = (await leader.get('/api/accountability-proposals?pageSize=100&sort=code')).json().items;
    const states = all.map((p: { state: string }) => p.state);
    expect(states.filter((x: string) => x === 'pending').length).toBeGreaterThan(1);
    expect(states).toEqual(expect.arrayContaining(['accepted', 'declined']));
  });

  it('accepting opens a case with the subjects, situation and links both ways', async () => {
    const p = await escalatedProblem();
    const [row] = await proposalsOf(p.id);
    const list = (
      await wenze1.get('/api/accountability-proposals?state=pending&sourceType=problem&pageSize=100')
    ).json();
    expect(list.items.find((x: { id: string }) => x.id === row.id)).toMatchObject({ actions: ['accept', 'decline'] });
    const detail = (await wenze1.get(`/api/accountability-proposals/${row.id}`)).json();
    expect(detail.evidence.length).toBeGreaterThan(2);
    const res = await wenze1.post(`/api/accountability-proposals/${row.id}/events`, {
      type: 'accept',
      version: detail.version,
    });
    expect(res.statusCode).toBe(200);
    const accepted = res.json();
    expect(accepted).toMatchObject({ state: 'accepted', caseId: expect.any(String), actions: [] });
    const c = (await wenze1.get(`/api/cases/${accepted.caseId}`)).json();
    expect(c).toMatchObject({ situation: 8, sourceType: 'escalation', sourceId: p.id, state: 'proposed' });
    expect(c.summary).toContain(row.code);
    expect(c.subjects.map((s: { unitId: string }) => s.unitId)).toContain(zjj.id);
    expect(c.proposal).toMatchObject({ id: row.id, code: row.code });
    // Accepted once: a second accept is refused.
    const again = await wenze1.post(`/api/accountability-proposals/${row.id}/events`, {
      type: 'accept',
      version: accepted.version,
    });
    expect(again.statusCode).toBe(422);
    // The office sees the outcome of its own proposal.
    const mine = (await office.get(`/api/accountability-proposals?sourceId=${p.id}`)).json();
    expect(mine.items[0]).toMatchObject({ state: 'accepted', caseCode: c.code, actions: [] });
  });

  it('accepts a case under 第二十一条 (abuse of accountability), as the form offers it, and refuses 第十二项', async () => {
    const p = await escalatedProblem('问责工作严重不负责任问题');
    const [row] = await proposalsOf(p.id);
    const url = `/api/accountability-proposals/${row.id}/events`;
    const bad = await wenze1.post(url, { type: 'accept', version: row.version, situation: 12 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('第二十一条');
    const res = await wenze1.post(url, { type: 'accept', version: row.version, situation: 21 });
    expect(res.statusCode).toBe(200);
    const c = (await wenze1.get(`/api/cases/${res.json().caseId}`)).json();
    expect(c).toMatchObject({ situation: 21 });
  });

  it('declining needs a reason, which flows back to the source’s office', async () => {
    const p = await escalatedProblem('拒不整改问题（拟不予立案）');
    const [row] = await proposalsOf(p.id);
    const url = `/api/accountability-proposals/${row.id}/events`;
    expect((await leader.post(url, { type: 'decline', version: row.version })).json().code).toBe('COMMENT_REQUIRED');
    expect((await office.post(url, { type: 'decline', version: row.version, comment: 'x' })).statusCode).toBe(403);
    const res = await leader.post(url, { type: 'decline', version: row.version, comment: '已整改到位，情节轻微' });
    expect(res.json()).toMatchObject({ state: 'declined', declineReason: '已整改到位，情节轻微' });
    const notes = (await office.get('/api/notifications?pageSize=50')).json().items;
    const back = notes.find((n: { link: string; body: string }) => n.link === `/problems/${p.id}`);
    expect(back.body).toContain('已整改到位，情节轻微');
    // After a decline the source may be proposed again: a new proposal, the declined one kept.
    const { proposeAccountabilityForProblem } = await import('../problems/problems.proposal.js');
    const [prob] = await db().select().from(problems).where(eq(problems.id, p.id));
    const ctx = { db: db(), actor: null, ip: null, clock: t.clock, now: new Date() };
    expect((await proposeAccountabilityForProblem(ctx, prob, '')).created).toBe(true);
    expect((await proposeAccountabilityForProblem(ctx, prob, '')).created).toBe(false);
    expect((await proposalsOf(p.id)).map((x) => x.state).sort()).toEqual(['declined', 'pending']);
  });

  it('is hidden from others, exports, and filters', async () => {
    const p = await escalatedProblem();
    const [row] = await proposalsOf(p.id);
    expect((await zhujian.get(`/api/accountability-proposals/${row.id}`)).statusCode).toBe(403);
    expect((await paizhu1.get('/api/accountability-proposals')).statusCode).toBe(403);
    const other = await db()
      .update(accountabilityProposals)
      .set({ regionId: crypto.randomUUID() })
      .where(and(eq(accountabilityProposals.id, row.id)))
      .returning();
    expect(other).toHaveLength(1);
    expect((await wenze1.get(`/api/accountability-proposals/${row.id}`)).statusCode).toBe(404);
    const bad = await wenze1.get('/api/accountability-proposals?sourceType=nope');
    expect(bad.statusCode).toBe(400);
    const x = await wenze1.get('/api/accountability-proposals/export.xlsx?state=pending');
    expect(x.statusCode).toBe(200);
    expect(JSON.stringify(await readWorkbook(x.rawPayload))).toContain('问责建议');
  });
});
