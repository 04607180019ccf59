import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { auditEvents } from '../../platform/db/platform.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { type Ctx, systemCtx } from '../../platform/context.js';
import { type Client, DEMO_PASSWORD, type TestApp, createTestApp } from '../../test/harness.js';
import { exported } from '../../test/xlsx.js';
import { MAX_ATTEMPTS, registerChannel } from './notifications.channels.js';
import { type DigestItem, registerDigestSource } from './notifications.digest.js';
import { notify } from './notifications.service.js';
import { notificationDeliveries, notifications } from './notifications.tables.js';

let t: TestApp;
let liaison: Client;
let office: Client;
let sysadmin: Client;
let liaisonMe: { id: string; personId: string | null };

const ctx = (): Ctx => systemCtx(t.database.db, t.clock);
/** Runs `notify` in one transaction, as a service of another module would. */
const send = (input: Parameters<typeof notify>[1]) =>
  t.database.db.transaction((tx) => notify({ ...ctx(), db: tx }, input));
const unread = async (c: Client) => (await c.get('/api/notifications/unread-count')).json().count as number;
/** Runs a job through POST /api/jobs/<name>/run (signing in again when a moved clock ended the session). */
const runJob = async (name: string) => {
  let res = await sysadmin.post(`/api/jobs/${name}/run`);
  if (res.statusCode === 401) {
    sysadmin = await t.as('sysadmin');
    res = await sysadmin.post(`/api/jobs/${name}/run`);
  }
  expect(res.statusCode).toBe(200);
  expect(res.json().ok).toBe(true);
  return res.json().result;
};
const advanceClock = (ms: number) => t.clock.set(t.database.db, new Date(t.clock.now().getTime() + ms));

beforeAll(async () => {
  t = await createTestApp();
  liaison = await t.as('zhujian');
  office = await t.as('office');
  sysadmin = await t.as('sysadmin');
  liaisonMe = (await liaison.get('/api/me')).json().user;
});
afterAll(() => t.close());

