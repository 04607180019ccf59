import { asc, desc, eq, like, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '../../test/harness.js';
import { Together, readByShape } from './prepared.js';

/**
 * `Together` (issue #19, home) sends several `readByShape` reads as one statement. Each part must answer what it
 * answers alone: its own values even where two parts name a placeholder alike, its order, its empty result, and a
 * read asked for after the others went out.
 */

const testDb = testDatabaseForFile();

/** The columns of the demo's `units` these reads use, declared here: platform imports no module, not even in tests. */
const units = pgTable('units', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

const unitsOf = readByShape('test_units', (db, s: { newestFirst: boolean; limit: number }) =>
  db
    .select({ id: units.id, label: sql<string>`${units.code} || ' ' || ${units.name}`, sortOrder: units.sortOrder })
    .from(units)
    .where(eq(units.regionId, sql.placeholder('regionId')))
    .orderBy(s.newestFirst ? desc(units.code) : asc(units.code))
    .limit(s.limit),
);
const namedLike = readByShape('test_units_like', (db, _s: Record<string, never>) =>
  db
    .select({ name: units.name, total: sql<number>`count(*) OVER ()::int` })
    .from(units)
    .where(like(units.name, sql.placeholder('regionId')))
    .orderBy(asc(units.name)),
);

const createdOf = readByShape('test_units_created', (db, _s: Record<string, never>) =>
  db
    .select({ id: units.id, createdAt: units.createdAt })
    .from(units)
    .where(eq(units.regionId, sql.placeholder('regionId'))),
);

describe('Together', () => {
  it('answers each part as it answers alone, in one statement', async () => {
    const { db } = testDb.database;
    const { region_id } = await testDb.one<{ region_id: string }>('SELECT region_id FROM units LIMIT 1');
    const reads: ((tg?: Together) => Promise<unknown[]>)[] = [
      (tg?: Together) => unitsOf(db, { newestFirst: false, limit: 3 }, { regionId: region_id }, tg),
      (tg?: Together) => unitsOf(db, { newestFirst: true, limit: 5 }, { regionId: region_id }, tg),
      // The same placeholder name, another value, another part.
      (tg?: Together) => namedLike(db, {}, { regionId: '%局%' }, tg),
      (tg?: Together) => namedLike(db, {}, { regionId: 'nothing like it%' }, tg),
    ];
    const alone: unknown[][] = [];
    for (const read of reads) alone.push(await read());
    expect(alone[0]).toHaveLength(3);
    expect(alone[2].length).toBeGreaterThan(0);
    expect(alone[3]).toEqual([]);

    const together = new Together(db);
    const first = reads.slice(0, 3).map((read) => read(together));
    // Asked for after the first three went out: a statement of its own, the same answer.
    const late = first[0].then(() => reads[3](together));
    expect(await Promise.all([...first, late])).toEqual(alone);
  });

  it('refuses a column that json_agg would answer unlike the driver (a timestamp), before sending anything', async () => {
    const { db } = testDb.database;
    const { region_id } = await testDb.one<{ region_id: string }>('SELECT region_id FROM units LIMIT 1');
    const alone = await createdOf(db, {}, { regionId: region_id });
    expect(alone[0].createdAt).toBeInstanceOf(Date);
    await expect(createdOf(db, {}, { regionId: region_id }, new Together(db))).rejects.toThrow(
      /test_units_created.* selects createdAt \(PgTimestamp\)/,
    );
  });
});
