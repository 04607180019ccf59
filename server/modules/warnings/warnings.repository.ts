import { type SQL, and, asc, count, desc, eq, ilike, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/context.js';
import { type Executor, readTogether, rowsOf } from '../../platform/db/client.js';
import { unitDirectory } from '../org/org.directory.js';
import { factsSql, problemDirectory } from '../problems/problems.facts.js';
import { situations, warningEvents, warnings } from './warnings.tables.js';
import type { RuleField } from '../../../common/warnings.js';
import type { TListSituations } from '../../../common/warnings.schema.js';
import { selectPage } from '../../platform/db/paging.js';
import { type RuleNode, conditionSql, hitsFrom, peopleSql, ruleHitsSql } from './warnings.rules.js';

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
  const [row] = await db
    .update(situations)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(situations.id, id), eq(situations.version, version)))
    .returning();
  return row;
}

export async function activeSituations(db: Executor) {
  return db.select().from(situations).where(eq(situations.active, true)).orderBy(asc(situations.code));
}

// ---------- the scan: one statement per situation

/**
 * Creates warnings for new hits and resolves live warnings whose facts have gone — one set-based
 * statement for the situation. A live warning keeps the facts it was raised (or issued) with: day
 * counts move every day, and rewriting every live warning nightly cost most of the scan; the detail
 * shows the current facts computed on request.
 */
export async function scanSituation(
  db: Executor,
  s: SituationRow,
  hits: SQL,
  deadline: string,
  now: Date,
  changedOnly: boolean,
) {
  const result = await db.execute<{ created: number; resolved: number }>(sql`
    WITH hits AS (${hits}),
    live AS (
      SELECT w.id, w.problem_id FROM warnings w
      WHERE w.situation_id = ${s.id} AND w.state <> 'resolved'
    ),
    -- New risks only: the people are looked up for these rows alone.
    up AS (
      INSERT INTO warnings (region_id, code, situation_id, problem_id, unit_id, leader_person_id, fingerprint,
        state, facts, people, deadline, first_seen_at, last_seen_at)
      SELECT h.region_id, 'YJ' || lpad(nextval('warning_code_seq')::text, 6, '0'), ${s.id}, h.problem_id, h.unit_id,
        h.leader_id, ${s.id} || ':' || h.problem_id, 'pending_review', h.facts, ${peopleSql(s.responsibleRoles)},
        ${deadline}::date, ${now}, ${now}
      FROM hits h WHERE NOT EXISTS (SELECT 1 FROM live l WHERE l.problem_id = h.problem_id)
      ON CONFLICT DO NOTHING
      RETURNING id
    ),
    gone AS (
      UPDATE warnings w SET state = 'resolved', outcome = '风险事实已消失，自动化解', closed_at = ${now},
        version = w.version + 1, updated_at = ${now}
      WHERE w.situation_id = ${s.id} AND w.state IN ('pending_review', 'issued', 'rectifying')
        ${changedOnly ? sql`AND w.problem_id IN (SELECT problem_id FROM scan_changed)` : sql``}
        AND NOT EXISTS (SELECT 1 FROM hits h WHERE h.problem_id = w.problem_id)
      RETURNING w.id, w.state
    ),
    ev_new AS (
      INSERT INTO warning_events (warning_id, type, to_state, actor_name, at, comment)
      SELECT id, 'created', 'pending_review', '系统', ${now}, '模拟问责扫描生成预警' FROM up
    ),
    ev_gone AS (
      INSERT INTO warning_events (warning_id, type, to_state, actor_name, at, comment)
      SELECT id, 'resolve', 'resolved', '系统', ${now}, '风险事实已消失，自动化解' FROM gone
    )
    SELECT (SELECT count(*)::int FROM up) AS created, (SELECT count(*)::int FROM gone) AS resolved`);
  return rowsOf<{ created: number; resolved: number }>(result)[0];
}

/**
 * Serialises scans until the end of the transaction (advisory lock, across instances): two scans at once
 * would take each other's changed-problem marks and evaluate against each other's uncommitted warnings.
 */
