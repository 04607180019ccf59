import { date, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { id, tstz } from '../../platform/db/columns.js';

/**
 * Published versions of the rule sets of SPEC 2b (问责情形, 问责方式, 第十七至十九条情形, clocks, 容错清单).
 * `scope` is a region id, or '' for the province default. A row is immutable once written (a trigger of the
 * migration refuses UPDATE and DELETE); a new version supersedes from its `effectiveFrom`.
 */
export const ruleVersions = pgTable(
  'rule_versions',
  {
    id: id(),
    key: text('key').notNull(),
    scope: text('scope').notNull().default(''),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** The law and edition this version follows (e.g. 《中国共产党问责条例》（2019年修订）). */
    source: text('source').notNull(),
    reason: text('reason').notNull(),
    /** The set itself: items each with their own source, or the clocks object. */
    content: jsonb('content').notNull(),
    publishedBy: uuid('published_by'),
    publishedByName: text('published_by_name').notNull(),
    publishedAt: tstz('published_at').notNull().defaultNow(),
  },
  (t) => [
    unique('rule_versions_key_scope_version').on(t.key, t.scope, t.version),
    index('rule_versions_lookup_idx').on(t.key, t.scope, t.effectiveFrom),
  ],
);
