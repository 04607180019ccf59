import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { regions } from '../../platform/db/platform.tables.js';
import { ruleVersions } from './rules.tables.js';

export type RuleVersionRow = typeof ruleVersions.$inferSelect;

/** The newest version of `scope` in force on `on` (effective on or before it). */
export async function inForce(db: Executor, key: string, scope: string, on: string) {
  const [row] = await db
    .select()
    .from(ruleVersions)
    .where(and(eq(ruleVersions.key, key), eq(ruleVersions.scope, scope), lte(ruleVersions.effectiveFrom, on)))
    .orderBy(desc(ruleVersions.effectiveFrom), desc(ruleVersions.version))
    .limit(1);
  return row ?? null;
}

export async function byVersion(db: Executor, key: string, scope: string, version: number) {
  const [row] = await db
    .select()
    .from(ruleVersions)
    .where(and(eq(ruleVersions.key, key), eq(ruleVersions.scope, scope), eq(ruleVersions.version, version)));
  return row ?? null;
}

/** Every version of `key` in the given scopes, newest first. */
export const history = (db: Executor, key: string, scopes: string[]) =>
  db
    .select()
    .from(ruleVersions)
    .where(and(eq(ruleVersions.key, key), inArray(ruleVersions.scope, scopes)))
    .orderBy(desc(ruleVersions.version), desc(ruleVersions.publishedAt));

export const insert = (db: Executor, row: typeof ruleVersions.$inferInsert) =>
  db.insert(ruleVersions).values(row).onConflictDoNothing().returning();

export async function regionName(db: Executor, id: string) {
  const [r] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, id));
  return r?.name ?? '';
}
