import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness.js';
import { units } from '../org/org.tables.js';

// 三员分立 (issue #21): the audit administrator sees who did what, when, to which object and from where,
// never the business content of the object.

let t: TestApp;
afterAll(() => t.close());
beforeAll(async () => {
  t = await createTestApp();
});

describe('audit events as the audit administrator reads them', () => {
  it('name the changed fields of a business object but carry none of its content', async () => {
    const [zjj] = await t.database.db.select().from(units).where(eq(units.code, 'ZJJ'));
    const [audit, paizhu1] = await Promise.all([t.as('auditadmin'), t.as('paizhu1')]);
    const reason = '机密谈话事由：某局长收受礼金线索核实';
    const talk = await paizhu1.post('/api/talks', {
      kind: 'reminder',
      talkerNames: '派驻第一组组长',
      subjectUnitId: zjj.id,
      reason,
      talkOn: '2026-12-01',
    });
    expect(talk.statusCode, talk.body).toBe(201);
    const res = await audit.get(`/api/audit-events?type=talk.created&entityId=${talk.json().id}`);
    expect(res.statusCode).toBe(200);
    const [event] = res.json().items;
    expect(event).toMatchObject({
      type: 'talk.created',
      entity: 'talk',
      entityId: talk.json().id,
      actorUsername: 'paizhu1',
      ip: '127.0.0.1',
      before: null,
      after: null,
    });
    expect(event.changed).toEqual(expect.arrayContaining(['reason', 'kind', 'subjectUnitId']));
    expect(res.body).not.toContain('收受礼金');
    // No filter lets the content through either.
    const all = await audit.get('/api/audit-events?pageSize=200');
    expect(all.body).not.toContain('收受礼金');
  });

  it('keep the content of the administrators’ own objects (accounts, settings)', async () => {
    const [audit, sec] = await Promise.all([t.as('auditadmin'), t.as('secadmin')]);
    const policy = (await sec.get('/api/settings/security')).json();
    const changed = await sec.patch('/api/settings/security', { ...policy, lockoutMinutes: 20 });
    expect(changed.statusCode, changed.body).toBe(200);
    const [event] = (await audit.get('/api/audit-events?entity=settings')).json().items;
    expect(event.after).toBeTruthy();
  });
});
