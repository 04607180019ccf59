import { activeUsers } from '../../platform/auth/auth.service.js';
/**
 * The daily digest (SPEC 2b 减负): reminders go out as one message per person per day, and never
 * when there is nothing to say. Modules register a source that lists a user's items for today.
 */
import { isoDate } from '../../platform/calendar/working-days.js';
import type { Ctx } from '../../platform/context.js';
import * as repo from './notifications.repository.js';
import { type DigestItem, digestSources, storeNotifications } from './notifications.service.js';

export type { DigestItem, DigestSource } from './notifications.service.js';
export { registerDigestSource } from './notifications.service.js';

const BATCH = 200;

/** '2026-11-24' → '2026年11月24日' (no time zone involved: it is a calendar date). */
function chineseDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

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
  const sources = digestSources();
  if (sources.length === 0) return result;
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
