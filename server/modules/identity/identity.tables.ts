import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.tables.js';
import { createdAt, id } from '../../platform/db/columns.js';

/**
 * A user's saved views of a list (「我的待办」, 「本单位逾期」): the list's filters and order as a query string. Kept
 * per account, so they follow the user to any browser; only their owner reads them.
 */
export const savedViews = pgTable(
  'saved_views',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    list: text('list').notNull(),
    label: text('label').notNull(),
    search: text('search').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('saved_views_user_list_label_uniq').on(t.userId, t.list, t.label)],
);
