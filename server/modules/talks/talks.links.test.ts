import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/auth/auth.tables.js';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { caseMembers, cases } from '../cases/cases.tables.js';
import { units } from '../org/org.tables.js';

// Issue #21: a talk links only to objects its author may see; otherwise it would show inside a case
// (or problem, warning) the author has no business in.

let t: TestApp;
let caseoffice: Client;
let paizhu1: Client;
let leader: Client;
let zjjId: string;

beforeAll(async () => {
  t = await createTestApp();
  [caseoffice, paizhu1, leader] = await Promise.all(['caseoffice', 'paizhu1', 'leader'].map((u) => t.as(u)));
  zjjId = (await t.database.db.select().from(units).where(eq(units.code, 'ZJJ')))[0].id;
});
afterAll(() => t.close());

/** A case of the demo region with `member` (a username) on its team, or nobody but the leaders. */
async function insertCase(member?: string) {
  const db = t.database.db;
  const [leaderRow] = await db.select().from(users).where(eq(users.username, 'leader'));
  const [row] = await db
    .insert(cases)
    .values({
      regionId: leaderRow.regionId as string,
      code: `L-${crypto.randomBytes(4).toString('hex')}`,
      kind: 'party',
      title: '关联测试案件',
      situation: 11,
      sourceType: 'manual',
    })
    .returning();
  if (member) {
    const [u] = await db.select().from(users).where(eq(users.username, member));
    await db.insert(caseMembers).values({ caseId: row.id, userId: u.id, role: 'investigator' });
  }
  return row;
}

const talk = (extra: Record<string, unknown>) => ({
  kind: 'reminder',
  talkerNames: '谈话人',
  subjectUnitId: zjjId,
  reason: '提醒谈话',
  talkOn: '2026-12-01',
  ...extra,
});

describe('links of a talk', () => {
  it('refuse a case the author may not read, as if it did not exist', async () => {
    const foreign = await insertCase();
    const missing = crypto.randomUUID();
    for (const caseId of [foreign.id, missing]) {
      const res = await caseoffice.post('/api/talks', talk({ caseId }));
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'CASE_NOT_FOUND',
        field: 'caseId',
        message: '关联案件不存在或无权查看',
      });
    }
    // A dispatched group reads no case file at all.
    expect((await paizhu1.post('/api/talks', talk({ caseId: foreign.id }))).statusCode).toBe(422);
    // Nothing shows inside the foreign case.
    expect((await leader.get(`/api/cases/${foreign.id}`)).json().talks ?? []).toEqual([]);
  });

  it('accept a case the author is on, and refuse moving the talk to a foreign one', async () => {
    const mine = await insertCase('caseoffice');
    const foreign = await insertCase();
    const created = await caseoffice.post('/api/talks', talk({ caseId: mine.id }));
    expect(created.statusCode, created.body).toBe(201);
    const listed = (await caseoffice.get(`/api/talks?caseId=${mine.id}`)).json();
    expect(listed.items.map((x: { id: string }) => x.id)).toEqual([created.json().id]);
    const moved = await caseoffice.patch(`/api/talks/${created.json().id}`, {
      version: created.json().version,
      caseId: foreign.id,
    });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().code).toBe('CASE_NOT_FOUND');
  });

  it('refuse a problem or warning the author may not see with the same 422', async () => {
    const res = await paizhu1.post('/api/talks', talk({ problemId: crypto.randomUUID() }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'PROBLEM_NOT_FOUND', field: 'problemId' });
    const w = await paizhu1.post('/api/talks', talk({ warningId: crypto.randomUUID() }));
    expect(w.statusCode).toBe(422);
  });
});