describe('inbox', () => {
  it('shows a user only their own messages; others get 404 and a zero count', async () => {
    const officeBefore = await unread(office);
    const liaisonBefore = await unread(liaison);
    // By user id and by person id at once: the same user is notified once.
    const n = await send({
      userIds: [liaisonMe.id],
      personIds: liaisonMe.personId ? [liaisonMe.personId] : [],
      kind: 'problem.dispatched',
      title: '新交办问题：工程款拨付审核不严',
      body: '请于2026年12月31日前反馈整改情况。',
      link: '/problems/1',
      entity: { type: 'problem', id: '00000000-0000-4000-8000-000000000001' },
    });
    expect(n).toBe(1);
    expect(await unread(liaison)).toBe(liaisonBefore + 1);
    expect(await unread(office)).toBe(officeBefore);

    const mine = (await liaison.get('/api/notifications?unread=true')).json();
    const message = mine.items.find((m: { title: string }) => m.title.startsWith('新交办问题'));
    expect(message).toMatchObject({
      kind: 'problem.dispatched',
      link: '/problems/1',
      entityType: 'problem',
      readAt: null,
    });
    const theirs = (await office.get('/api/notifications?pageSize=100')).json();
    expect(theirs.items.map((m: { id: string }) => m.id)).not.toContain(message.id);

    const foreign = await office.post(`/api/notifications/${message.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('NOT_FOUND');
    expect(await unread(liaison)).toBe(liaisonBefore + 1);
  });

  it('marks one and all as read, lists unread first, and audits', async () => {
    for (const title of ['第一条', '第二条', '第三条']) {
      await send({ userIds: [liaisonMe.id], kind: 'test', title, body: '' });
    }
    const before = await unread(liaison);
    const list = (await liaison.get('/api/notifications?pageSize=100')).json();
    const first = list.items.find((m: { title: string }) => m.title === '第一条');
    const read = await liaison.post(`/api/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect(await unread(liaison)).toBe(before - 1);
    // Reading twice keeps the first time and writes nothing.
    expect((await liaison.post(`/api/notifications/${first.id}/read`)).json().readAt).toBe(read.json().readAt);

    const ordered = (await liaison.get('/api/notifications?pageSize=100')).json().items as { readAt: string | null }[];
    const firstRead = ordered.findIndex((m) => m.readAt !== null);
    expect(ordered.slice(firstRead).every((m) => m.readAt !== null)).toBe(true);

    const all = await liaison.post('/api/notifications/read-all');
    expect(all.json().count).toBe(before - 1);
    expect(await unread(liaison)).toBe(0);
    expect((await liaison.get('/api/notifications?unread=true')).json()).toEqual({ items: [], total: 0 });

    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'notification.read'), eq(auditEvents.entityId, first.id)));
    expect(audit).toHaveLength(1);
  });

  it('refuses a malformed id with 400 and an unknown one with 404', async () => {
    expect((await liaison.post('/api/notifications/abc/read')).statusCode).toBe(400);
    expect((await liaison.post('/api/notifications/00000000-0000-4000-8000-000000000000/read')).statusCode).toBe(404);
  });

  it('does not store a message when the caller’s transaction rolls back', async () => {
    const before = await unread(liaison);
    await expect(
      t.database.db.transaction(async (tx) => {
        await notify({ ...ctx(), db: tx }, { userIds: [liaisonMe.id], kind: 'test', title: '回滚', body: '' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await unread(liaison)).toBe(before);
  });

  it('exports the caller’s own inbox with the list’s filter (GET /api/notifications/export.xlsx)', async () => {
    const title = `导出测试${randomUUID().slice(0, 8)}`;
    await t.database.db.insert(notifications).values([
      { userId: liaisonMe.id, kind: 'digest', title, body: '1. 待审核整改报告\n2. 问题整改即将到期' },
      { userId: liaisonMe.id, kind: 'test', title: `${title}（已读）`, body: '', readAt: t.clock.now() },
    ]);
    const rowsOf = async (c: Client, filter: string) => {
      const listed = (await c.get(`/api/notifications?pageSize=500&${filter}`)).json();
      const [header, ...rows] = (await exported(c, `/api/notifications/export.xlsx?${filter}`)).消息提醒;
      expect(header).toEqual(['时间', '标题', '类型', '内容', '状态', '阅读时间']);
      expect(rows.map((r) => [r[1], r[4]])).toEqual(
        listed.items.map((n: { title: string; readAt: string | null }) => [n.title, n.readAt ? '已读' : '未读']),
      );
      return rows;
    };
    const unreadRows = await rowsOf(liaison, 'unread=true');
    expect(unreadRows.find((r) => r[1] === title)).toEqual([
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      title,
      '每日待办',
      '1. 待审核整改报告\n2. 问题整改即将到期',
      '未读',
    ]);
    expect(unreadRows.map((r) => r[1])).not.toContain(`${title}（已读）`);
    const read = (await rowsOf(liaison, '')).find((r) => r[1] === `${title}（已读）`);
    expect(read?.[4]).toBe('已读');
    expect(read?.[5]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // Another user's export holds their own messages only.
    expect((await rowsOf(office, '')).map((r) => r[1])).not.toContain(title);
  });
});

describe('live stream (SSE)', () => {
  let port = 0;
  const listening = async () => {
    if (!port) {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.server.address() as AddressInfo).port;
    }
    return port;
  };
  const cookieOf = async (username: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    return String(res.headers['set-cookie']).split(';')[0];
  };
  /** A raw HTTP client (no connection pool) reading the event stream as it arrives. */
  const open = async (username: string) => {
    const at = await listening();
    const cookie = await cookieOf(username);
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.get({
        host: '127.0.0.1',
        port: at,
        path: '/api/notifications/stream',
        headers: { cookie },
        agent: false,
      });
      req.on('response', resolve).on('error', reject);
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    let text = '';
    res.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
    });
    const until = async (needle: string, ms = 5000) => {
      const deadline = Date.now() + ms;
      while (!text.includes(needle) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return text.includes(needle);
    };
    return { until, text: () => text, close: () => res.destroy() };
  };

  it('answers inject with once=1: event-stream headers and the connected comment', async () => {
    const res = await liaison.get('/api/notifications/stream?once=1');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(res.headers['cache-control']).toContain('no-cache');
    expect(res.body).toContain(': connected');
    expect((await t.anonymous.get('/api/notifications/stream?once=1')).statusCode).toBe(401);
  });

  it('opens with the unread count, counted after subscribing (the bell asks no separate count)', async () => {
    const mine = await open('zhujian');
    try {
      expect(await mine.until('event: unread')).toBe(true);
      const event = mine
        .text()
        .split('\n\n')
        .find((e) => e.startsWith('event: unread')) as string;
      expect(JSON.parse(event.split('\ndata: ')[1])).toEqual(
        (await liaison.get('/api/notifications/unread-count')).json(),
      );
      // A message sent once the stream is open still arrives as its own event.
      await send({ userIds: [liaisonMe.id], kind: 'test', title: '计数之后的消息', body: '正文' });
      expect(await mine.until('计数之后的消息')).toBe(true);
    } finally {
      mine.close();
    }
  });

  it('delivers a notification created after connecting, and only to its user', async () => {
    const mine = await open('zhujian');
    const theirs = await open('office');
    try {
      expect(await mine.until(': connected')).toBe(true);
      expect(await theirs.until(': connected')).toBe(true);
      await send({ userIds: [liaisonMe.id], kind: 'test', title: '实时推送测试', body: '正文' });
      expect(await mine.until('实时推送测试')).toBe(true);
      const event = mine
        .text()
        .split('\n\n')
        .find((e) => e.includes('实时推送测试')) as string;
      expect(event).toMatch(/^event: notification\ndata: /);
      const data = JSON.parse(event.split('\ndata: ')[1]);
      expect(data).toMatchObject({ kind: 'test', title: '实时推送测试', body: '正文', readAt: null });
      // Marking it read is pushed too (other tabs update their badge).
      await liaison.post(`/api/notifications/${data.id}/read`);
      expect(await mine.until('event: read')).toBe(true);
      expect(await theirs.until('实时推送测试', 300)).toBe(false);
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('announces changed records by kind, after commit, once per transaction, to those who may read the kind', async () => {
    const officeStream = await open('office');
    const adminStream = await open('sysadmin');
    const audited = (entity: string, n: number, fail = false) =>
      t.database.db
        .transaction(async (tx) => {
          for (let i = 0; i < n; i++) {
            await recordAudit({ ...ctx(), db: tx }, { type: 'problem.event', entity, entityId: randomUUID() });
          }
          if (fail) throw new Error('回滚');
        })
        .catch(() => undefined);
    const changed = (text: string) => text.split('\n\n').filter((e) => e.startsWith('event: changed'));
    try {
      expect(await officeStream.until(': connected')).toBe(true);
      expect(await adminStream.until(': connected')).toBe(true);
      await audited('case', 2, true);
      await audited('problem', 3);
      expect(await officeStream.until('"entity":"problem"')).toBe(true);
      // Three changes in one transaction: one event; the rolled-back one: none; only the kind, no id.
      expect(changed(officeStream.text())).toEqual(['event: changed\ndata: {"entity":"problem"}']);
      await audited('user', 1);
      await audited('talk', 1);
      expect(await officeStream.until('"entity":"talk"')).toBe(true);
      expect(officeStream.text()).not.toContain('"entity":"user"');
      // The system administrator reads no business records: told of none.
      expect(changed(adminStream.text())).toEqual([]);
    } finally {
      officeStream.close();
      adminStream.close();
    }
  });
});

describe('outbound deliveries', () => {
  it('retries a failing channel with backoff and gives up after 5 attempts', async () => {
    const calls: string[] = [];
    const restore = registerChannel({
      name: 'sms',
      async send(to) {
        calls.push(to.userId);
        throw new Error('短信网关无响应');
      },
    });
    try {
      await send({ userIds: [liaisonMe.id], kind: 'test', title: '外发重试', body: '', channels: ['sms', 'sms'] });
      const [n] = await t.database.db.select().from(notifications).where(eq(notifications.title, '外发重试'));
      const delivery = async () =>
        (
          await t.database.db
            .select()
            .from(notificationDeliveries)
            .where(eq(notificationDeliveries.notificationId, n.id))
        )[0];

      expect(await runJob('notification-deliveries')).toMatchObject({ retrying: 1, failed: 0 });
      expect(await delivery()).toMatchObject({ status: 'pending', attempts: 1, lastError: '短信网关无响应' });
      // Not due again before the backoff has passed.
      expect(await runJob('notification-deliveries')).toMatchObject({ retrying: 0, sent: 0 });
      let previous = (await delivery()).nextAttemptAt.getTime();
      for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
        await advanceClock(2 ** (attempt - 2) * 60_000 + 1000);
        await runJob('notification-deliveries');
        const d = await delivery();
        expect(d.attempts).toBe(attempt);
        if (attempt < MAX_ATTEMPTS) {
          // Exponential: each wait doubles.
          expect(d.nextAttemptAt.getTime() - t.clock.now().getTime()).toBeGreaterThan(
            2 ** (attempt - 1) * 60_000 - 5000,
          );
          expect(d.nextAttemptAt.getTime()).toBeGreaterThan(previous);
          previous = d.nextAttemptAt.getTime();
        }
      }
      expect(await delivery()).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
      expect(calls).toHaveLength(MAX_ATTEMPTS);
      await advanceClock(60 * 60_000);
      await runJob('notification-deliveries');
      expect(calls).toHaveLength(MAX_ATTEMPTS);
      const failed = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.type, 'notification.delivery_failed'), eq(auditEvents.entityId, n.id)));
      expect(failed).toHaveLength(1);
    } finally {
      restore();
    }
  });

  it('sends through the default log adapter', async () => {
    await send({ userIds: [liaisonMe.id], kind: 'test', title: '外发成功', body: '', channels: ['email'] });
    await advanceClock(1000);
    expect((await runJob('notification-deliveries')).sent).toBeGreaterThanOrEqual(1);
    const [row] = await t.database.db
      .select({ d: notificationDeliveries })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .where(eq(notifications.title, '外发成功'));
    expect(row.d).toMatchObject({ status: 'sent', attempts: 1, channel: 'email' });
    expect(row.d.sentAt).not.toBeNull();
  });
});

