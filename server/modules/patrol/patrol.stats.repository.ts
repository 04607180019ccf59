import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';

export interface Period {
  regionId: string;
  from: string;
  to: string;
}

type Row = Record<string, unknown>;
const rows = async (db: Executor, q: ReturnType<typeof sql>) => {
  const res = (await db.execute(q)) as unknown as { rows: Row[] };
  return res.rows;
};
const num = (v: unknown) => Number(v ?? 0);
/** `col` falls in the period's calendar days in Asia/Shanghai (a range on the column itself, so indexes serve it). */
const within = (col: ReturnType<typeof sql.raw>, p: Period) =>
  sql`${col} >= (${p.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND ${col} < ((${p.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/** Work of each patrol group in a period: one set-wise query per measure, merged by group. */
export async function groupWork(db: Executor, p: Period) {
  const inPeriod = within(sql.raw('created_at'), p);
  const tasks = await rows(
    db,
    sql`
    SELECT group_id, count(*) FILTER (WHERE state NOT IN ('draft', 'cancelled')) AS tasks,
           count(*) FILTER (WHERE state = 'completed') AS tasks_done
    FROM patrol_tasks WHERE region_id = ${p.regionId} AND period_start <= ${p.to} AND period_end >= ${p.from}
    GROUP BY group_id`,
  );
  const visits = await rows(
    db,
    sql`
    SELECT group_id, count(*) AS inspections, count(DISTINCT date) AS field_days,
           count(DISTINCT date) FILTER (WHERE method = 'unannounced') AS unannounced_days
    FROM patrol_inspections WHERE region_id = ${p.regionId} AND date BETWEEN ${p.from} AND ${p.to}
    GROUP BY group_id`,
  );
  const found = await rows(
    db,
    sql`
    SELECT group_id, count(*) FILTER (WHERE state <> 'merged') AS findings,
           count(*) FILTER (WHERE state = 'dispatched') AS dispatched
    FROM patrol_findings WHERE region_id = ${p.regionId} AND ${inPeriod}
    GROUP BY group_id`,
  );
  // Hash-grouped pairs (a few per problem) rather than a sorted array_agg(DISTINCT) over every finding.
  const pairs = await rows(
    db,
    sql`
    SELECT group_id, pid FROM patrol_findings, unnest(problem_ids) AS pid
    WHERE region_id = ${p.regionId} AND cardinality(problem_ids) > 0 AND ${inPeriod}
    GROUP BY group_id, pid`,
  );
  const ids = new Set([...tasks, ...visits, ...found, ...pairs].map((r) => String(r.group_id)));
  const of = (list: Row[], id: string) => list.find((r) => String(r.group_id) === id) ?? {};
  return [...ids].map((groupId) => {
    const t = of(tasks, groupId);
    const v = of(visits, groupId);
    const f = of(found, groupId);
    return {
      groupId,
      tasks: num(t.tasks),
      tasksDone: num(t.tasks_done),
      inspections: num(v.inspections),
      fieldDays: num(v.field_days),
      unannouncedDays: num(v.unannounced_days),
      findings: num(f.findings),
      dispatched: num(f.dispatched),
      problemIds: pairs.filter((r) => String(r.group_id) === groupId).map((r) => String(r.pid)),
    };
  });
}

/** The figures seed 001 quotes, from the data of a period. */
export async function figures(db: Executor, p: Period) {
  const [ins] = await rows(
    db,
    sql`
    SELECT count(*) AS inspections,
           (SELECT count(DISTINCT u) FROM patrol_inspections, unnest(unit_ids) AS u
             WHERE region_id = ${p.regionId} AND date BETWEEN ${p.from} AND ${p.to}) AS units,
           count(DISTINCT project) FILTER (WHERE project <> '') AS projects
    FROM patrol_inspections WHERE region_id = ${p.regionId} AND date BETWEEN ${p.from} AND ${p.to}`,
  );
  const byState = await rows(
    db,
    sql`
    SELECT state, count(*) AS n FROM patrol_findings
    WHERE region_id = ${p.regionId} AND ${within(sql.raw('created_at'), p)}
    GROUP BY state`,
  );
  const byMonth = await rows(
    db,
    sql`
    SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*) AS n FROM patrol_findings
    WHERE region_id = ${p.regionId} AND state <> 'merged'
      AND ${within(sql.raw('created_at'), p)}
    GROUP BY 1 ORDER BY 1`,
  );
  const [circ] = await rows(
    db,
    sql`
    SELECT count(*) FILTER (WHERE kind = 'circular') AS circulars,
           count(*) FILTER (WHERE kind = 'interview') AS interviews,
           coalesce(sum(cardinality(finding_ids) + cardinality(problem_ids)) FILTER (WHERE kind = 'circular'), 0) AS named_matters,
           coalesce(sum(cardinality(people)), 0) AS named_people,
           (SELECT count(DISTINCT u) FROM patrol_circulars c2, unnest(c2.unit_ids) AS u
             WHERE c2.region_id = ${p.regionId} AND c2.state = 'published'
               AND ${within(sql.raw('c2.published_at'), p)}) AS named_units
    FROM patrol_circulars
    WHERE region_id = ${p.regionId} AND state = 'published'
      AND ${within(sql.raw('published_at'), p)}`,
  );
  const [cases] = await rows(
    db,
    sql`
    SELECT count(*) FILTER (WHERE kind = 'positive') AS positive, count(*) FILTER (WHERE kind = 'negative') AS negative
    FROM patrol_cases WHERE region_id = ${p.regionId} AND state = 'published'
      AND ${within(sql.raw('published_at'), p)}`,
  );
  return {
    inspections: num(ins.inspections),
    unitsInspected: num(ins.units),
    projectsInspected: num(ins.projects),
    findingsByState: Object.fromEntries(byState.map((r) => [String(r.state), num(r.n)])) as Record<string, number>,
    findingsByMonth: byMonth.map((r) => ({ month: String(r.month), count: num(r.n) })),
    circulars: num(circ.circulars),
    interviews: num(circ.interviews),
    namedMatters: num(circ.named_matters),
    namedPeople: num(circ.named_people),
    namedUnits: num(circ.named_units),
    positiveCases: num(cases.positive),
    negativeCases: num(cases.negative),
  };
}

/** Problem ids produced by the findings of a period (for the rectification rate). */
export async function findingProblemIds(db: Executor, p: Period): Promise<string[]> {
  const r = await rows(
    db,
    sql`
    SELECT DISTINCT unnest(problem_ids) AS id FROM patrol_findings
    WHERE region_id = ${p.regionId} AND ${within(sql.raw('created_at'), p)}`,
  );
  return r.map((x) => String(x.id));
}
