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
import crypto from 'node:crypto';
import { type SQL, and, asc, count, eq, gte, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import { largeCount } from '../../platform/db/large-count.js';
import { personDirectory } from '../org/org.directory.js';
import {
  type EventRow,
  FILE_COLUMNS,
  type MeasureRow,
  type ProblemFilter,
  SORTS,
  overdueSql,
  select,
} from './problems.repository.js';
import { problemEvents, problemFiles, problemMeasures, problems } from './problems.tables.js';

const P = sql.placeholder;
const FALSE = sql`false`;
const owner = personDirectory('owner');

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

type Filter = Omit<ProblemFilter, 'page' | 'pageSize' | 'sort' | 'q'>;

interface Shape {
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
}

function shapeOf(scope: Scope, withDrafts: boolean, f: Filter, sort: string | undefined): Shape {
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
  };
}

/** The same WHERE as `repo.list` (inScope + filters), with every value a placeholder. */
function whereOf(s: Shape): SQL {
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
    ...s.equals.map((k) => eq(EQUALS[k], P(k))),
    s.color === 'none' ? isNull(problems.color) : s.color ? eq(problems.color, P('color')) : undefined,
    s.before ? lte(problems.deadline, P('deadlineBefore')) : undefined,
    s.after ? gte(problems.deadline, P('deadlineAfter')) : undefined,
    s.overdue === null ? undefined : s.overdue ? overdueSql(P('today')) : sql`NOT ${overdueSql(P('today'))}`,
    s.listed ? eq(problems.listed, P('listed')) : undefined,
    s.pending === null
      ? undefined
      : s.pending
        ? isNotNull(problems.pendingEscalation)
        : isNull(problems.pendingEscalation),
  ) as SQL;
}

function build(db: Executor, s: Shape, name: string) {
  const w = whereOf(s);
  const order = [SORTS[s.sort], sql`${problems.code} DESC NULLS LAST`];
  const pageIds = db
    .select({ id: problems.id })
    .from(problems)
    .where(w)
    .orderBy(...order)
    .limit(P('limit'))
    .offset(P('offset'));
  return {
    page: select(db, P('today'))
      .where(inArray(problems.id, pageIds))
      .orderBy(...order)
      .prepare(`${name}_page`),
    count: db.select({ n: count() }).from(problems).where(w).prepare(`${name}_count`),
  };
}

/**
 * Statements by shape, built once per database handle. The same shape is the same text, so one name (`prefix` and a
 * hash of the shape) serves every handle and connection.
 */
function byShape<T>(prefix: string, build: (db: Executor, s: Shape, name: string) => T) {
  const names = new Map<string, string>();
  const built = new WeakMap<Executor, Map<string, T>>();
  return (db: Executor, s: Shape): T => {
    const key = JSON.stringify(s);
    let name = names.get(key);
    if (!name) {
      name = `${prefix}_${crypto.createHash('sha1').update(key).digest('hex').slice(0, 12)}`;
      names.set(key, name);
    }
    let perDb = built.get(db);
    if (!perDb) {
      perDb = new Map();
      built.set(db, perDb);
    }
    let statements = perDb.get(key);
    if (!statements) {
      statements = build(db, s, name);
      perDb.set(key, statements);
    }
    return statements;
  };
}

const statementsOf = byShape('problems_list', build);

/**
 * One page of the ledger and its total, as `repo.list` answers them, through the statements of the filter's
 * shape. Not for search (`q`): the caller sends those to `repo.list`.
 */
export async function listPrepared(db: Executor, scope: Scope, withDrafts: boolean, f: ProblemFilter, today: string) {
  const { page, pageSize, sort, q: _q, ...filter } = f;
  if (!scope.regionId) return { items: [], total: 0 };
  const statements = statementsOf(db, shapeOf(scope, withDrafts, filter, sort));
  const params: Record<string, unknown> = {
    ...filter,
    regionId: scope.regionId,
    unitIds: scope.unitIds,
    personId: scope.personId,
    today,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  const items = await statements.page.execute(params);
  // Keyed by what is counted (region, visible units, drafts, filters), not by who asks: two officers share it.
  const countKey = JSON.stringify([
    'problems',
    scope.regionId,
    scope.allUnits ? null : [scope.unitIds, scope.personId],
    withDrafts,
    filter,
    today,
  ]);
  const total = await largeCount(countKey, async () => Number((await statements.count.execute(params))[0].n));
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
  return measuresStatement(db).execute({ ids: problemIds });
}

// ---------- the detail page: the problem (in the caller's scope), its events and its files

/** One problem as `repo.get` reads it, per scope shape (the same WHERE as the list's, with the id). */
const oneStatementOf = byShape('problems_one', (db, s, name) =>
  select(db, P('today'))
    .where(and(whereOf(s), eq(problems.id, P('id'))))
    .prepare(name),
);

export async function getPrepared(db: Executor, scope: Scope, withDrafts: boolean, id: string, today: string) {
  if (!scope.regionId) return undefined;
  const statement = oneStatementOf(db, shapeOf(scope, withDrafts, {}, undefined));
  const [row] = await statement.execute({
    regionId: scope.regionId,
    unitIds: scope.unitIds,
    personId: scope.personId,
    today,
    id,
  });
  return row;
}

const eventsStatement = oncePerDb((db) =>
  db
    .select()
    .from(problemEvents)
    .where(eq(problemEvents.problemId, P('id')))
    .orderBy(asc(problemEvents.at))
    .prepare('problems_events_of'),
);
/** A problem's timeline, oldest first (as `repo.eventsOf`). */
export const eventsOfPrepared = (db: Executor, problemId: string): Promise<EventRow[]> =>
  eventsStatement(db).execute({ id: problemId });

const filesStatement = oncePerDb((db) =>
  db
    .select(FILE_COLUMNS)
    .from(problemFiles)
    .where(eq(problemFiles.problemId, P('id')))
    .orderBy(asc(problemFiles.createdAt))
    .prepare('problems_files_of'),
);
/** A problem's files, oldest first (as `repo.filesOf`). */
export const filesOfPrepared = (db: Executor, problemId: string) => filesStatement(db).execute({ id: problemId });
