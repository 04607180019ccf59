import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, testAppForFile } from '../../test/harness.js';
import { complaintsDigest } from './complaints.digest.js';
import { complaintForm, useTestKeys } from './complaints.fixtures.js';

beforeAll(useTestKeys);
const t = testAppForFile();
const leader = t.client('leader');
const office = t.client('office');
const unitHead = t.client('zhujian.head');
const sys = t.client('sysadmin');

const at = (day: string) => t.setClock(`${day}T01:00:00Z`);
const watch = async () => {
  const res = await sys.post('/api/jobs/complaint-clocks/run');
  expect(res.json().ok, res.body).toBe(true);
  return res.json().result as { checked: number; warned: number; overdue: number };
};
const titles = async (c: Client) =>
  (await c.get('/api/notifications?pageSize=100')).json().items.map((n: { title: string }) => n.title) as string[];
const userId = async (username: string) =>
  ((await t.database.db.execute(sql`SELECT id FROM users WHERE username = ${username}`)).rows[0] as { id: string }).id;
const digestOf = async (username: string) =>
  complaintsDigest(
    { db: t.database.db, actor: null, ip: null, clock: t.clock, now: t.clock.now() },
    {
      userId: await userId(username),
      personId: null,
    },
  );

describe('the daily clock watch (限时办结, legal clocks)', () => {
  it('warns the owner before a clock ends, escalates to the leaders once it is overdue, once each', async () => {
    await at('2026-09-25');
    const form = await complaintForm({
      channel: 'letter',
      kind: 'accusation',
      anonymous: false,
      filer: { name: '孙实名', phone: '13900003333', idNumber: '', address: '' },
      subjectName: '周某',
      subjectUnitName: '县住建局',
      subjectPost: '科长',
      content: '周某在工程验收中收受礼金。',
      happenedAt: '2026年9月',
      place: '',
      receivedOn: '2026-09-25',
      sourceRef: '',
    });
    const created = await office.request({ method: 'POST', url: '/api/complaints', ...form });
    expect(created.statusCode, created.body).toBe(201);
    const { id, code } = created.json();
    const clock = async (key: string) =>
      (await office.get(`/api/complaints/${id}`)).json().clocks.find((c: { key: string }) => c.key === key);
    const triage = await clock('triage');

    // Nothing to raise on the day of receipt: the triage clock has 5 working days.
    expect((await watch()).warned).toBe(0);

    await at(triage.due); // the last day: within the warning window
    expect((await watch()).warned).toBeGreaterThanOrEqual(1);
    expect(await titles(office)).toContain(`【期限临近提醒】信访举报 ${code}`);
    expect(await titles(leader)).not.toContain(`【期限临近提醒】信访举报 ${code}`);
    expect((await watch()).warned).toBe(0); // raised once

    const after = (await t.database.db.execute(sql`SELECT (${triage.due}::date + 3)::text AS d`)).rows[0] as {
      d: string;
    };
    await at(after.d); // past its end: escalated to the commission leaders too
    expect((await watch()).overdue).toBeGreaterThanOrEqual(1);
    expect(await titles(leader)).toContain(`【超期督办（报委领导）】信访举报 ${code}`);
    expect(await titles(office)).toContain(`【超期督办（报委领导）】信访举报 ${code}`);
    expect((await watch()).overdue).toBe(0);
    // The unit complained about learns nothing; the messages carry no name of the filer or the report.
    expect((await titles(unitHead)).join()).not.toContain(code);
    const message = (await leader.get('/api/notifications?pageSize=100'))
      .json()
      .items.find((n: { title: string }) => n.title.includes(code));
    expect(message.body).toMatch(/受理或转办.*已超期/);
    expect(JSON.stringify(message)).not.toMatch(/孙实名|13900003333|礼金/);

    const detail = (await office.get(`/api/complaints/${id}`)).json();
    expect(detail.clocks.find((c: { key: string }) => c.key === 'triage').status).toBe('overdue');
    const labels = detail.events.map((e: { label: string }) => e.label);
    expect(labels).toEqual(expect.arrayContaining(['期限临近提醒', '超期督办（报委领导）']));
    expect(detail.events.find((e: { type: string }) => e.type === 'clock_overdue').comment).toContain(
      '检举控告工作规则',
    );

    // The leader's digest lists the overdue clock with its owner; the owner's lists it as theirs.
    const lead = (await digestOf('leader')).find((i) => i.link === `/complaints/${id}`);
    expect(lead?.detail).toMatch(/受理或转办已超期，承办人：/);
    expect((await digestOf('office')).find((i) => i.link === `/complaints/${id}`)?.detail).toBe('受理或转办已超期');

    // Accepted late: the triage clock is met, the watch forgets it and the digests stop listing it.
    const cur = (await office.get(`/api/complaints/${id}`)).json();
    const accepted = await office.post(`/api/complaints/${id}/events`, { version: cur.version, type: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    await watch();
    const alerts = (await t.database.db.execute(sql`SELECT clock_alerts FROM complaints WHERE id = ${id}`)).rows[0] as {
      clock_alerts: Record<string, string>;
    };
    expect(alerts.clock_alerts.triage).toBeUndefined();
    const listed = (await digestOf('leader')).filter((i) => i.link === `/complaints/${id}`);
    expect(listed.map((i) => i.detail).join()).not.toContain('受理或转办');
  });
});
