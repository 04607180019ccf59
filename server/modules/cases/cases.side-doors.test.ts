import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/auth/auth.tables.js';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { caseMembers, caseSubjects, cases } from './cases.tables.js';

// Issue #21: a case file is confidential; sampling for evaluation and the consistency check are no side doors.

let t: TestApp;
const c: Record<string, Client> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['leader', 'caseoffice', 'anguan', 'wenze1', 'wenze2']) {
    c[u] = await t.as(u);
    const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, u));
    ids[u] = row.id;
  }
});
afterAll(() => t.close());

/** A case of the demo region straight in the database, with `members` as investigators. */
async function insertCase(members: string[], extra: Partial<typeof cases.$inferInsert> = {}, forms: unknown[] = []) {
  const db = t.database.db;
  const regionId = (await t.database.db.select({ r: users.regionId }).from(users).where(eq(users.id, ids.leader)))[0]
    .r as string;
  const [row] = await db
    .insert(cases)
    .values({
      regionId,
      code: `S-${crypto.randomBytes(4).toString('hex')}`,
      kind: 'party',
      title: `保密案件${crypto.randomBytes(2).toString('hex')}`,
      situation: 2,
      sourceType: 'manual',
      ...extra,
    })
    .returning();
  if (members.length) {
    await db.insert(caseMembers).values(members.map((u) => ({ caseId: row.id, userId: ids[u], role: 'investigator' })));
  }
  const [s] = await db
    .insert(caseSubjects)
    .values({ caseId: row.id, seq: 1, subjectType: 'person', name: '秘密对象甲', forms })
    .returning();
  return { ...row, subjectId: s.id };
}

const membersOf = async (caseId: string) =>
  t.database.db.select().from(caseMembers).where(eq(caseMembers.caseId, caseId));

