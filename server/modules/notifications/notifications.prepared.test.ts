import { describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '../../test/harness.js';
import { list, previewPrepared } from './notifications.repository.js';

/**
 * Home's inbox preview (issue #19) is one prepared statement beside `list`: both must answer the same first page and
 * total for every user (the scope of this module), read and unread.
 */

const testDb = testDatabaseForFile(async (database) => {
  // Some read, some unread, with equal times (the order's last key decides), for the user with the most messages.
  await database.query(`UPDATE notifications SET read_at = created_at + interval '1 hour'
    WHERE id IN (SELECT id FROM notifications ORDER BY id LIMIT (SELECT count(*) / 3 FROM notifications))`);
  await database.query(`UPDATE notifications SET created_at = '2026-12-01 08:00:00+08'
    WHERE id IN (SELECT id FROM notifications ORDER BY id DESC LIMIT 6)`);
});

describe('prepared inbox preview', () => {
  it('answers exactly what list answers, for every user, read and unread', async () => {
    const users = (
      await testDb.database.query<{ id: string }>(
        `SELECT u.id FROM users u ORDER BY (SELECT count(*) FROM notifications n WHERE n.user_id = u.id) DESC, u.id`,
      )
    ).rows.map((r) => r.id);
    let nonEmpty = 0;
    for (const userId of users)
      for (const unread of [undefined, true, false])
        for (const pageSize of [1, 5, 20]) {
          const f = { unread, page: 1, pageSize };
          const built = await list(testDb.database.db, { userId }, f);
          const prepared = await previewPrepared(testDb.database.db, { userId }, f);
          expect(prepared, JSON.stringify({ userId, f })).toEqual({
            total: built.total,
            items: built.items.map((n) => ({ id: n.id, title: n.title, link: n.link })),
          });
          if (built.total > 0) nonEmpty++;
        }
    expect(nonEmpty).toBeGreaterThan(6);
  });
});
