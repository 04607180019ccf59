import { type SQL, sql } from 'drizzle-orm';
import type { RuleField } from '../../../common/warnings.js';
import { type Executor, rowsOf } from '../../platform/db/client.js';
import { factsSql } from '../problems/problems.facts.js';
import type { SituationRow } from './warnings.repository.js';
import { type RuleNode, conditionSql, hitsFrom, peopleOfRows } from './warnings.rules.js';

/**
 * The warning scan's statements (job `warning-scan`, warnings.service runWarningScan): the facts of open problems
 * once per scan, one set-based statement per situation, and the stamp that tells a new day from a rescan.
 */

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
  // `hits` is inlined where it is used: the facts jsonb is then built for new warnings only, and the resolved check
  // reads problem ids alone (materialised, it built the jsonb for every hit: at 1 M problems 83,000 for 19,500 new).
  const result = await db.execute<{ created: number; resolved: number }>(sql`
    WITH hits AS NOT MATERIALIZED (${hits}),
    -- The situation's live warnings: problem ids only, an index-only scan of warnings_live_uniq where the pages are
    -- all-visible. Inlined (materialised, the planner sorted the hits to merge with it).
    live AS NOT MATERIALIZED (
      SELECT w.problem_id FROM warnings w
      WHERE w.situation_id = ${s.id} AND w.state <> 'resolved'
    ),
    -- Live warnings whose facts have gone, found apart from the UPDATE: a join inside it reads whole warning rows.
    vanished AS MATERIALIZED (
      SELECT l.problem_id FROM live l WHERE NOT EXISTS (SELECT 1 FROM hits h WHERE h.problem_id = l.problem_id)
        ${changedOnly ? sql`AND l.problem_id IN (SELECT problem_id FROM scan_changed)` : sql``}
    ),
    -- New risks only: the people are looked up for these rows alone.
    fresh AS (SELECT h.* FROM hits h WHERE NOT EXISTS (SELECT 1 FROM live l WHERE l.problem_id = h.problem_id)),
    people AS (${peopleOfRows(sql`fresh`, s.responsibleRoles)}),
    up AS (
      INSERT INTO warnings (region_id, code, situation_id, problem_id, unit_id, leader_person_id, fingerprint,
        state, facts, people, deadline, first_seen_at, last_seen_at)
      SELECT h.region_id, 'YJ' || lpad(nextval('warning_code_seq')::text, 6, '0'), ${s.id}, h.problem_id, h.unit_id,
        h.leader_id, ${s.id} || ':' || h.problem_id, 'pending_review', h.facts, COALESCE(pe.people, '[]'::jsonb),
        ${deadline}::date, ${now}, ${now}
      FROM fresh h LEFT JOIN people pe ON pe.problem_id = h.problem_id
      ON CONFLICT DO NOTHING
      RETURNING id
    ),
    gone AS (
      UPDATE warnings w SET state = 'resolved', outcome = '风险事实已消失，自动化解', closed_at = ${now},
        version = w.version + 1, updated_at = ${now}
      WHERE w.situation_id = ${s.id} AND w.state IN ('pending_review', 'issued', 'rectifying')
        AND w.problem_id IN (SELECT problem_id FROM vanished)
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
    -- Resolved first: the live warnings are then read before this statement's inserts join the index.
    SELECT (SELECT count(*)::int FROM gone) AS resolved, (SELECT count(*)::int FROM up) AS created`);
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
    sql`CREATE TEMP TABLE scan_facts ON COMMIT DROP AS SELECT * FROM (${factsSql(fields, { today, within, provisionalYears: false })}) f WHERE ${anyHit}`,
  );
  // With several regions, each situation's statement reads its own region's rows.
  if (new Set(active.map((s) => s.regionId)).size > 1) await db.execute(sql`CREATE INDEX ON scan_facts (region_id)`);
  await db.execute(sql`ANALYZE scan_facts`);
}

export const scanHits = (s: SituationRow) =>
  hitsFrom(s.rule as RuleNode, sql`(SELECT * FROM scan_facts WHERE region_id = ${s.regionId})`);

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
