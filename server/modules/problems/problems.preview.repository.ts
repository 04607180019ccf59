/**
 * The ledger's first pages as a preview reads them (home's problem entries, issue #19): code, title and unit name of
 * each row and the same total as `listPrepared`, through the same shapes, WHERE and shared counts
 * (problems.prepared.repository.ts); several previews' pages in one statement. problems.prepared.test.ts checks
 * they answer what `listPrepared` answers.
 */
import { eq, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import { type Together, onPage, readByShape } from '../../platform/db/prepared.js';
import { unitDirectory } from '../org/org.directory.js';
import { INLINE_PAGES, type Shape, paramsOf, shapeOf, totalOf, whereOf } from './problems.prepared.repository.js';
import { type ProblemFilter, SORTS } from './problems.repository.js';
import { problems } from './problems.tables.js';

const previewUnit = unitDirectory('unit');

/**
 * The rows `listPrepared` answers for one of the first pages — id, code, title and unit name — and the same total
 * (problems.prepared.test.ts compares them). Deeper pages and search: undefined, the caller reads the list.
 */
export async function previewPrepared(
  db: Executor,
  scope: Scope,
  withDrafts: boolean,
  f: ProblemFilter,
  today: string,
) {
  return (await previewManyPrepared(db, scope, withDrafts, [f], today))?.[0];
}

/**
 * Several previews' pages in one statement (home's problem entries: one round trip instead of one each, issue #19):
 * each shape's page with a row's code, title and unit name only (describing and mapping the list's thirty-odd columns
 * per row was most of a preview's Node time), tagged with its place (`k`) and its order within the page (`n`).
 */
const previewsOf = readByShape('problems_previews', (db, shapes: Shape[]) => {
  const pages = shapes.map((s, i) => {
    const order = [SORTS[s.sort], sql`${problems.code} DESC NULLS LAST`];
    const window = { limit: s.window?.limit ?? 0, offset: s.window?.offset ?? 0 };
    return sql`${db
      .select({
        k: sql<number>`${sql.raw(String(i))}`.as('k'),
        n: sql<number>`row_number() OVER (ORDER BY ${sql.join(order, sql`, `)})`.as('n'),
        id: problems.id,
        code: problems.code,
        title: problems.title,
        unitName: sql<string>`${previewUnit.shortName}`.as('unit_name'),
      })
      .from(problems)
      .innerJoin(previewUnit, eq(previewUnit.id, problems.unitId))
      .where(onPage(db, problems, whereOf(s, `f${i}_`), order, window))}`;
  });
  return db
    .select({
      k: sql<number>`u.k`,
      id: sql<string>`u.id`,
      code: sql<string>`u.code`,
      title: sql<string>`u.title`,
      unitName: sql<string>`u.unit_name`,
    })
    .from(sql`(${sql.join(pages, sql` UNION ALL `)}) AS u`)
    .orderBy(sql`u.k, u.n`);
});

/**
 * `previewPrepared` for several filters at once, the pages in one statement (the totals through the same shared
 * counts): the same answers, in the order of `fs` (problems.prepared.test.ts compares them). Undefined when one of
 * them is not a preview's (a deep page, search): the caller reads them one by one.
 */
export async function previewManyPrepared(
  db: Executor,
  scope: Scope,
  withDrafts: boolean,
  fs: ProblemFilter[],
  today: string,
  together?: Together,
) {
  if (fs.some((f) => f.page > INLINE_PAGES || f.q?.trim())) return undefined;
  if (!scope.regionId || fs.length === 0) return fs.map(() => ({ items: [] as PreviewRow[], total: 0 }));
  const parts = fs.map(({ page, pageSize, sort, q: _q, ...filter }) => {
    const offset = (page - 1) * pageSize;
    const shape = shapeOf(scope, withDrafts, filter, sort, { limit: pageSize, offset });
    return { filter, shape, params: paramsOf(scope, filter, today, pageSize, offset) };
  });
  const params: Record<string, unknown> = {
    regionId: scope.regionId,
    unitIds: scope.unitIds,
    personId: scope.personId,
    today,
  };
  for (const [i, { filter }] of parts.entries()) for (const [k, v] of Object.entries(filter)) params[`f${i}_${k}`] = v;
  const rows = await previewsOf(
    db,
    parts.map((p) => p.shape),
    params,
    together,
  );
  const answers: { items: PreviewRow[]; total: number }[] = [];
  for (const [i, p] of parts.entries())
    answers.push({
      items: rows.filter((r) => Number(r.k) === i).map(({ k: _k, ...r }) => r),
      total: await totalOf(db, scope, withDrafts, p.filter, today, p.shape, p.params),
    });
  return answers;
}

/** A problem as a preview shows it. */
export interface PreviewRow {
  id: string;
  code: string;
  title: string;
  unitName: string;
}