export async function lockScan(db: Executor) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('zelian.warning-scan'))`);
}

/**
 * Takes the problems changed since the last scan (marked by triggers) into the temporary table
 * `scan_changed`, emptying the mark table; rows committed meanwhile stay for the next scan.
 * Must run inside a transaction.
 */
export async function takeChangedProblems(db: Executor): Promise<number> {
  await db.execute(sql`DROP TABLE IF EXISTS scan_changed`);
  await db.execute(sql`CREATE TEMP TABLE scan_changed (problem_id uuid PRIMARY KEY) ON COMMIT DROP`);
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`WITH taken AS (DELETE FROM warning_scan_dirty RETURNING problem_id),
      kept AS (INSERT INTO scan_changed SELECT problem_id FROM taken RETURNING 1)
      SELECT count(*)::int AS n FROM kept`),
  );
  return row.n;
}

/**
 * Computes once per scan the facts every active rule needs into a temporary table, keeping only the
 * open problems some situation of their region fires on: each rule is then one statement over this
 * small set, and a live warning whose problem is not in it has lost its facts. `changedOnly`: only
 * the problems in `scan_changed`. Must run inside a transaction.
 */
export async function prepareScanFacts(
  db: Executor,
  active: SituationRow[],
  fields: RuleField[],
  today: string,
  changedOnly: boolean,
) {
  // One condition per distinct rule with the regions that use it: a province's regions mostly share the
  // catalogue, and 900 per-region conditions evaluated on every open problem cost minutes.
  const regionsByRule = new Map<string, { rule: RuleNode; regionIds: Set<string> }>();
  for (const s of active) {
    const key = JSON.stringify(s.rule);
    const entry = regionsByRule.get(key) ?? { rule: s.rule as RuleNode, regionIds: new Set<string>() };
    entry.regionIds.add(s.regionId);
    regionsByRule.set(key, entry);
  }
  const anyHit = active.length
    ? sql.join(
        [...regionsByRule.values()].map(
          ({ rule, regionIds }) =>
            sql`(f.region_id = ANY(${`{${[...regionIds].join(',')}}`}::uuid[]) AND ${conditionSql(rule)})`,
        ),
        sql` OR `,
      )
    : sql`false`;
  const within = changedOnly ? sql`SELECT problem_id FROM scan_changed` : undefined;
  // The scan's statements are few but large: LLVM compilation (JIT) took longer than running them (2 of
  // 6 s at 1 M problems), and their sorts and hashes spilled to disk at the default work_mem.
  await db.execute(sql`SET LOCAL jit = off`);
  await db.execute(sql`SET LOCAL work_mem = '64MB'`);
  // The facts statement passes most open problems up to the rule filter; at the default tuple cost the
  // planner kept it on one core (measured at 1 M problems: 2.3-2.6 s serial, 1.8-2.2 s parallel).
  await db.execute(sql`SET LOCAL parallel_tuple_cost = 0.001`);
  await db.execute(sql`DROP TABLE IF EXISTS scan_facts`);
  await db.execute(
    sql`CREATE TEMP TABLE scan_facts ON COMMIT DROP AS SELECT * FROM (${factsSql(fields, { today, within })}) f WHERE ${anyHit}`,
  );
  // With several regions, each situation's statement reads its own region's rows.
  if (new Set(active.map((s) => s.regionId)).size > 1) await db.execute(sql`CREATE INDEX ON scan_facts (region_id)`);
  await db.execute(sql`ANALYZE scan_facts`);
}

export const scanHits = (s: SituationRow) =>
  hitsFrom(s.rule as RuleNode, sql`(SELECT * FROM scan_facts WHERE region_id = ${s.regionId})`);

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
      sql`WITH hits AS (${hits}) SELECT h.facts, h.unscheduled_years, ${peopleSql(s.responsibleRoles)} AS people FROM hits h`,
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
          ilike(problem.title, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
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
  const [row] = await db
    .update(warnings)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(warnings.id, id), eq(warnings.version, version)))
    .returning();
  return row;
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

/**
 * What a scan's results depend on besides the problems (which triggers mark when they change): the
 * scan date, the situations and the calendar. When it differs from the last scan's, all open problems
 * are evaluated again; otherwise only the changed ones.
 */
export async function rulesStamp(db: Executor, today: string): Promise<string> {
  const [row] = rowsOf<{ stamp: string }>(
    await db.execute(sql`SELECT concat_ws('|', ${today}::text,
      (SELECT concat_ws(',', count(*), max(updated_at), sum(version)) FROM situations),
      (SELECT concat_ws(',', count(*), max(updated_at)) FROM calendar_days)) AS stamp`),
  );
  return row.stamp;
}

const STAMP_KEY = 'warnings.last_scan_stamp';

export async function lastStamp(db: Executor): Promise<string | null> {
  const [row] = rowsOf<{ value: { stamp: string } }>(
    await db.execute(sql`SELECT value FROM settings WHERE key = ${STAMP_KEY}`),
  );
  return row?.value.stamp ?? null;
}

export async function saveStamp(db: Executor, stamp: string) {
  await db.execute(sql`INSERT INTO settings (key, value) VALUES (${STAMP_KEY}, ${JSON.stringify({ stamp })}::jsonb)
    ON CONFLICT (key, scope) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`);
}