describe('daily digest', () => {
  it('sends nothing when there is nothing, one message listing every item, and once a day', async () => {
    // A user of its own, so digest sources of other modules have nothing for it.
    const [user] = await t.database.db
      .insert(users)
      .values({ username: `digest-${Date.now()}`, displayName: '摘要测试', passwordHash: 'x' })
      .returning();
    let items: DigestItem[] = [];
    const unregister = registerDigestSource('test', async (_ctx, u) => (u.userId === user.id ? items : []));
    const digests = () =>
      t.database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, user.id), eq(notifications.kind, 'digest')));
    try {
      await runJob('daily-digest');
      expect(await digests()).toHaveLength(0);

      items = [
        { title: '问题整改即将到期', detail: '县住建局：工程款拨付审核不严', due: '2026-12-31', link: '/problems/1' },
        { title: '待审核整改报告', detail: '县水利局：河道采砂监管', due: '2026-12-20' },
      ];
      const result = await runJob('daily-digest');
      expect(result.sent).toBeGreaterThanOrEqual(1);
      const [digest, ...more] = await digests();
      expect(more).toHaveLength(0);
      expect(digest.title).toBe('今日待办（2项）');
      expect(digest.body.split('\n')).toEqual([
        '1. 待审核整改报告：县水利局：河道采砂监管（截止2026年12月20日）',
        '2. 问题整改即将到期：县住建局：工程款拨付审核不严（截止2026年12月31日）',
      ]);

      await runJob('daily-digest');
      expect(await digests()).toHaveLength(1);
    } finally {
      unregister();
    }
  });
});