describe('case evaluation sampling (评查)', () => {
  it('is organised by the leaders and the trial office only, and gives access to the named evaluators only', async () => {
    const closed = await insertCase(['wenze2'], { state: 'closed', closedAt: new Date() });
    // An investigator of another office may not sample: sampling is no way into closed files.
    const byInvestigator = await c.wenze1.post('/api/case-evaluations/sample', {
      period: '2031-H1',
      size: 50,
      evaluatorUserIds: [ids.wenze1],
    });
    expect(byInvestigator.statusCode).toBe(403);
    expect(byInvestigator.json().message).toContain('评查');
    expect((await c.wenze1.get(`/api/cases/${closed.id}`)).statusCode).toBe(404);

    // The trial office samples and names anguan; it does not become an evaluator itself.
    const res = await c.caseoffice.post('/api/case-evaluations/sample', {
      period: '2031-H1',
      size: 50,
      evaluatorUserIds: [ids.anguan],
    });
    expect(res.statusCode, res.body).toBe(201);
    const picked = res.json().items.find((e: { caseId: string }) => e.caseId === closed.id);
    expect(picked).toBeTruthy();
    const members = await membersOf(closed.id);
    expect(members.filter((m) => m.role === 'evaluator').map((m) => m.userId)).toEqual([ids.anguan]);
    expect((await c.caseoffice.get(`/api/cases/${closed.id}`)).statusCode).toBe(404);
    expect((await c.anguan.get(`/api/cases/${closed.id}`)).statusCode).toBe(200);

    // Only a named evaluator scores; others see no evaluation of a file they are not on.
    const scoreBody = { version: picked.version, scores: { launch: { basis: 8 } } };
    expect((await c.wenze1.post(`/api/case-evaluations/${picked.id}/score`, scoreBody)).statusCode).toBe(404);
    const wenze1List = (await c.wenze1.get('/api/case-evaluations?period=2031-H1&pageSize=2000')).json();
    expect(wenze1List.items.map((e: { caseId: string }) => e.caseId)).not.toContain(closed.id);
    const scored = await c.anguan.post(`/api/case-evaluations/${picked.id}/score`, scoreBody);
    expect(scored.statusCode, scored.body).toBe(200);
  });

  it('names evaluators who are case officers of the region and did not investigate the sampled case', async () => {
    const noOne = await c.caseoffice.post('/api/case-evaluations/sample', { period: '2031-H2', size: 5 });
    expect(noOne.statusCode).toBe(400);
    const stranger = await c.caseoffice.post('/api/case-evaluations/sample', {
      period: '2031-H2',
      size: 5,
      evaluatorUserIds: [crypto.randomUUID()],
    });
    expect(stranger.json()).toMatchObject({ code: 'EVALUATOR_INVALID', field: 'evaluatorUserIds' });
    // wenze2 investigated this case: it is not sampled for wenze2 to evaluate.
    const own = await insertCase(['wenze2'], { state: 'closed', closedAt: new Date() });
    const res = await c.leader.post('/api/case-evaluations/sample', {
      period: '2031-H2',
      size: 50,
      evaluatorUserIds: [ids.wenze2],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items.map((e: { caseId: string }) => e.caseId)).not.toContain(own.id);
  });
});

describe('consistency check (一把尺子量到底)', () => {
  it('shows precedents the caller may not read without code, title or name', async () => {
    const decided = { state: 'decided', decidedAt: new Date(), decisionDate: '2026-10-01' } as const;
    const heavy = [{ form: '党纪处分·留党察看', mode: 'impose' }];
    const secret = [
      await insertCase(['wenze2'], decided, heavy),
      await insertCase(['wenze2'], decided, heavy),
      await insertCase(['wenze2'], decided, heavy),
    ];
    const shared = await insertCase(['wenze1', 'wenze2'], decided, heavy);
    const mine = await insertCase(['wenze1']);
    const res = await c.wenze1.post(`/api/cases/${mine.id}/consistency`, {
      subjectId: mine.subjectId,
      forms: [{ form: '通报', mode: 'impose' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // Every precedent counts for the median, so the flag still fires …
    expect(body.flags[0].message).toContain('明显偏轻');
    expect(body.comparable.length).toBeGreaterThanOrEqual(4);
    // … but what the caller may not read is anonymised.
    const text = JSON.stringify(body);
    for (const s of secret) {
      expect(text).not.toContain(s.code);
      expect(text).not.toContain(s.title);
      expect(text).not.toContain(s.id);
    }
    const readable = body.comparable.filter((p: { caseId: string | null }) => p.caseId);
    expect(readable).toEqual([expect.objectContaining({ caseId: shared.id, code: shared.code, name: '秘密对象甲' })]);
    expect(body.comparable.find((p: { caseId: string | null }) => !p.caseId)).toMatchObject({
      caseId: null,
      code: null,
      title: null,
      name: null,
      subjectType: 'person',
      decisionYear: 2026,
      forms: heavy,
    });
    // The leader reads every case of the region: nothing is hidden from the leader.
    const leaderView = (
      await c.leader.post(`/api/cases/${mine.id}/consistency`, { subjectId: mine.subjectId, forms: [] })
    ).json();
    expect(leaderView.comparable.every((p: { code: string | null }) => p.code)).toBe(true);
  });
});

describe('the source of a case', () => {
  it('is an object the officer may see; foreign and missing answer alike', async () => {
    const [person] = (await c.leader.get('/api/people?pageSize=1')).json().items;
    const open = (sourceType: string, sourceId: string) =>
      c.wenze1.post('/api/cases', {
        kind: 'party',
        title: '来源校验',
        situation: 11,
        sourceType,
        sourceId,
        subjects: [{ subjectType: 'person', personId: person.id }],
        teamUserIds: [ids.wenze2],
      });
    const secret = await insertCase(['wenze2']);
    for (const [type, id] of [
      ['dual', secret.id],
      ['problem', crypto.randomUUID()],
      ['warning', crypto.randomUUID()],
      ['complaint', crypto.randomUUID()],
    ]) {
      const res = await open(type, id);
      expect(res.statusCode, `${type}: ${res.body}`).toBe(422);
      expect(res.json()).toMatchObject({ code: 'SOURCE_NOT_FOUND', field: 'sourceId' });
    }
    const [problem] = (await c.leader.get('/api/problems?pageSize=1')).json().items;
    expect((await open('problem', problem.id)).statusCode).toBe(201);
  });
});
