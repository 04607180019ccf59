/**
 * The talks list's first page as home's preview reads it (issue #19): the rows `list` answers (ids, codes, kinds,
 * dates) and its total, from one statement built once per filter shape and prepared under a name. The list built a
 * page and a count in Drizzle per request and its service read the people's and units' names; the WHERE here
 * repeats `where` (scope and filters) with placeholders, and talks.prepared.test.ts checks both answer the same.
 */
import { type SQL, and, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import { type Together, onPage, readByShape, splitTotal, totalOn } from '../../platform/db/prepared.js';
import { SORTS, type TalkFilter } from './talks.repository.js';
import { talks } from './talks.tables.js';

const P = sql.placeholder;
const FALSE = sql`false`;

/** The filters of `where` (without search), each with its placeholder. */
const FILTERS = {
  kind: () => eq(talks.kind, P('kind')),
  state: () => eq(talks.state, P('state')),
  unitId: () => sql`${talks.unitIds} && ARRAY[${P('unitId')}::uuid]`,
  personId: () => sql`${talks.subjectPersonIds} && ARRAY[${P('personId')}::uuid]`,
  problemId: () => eq(talks.problemId, P('problemId')),
  warningId: () => eq(talks.warningId, P('warningId')),
  caseId: () => eq(talks.caseId, P('caseId')),
  from: () => gte(talks.talkOn, P('from')),
  to: () => lte(talks.talkOn, P('to')),
} as const;
type Filtered = keyof typeof FILTERS;

interface Shape {
  allUnits: boolean;
  units: boolean;
  filters: Filtered[];
  sort: string;
  /** LIMIT written into the text, so that the statement runs its generic plan (decision 023). */
  limit: number;
}

function whereOf(s: Shape): SQL {
  const visible = s.allUnits ? undefined : s.units ? sql`${talks.unitIds} && ${P('scopeUnitIds')}::uuid[]` : FALSE;
  return and(
    eq(talks.regionId, P('regionId')),
    isNull(talks.deletedAt),
    visible,
    ...s.filters.map((k) => FILTERS[k]()),
  ) as SQL;
}

/** The page in the list's order with the total (the list's count) as a scalar subquery on every row, run once. */
const previewOf = readByShape('talks_preview', (db, s: Shape) => {
  const where = whereOf(s);
  const order = [SORTS[s.sort], sql`${talks.code} DESC`];
  return db
    .select({
      id: talks.id,
      code: talks.code,
      kind: talks.kind,
      talkOn: talks.talkOn,
      total: totalOn(talks, where),
    })
    .from(talks)
    .where(onPage(db, talks, where, order, { limit: s.limit }))
    .orderBy(...order);
});

/**
 * The first page of `list` (no search) — id, code, kind and date of each talk — and its total. Only a first page:
 * the total rides on the rows, and a page past the end would have none.
 */
export async function previewTalksPrepared(
  db: Executor,
  scope: Scope,
  f: Omit<TalkFilter, 'q' | 'page'>,
  together?: Together,
) {
  if (!scope.regionId) return { items: [], total: 0 };
  const shape: Shape = {
    allUnits: scope.allUnits,
    units: scope.unitIds.length > 0,
    filters: (Object.keys(FILTERS) as Filtered[]).filter((k) => f[k]),
    sort: f.sort && Object.hasOwn(SORTS, f.sort) ? f.sort : '-talkOn',
    limit: f.pageSize,
  };
  const rows = await previewOf(db, shape, { ...f, regionId: scope.regionId, scopeUnitIds: scope.unitIds }, together);
  return splitTotal(rows);
}
