import { describe, expect, it } from 'vitest';
import type { Scope } from '../../platform/context.js';
import { testDatabaseForFile } from '../../test/harness.js';
import { previewWarningsPrepared } from './warnings.prepared.repository.js';
import { type WarningFilter, listSituations, listWarnings } from './warnings.repository.js';

/**
 * Home's warnings preview (issue #19) repeats the WHERE of `listWarnings` with placeholders in one prepared
 * statement. Both must answer the same first page, situation names and total for every scope kind, manager or not,
 * filter and sort; a scope rule changed in one and not the other fails here.
 */

const testDb = testDatabaseForFile();

const { one } = testDb;

describe('prepared warnings preview', () => {
  it('answers exactly what listWarnings answers, for every scope kind, filter and sort', async () => {
    const w = await one<Record<string, string>>(
      `SELECT region_id, unit_id, leader_person_id, situation_id, problem_id FROM warnings
        WHERE issued_at IS NOT NULL AND leader_person_id IS NOT NULL ORDER BY code LIMIT 1`,
    );
    expect(w).toBeDefined();
    const units = (
      await testDb.database.query<{ id: string }>(
        `SELECT DISTINCT unit_id AS id FROM warnings WHERE region_id = '${w.region_id}' ORDER BY 1 LIMIT 3`,
      )
    ).rows.map((r) => r.id);
    const base: Scope = { regionId: w.region_id, allUnits: false, unitIds: [], groupIds: [], personId: null };
    const scopes: Scope[] = [
      { ...base, allUnits: true },
      { ...base, unitIds: units },
      { ...base, personId: w.leader_person_id },
      { ...base, unitIds: units.slice(0, 1), personId: w.leader_person_id },
      base,
    ];
    const filters: Omit<WarningFilter, 'page' | 'pageSize'>[] = [
      {},
      { state: 'pending_review' },
      { state: 'issued' },
      { state: 'resolved' },
      { unitId: w.unit_id },
      { situationId: w.situation_id, state: 'issued' },
      { problemId: w.problem_id },
      { sort: 'firstSeenAt' },
      { sort: 'deadline' },
      { sort: '-deadline', state: 'issued' },
      { sort: 'not-a-sort' },
    ];
    const names = new Map((await listSituations(testDb.database.db, w.region_id)).map((s) => [s.id, s.name]));
    let compared = 0;
    let nonEmpty = 0;
    for (const scope of scopes)
      for (const manager of [true, false])
        for (const filter of filters)
          for (const pageSize of [5, 20]) {
            const f = { ...filter, page: 1, pageSize };
            const built = await listWarnings(testDb.database.db, scope, manager, f);
            const prepared = await previewWarningsPrepared(testDb.database.db, scope, manager, f);
            expect(prepared, JSON.stringify({ scope, manager, f })).toEqual({
              total: built.total,
              items: built.items.map((r) => ({
                id: r.id,
                code: r.code,
                situationName: names.get(r.situationId) ?? '',
              })),
            });
            compared++;
            if (built.total > 0) nonEmpty++;
          }
    expect(compared).toBe(scopes.length * 2 * filters.length * 2);
    expect(nonEmpty).toBeGreaterThan(compared / 4);
    // A caller without a region sees nothing.
    expect(
      await previewWarningsPrepared(testDb.database.db, { ...base, regionId: null, allUnits: true }, true, {
        pageSize: 5,
      }),
    ).toEqual({ items: [], total: 0 });
  });
});
