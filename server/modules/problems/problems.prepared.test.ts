import { describe, expect, it } from 'vitest';
import type { Scope } from '../../platform/context.js';
import { testDatabaseForFile } from '../../test/harness.js';
import { detailPrepared, listPrepared } from './problems.prepared.repository.js';
import { previewManyPrepared, previewPrepared } from './problems.preview.repository.js';
import { type ProblemFilter, SORTS, eventsOf, filesOf, get, list, measuresOf } from './problems.repository.js';

/**
 * The ledger's prepared statements (issue #19) repeat the WHERE of `repo.list` with placeholders. Both must answer
 * the same rows for every scope kind, filter and sort; a scope rule changed in one and not the other fails here.
 */
const TODAY = '2026-12-04';

const testDb = testDatabaseForFile(async (database) => {
  // The demo has no evidence files: give one problem two, one attached to an event.
  await database.query(`WITH e AS (SELECT problem_id, id FROM problem_events ORDER BY at DESC LIMIT 1)
    INSERT INTO problem_files (problem_id, event_id, name, mime, size, sha256, content, created_at)
    SELECT e.problem_id, CASE WHEN x.attached THEN e.id END, x.name, 'text/plain', 3, 'x', 'abc'::bytea, x.at FROM e,
      (VALUES (true, '整改报告.txt', timestamptz '2026-12-01 09:30:00.123456+08'),
              (false, '草稿.txt', timestamptz '2026-12-02 10:00:00+08')) AS x(attached, name, at)`);
  // …and a done measure whose time has microseconds (JSON text and a Date must round them the same way).
  await database.query(`UPDATE problem_measures SET done = true, done_at = '2026-12-03 08:00:00.987654+00',
    last_report_at = '2026-12-03 07:59:59.999999+00' WHERE id = (SELECT id FROM problem_measures ORDER BY id LIMIT 1)`);
});

const { one } = testDb;
/** What the client receives: dates as JSON.stringify writes them. */
const wire = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
/** `repo.measuresOf` with the owners' names, as the prepared statements carry them per problem. */
async function measuresByProblem(ids: string[]) {
  const rows = await measuresOf(testDb.database.db, ids);
  return (problemId: string) => rows.filter((m) => m.problemId === problemId);
}

