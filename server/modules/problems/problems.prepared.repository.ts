/**
 * The ledger's and the detail page's hot reads as statements built once per shape and prepared under a name
 * (issue #19).
 *
 * Building the list's SQL in Drizzle cost more CPU per request than PostgreSQL spent answering it, and PostgreSQL
 * planned the ~2.5 KB statement afresh each time. A shape is what decides the SQL text — which filters are present,
 * the sort, the kind of scope — never a value: values travel as parameters, so one shape is one statement for the
 * life of the process, on every connection. Search (`q`) is not prepared: a generic plan for the bigram index was
 * measured 2–4× slower, so `repo.list` keeps building it per request.
 */
import { type AnyColumn, type SQL, and, count, eq, gte, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/context.js';
import { type Executor, genericPlans } from '../../platform/db/client.js';
import { largeCount } from '../../platform/db/large-count.js';
import { onPage, preparedByShape } from '../../platform/db/prepared.js';
import { personDirectory, unitDirectory } from '../org/org.directory.js';
import {
  type EventRow,
  type MeasureRow,
  type ProblemFilter,
  type ProblemWithNames,
  SORTS,
  overdueSql,
  problemColumns,
  select,
} from './problems.repository.js';
import { problemEvents, problemFiles, problemMeasures, problems } from './problems.tables.js';

const P = sql.placeholder;
const FALSE = sql`false`;
const owner = personDirectory('owner');

/** A timestamp as `JSON.stringify` writes a Date (UTC, milliseconds), so JSON built here reads the same. */
const isoText = (c: AnyColumn) => sql`to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A measure as the page statement carries it: timestamps as ISO text (JSON has no dates). */
export type MeasureJson = Omit<MeasureRow, 'doneAt' | 'lastReportAt'> & {
  doneAt: string | null;
  lastReportAt: string | null;
  ownerName: string | null;
};

/**
 * The measures of the row's problem as a JSON array, for the detail statement (one problem). Not for the ledger's
 * page: building 20 rows' measures as JSON cost PostgreSQL more CPU (≈ 0.3 ms) than the separate read's round
 * trip cost the server (bench/ab.ts, issue #19).
 */
const measuresJson = sql<MeasureJson[]>`coalesce((SELECT json_agg(json_build_object(
  'id', ${problemMeasures.id}, 'problemId', ${problemMeasures.problemId}, 'seq', ${problemMeasures.seq},
  'content', ${problemMeasures.content}, 'ownerPersonId', ${problemMeasures.ownerPersonId},
  'deadlineType', ${problemMeasures.deadlineType}, 'deadlineDays', ${problemMeasures.deadlineDays},
  'deadline', ${problemMeasures.deadline}, 'done', ${problemMeasures.done}, 'doneAt', ${isoText(problemMeasures.doneAt)},
  'progress', ${problemMeasures.progress}, 'lastReportAt', ${isoText(problemMeasures.lastReportAt)},
  'ownerName', ${owner.name}) ORDER BY ${problemMeasures.seq})
  FROM ${problemMeasures} LEFT JOIN ${owner} ON ${owner.id} = ${problemMeasures.ownerPersonId}
  WHERE ${problemMeasures.problemId} = ${problems.id}), '[]'::json)`;

/** Filters that compare a column with the value given. */
const EQUALS = {
  unitId: problems.unitId,
  state: problems.state,
  source: problems.source,
  category: problems.category,
  severity: problems.severity,
  leaderPersonId: problems.leaderPersonId,
  commonGroupId: problems.commonGroupId,
} as const;

export type Filter = Omit<ProblemFilter, 'page' | 'pageSize' | 'sort' | 'q'>;

export interface Shape {
  units: boolean;
  person: boolean;
  allUnits: boolean;
  withDrafts: boolean;
  equals: (keyof typeof EQUALS)[];
  color: 'none' | 'value' | null;
  before: boolean;
  after: boolean;
  overdue: boolean | null;
  listed: boolean;
  pending: boolean | null;
  sort: string;
  /** The page's LIMIT and OFFSET written into the statement (the first pages), or null: placeholders. */
  window: { limit: number; offset: number } | null;
}

/**
 * Pages up to this one are read by statements with LIMIT and OFFSET written in, run with their generic plan
 * (`genericPlans`); deeper pages, rarer, share one statement per shape with placeholders, planned per execution.
 */
export const INLINE_PAGES = 5;

export function shapeOf(
  scope: Scope,
  withDrafts: boolean,
  f: Filter,
  sort: string | undefined,
  window: Shape['window'] = null,
): Shape {
  return {
    units: scope.unitIds.length > 0,
    person: scope.personId !== null,
    allUnits: scope.allUnits,
    withDrafts,
    equals: (Object.keys(EQUALS) as (keyof typeof EQUALS)[]).filter((k) => f[k]),
    color: f.color === 'none' ? 'none' : f.color ? 'value' : null,
    before: !!f.deadlineBefore,
    after: !!f.deadlineAfter,
    overdue: f.overdue ?? null,
    listed: f.listed !== undefined,
    pending: f.pending ?? null,
    sort: sort && sort in SORTS ? sort : '-createdAt',
    window,
  };
}

/**
 * The same WHERE as `repo.list` (inScope + filters), with every value a placeholder. The filters' placeholders are
 * named `${prefix}<filter>` (several shapes in one statement: `previewManyPrepared`); the scope's and today's are
 * shared.
 */
export function whereOf(s: Shape, prefix = ''): SQL {
  const value = (k: string) => P(prefix + k);
  const visible = s.allUnits
    ? undefined
    : or(
        s.units ? sql`${problems.unitId} = ANY(${P('unitIds')}::uuid[])` : FALSE,
        s.person ? eq(problems.leaderPersonId, P('personId')) : FALSE,
      );
  return and(
    eq(problems.regionId, P('regionId')),
    isNull(problems.deletedAt),
    visible,
    s.withDrafts ? undefined : ne(problems.state, 'draft'),
    ...s.equals.map((k) => eq(EQUALS[k], value(k))),
    s.color === 'none' ? isNull(problems.color) : s.color ? eq(problems.color, value('color')) : undefined,
    s.before ? lte(problems.deadline, value('deadlineBefore')) : undefined,
    s.after ? gte(problems.deadline, value('deadlineAfter')) : undefined,
    s.overdue === null ? undefined : s.overdue ? overdueSql(P('today')) : sql`NOT ${overdueSql(P('today'))}`,
    s.listed ? eq(problems.listed, value('listed')) : undefined,
    s.pending === null
      ? undefined
      : s.pending
        ? isNotNull(problems.pendingEscalation)
        : isNull(problems.pendingEscalation),
  ) as SQL;
}

/** The page of a shape: the page's ids from the index first, then names for those rows only. */
function buildPage(db: Executor, s: Shape, name: string) {
  const order = [SORTS[s.sort], sql`${problems.code} DESC NULLS LAST`];
  return select(db, P('today'))
    .where(onPage(db, problems, whereOf(s), order, s.window ?? sql`LIMIT ${P('limit')} OFFSET ${P('offset')}`))
    .orderBy(...order)
    .prepare(name);
}

const pageOf = preparedByShape('problems_page', buildPage);
/** The total of a shape (its sort and window do not count). */
const countOf = preparedByShape('problems_count', (db, s: Shape, name) =>
  db.select({ n: count() }).from(problems).where(whereOf(s)).prepare(name),
);

/** The region's, scope's and filter's parameters of a shape's statements. */
export function paramsOf(
  scope: Scope,
  filter: Filter,
  today: string,
  limit: number,
  offset: number,
): Record<string, unknown> {
  return {
    ...filter,
    regionId: scope.regionId,
    unitIds: scope.unitIds,
    personId: scope.personId,
    today,
    limit,
    offset,
  };
}

/** The total of a page's shape, through the large-count cache (as the list counts it, so both share the count). */
export function totalOf(
  db: Executor,
  scope: Scope,
  withDrafts: boolean,
  filter: Filter,
  today: string,
  shape: Shape,
  params: Record<string, unknown>,
) {
  // Keyed by what is counted (region, visible units, drafts, filters), not by who asks: two officers share it.
  const countKey = JSON.stringify([
    'problems',
    scope.regionId,
    scope.allUnits ? null : [scope.unitIds, scope.personId],
    withDrafts,
    filter,
    today,
  ]);
  return largeCount(countKey, async () => {
    const counted = countOf(genericPlans(db), { ...shape, sort: '', window: null });
    return Number((await counted.execute(params))[0].n);
  });
}

/**
 * One page of the ledger and its total, as `repo.list` answers them, through the statements of the filter's
 * shape. Not for search (`q`): the caller sends those to `repo.list`.
 */
export async function listPrepared(db: Executor, scope: Scope, withDrafts: boolean, f: ProblemFilter, today: string) {
  const { page, pageSize, sort, q: _q, ...filter } = f;
  if (!scope.regionId) return { items: [], total: 0 };
  const offset = (page - 1) * pageSize;
  const inline = page <= INLINE_PAGES;
  const shape = shapeOf(scope, withDrafts, filter, sort, inline ? { limit: pageSize, offset } : null);
  const params = paramsOf(scope, filter, today, pageSize, offset);
  const items = await pageOf(inline ? genericPlans(db) : db, shape).execute(params);
  const total = await totalOf(db, scope, withDrafts, filter, today, shape, params);
  return { items, total };
}

/** A statement built once per database handle (its text is fixed, its values are placeholders). */
function oncePerDb<T>(build: (db: Executor) => T): (db: Executor) => T {
  const cache = new WeakMap<Executor, T>();
  return (db) => {
    let statement = cache.get(db);
    if (!statement) {
      statement = build(db);
      cache.set(db, statement);
    }
    return statement;
  };
}

const measuresStatement = oncePerDb((db) =>
  db
    .select({
      id: problemMeasures.id,
      problemId: problemMeasures.problemId,
      seq: problemMeasures.seq,
      content: problemMeasures.content,
      ownerPersonId: problemMeasures.ownerPersonId,
      deadlineType: problemMeasures.deadlineType,
      deadlineDays: problemMeasures.deadlineDays,
      deadline: problemMeasures.deadline,
      done: problemMeasures.done,
      doneAt: problemMeasures.doneAt,
      progress: problemMeasures.progress,
      lastReportAt: problemMeasures.lastReportAt,
      ownerName: owner.name,
    })
    .from(problemMeasures)
    .leftJoin(owner, eq(owner.id, problemMeasures.ownerPersonId))
    .where(sql`${problemMeasures.problemId} = ANY(${P('ids')}::uuid[])`)
    .orderBy(problemMeasures.problemId, problemMeasures.seq)
    .prepare('problems_measures_of'),
);

/** The measures of a page of problems, with their owners' names (one prepared statement). */
export async function measuresOfPrepared(
  db: Executor,
  problemIds: string[],
): Promise<(MeasureRow & { ownerName: string | null })[]> {
  if (problemIds.length === 0) return [];
  return measuresStatement(genericPlans(db)).execute({ ids: problemIds });
}

// ---------- the detail page: the problem (in the caller's scope) with its measures, events and files

/** An event of the timeline as the detail statement carries it (`at` as ISO text). */
export type EventJson = Pick<EventRow, 'id' | 'type' | 'fromState' | 'toState' | 'actorName' | 'comment' | 'late'> & {
  at: string;
  payload: Record<string, unknown> | null;
};
/** A file as the detail statement carries it (`createdAt` as ISO text). */
export interface FileJson {
  id: string;
  name: string;
  size: number;
  mime: string;
  eventId: string | null;
  measureId: string | null;
  createdAt: string;
}

const eventsJson = sql<EventJson[]>`coalesce((SELECT json_agg(json_build_object(
  'id', ${problemEvents.id}, 'type', ${problemEvents.type}, 'fromState', ${problemEvents.fromState},
  'toState', ${problemEvents.toState}, 'actorName', ${problemEvents.actorName}, 'at', ${isoText(problemEvents.at)},
  'comment', ${problemEvents.comment}, 'payload', ${problemEvents.payload}, 'late', ${problemEvents.late})
  ORDER BY ${problemEvents.at}) FROM ${problemEvents} WHERE ${problemEvents.problemId} = ${problems.id}), '[]'::json)`;

const filesJson = sql<FileJson[]>`coalesce((SELECT json_agg(json_build_object(
  'id', ${problemFiles.id}, 'name', ${problemFiles.name}, 'size', ${problemFiles.size}, 'mime', ${problemFiles.mime},
  'eventId', ${problemFiles.eventId}, 'measureId', ${problemFiles.measureId},
  'createdAt', ${isoText(problemFiles.createdAt)}) ORDER BY ${problemFiles.createdAt})
  FROM ${problemFiles} WHERE ${problemFiles.problemId} = ${problems.id}), '[]'::json)`;

/** A problem as the detail statement carries it: the columns `repo.select` reads, timestamps as ISO text. */
export type ProblemJson = {
  [K in keyof ProblemWithNames['problem']]: ProblemWithNames['problem'][K] extends Date
    ? string
    : Extract<ProblemWithNames['problem'][K], Date> extends never
      ? ProblemWithNames['problem'][K]
      : string | null;
};

/**
 * Those columns as one JSON object: node-postgres describes and parses one column instead of thirty, and Drizzle
 * makes no Date only for it to be written back as text (issue #19: ≈ 10 % of the detail's Node CPU).
 */
const problemJson = sql<ProblemJson>`json_build_object(${sql.join(
  Object.entries(problemColumns).map(
    ([key, c]) => sql`${sql.raw(`'${key}'`)}, ${c.dataType === 'date' ? isoText(c) : c}`,
  ),
  sql`, `,
)})`;

const unit = unitDirectory('unit');
const leader = personDirectory('leader');
const responsible = personDirectory('responsible');

/**
 * One problem as `repo.get` reads it (`repo.select`'s names and joins) with its measures, timeline (oldest first)
 * and files (oldest first), per scope shape, in one statement: the detail page used to make four round trips.
 */
const detailStatementOf = preparedByShape('problems_detail', (db, s: Shape, name) =>
  db
    .select({
      problem: problemJson,
      unitName: unit.shortName,
      leaderName: leader.name,
      responsibleName: responsible.name,
      overdue: overdueSql(P('today')),
      measures: measuresJson,
      events: eventsJson,
      files: filesJson,
    })
    .from(problems)
    .innerJoin(unit, eq(unit.id, problems.unitId))
    .leftJoin(leader, eq(leader.id, problems.leaderPersonId))
    .leftJoin(responsible, eq(responsible.id, problems.responsiblePersonId))
    .where(and(whereOf(s), eq(problems.id, P('id'))))
    .prepare(name),
);

/** The detail's shapes (the scope's kind and drafts: no filters) with their keys, made once each. */
const detailShapes = new Map<string, { shape: Shape; key: string }>();
function detailShapeOf(scope: Scope, withDrafts: boolean) {
  const flags = `${scope.unitIds.length > 0}${scope.personId !== null}${scope.allUnits}${withDrafts}`;
  let found = detailShapes.get(flags);
  if (!found) {
    const shape = shapeOf(scope, withDrafts, {}, undefined);
    found = { shape, key: JSON.stringify(shape) };
    detailShapes.set(flags, found);
  }
  return found;
}

export async function detailPrepared(db: Executor, scope: Scope, withDrafts: boolean, id: string, today: string) {
  if (!scope.regionId) return undefined;
  const { shape, key } = detailShapeOf(scope, withDrafts);
  const statement = detailStatementOf(genericPlans(db), shape, key);
  const [row] = await statement.execute({
    regionId: scope.regionId,
    unitIds: scope.unitIds,
    personId: scope.personId,
    today,
    id,
  });
  return row;
}
