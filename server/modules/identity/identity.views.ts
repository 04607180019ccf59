import { and, asc, count, eq } from 'drizzle-orm';
import { SAVED_VIEWS_MAX, type TCreateSavedView } from '../../../common/identity.schema.js';
import { type Ctx, actorOf } from '../../platform/context.js';
import { notFound, ruleViolation } from '../../platform/errors.js';
import { savedViews } from './identity.tables.js';

/**
 * A user's saved views of a list (issue #20: 「我的待办」, 「本单位逾期」). Personal settings of the signed-in user:
 * only their owner reads or deletes them (someone else's answers 404), so they hold no business content and are not
 * audited — the view is a query string; what it shows is filtered by the list's own scope when opened.
 */
const columns = { id: savedViews.id, list: savedViews.list, label: savedViews.label, search: savedViews.search };

export function listViews(ctx: Ctx, list: string) {
  return ctx.db
    .select(columns)
    .from(savedViews)
    .where(and(eq(savedViews.userId, actorOf(ctx).userId), eq(savedViews.list, list)))
    .orderBy(asc(savedViews.createdAt), asc(savedViews.label));
}

export async function createView(ctx: Ctx, input: TCreateSavedView) {
  const userId = actorOf(ctx).userId;
  const [{ n }] = await ctx.db
    .select({ n: count() })
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.list, input.list)));
  if (n >= SAVED_VIEWS_MAX)
    throw ruleViolation('VIEWS_FULL', `最多保存 ${SAVED_VIEWS_MAX} 个视图，请先删除不用的视图`, 'label');
  const [row] = await ctx.db
    .insert(savedViews)
    .values({ userId, list: input.list, label: input.label, search: input.search })
    .onConflictDoNothing()
    .returning(columns);
  if (!row) throw ruleViolation('VIEW_EXISTS', `已有名为「${input.label}」的视图`, 'label');
  return row;
}

export async function deleteView(ctx: Ctx, id: string) {
  const gone = await ctx.db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, actorOf(ctx).userId)))
    .returning({ id: savedViews.id });
  if (gone.length === 0) throw notFound('视图不存在');
}