/** Scopes of every kind and filters of every shape over the demo's busiest region. */
async function casesOf() {
  const region = await one<{ id: string }>(
    `SELECT region_id AS id FROM problems GROUP BY region_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const sample = await one<Record<string, string>>(
    `SELECT unit_id, leader_person_id, category, severity, source, color FROM problems
      WHERE region_id = '${region.id}' AND leader_person_id IS NOT NULL LIMIT 1`,
  );
  // A 共性问题 group, or an id that matches nothing where the demo has none.
  const group = await one<{ id: string }>(
    `SELECT coalesce(max(common_group_id::text), '00000000-0000-4000-8000-000000000000') AS id FROM problems`,
  );
  const units = (
    await testDb.database.query<{ id: string }>(
      `SELECT DISTINCT unit_id AS id FROM problems WHERE region_id = '${region.id}' LIMIT 3`,
    )
  ).rows.map((r) => r.id);
  const base: Scope = { regionId: region.id, allUnits: false, unitIds: [], groupIds: [], personId: null };
  const scopes: [string, Scope][] = [
    ['the whole region', { ...base, allUnits: true }],
    ['some units', { ...base, unitIds: units }],
    ['a person in charge', { ...base, personId: sample.leader_person_id }],
    ['units and a person', { ...base, unitIds: units.slice(0, 1), personId: sample.leader_person_id }],
    ['nothing', base],
    ['no region', { ...base, regionId: null, allUnits: true }],
  ];
  const filters: Omit<ProblemFilter, 'page' | 'pageSize'>[] = [
    {},
    { unitId: sample.unit_id },
    { state: 'rectifying' },
    { state: 'draft' },
    { source: sample.source, category: sample.category, severity: sample.severity },
    { leaderPersonId: sample.leader_person_id },
    { commonGroupId: group.id },
    { color: sample.color ?? 'red' },
    { color: 'none' },
    { deadlineBefore: TODAY },
    { deadlineAfter: TODAY, deadlineBefore: '2027-06-30' },
    { overdue: true },
    { overdue: false, state: 'rectifying' },
    { listed: true },
    { listed: false },
    { pending: true },
    { pending: false },
    ...Object.keys(SORTS).map((sort) => ({ sort })),
    { sort: 'not-a-sort' },
  ];
  return { scopes, filters };
}

describe('prepared ledger statements', () => {
  it('answer exactly what repo.list answers, for every scope kind, filter and sort', async () => {
    const { scopes, filters } = await casesOf();
    let compared = 0;
    for (const [, scope] of scopes) {
      for (const withDrafts of [true, false]) {
        for (const filter of filters) {
          for (const page of [1, 3, 7]) {
            const f = { ...filter, page, pageSize: 7 };
            const built = await list(testDb.database.db, scope, withDrafts, f, TODAY);
            const prepared = await listPrepared(testDb.database.db, scope, withDrafts, f, TODAY);
            expect(
              { total: prepared.total, ids: prepared.items.map((p) => p.problem.id) },
              JSON.stringify({ scope, withDrafts, f }),
            ).toEqual({ total: built.total, ids: built.items.map((p) => p.problem.id) });
            expect(prepared.items).toEqual(built.items);
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(scopes.length * 2 * filters.length * 3);
    // ≈ 2,200 statements: 15–18 s on PGlite alone, more when it shares two cores with the other files.
  }, 90_000);

  it('read previews (home) of the same rows and totals as listPrepared, several in one statement as each alone', async () => {
    const { scopes, filters } = await casesOf();
    // listPrepared answers what repo.list answers (above): the preview reads the same rows' code, title and unit name.
    for (const [, scope] of scopes)
      for (const withDrafts of [true, false])
        for (const filter of filters)
          for (const page of [1, 3, 7]) {
            const f = { ...filter, page, pageSize: 7 };
            const built = await listPrepared(testDb.database.db, scope, withDrafts, f, TODAY);
            const preview = await previewPrepared(testDb.database.db, scope, withDrafts, f, TODAY);
            expect(preview, JSON.stringify({ scope, withDrafts, f })).toEqual(
              page > 5
                ? undefined
                : {
                    total: built.total,
                    items: built.items.map((r) => ({
                      id: r.problem.id,
                      code: r.problem.code,
                      title: r.problem.title,
                      unitName: r.unitName,
                    })),
                  },
            );
          }
    for (const [, scope] of scopes)
      for (const withDrafts of [true, false]) {
        const fs = filters.map((filter, i) => ({ ...filter, page: 1 + (i % 3), pageSize: 5 }));
        const many = await previewManyPrepared(testDb.database.db, scope, withDrafts, fs, TODAY);
        const alone = [];
        for (const f of fs) alone.push(await previewPrepared(testDb.database.db, scope, withDrafts, f, TODAY));
        expect(many, JSON.stringify({ scope, withDrafts })).toEqual(alone);
        expect(
          await previewManyPrepared(testDb.database.db, scope, withDrafts, [{ page: 6, pageSize: 5 }], TODAY),
        ).toBe(undefined);
      }
    // Like the test above, slow when the machine is shared (39 s while two suites ran at once).
  }, 90_000);

  it('read one problem with its measures, events and files exactly as repo.get, measuresOf, eventsOf and filesOf, in every scope', async () => {
    const rows = (
      await testDb.database.query<{ id: string; region_id: string; unit_id: string; leader_person_id: string | null }>(
        `(SELECT id, region_id, unit_id, leader_person_id FROM problems p
          WHERE EXISTS (SELECT 1 FROM problem_files f WHERE f.problem_id = p.id) LIMIT 4)
         UNION (SELECT id, region_id, unit_id, leader_person_id FROM problems p
          WHERE EXISTS (SELECT 1 FROM problem_measures m WHERE m.problem_id = p.id AND m.done_at IS NOT NULL)
          ORDER BY EXISTS (SELECT 1 FROM problem_measures m WHERE m.problem_id = p.id
            AND m.done_at = '2026-12-03 08:00:00.987654+00') DESC LIMIT 4)
         UNION (SELECT id, region_id, unit_id, leader_person_id FROM problems ORDER BY state = 'draft' DESC, code LIMIT 6)`,
      )
    ).rows;
    let compared = 0;
    for (const p of rows) {
      const base: Scope = { regionId: p.region_id, allUnits: false, unitIds: [], groupIds: [], personId: null };
      const scopes: Scope[] = [
        { ...base, allUnits: true },
        { ...base, unitIds: [p.unit_id] },
        { ...base, personId: p.leader_person_id },
        base,
        { ...base, regionId: null, allUnits: true },
      ];
      const measures = (await measuresByProblem([p.id]))(p.id);
      const events = (await eventsOf(testDb.database.db, p.id)).map(({ problemId: _p, actorUserId: _a, ...e }) => e);
      const files = await filesOf(testDb.database.db, p.id);
      for (const scope of scopes)
        for (const withDrafts of [true, false]) {
          const built = await get(testDb.database.db, scope, withDrafts, p.id, TODAY);
          const prepared = await detailPrepared(testDb.database.db, scope, withDrafts, p.id, TODAY);
          expect(wire(prepared), JSON.stringify(scope)).toEqual(built && wire({ ...built, measures, events, files }));
          if (built) compared++;
        }
    }
    // Files and completed measures were among them; some reads found the problem and some did not.
    const ids = rows.map((r) => r.id);
    const [{ files, done }] = (
      await testDb.database.query<{ files: number; done: number }>(
        `SELECT (SELECT count(*)::int FROM problem_files WHERE problem_id = ANY($1)) AS files,
           (SELECT count(*)::int FROM problem_measures WHERE problem_id = ANY($1) AND done_at IS NOT NULL) AS done`,
        [ids],
      )
    ).rows;
    expect({ files, done }).toEqual({ files: 2, done: expect.any(Number) });
    expect(done).toBeGreaterThan(0);
    expect(compared).toBeGreaterThan(rows.length);
    expect(compared).toBeLessThan(rows.length * 10);
  });
});
