import crypto from 'node:crypto';
import { and, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/auth/auth.tables.js';
import { systemCtx } from '../../platform/context.js';
import { people } from '../org/org.tables.js';
import { MESSAGE_CLASS_LABELS } from '../../../common/notifications.channels.js';
import { ROLE_LABELS } from '../../../common/roles.js';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { type ReceivedRequest, startHttpReceiver, startSmtpReceiver } from '../../test/receivers.js';
import { exported, readWorkbook } from '../../test/xlsx.js';
import { sendDueCampaigns } from './campaigns.service.js';
import { notificationDeliveries, notifications } from './notifications.tables.js';

let t: TestApp;
let sys: Client;
let office: Client;
let audit: Client;
let failNext = 0;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
let mails: string[] = [];
let hits: ReceivedRequest[] = [];
let smtpPort = 0;
let httpUrl = '';

const runJob = async (name: string) => {
  const res = await sys.post(`/api/jobs/${name}/run`);
  expect(res.statusCode).toBe(200);
  return res.json().result;
};

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  ({ mails, port: smtpPort } = smtp);
  receiver = await startHttpReceiver(() => {
    if (failNext <= 0) return 200;
    failNext -= 1;
    return 503;
  });
  ({ hits, url: httpUrl } = receiver);
  t = await createTestApp();
  sys = await t.as('sysadmin');
  office = await t.as('office');
  audit = await t.as('auditadmin');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
  await receiver.close();
});

describe('channels', () => {
  it('configures SMS and SMTP, never returns the secret, and delivers signed SMS and real e-mail', async () => {
    const sms = await sys.put('/api/admin/channels/sms', {
      enabled: true,
      adapter: 'http',
      settings: { url: `${httpUrl}/sms`, algorithm: 'hmac-sm3', templateIds: '{"*":"TPL-1"}' },
      secret: 'sms-secret',
      classes: ['action', 'campaign', 'digest'],
      optOutAllowed: true,
      version: 0,
    });
    expect(sms.statusCode).toBe(200);
    expect(sms.json().secretSet).toBe(true);
    expect(sms.body).not.toContain('sms-secret');
    const mail = await sys.put('/api/admin/channels/email', {
      enabled: true,
      adapter: 'smtp',
      settings: { host: '127.0.0.1', port: String(smtpPort), from: 'zelian@example.gov.cn' },
      classes: ['action', 'digest', 'campaign'],
      optOutAllowed: false,
      version: 0,
    });
    expect(mail.statusCode).toBe(200);
    expect((await sys.get('/api/admin/channels')).body).not.toContain('sms-secret');
    expect((await office.get('/api/admin/channels')).statusCode).toBe(403);

    const test = await sys.post('/api/admin/channels/email/test', { to: 'a@example.gov.cn' });
    expect(test.json()).toEqual({ ok: true, error: null });
    expect(mails.at(-1)).toContain('a@example.gov.cn');

    // zhujian gets a phone and an e-mail; a dispatch (action today) leaves through both.
    const db = t.database.db;
    const [u] = await db.select().from(users).where(eq(users.username, 'zhujian'));
    await db
      .update(people)
      .set({ phone: '13800000001', email: 'zhujian@example.gov.cn' })
      .where(eq(people.id, u.personId!));
    const { notify } = await import('./notifications.service.js');
    await db.transaction((tx) =>
      notify(systemCtx(tx, t.clock), { userIds: [u.id], kind: 'problem.dispatch', title: '问题交办', body: '请处理' }),
    );
    // A colour change does not leave at once.
    await db.transaction((tx) =>
      notify(systemCtx(tx, t.clock), { userIds: [u.id], kind: 'problem.red', title: '【红色预警】', body: 'X' }),
    );
    const before = hits.length;
    const r = await runJob('notification-deliveries');
    expect(r.sent).toBeGreaterThanOrEqual(2);
    const smsHit = hits.slice(before).find((h) => h.url === '/sms')!;
    const ts = String(smsHit.headers['x-zelian-timestamp']);
    const expected = crypto.createHmac('sm3', 'sms-secret').update(`${ts}.${smsHit.body}`).digest('hex');
    expect(smsHit.headers['x-zelian-signature']).toBe(`hmac-sm3=${expected}`);
    expect(JSON.parse(smsHit.body)).toMatchObject({ phone: '13800000001', templateId: 'TPL-1' });
    expect(mails.some((m) => m.includes('zhujian@example.gov.cn'))).toBe(true);
    expect(hits.slice(before).filter((h) => h.url === '/sms')).toHaveLength(1);

    // The administrators see status and kind, never the title or text (decision 013).
    for (const admin of [sys, audit]) {
      const log = await admin.get('/api/notifications/deliveries?status=sent');
      expect(log.statusCode).toBe(200);
      expect(log.json().total).toBeGreaterThan(0);
      expect(log.body).not.toContain('问题交办');
    }
    // Its export names each message's class in Chinese and still carries no content.
    const sheet = (
      await readWorkbook((await audit.get('/api/notifications/deliveries/export.xlsx?status=sent')).rawPayload)
    ).外发记录;
    expect(sheet[0]).toEqual(['时间', '通道', '消息类别', '状态', '尝试次数', '发送时间', '错误']);
    const classes = new Set([...Object.values(MESSAGE_CLASS_LABELS), '站内消息']);
    expect(sheet.length).toBeGreaterThan(1);
    expect(sheet.slice(1).every((r) => classes.has(r[2]))).toBe(true);
    expect(sheet.slice(1).every((r) => r[3] === '已发送')).toBe(true);
    expect(JSON.stringify(sheet)).not.toContain('问题交办');
    expect((await office.get('/api/notifications/deliveries')).statusCode).toBe(403);

    // A person sees which classes each channel carries, and opts out only where the rules allow.
    const zhujian = await t.as('zhujian');
    const mine = (await zhujian.get('/api/notifications/channels')).json();
    expect(mine.find((c: { channel: string }) => c.channel === 'sms')).toMatchObject({
      enabled: true,
      optedOut: false,
      classes: ['action', 'campaign', 'digest'],
    });
    expect((await zhujian.put('/api/notifications/channels', { channel: 'email', optOut: true })).statusCode).toBe(422);
    const out = await zhujian.put('/api/notifications/channels', { channel: 'sms', optOut: true });
    expect(out.json().find((c: { channel: string }) => c.channel === 'sms').optedOut).toBe(true);
    await zhujian.put('/api/notifications/channels', { channel: 'sms', optOut: false });
  });

  it('retries a failing gateway and records the failure', async () => {
    failNext = 100;
    const db = t.database.db;
    const [u] = await db.select().from(users).where(eq(users.username, 'zhujian'));
    const { notify } = await import('./notifications.service.js');
    await db.transaction((tx) =>
      notify(systemCtx(tx, t.clock), { userIds: [u.id], kind: 'talk.scheduled', title: '谈话通知', body: '明天' }),
    );
    const r = await runJob('notification-deliveries');
    expect(r.retrying).toBeGreaterThanOrEqual(1);
    const pending = await db
      .select()
      .from(notificationDeliveries)
      .where(and(eq(notificationDeliveries.channel, 'sms'), eq(notificationDeliveries.status, 'pending')));
    expect(pending[0].lastError).toContain('503');
    failNext = 0;
  });
});

