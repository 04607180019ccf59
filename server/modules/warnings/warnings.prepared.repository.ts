/**
 * The warnings list's first page as home's preview reads it (issue #19): the rows `listWarnings` answers (ids,
 * codes, situation names) and its total, from one statement built once per filter shape and prepared under a name.
 * `listWarnings` built three statements in Drizzle per request (page, count, the region's situations); the WHERE
 * here repeats its `inScope` and filters with placeholders, and warnings.prepared.test.ts checks both answer the same.
 */
import { type SQL, and, asc, desc, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import { type Together, onPage, readByShape, totalOn } from '../../platform/db/prepared.js';
import { unitDirectory } from '../org/org.directory.js';
import { problemDirectory } from '../problems/problems.facts.js';
import type { WarningFilter } from './warnings.repository.js';
import { situations, warnings } from './warnings.tables.js';

const P = sql.placeholder;
const FALSE = sql`false`;
const EQUALS = {
  situationId: warnings.situationId,
  unitId: warnings.unitId,
  state: warnings.state,
  problemId: warnings.problemId,
} as const;

interface Shape {
  manager: boolean;
  allUnits: boolean;
  units: boolean;
  person: boolean;
  equals: (keyof typeof EQUALS)[];
  sort: string;
  /** LIMIT and OFFSET written into the text, so that the statement runs its generic plan (decision 023). */
  limit: number;
  offset: number;
}

const ORDERS: Record<string, SQL> = {
  firstSeenAt: asc(warnings.firstSeenAt),
  deadline: asc(warnings.deadline),
  '-deadline': desc(warnings.deadline),
};

/** `inScope` and the list's filters (without search), every value a placeholder. */
function whereOf(s: Shape): SQL {
  const units = s.allUnits
    ? undefined
    : or(
        s.units ? sql`${warnings.unitId} = ANY(${P('unitIds')}::uuid[])` : FALSE,
        s.person ? eq(warnings.leaderPersonId, P('personId')) : FALSE,
      );
  return and(
    eq(warnings.regionId, P('regionId')),
    s.manager ? undefined : isNotNull(warnings.issuedAt),
    s.manager ? undefined : units,
    ...s.equals.map((k) => eq(EQUALS[k], P(k))),
  ) as SQL;
}

const unit = unitDirectory('unit');
const problem = problemDirectory('problem');

/**
 * One statement: the page joined as the list joins it, the situation's name as the list's `present` takes it from
 * the region's catalogue, and the total (the list's count: no joins) as a scalar subquery, run once. Every row
 * carries the total; a first page with no rows means a total of 0.
 */
const previewOf = readByShape('warnings_preview', (db, s: Shape) => {
  const where = whereOf(s);
  const order = [ORDERS[s.sort] ?? desc(warnings.firstSeenAt), desc(warnings.code)];
  return db
    .select({ id: warnings.id, code: warnings.code, situationName: situations.name, total: totalOn(warnings, where) })
    .from(warnings)
    .innerJoin(unit, eq(unit.id, warnings.unitId))
    .innerJoin(problem, eq(problem.id, warnings.problemId))
    .leftJoin(situations, and(eq(situations.id, warnings.situationId), eq(situations.regionId, P('regionId'))))
    .where(onPage(db, warnings, where, order, { limit: s.limit, offset: s.offset }))
    .orderBy(...order);
});

/**
 * The first page of `listWarnings` (no search) with the situations' names, and its total. Only a first page: the
 * total rides on the rows, and a page past the end would have none.
 */
export async function previewWarningsPrepared(
  db: Executor,
  scope: Scope,
  manager: boolean,
  f: Omit<WarningFilter, 'q' | 'page'>,
  together?: Together,
) {
  if (!scope.regionId) return { items: [], total: 0 };
  const shape: Shape = {
    manager,
    allUnits: scope.allUnits,
    units: scope.unitIds.length > 0,
    person: scope.personId !== null,
    equals: (Object.keys(EQUALS) as (keyof typeof EQUALS)[]).filter((k) => f[k]),
    sort: f.sort && Object.hasOwn(ORDERS, f.sort) ? f.sort : '',
    limit: Math.trunc(f.pageSize),
    offset: 0,
  };
  const rows = await previewOf(
    db,
    shape,
    {
      regionId: scope.regionId,
      unitIds: scope.unitIds,
      personId: scope.personId,
      situationId: f.situationId,
      unitId: f.unitId,
      state: f.state,
      problemId: f.problemId,
    },
    together,
  );
  return {
    items: rows.map((r) => ({ id: r.id, code: r.code, situationName: r.situationName ?? '' })),
    total: rows[0]?.total ?? 0,
  };
}
