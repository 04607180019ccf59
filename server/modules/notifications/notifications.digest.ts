import { chineseDay } from '../../platform/documents/document-registry.js';
import { activeUsers } from '../../platform/auth/auth.service.js';
/**
 * The daily digest (SPEC 2b 减负): reminders go out as one message per person per day, and never
 * when there is nothing to say. Modules register a source that lists a user's items for today.
 */
import { isoDate } from '../../platform/calendar/working-days.js';
import type { Ctx } from '../../platform/context.js';
import * as repo from './notifications.repository.js';
import { classOf } from '../../../common/notifications.channels.js';
import { type DigestItem, type DigestSource, digestSources, storeNotifications } from './notifications.service.js';

export type { DigestItem, DigestSource } from './notifications.service.js';
export { registerDigestSource } from './notifications.service.js';

const BATCH = 200;
const DAY_MS = 24 * 3_600_000;

/**
 * The messages of the last 24 hours that did not leave at once (colour changes, copies, reminders):
 * merged into the digest, one line per kind with its count and the latest titles.
 */
const quietMessages: DigestSource = async (ctx, user) => {
  const since = new Date(ctx.clock.now().getTime() - DAY_MS);
  const rows = (await repo.recentOf(ctx.db, user.userId, since)).filter((r) => classOf(r.kind) === null);
  const byTitle = new Map<string, { n: number; bodies: string[]; link: string | null }>();
  for (const r of rows) {
    const g = byTitle.get(r.title) ?? { n: 0, bodies: [], link: r.link };
    g.n += 1;
    if (g.bodies.length < 3 && r.body) g.bodies.push(r.body.split('\n')[0]);
    byTitle.set(r.title, g);
  }
  return [...byTitle].map(([title, g]) => ({
    title: g.n > 1 ? `${title}（${g.n}条）` : title,
    detail: g.bodies.join('；') + (g.n > g.bodies.length ? ' 等' : ''),
    link: g.n === 1 ? (g.link ?? undefined) : '/notifications',
  }));
};

export function digestBody(items: DigestItem[]): string {
  const sorted = [...items].sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  return sorted
    .map((item, i) => {
      const due = item.due ? `（截止${chineseDay(item.due)}）` : '';
      const detail = item.detail ? `：${item.detail}` : '';
      return `${i + 1}. ${item.title}${detail}${due}`;
    })
    .join('\n');
}

/**
 * Sends today's digest to every active user who has items and has not had one today (Asia/Shanghai
 * day). Safe to run any number of times a day: a unique index keeps one digest per user per day.
 */
export async function sendDailyDigests(ctx: Ctx) {
  const day = isoDate(ctx.clock.now());
  const result = { day, users: 0, sent: 0, nothingToSay: 0, alreadySent: 0, errors: 0 };
  const sources = [quietMessages, ...digestSources()];
  let after: string | null = null;
  for (;;) {
    const batch = await activeUsers(ctx.db, after, BATCH);
    if (batch.length === 0) break;
    after = batch[batch.length - 1].userId;
    const done = new Set(
      await repo.digestSentTo(
        ctx.db,
        batch.map((u) => u.userId),
        day,
      ),
    );
    for (const user of batch) {
      result.users += 1;
      if (done.has(user.userId)) {
        result.alreadySent += 1;
        continue;
      }
      let items: DigestItem[];
      try {
        items = [];
        for (const source of sources.values()) items.push(...(await source(ctx, user)));
      } catch (err) {
        // One broken source must not stop everyone's digest; this user gets it on the next run.
        console.error('[daily-digest]', user.userId, err);
        result.errors += 1;
        continue;
      }
      if (items.length === 0) {
        result.nothingToSay += 1;
        continue;
      }
      const stored = await ctx.db.transaction((tx) =>
        storeNotifications(
          { ...ctx, db: tx },
          [user.userId],
          {
            kind: 'digest',
            title: `今日待办（${items.length}项）`,
            body: digestBody(items),
            link: items.length === 1 && items[0].link ? items[0].link : '/notifications',
            entity: { type: 'digest', id: day },
          },
          true,
        ),
      );
      if (stored.length) result.sent += 1;
      else result.alreadySent += 1;
    }
    if (batch.length < BATCH) break;
  }
  return result;
}
