import { describe, expect, it } from 'vitest';
import type { Scope } from '../../platform/context.js';
import { testDatabaseForFile } from '../../test/harness.js';
import { previewTalksPrepared } from './talks.prepared.repository.js';
import { SORTS, type TalkFilter, list } from './talks.repository.js';

/**
 * Home's talks preview (issue #19) repeats the WHERE of `list` with placeholders in one prepared statement. Both
 * must answer the same first page and total for every scope kind, filter and sort; a scope rule changed in one and
 * not the other fails here.
 */

const testDb = testDatabaseForFile();

const { one } = testDb;

describe('prepared talks preview', () => {
  it('answers exactly what list answers, for every scope kind, filter and sort', async () => {
    const t = await one<Record<string, string>>(
      `SELECT region_id, kind, state, unit_ids[1] AS unit_id, subject_person_ids[1] AS person_id,
          talk_on::text AS talk_on, problem_id, warning_id, case_id FROM talks
        WHERE deleted_at IS NULL ORDER BY (problem_id IS NOT NULL) DESC, code LIMIT 1`,
    );
    expect(t).toBeDefined();
    const units = (
      await testDb.database.query<{ id: string }>(
        `SELECT DISTINCT unnest(unit_ids) AS id FROM talks WHERE region_id = '${t.region_id}' ORDER BY 1 LIMIT 3`,
      )
    ).rows.map((r) => r.id);
    const base: Scope = { regionId: t.region_id, allUnits: false, unitIds: [], groupIds: [], personId: null };
    const scopes: Scope[] = [
      { ...base, allUnits: true },
      { ...base, unitIds: units },
      { ...base, unitIds: units.slice(0, 1) },
      base,
    ];
    const filters: Omit<TalkFilter, 'page' | 'pageSize'>[] = [
      {},
      { state: 'planned', from: t.talk_on, to: '2099-12-31', sort: 'talkOn' },
      { state: t.state },
      { kind: t.kind, sort: 'followUpDue' },
      { unitId: t.unit_id },
      { personId: t.person_id },
      { problemId: t.problem_id ?? undefined },
      { warningId: t.warning_id ?? undefined, caseId: t.case_id ?? undefined },
      { from: t.talk_on },
      { to: t.talk_on, sort: '-createdAt' },
      ...Object.keys(SORTS).map((sort) => ({ sort })),
      { sort: 'not-a-sort' },
    ];
    let compared = 0;
    let nonEmpty = 0;
    for (const scope of scopes)
      for (const filter of filters)
        for (const pageSize of [5, 20]) {
          const f = { ...filter, page: 1, pageSize };
          const built = await list(testDb.database.db, scope, f);
          const prepared = await previewTalksPrepared(testDb.database.db, scope, f);
          expect(prepared, JSON.stringify({ scope, f })).toEqual({
            total: built.total,
            items: built.items.map((r) => ({ id: r.id, code: r.code, kind: r.kind, talkOn: r.talkOn })),
          });
          compared++;
          if (built.total > 0) nonEmpty++;
        }
    expect(compared).toBe(scopes.length * filters.length * 2);
    expect(nonEmpty).toBeGreaterThan(compared / 4);
    expect(
      await previewTalksPrepared(testDb.database.db, { ...base, regionId: null, allUnits: true }, { pageSize: 5 }),
    ).toEqual({ items: [], total: 0 });
  });
});
