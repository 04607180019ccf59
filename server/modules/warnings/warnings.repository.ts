import { type SQL, and, asc, count, desc, eq, ilike, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/context.js';
import { type Executor, readTogether, rowsOf } from '../../platform/db/client.js';
import { unitDirectory } from '../org/org.directory.js';
import { problemDirectory } from '../problems/problems.facts.js';
import { situations, warningEvents, warnings } from './warnings.tables.js';
import type { TListSituations } from '../../../common/warnings.schema.js';
import { selectPage } from '../../platform/db/paging.js';
import { containsPattern } from '../../platform/db/like.js';
import { updateAtVersion } from '../../platform/db/versioned.js';
import { type RuleNode, peopleOfRows, ruleHitsSql } from './warnings.rules.js';

export type SituationRow = typeof situations.$inferSelect;
export type WarningRow = typeof warnings.$inferSelect;

// ---------- situations

export async function listSituations(db: Executor, regionId: string) {
  return db.select().from(situations).where(eq(situations.regionId, regionId)).orderBy(asc(situations.code));
}

const SITUATION_SORTS: Record<string, SQL> = {
  code: asc(situations.code),
  '-code': desc(situations.code),
  article: asc(situations.article),
  '-article': desc(situations.article),
};

/** One page of the region's catalogue, by code or name (`q`) and by whether the scan uses it. */
export async function pageSituations(db: Executor, regionId: string, f: TListSituations) {
  const where = and(
    eq(situations.regionId, regionId),
    f.q ? or(ilike(situations.code, `%${f.q}%`), ilike(situations.name, `%${f.q}%`)) : undefined,
    f.active ? eq(situations.active, f.active === 'true') : undefined,
  );
  const order = [SITUATION_SORTS[f.sort ?? 'code'], asc(situations.id)];
  return selectPage(db, situations, where, order, f);
}

export async function getSituation(db: Executor, regionId: string, id: string) {
  const [row] = await db
    .select()
    .from(situations)
    .where(and(eq(situations.regionId, regionId), eq(situations.id, id)));
  return row;
}

export async function insertSituations(db: Executor, values: (typeof situations.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(situations).values(values).returning();
}

export async function updateSituation(db: Executor, id: string, version: number, patch: Partial<SituationRow>) {
  return updateAtVersion(db, situations, id, version, patch);
}

export async function activeSituations(db: Executor) {
  return db.select().from(situations).where(eq(situations.active, true)).orderBy(asc(situations.code));
}

export async function previewRule(db: Executor, rule: RuleNode, regionId: string, today: string, limit: number) {
  const hits = ruleHitsSql(rule, { regionId, today });
  const rows = rowsOf<{
    problem_id: string;
    code: string;
    title: string;
    unit_id: string;
    facts: unknown;
    total: number;
  }>(
    await db.execute(sql`WITH hits AS (${hits})
      SELECT h.problem_id, h.code, h.title, h.unit_id, h.facts, count(*) OVER ()::int AS total
      FROM hits h ORDER BY h.code LIMIT ${limit}`),
  );
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _, ...r }) => r) };
}

/** Situations that would fire for one problem on `day`, with the people who would answer. */
export async function whatIf(db: Executor, s: SituationRow, problemId: string, day: string) {
  const hits = ruleHitsSql(s.rule as RuleNode, { regionId: s.regionId, today: day, problemId });
  const rows = rowsOf<{ facts: unknown; people: unknown; unscheduled_years: number[] }>(
    await db.execute(
      sql`WITH hits AS (${hits}), people AS (${peopleOfRows(sql`hits`, s.responsibleRoles)})
        SELECT h.facts, h.unscheduled_years, COALESCE(pe.people, '[]'::jsonb) AS people
        FROM hits h LEFT JOIN people pe ON pe.problem_id = h.problem_id`,
    ),
  );
  return rows[0];
}

// ---------- warnings

/** Managers see every warning of the region; others only issued ones of units in their scope. */
export function inScope(scope: Scope, manager: boolean): SQL {
  if (!scope.regionId) return sql`false`;
  const region = eq(warnings.regionId, scope.regionId);
  if (manager) return region;
  const units = scope.allUnits
    ? undefined
    : or(
        scope.unitIds.length ? inArray(warnings.unitId, scope.unitIds) : sql`false`,
        scope.personId ? eq(warnings.leaderPersonId, scope.personId) : sql`false`,
      );
  return and(region, isNotNull(warnings.issuedAt), units) as SQL;
}

export interface WarningFilter {
  q?: string;
  sort?: string;
  situationId?: string;
  unitId?: string;
  state?: string;
  problemId?: string;
  page: number;
  pageSize: number;
}

const unit = unitDirectory('unit');
const problem = problemDirectory('problem');

