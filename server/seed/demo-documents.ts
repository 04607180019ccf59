import { sql } from 'drizzle-orm';
import { isoDate } from '../platform/calendar/working-days.js';
import type { Ctx } from '../platform/context.js';
import { rowsOf } from '../platform/db/client.js';
import { MINUTES } from '../modules/meetings/meetings.numbering.js';
import type { DocumentKind } from '../modules/org/org.directory.js';
import { PATROL_DOCUMENTS } from '../modules/patrol/patrol.numbering.js';
import { PROBLEM_DOCUMENTS } from '../modules/problems/problems.numbering.js';
import { TALK_RECORD } from '../modules/talks/talks.numbering.js';
import { REMINDER } from '../modules/warnings/warnings.numbering.js';

type Pending = { kind: string; object_type: string; object_id: string; at: Date; issued_on: string | null };

const KINDS: DocumentKind[] = [
  ...Object.values(PROBLEM_DOCUMENTS),
  REMINDER,
  ...Object.values(PATROL_DOCUMENTS),
  MINUTES,
  TALK_RECORD,
];
const BY_KIND = new Map(KINDS.map((k) => [k.kind, k]));
const PD = {
  notice: PROBLEM_DOCUMENTS.notice.kind,
  reminder: PROBLEM_DOCUMENTS.reminder.kind,
  interview: PROBLEM_DOCUMENTS.interview.kind,
};

/**
 * The demo objects written straight into their tables (not through their workflow events) get the documents
 * those events would have issued, numbered in the order they were issued and dated that day.
 */
export async function seedDemoDocuments(ctx: Ctx, regionId: string) {
  const pending = rowsOf<Pending>(
    await ctx.db.execute(sql`
      SELECT ${PD.notice} AS kind, 'problem' AS object_type, id AS object_id, dispatched_at AS at, NULL AS issued_on
        FROM problems WHERE region_id = ${regionId} AND dispatched_at IS NOT NULL
      UNION ALL SELECT ${PD.reminder}, 'problem', id, dispatched_at + interval '1 day', NULL
        FROM problems WHERE region_id = ${regionId} AND dispatched_at IS NOT NULL AND escalation_level >= 1
      UNION ALL SELECT ${PD.interview}, 'problem', id, dispatched_at + interval '2 day', NULL
        FROM problems WHERE region_id = ${regionId} AND dispatched_at IS NOT NULL AND escalation_level >= 2
      UNION ALL SELECT ${REMINDER.kind}, 'warning', id, issued_at, NULL
        FROM warnings WHERE region_id = ${regionId} AND issued_at IS NOT NULL
      UNION ALL SELECT ${PATROL_DOCUMENTS.task.kind}, 'patrol_task', id, issued_at, NULL
        FROM patrol_tasks WHERE region_id = ${regionId} AND issued_at IS NOT NULL
      UNION ALL SELECT CASE WHEN kind = 'circular' THEN ${PATROL_DOCUMENTS.circular.kind} ELSE ${PATROL_DOCUMENTS.interview.kind} END,
        'patrol_circular', id, published_at, NULL
        FROM patrol_circulars WHERE region_id = ${regionId} AND published_at IS NOT NULL
      UNION ALL SELECT ${MINUTES.kind}, 'meeting', id, closed_at, NULL
        FROM meetings WHERE region_id = ${regionId} AND closed_at IS NOT NULL
      UNION ALL SELECT ${TALK_RECORD.kind}, 'talk', id, recorded_at, talk_on::text
        FROM talks WHERE region_id = ${regionId} AND recorded_at IS NOT NULL
      ORDER BY at, object_id`),
  );
  for (const p of pending) {
    const at = new Date(p.at);
    await BY_KIND.get(p.kind)?.issue(
      { ...ctx, now: at },
      { id: p.object_id, regionId },
      { issuedOn: p.issued_on ?? isoDate(at) },
    );
  }
  return pending.length;
}
