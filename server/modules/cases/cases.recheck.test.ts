import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';

/** Issue #13: the 复核 clock counts from the day the 复审决定 was received (送达), not from its date. */
let t: TestApp;
let leader: Client;
let wenze1: Client;

beforeAll(async () => {
  t = await createTestApp();
  [leader, wenze1] = await Promise.all(['leader', 'wenze1'].map((u) => t.as(u)));
});
afterAll(() => t.close());

describe('复核 clock', () => {
  it('starts from the service of the 复审决定, and is refused before it', async () => {
    const found = (await leader.get(`/api/cases?q=${encodeURIComponent('医疗废物')}`)).json().items[0];
    const id = found.id as string;
    const fire = async (who: Client, body: Record<string, unknown>) => {
      const version = (await leader.get(`/api/cases/${id}`)).json().version;
      return who.post(`/api/cases/${id}/events`, { version, ...body });
    };
    const ok = async (who: Client, body: Record<string, unknown>) => {
      const res = await fire(who, body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const c = (await leader.get(`/api/cases/${id}`)).json();
    expect(c.kind).toBe('supervision');
    const subjectId = c.subjects[0].id as string;
    await ok(wenze1, { type: 'record_service', subjectId, serviceManner: 'direct', date: '2026-10-22' });
    const filed = await ok(wenze1, {
      type: 'appeal',
      subjectId,
      appealKind: 'reexamination',
      filedOn: '2026-10-30',
      comment: '申请复审',
    });
    const reId = filed.appeals[0].id as string;
    await ok(leader, {
      type: 'decide_appeal',
      appealId: reId,
      result: 'upheld',
      date: '2026-11-20',
      comment: '维持原决定',
    });
    const recheck = (filedOn: string) => ({
      type: 'appeal',
      subjectId,
      appealKind: 'recheck',
      filedOn,
      comment: '申请复核',
    });
    const early = await fire(wenze1, recheck('2026-11-25'));
    expect(early.statusCode).toBe(422);
    expect(early.json().message).toContain('复审决定待送达');

    const before = await fire(wenze1, {
      type: 'record_service',
      appealId: reId,
      serviceManner: 'mail',
      date: '2026-11-19',
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().message).toContain('不能早于复审决定日期');
    const served = await ok(wenze1, {
      type: 'record_service',
      appealId: reId,
      serviceManner: 'mail',
      date: '2026-11-24',
    });
    expect(served.appeals.find((a: { id: string }) => a.id === reId)).toMatchObject({
      servedOn: '2026-11-24',
      serviceManner: 'mail',
    });
    const again = await fire(wenze1, {
      type: 'record_service',
      appealId: reId,
      serviceManner: 'mail',
      date: '2026-11-24',
    });
    expect(again.statusCode).toBe(422);

    const beforeService = await fire(wenze1, recheck('2026-11-23'));
    expect(beforeService.statusCode).toBe(400);
    expect(beforeService.json().message).toContain('不能早于复审决定送达日期');
    const rechecked = await ok(wenze1, recheck('2026-11-25'));
    const r = rechecked.appeals.find((a: { kind: string }) => a.kind === 'recheck');
    // One month from the service (24 Nov), not from the decision (20 Nov → 20 Dec).
    expect(r.fileDeadline).toBe('2026-12-24');

    const rules = (await leader.get('/api/cases/rules/clocks')).json();
    expect(rules.items.find((i: { key: string }) => i.key === 'recheckFile').startsFrom).toContain('送达');
  });
});