export async function listWarnings(db: Executor, scope: Scope, manager: boolean, f: WarningFilter) {
  const where = and(
    inScope(scope, manager),
    f.situationId ? eq(warnings.situationId, f.situationId) : undefined,
    f.unitId ? eq(warnings.unitId, f.unitId) : undefined,
    f.state ? eq(warnings.state, f.state) : undefined,
    f.problemId ? eq(warnings.problemId, f.problemId) : undefined,
    f.q
      ? or(
          eq(warnings.code, f.q.toUpperCase()),
          eq(problem.code, f.q.toUpperCase()),
          ilike(problem.title, containsPattern(f.q)),
        )
      : undefined,
  );
  const order =
    {
      firstSeenAt: asc(warnings.firstSeenAt),
      deadline: asc(warnings.deadline),
      '-deadline': desc(warnings.deadline),
    }[f.sort ?? ''] ?? desc(warnings.firstSeenAt);
  // Without search the WHERE names warnings alone: page ids first, then joins for those rows only (joining first
  // read a problem per matching warning: 2,231 for home's 5). Problems are never deleted: the count needs no join.
  const pageIds = f.q
    ? undefined
    : db
        .select({ id: warnings.id })
        .from(warnings)
        .where(where)
        .orderBy(order, desc(warnings.code))
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize);
  const joined = db
    .select({ w: warnings, unitName: unit.shortName, problemCode: problem.code, problemTitle: problem.title })
    .from(warnings)
    .innerJoin(unit, eq(unit.id, warnings.unitId))
    .innerJoin(problem, eq(problem.id, warnings.problemId));
  const rows = pageIds
    ? await joined.where(inArray(warnings.id, pageIds)).orderBy(order, desc(warnings.code))
    : await joined
        .where(where)
        .orderBy(order, desc(warnings.code))
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize);
  const counted = db.select({ n: count() }).from(warnings);
  const [{ n }] = await (f.q ? counted.innerJoin(problem, eq(problem.id, warnings.problemId)) : counted).where(where);
  return {
    items: rows.map((r) => ({
      ...r.w,
      unitName: r.unitName,
      problemCode: r.problemCode,
      problemTitle: r.problemTitle,
    })),
    total: Number(n),
  };
}

export async function getWarning(db: Executor, scope: Scope, manager: boolean, id: string) {
  const [row] = await db
    .select()
    .from(warnings)
    .where(and(inScope(scope, manager), eq(warnings.id, id)));
  return row;
}

export async function updateWarning(db: Executor, id: string, version: number, patch: Partial<WarningRow>) {
  return updateAtVersion(db, warnings, id, version, patch);
}

export async function insertEvent(db: Executor, values: typeof warningEvents.$inferInsert) {
  await db.insert(warningEvents).values(values);
}

export async function eventsOf(db: Executor, warningId: string) {
  return db.select().from(warningEvents).where(eq(warningEvents.warningId, warningId)).orderBy(asc(warningEvents.at));
}

export async function setMeeting(db: Executor, ids: string[], meetingId: string) {
  if (ids.length) await db.update(warnings).set({ meetingId }).where(inArray(warnings.id, ids));
}

/** Figures of seed 000 from the data (SPEC M5): warnings by situation, unit, month and state, and their effect. */
export async function figures(db: Executor, regionId: string) {
  const q = async <T>(query: SQL) => rowsOf<T>(await db.execute(query));
  // Independent aggregates: on PostgreSQL they run at once on separate pooled connections.
  const [bySituation, byUnit, byMonth, byState, [effect]] = await readTogether(db, [
    () =>
      q<{ situation_id: string; name: string; n: number }>(sql`
    SELECT s.id AS situation_id, s.name,
      (SELECT count(*) FROM warnings w WHERE w.situation_id = s.id)::int AS n
    FROM situations s WHERE s.region_id = ${regionId}
    ORDER BY s.code`),
    () =>
      q<{ unit_id: string; name: string; n: number }>(sql`
    SELECT u.id AS unit_id, COALESCE(NULLIF(u.short_name, ''), u.name) AS name, count(*)::int AS n
    FROM warnings w JOIN ${unitDirectory('u')} ON u.id = w.unit_id WHERE w.region_id = ${regionId}
    GROUP BY u.id, u.short_name, u.name ORDER BY n DESC LIMIT 20`),
    () =>
      q<{ month: string; n: number }>(sql`
    SELECT to_char(w.first_seen_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS n
    FROM warnings w WHERE w.region_id = ${regionId} GROUP BY 1 ORDER BY 1`),
    () =>
      q<{ state: string; n: number }>(sql`
    SELECT state, count(*)::int AS n FROM warnings WHERE region_id = ${regionId} GROUP BY state`),
    () =>
      q<{ rectified: number; cadres: number; issued: number }>(sql`
    SELECT
      (SELECT count(DISTINCT w.problem_id)::int FROM warnings w JOIN ${problemDirectory('p')} ON p.id = w.problem_id
        WHERE w.region_id = ${regionId} AND w.issued_at IS NOT NULL AND p.state = 'closed' AND p.closed_at >= w.issued_at) AS rectified,
      (SELECT count(DISTINCT x->>'personId')::int FROM warnings w, jsonb_array_elements(w.people) x
        WHERE w.region_id = ${regionId} AND w.issued_at IS NOT NULL) AS cadres,
      (SELECT count(*)::int FROM warnings w WHERE w.region_id = ${regionId} AND w.issued_at IS NOT NULL) AS issued`),
  ]);
  return { bySituation, byUnit, byMonth, byState, ...effect };
}