describe('webhooks', () => {
  it('signs, retries, and withholds what the owner cannot read', async () => {
    const created = await office.post('/api/webhooks', {
      name: '政务平台',
      url: `${httpUrl}/hook`,
      events: ['problem.dispatched', 'webhook.test'],
    });
    expect(created.statusCode).toBe(201);
    const { id, secret } = created.json();
    expect((await office.get('/api/webhooks')).body).not.toContain(secret);
    failNext = 1;
    const first = await office.post(`/api/webhooks/${id}/test`);
    expect(first.json()).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 503 });
    const ok = await office.post(`/api/webhooks/${id}/test`);
    expect(ok.json().status).toBe('sent');
    const hit = hits.at(-1)!;
    const sig = crypto
      .createHmac('sha256', secret)
      .update(`${hit.headers['x-zelian-timestamp']}.${hit.body}`)
      .digest('hex');
    expect(hit.headers['x-zelian-signature']).toBe(`hmac-sha256=${sig}`);

    const rotated = (await office.post(`/api/webhooks/${id}/rotate-secret`)).json();
    expect(rotated.secret).not.toBe(secret);

    // An event on an object that does not exist (or the owner may not read): withheld, nothing sent.
    const { emitWebhookEvent } = await import('./webhooks.emit.js');
    await emitWebhookEvent(systemCtx(t.database.db, t.clock), 'problem.dispatch', {
      type: 'problem',
      id: crypto.randomUUID(),
    });
    const n = hits.length;
    const r = await runJob('webhook-deliveries');
    expect(r.withheld).toBeGreaterThanOrEqual(1);
    expect(hits.length).toBe(n);
    expect((await (await t.as('leader')).get(`/api/webhooks/${id}/deliveries`)).statusCode).toBe(404);
  });

  it("pages the caller's subscriptions in a stable order without their secrets", async () => {
    for (const name of ['分页一', '分页二', '分页三']) {
      const res = await office.post('/api/webhooks', { name, url: `${httpUrl}/hook`, events: ['webhook.test'] });
      expect(res.statusCode).toBe(201);
    }
    const all = (await office.get('/api/webhooks?pageSize=100')).json();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.items.map((w: { name: string }) => w.name)).toEqual(
      expect.arrayContaining(['分页一', '分页二', '分页三']),
    );
    const first = (await office.get('/api/webhooks?pageSize=2')).json();
    const second = (await office.get('/api/webhooks?pageSize=2&page=2')).json();
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((w: { id: string }) => w.id)).toEqual(
      all.items.slice(0, 4).map((w: { id: string }) => w.id),
    );
    expect(JSON.stringify(all)).not.toContain('"secret"');
    expect((await office.get('/api/webhooks?pageSize=0')).statusCode).toBe(400);
  });

  it('exports the caller’s subscriptions as listed, never their signing keys (GET /api/webhooks/export.xlsx)', async () => {
    const created = await office.post('/api/webhooks', {
      name: '导出订阅',
      url: `${httpUrl}/export`,
      events: ['problem.dispatched', 'warning.issued'],
      algorithm: 'hmac-sm3',
    });
    expect(created.statusCode).toBe(201);
    const rowsOf = async (c: Client) => {
      const listed = (await c.get('/api/webhooks?pageSize=500')).json();
      const [header, ...rows] = (await exported(c, '/api/webhooks/export.xlsx')).Webhook订阅;
      expect(header).toEqual(['名称', '地址', '事件', '签名', '状态', '创建时间']);
      expect(rows.map((r) => r[0])).toEqual(listed.items.map((w: { name: string }) => w.name));
      return rows;
    };
    const mine = await rowsOf(office);
    expect(mine.find((r) => r[0] === '导出订阅')?.slice(1, 5)).toEqual([
      `${httpUrl}/export`,
      '问题交办、预警发出',
      'hmac-sm3',
      '已启用',
    ]);
    expect(JSON.stringify(mine)).not.toContain(created.json().secret);
    // Subscriptions are their owner's: the leader's export has none of the office's; a unit may not export.
    expect((await rowsOf(await t.as('leader'))).map((r) => r[0])).not.toContain('导出订阅');
    expect((await (await t.as('zhujian')).get('/api/webhooks/export.xlsx')).statusCode).toBe(403);
  });
});

