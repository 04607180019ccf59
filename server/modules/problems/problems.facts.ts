import { type SQL, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { RuleField } from '../../../common/warnings.js';
import { chinaDate, unscheduledYearsSql, workingDaySeriesSql } from '../../platform/calendar/calendar.sql.js';
import { unitDirectory } from '../org/org.directory.js';
import { problems } from './problems.tables.js';

/**
 * The read model problems publishes for set-based readers in other modules (the warning scan evaluates every
 * situation's rule over all open problems in one statement, so it cannot go through per-problem service calls):
 * the facts of open problems on a day, the first measure's owner, and the problem columns other lists join.
 * Other modules import this file, never problems.tables.ts or raw problem tables in their SQL.
 * See docs/decisions/006-published-read-models.md.
 */

export interface FactsOptions {
  today: string;
  /** Only the problems of this region. */
  regionId?: string;
  /** Only this problem (what-if on a problem page). */
  problemId?: string;
  /** Only the problems of this id subquery (a rescan of changed problems). */
  within?: SQL;
  /**
   * `false`: leave `unscheduled_years` (what makes a working-day count provisional) empty. The scan stores no such
   * thing, and working it out was a quarter of its facts statement (a subquery for every problem a rule fired on).
   */
  provisionalYears?: boolean;
}

const ACT_DATE = chinaDate(sql`COALESCE(p.last_progress_at, p.received_at, p.dispatched_at)`);

/** How far back working days are counted: older dates count as unknown (NULL), which no rule fires on. */
const CALENDAR_SPAN_DAYS = 3650;
const isoDayBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * The working-day number of a date: an O(1) lookup in the cumulative counts by day of `cal`, read as a scalar
 * subquery. PostgreSQL evaluates it once, before the Gather, and hands the array to the parallel workers as a
 * parameter, so the rule filter runs in the workers (a CROSS JOIN with `cal` kept every row's filter in the leader).
 */
const workingDayNumber = (date: SQL, lo: string) => sql`(SELECT cal.n FROM cal)[${date} - ${lo}::date + 1]`;

/** SQL of each field for problem `p` on day `today`; `lo` is the first day of the working-day calendar. */
function fieldSql(field: RuleField, today: string, lo: string): SQL {
  switch (field) {
    case 'working_days_overdue':
      return sql`CASE WHEN p.deadline < ${today}::date THEN ${workingDayNumber(sql`${today}::date`, lo)} - ${workingDayNumber(sql`p.deadline`, lo)} ELSE 0 END`;
    case 'calendar_days_overdue':
      return sql`GREATEST(${today}::date - p.deadline, 0)`;
    case 'working_days_without_progress':
      return sql`CASE WHEN ${ACT_DATE} < ${today}::date THEN ${workingDayNumber(sql`${today}::date`, lo)} - ${workingDayNumber(ACT_DATE, lo)} ELSE 0 END`;
    case 'days_without_progress':
      return sql`GREATEST(${today}::date - ${ACT_DATE}, 0)`;
    case 'overdue_measures':
      // How many of the open measures' deadlines (ascending) fall before today: a binary search in the problem row.
      return sql`width_bucket(${today}::date - 1, p.open_measure_deadlines)`;
    case 'units_involved':
      return sql`(1 + cardinality(p.co_unit_ids))`;
    case 'lead_unit_confirmed':
      return sql`p.lead_unit_confirmed`;
    case 'report_similarity':
      // Bigram Jaccard similarity of the last two progress reports (形式主义: copied reports), migration 0043.
      return sql`CASE WHEN rs.b IS NULL THEN 0 ELSE zelian_bigram_similarity(rs.a, rs.b) END`;
    case 'unit_type':
      return sql`u.type`;
    case 'escalation_level':
      return sql`p.escalation_level`;
    case 'reopen_count':
      return sql`p.reopen_count`;
    default:
      return sql.raw(`p.${field}`);
  }
}

/**
 * The facts of open problems on `o.today`: ids, who answers, and the given fields. Only rules on
 * working days need the working-day calendar, and only the joins they use.
 */
export function factsSql(fields: RuleField[], o: FactsOptions): SQL {
  // The working-day calendar is one row holding an array of cumulative working-day numbers, so a
  // field is an array lookup rather than a join the planner would have to estimate.
  const lo = isoDayBefore(o.today, CALENDAR_SPAN_DAYS);
  const columns = fields.map((f) => sql`${fieldSql(f, o.today, lo)} AS ${sql.identifier(f)}`);
  const byDeadline = fields.includes('working_days_overdue');
  const byActivity = fields.includes('working_days_without_progress');
  const open = sql`p.deleted_at IS NULL AND p.state IN ('dispatched', 'rectifying', 'close_requested')
    ${o.regionId ? sql`AND p.region_id = ${o.regionId}` : sql``}`;
  // The earliest day a working-day count started from: the years from it to today without a published
  // schedule make the answer provisional (counted with the statutory holidays only).
  const counted =
    o.provisionalYears === false
      ? []
      : [byDeadline ? sql`p.deadline` : null, byActivity ? ACT_DATE : null].filter((x): x is SQL => !!x);
  // The years of the span without a published schedule are found once per statement, not once per problem.
  const calendar =
    byDeadline || byActivity
      ? sql`WITH cal AS (
          SELECT array_agg(c.n ORDER BY c.d) AS n FROM (
            SELECT s.d, sum(s.w) OVER (ORDER BY s.d)::int AS n FROM (${workingDaySeriesSql(lo, o.today)}) s) c
        )${counted.length ? sql`, unscheduled AS (SELECT ${unscheduledYearsSql(sql`${lo}::date`, sql`${o.today}::date`)} AS years)` : sql``}`
      : sql``;
  if (counted.length) {
    const since = sql`LEAST(${sql.join(
      counted.map((d) => sql`CASE WHEN ${d} < ${o.today}::date THEN ${d} END`),
      sql`, `,
    )})`;
    columns.push(sql`CASE WHEN ${since} IS NULL OR cardinality(unscheduled.years) = 0 THEN '{}'::int[]
        ELSE ARRAY(SELECT y FROM unnest(unscheduled.years) AS y WHERE y >= extract(year FROM ${since})::int) END
        AS unscheduled_years`);
  } else columns.push(sql`'{}'::int[] AS unscheduled_years`);
  // Aggregates are joined once (set-wise), not computed per problem.
  const joins = sql`${counted.length ? sql`CROSS JOIN unscheduled` : sql``}
      ${
        fields.includes('report_similarity')
          ? sql`LEFT JOIN (SELECT e.problem_id, (array_agg(e.payload->>'progress' ORDER BY e.at DESC))[1] AS a,
                   (array_agg(e.payload->>'progress' ORDER BY e.at DESC))[2] AS b
                 FROM problem_events e WHERE e.type = 'report_progress' GROUP BY e.problem_id HAVING count(*) >= 2) rs
                 ON rs.problem_id = p.id`
          : sql``
      }`;
  return sql`${calendar}
    SELECT p.id AS problem_id, p.region_id, p.unit_id, p.code, p.title, p.responsible_person_id AS responsible_id,
      p.leader_person_id AS leader_id
      ${columns.length ? sql`, ${sql.join(columns, sql`, `)}` : sql``}
    FROM problems p
    JOIN ${unitDirectory('u')} ON u.id = p.unit_id
    ${joins}
    WHERE ${open} ${o.problemId ? sql`AND p.id = ${o.problemId}` : sql``} ${o.within ? sql`AND p.id IN (${o.within})` : sql``}`;
}

/** The owner of problem `problemId`'s first measure (the 措施责任人 a situation may hold responsible). */
export const firstMeasureOwnerSql = (problemId: SQL) =>
  sql`(SELECT m.owner_person_id FROM problem_measures m WHERE m.problem_id = ${problemId} ORDER BY m.seq LIMIT 1)`;

/** Problems' identity and outcome columns, under the caller's alias, for lists and figures that join problems. */
export const problemDirectory = <A extends string>(alias: A) =>
  new QueryBuilder()
    .select({
      id: problems.id,
      code: problems.code,
      title: problems.title,
      unitId: problems.unitId,
      state: problems.state,
      closedAt: problems.closedAt,
    })
    .from(problems)
    .as(alias);
