/**
 * The set-based statements of 明责: generating a quarter's lists for every county leader in one INSERT…SELECT,
 * and the year's fulfilment per unit (the figures: responsibility.figures.ts). No row loops.
 */
import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../platform/db/client.js';
import { personDirectory, unitDirectory } from '../org/org.directory.js';
import { dispatchCodeSeq } from './responsibility.tables.js';

export interface GenerateSpec {
  regionId: string;
  year: number;
  quarter: number;
  subjectKind: string;
  /** Catalogue frequencies that belong in this quarter's list. */
  frequencies: string[];
  deadline: string;
  deadlineRule: string;
  issuedOn: string;
  title: string;
  userId: string | null;
  actorName: string;
  at: Date;
}

/**
 * One 季度派单 per county leader (a person in charge of at least one unit of the region) who has none for the
 * quarter yet, each with the catalogue's items of `subjectKind`, issued, with its timeline entry.
 */
export async function generateQuarter(db: Executor, s: GenerateSpec) {
  const freq = sql.join(
    s.frequencies.map((f) => sql`${f}`),
    sql`, `,
  );
  const [row] = rowsOf<{ dispatches: number; items: number; people: string[] | null; ids: string[] | null }>(
    await db.execute(sql`
      WITH leaders AS (
        SELECT DISTINCT u.leader_in_charge_person_id AS person_id
        FROM ${unitDirectory('u')}
        JOIN ${personDirectory('p')} ON p.id = u.leader_in_charge_person_id AND p.deleted_at IS NULL
        WHERE u.region_id = ${s.regionId} AND u.deleted_at IS NULL
          AND NOT EXISTS (
            SELECT 1 FROM dispatches d
            WHERE d.region_id = ${s.regionId} AND d.kind = 'quarterly' AND d.year = ${s.year}
              AND d.quarter = ${s.quarter} AND d.recipient_person_id = u.leader_in_charge_person_id
              AND d.deleted_at IS NULL)
      ),
      ins AS (
        INSERT INTO dispatches (region_id, code, kind, year, quarter, recipient_kind, recipient_person_id, title,
                                state, issued_on, created_by_user_id)
        SELECT ${s.regionId}, 'PD' || ${s.year}::text || '-' || lpad(nextval(${dispatchCodeSeq.seqName})::text, 5, '0'),
               'quarterly', ${s.year}, ${s.quarter}, 'leader', person_id, ${s.title}, 'issued', ${s.issuedOn},
               ${s.userId}
        FROM leaders
        RETURNING id, code, recipient_person_id
      ),
      items AS (
        INSERT INTO dispatch_items (dispatch_id, region_id, catalogue_item_id, category, content, target, evidence,
                                    deadline, deadline_rule, sort_order)
        SELECT ins.id, ${s.regionId}, c.id, c.category, c.content, c.target, c.evidence, ${s.deadline},
               ${s.deadlineRule}, c.sort_order
        FROM ins CROSS JOIN responsibility_items c
        WHERE c.region_id = ${s.regionId} AND c.subject_kind = ${s.subjectKind} AND c.active
          AND c.deleted_at IS NULL AND c.frequency IN (${freq})
        RETURNING 1
      ),
      ev AS (
        INSERT INTO dispatch_events (dispatch_id, type, from_state, to_state, actor_user_id, actor_name, at, comment)
        SELECT id, 'issue', 'draft', 'issued', ${s.userId}, ${s.actorName}, ${s.at}, '按季生成派单'
        FROM ins
        RETURNING 1
      )
      SELECT (SELECT count(*)::int FROM ins) AS dispatches, (SELECT count(*)::int FROM items) AS items,
             (SELECT array_agg(recipient_person_id::text) FROM ins) AS people,
             (SELECT array_agg(id::text ORDER BY code) FROM ins) AS ids,
             (SELECT count(*)::int FROM ev) AS events`),
  );
  return {
    dispatches: Number(row.dispatches),
    items: Number(row.items),
    people: row.people ?? [],
    /** The new lists in the order of their codes (their sheets are numbered in that order). */
    ids: row.ids ?? [],
  };
}

/** How many catalogue items a generated list would carry (0: refuse to send empty lists). */
export async function catalogueCount(db: Executor, regionId: string, subjectKind: string, frequencies: string[]) {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
      SELECT count(*)::int AS n FROM responsibility_items
      WHERE region_id = ${regionId} AND subject_kind = ${subjectKind} AND active AND deleted_at IS NULL
        AND frequency IN (${sql.join(
          frequencies.map((f) => sql`${f}`),
          sql`, `,
        )})`),
  );
  return Number(row.n);
}

/** Items dispatched to each unit (unit and leadership lists) in a year, fulfilled and fulfilled on time. */
export async function fulfilmentByUnit(db: Executor, regionId: string, year: number) {
  return rowsOf<{ unit_id: string; due: number; fulfilled: number; on_time: number }>(
    await db.execute(sql`
      SELECT d.unit_id, count(i.id)::int AS due, count(i.fulfilled_on)::int AS fulfilled,
             (count(*) FILTER (WHERE i.fulfilled_on <= i.deadline))::int AS on_time
      FROM dispatches d JOIN dispatch_items i ON i.dispatch_id = d.id
      WHERE d.region_id = ${regionId} AND d.year = ${year} AND d.deleted_at IS NULL AND d.state <> 'draft'
        AND d.unit_id IS NOT NULL
      GROUP BY d.unit_id ORDER BY d.unit_id`),
  );
}