describe('campaigns', () => {
  it('sends a pre-holiday reminder once, even with two schedulers at once', async () => {
    const res = await office.post('/api/campaigns', {
      name: '节前廉洁提醒',
      trigger: 'date',
      onDate: new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
      roles: ['unit_liaison'],
      unitIds: [],
      ranks: [],
      title: '节前廉洁提醒',
      template: '节日将至，请严守纪律。',
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    await office.post(`/api/campaigns/${c.id}/events`, { event: 'activate', version: c.version });
    const ctx = () => systemCtx(t.database.db, t.clock);
    const [a, b] = await Promise.all([sendDueCampaigns(ctx()), sendDueCampaigns(ctx())]);
    expect(a.sent + b.sent).toBe(1);
    expect(a.alreadySent + b.alreadySent).toBe(1);
    expect((await sendDueCampaigns(ctx())).sent).toBe(0);
    const report = (await office.get(`/api/campaigns/${c.id}/report`)).json();
    expect(report.sends).toHaveLength(1);
    expect(report.sends[0].recipients).toBeGreaterThan(0);
    expect(report.sends[0].deliveries.pending).toBeGreaterThan(0);
    expect((await (await t.as('zhujian')).get('/api/campaigns')).statusCode).toBe(403);
  });

  it('exports the region’s campaigns with the list’s filter (GET /api/campaigns/export.xlsx)', async () => {
    const holiday = {
      name: '导出测试节前提醒',
      trigger: 'holiday',
      workingDaysBefore: 2,
      roles: ['unit_head', 'unit_liaison'],
      unitIds: [],
      ranks: ['正科级'],
      title: '节前提醒',
      template: '请严守纪律。',
    };
    const dated = { ...holiday, name: '导出测试会前提醒', trigger: 'date', onDate: '2030-01-02' };
    for (const body of [holiday, dated]) expect((await office.post('/api/campaigns', body)).statusCode).toBe(201);
    const rowsOf = async (filter: string) => {
      const listed = (await office.get(`/api/campaigns?pageSize=500&${filter}`)).json();
      const [header, ...rows] = (await exported(office, `/api/campaigns/export.xlsx?${filter}`)).关键节点提醒;
      expect(header).toEqual(['名称', '发送时间', '接收角色', '职级', '标题', '状态']);
      expect(rows.map((r) => r[0])).toEqual(listed.items.map((c: { name: string }) => c.name));
      return rows;
    };
    const drafts = await rowsOf('state=draft');
    expect(drafts.find((r) => r[0] === holiday.name)).toEqual([
      holiday.name,
      '节假日前 2 个工作日',
      `${ROLE_LABELS.unit_head}、${ROLE_LABELS.unit_liaison}`,
      '正科级',
      '节前提醒',
      '草稿',
    ]);
    expect(drafts.find((r) => r[0] === dated.name)?.[1]).toBe('2030-01-02');
    expect(drafts.every((r) => r[5] === '草稿')).toBe(true);
    expect((await rowsOf('state=active')).map((r) => r[0])).not.toContain(holiday.name);
    expect((await (await t.as('zhujian')).get('/api/campaigns/export.xlsx')).statusCode).toBe(403);
  });
});

describe('message policy', () => {
  it('after an escalation run zhujian gets the action messages and one digest, not one per colour change', async () => {
    const db = t.database.db;
    const [u] = await db.select().from(users).where(eq(users.username, 'zhujian'));
    // A month later many of the demo county's problems turn yellow or red.
    await t.setClock(new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString());
    sys = await t.as('sysadmin');
    const since = t.clock.now();
    await runJob('escalation');
    const inApp = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, u.id), gte(notifications.createdAt, since)));
    await runJob('daily-digest');
    const outbound = await db
      .select({ kind: notifications.kind, channel: notificationDeliveries.channel })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .where(
        and(
          eq(notifications.userId, u.id),
          gte(notifications.createdAt, since),
          eq(notificationDeliveries.channel, 'sms'),
        ),
      );
    const byKind: Record<string, number> = {};
    for (const n of inApp) byKind[n.kind] = (byKind[n.kind] ?? 0) + 1;
    console.info(`[measure] zhujian: before ${inApp.length} ${JSON.stringify(byKind)}; after ${outbound.length} SMS`);
    expect(inApp.length).toBeGreaterThan(1);
    // Rule: only action-today kinds leave on their own, and exactly one digest carries the rest.
    const actions = inApp.filter((n) =>
      ['problem.dispatch', 'problem.reject_close', 'talk.scheduled'].includes(n.kind),
    );
    expect(outbound.filter((o) => o.kind === 'digest')).toHaveLength(1);
    expect(outbound).toHaveLength(actions.length + 1);
  });
});

