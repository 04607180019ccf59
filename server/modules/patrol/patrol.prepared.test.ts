import { describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '../../test/harness.js';
import { unitNames } from '../org/org.service.js';
import { previewFindingsPrepared } from './patrol.prepared.repository.js';
import { type PatrolScope, listFindings } from './patrol.repository.js';

/**
 * Home's findings preview (issue #19) repeats the WHERE of `listFindings` with placeholders in one prepared
 * statement. Both must answer the same first page, unit names and total for every scope kind (manager, groups, no
 * group), filter and sort; a scope rule changed in one and not the other fails here.
 */

const testDb = testDatabaseForFile();

const { one } = testDb;

describe('prepared findings preview', () => {
  it('answers exactly what listFindings answers with unitNames, for every scope kind, filter and sort', async () => {
    const x = await one<Record<string, string>>(
      `SELECT region_id, group_id, task_id, inspection_id, unit_id, state FROM patrol_findings
        ORDER BY (SELECT count(*) FROM patrol_findings g WHERE g.group_id = patrol_findings.group_id) DESC, code LIMIT 1`,
    );
    expect(x).toBeDefined();
    const groups = (
      await testDb.database.query<{ id: string }>(
        `SELECT DISTINCT group_id AS id FROM patrol_findings WHERE region_id = '${x.region_id}' ORDER BY 1 LIMIT 2`,
      )
    ).rows.map((r) => r.id);
    const merged = await one<{ id: string | null }>(`SELECT max(merged_into_id::text) AS id FROM patrol_findings`);
    const scopes: PatrolScope[] = [
      { regionId: x.region_id, manager: true, groupIds: [] },
      { regionId: x.region_id, manager: false, groupIds: groups },
      { regionId: x.region_id, manager: false, groupIds: groups.slice(0, 1) },
      { regionId: x.region_id, manager: false, groupIds: [] },
      { regionId: null, manager: true, groupIds: [] },
    ];
    const filters: Record<string, string>[] = [
      {},
      { state: 'submitted' },
      { state: x.state },
      { groupId: x.group_id },
      { taskId: x.task_id, sort: 'createdAt' },
      { inspectionId: x.inspection_id },
      { unitId: x.unit_id, sort: '-createdAt' },
      { mergedIntoId: merged.id ?? '00000000-0000-4000-8000-000000000000' },
      { sort: 'createdAt' },
    ];
    let compared = 0;
    let nonEmpty = 0;
    for (const scope of scopes)
      for (const filter of filters)
        for (const pageSize of [2, 5, 20]) {
          const f = { ...filter, page: 1, pageSize };
          const built = await listFindings(testDb.database.db, scope, f);
          const units = await unitNames(
            testDb.database.db,
            built.items.map((r) => r.unitId),
          );
          const prepared = await previewFindingsPrepared(testDb.database.db, scope, f);
          expect(prepared, JSON.stringify({ scope, f })).toEqual({
            total: built.total,
            items: built.items.map((r) => ({
              id: r.id,
              code: r.code,
              title: r.title,
              unitName: units.get(r.unitId) ?? '',
            })),
          });
          compared++;
          if (built.total > 0) nonEmpty++;
        }
    expect(compared).toBe(scopes.length * filters.length * 3);
    expect(nonEmpty).toBeGreaterThan(compared / 4);
  });
});