describe('holiday campaigns', () => {
  it('sends 节前廉洁提醒 once, on the third working day before 国庆 by the calendar', async () => {
    // 2026: 中秋 from 09-25 (a late campaign still reminds the day before), 国庆 from 10-01; 09-25..27 are
    // rest days, so 国庆's last three working days are 09-28..30 and its reminder leaves on 09-28 only.
    await t.setClock('2026-09-24T01:00:00Z');
    office = await t.as('office');
    const res = await office.post('/api/campaigns', {
      name: '节前廉洁提醒（国庆）',
      trigger: 'holiday',
      workingDaysBefore: 3,
      roles: ['unit_head'],
      unitIds: [],
      ranks: [],
      title: '{节日}前廉洁提醒',
      template: '{节日}（{日期}起）将至，请严守廉洁纪律。',
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(
      (await office.post(`/api/campaigns/${c.id}/events`, { event: 'activate', version: c.version })).statusCode,
    ).toBe(200);
    const ctx = () => systemCtx(t.database.db, t.clock);
    const sentOn: string[] = [];
    for (const day of ['2026-09-24', '2026-09-26', '2026-09-28', '2026-09-29', '2026-09-30']) {
      await t.setClock(`${day}T01:00:00Z`);
      const r = await sendDueCampaigns(ctx());
      if (r.sent > 0) sentOn.push(day);
    }
    expect(sentOn).toEqual(['2026-09-24', '2026-09-28']);
    office = await t.as('office');
    const report = (await office.get(`/api/campaigns/${c.id}/report`)).json();
    expect(report.sends.map((x: { occasion: string; sentOn: string }) => [x.occasion, x.sentOn])).toEqual([
      ['holiday:2026-10-01', '2026-09-28'],
      ['holiday:2026-09-25', '2026-09-24'],
    ]);
    const sent = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'campaign.reminder'), eq(notifications.title, '国庆节前廉洁提醒')));
    expect(sent.length).toBe(report.sends[0].recipients);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0].body).toBe('国庆节（2026-10-01起）将至，请严守廉洁纪律。');
  });
});
