import { sql } from 'drizzle-orm';
import type { Ctx } from '../platform/context.js';
import { finishRun, insertRun } from '../platform/jobs/jobs.repository.js';
import { runWarningScan } from '../modules/warnings/warnings.service.js';

/**
 * Demo warnings in every state: the scan raises them from the demo problems, then a share of
 * them is moved along the flow as the office and the units would have done.
 */
export async function seedDemoWarnings(ctx: Ctx) {
  // The first scan is a real one: record it like any run of the job.
  const run = await insertRun(ctx.db, { name: 'warning-scan', trigger: 'seed', instance: 'seed', startedAt: ctx.now });
  await finishRun(ctx.db, run.id, ctx.now, true, await runWarningScan(ctx));
  const step = (state: string, every: number, offset: number, extra: string, event: string, comment: string) =>
    ctx.db.execute(sql`
      WITH picked AS (
        SELECT id, state AS old FROM (
          SELECT id, state, row_number() OVER (ORDER BY code) AS rn FROM warnings WHERE state = 'pending_review'
        ) x WHERE rn % ${every} = ${offset}
      ),
      upd AS (
        UPDATE warnings w SET state = ${state}, issued_at = ${ctx.now}, version = w.version + 1 ${sql.raw(extra)}
        FROM picked WHERE w.id = picked.id RETURNING w.id, picked.old
      )
      INSERT INTO warning_events (warning_id, type, from_state, to_state, actor_name, at, comment)
      SELECT id, ${event}, old, ${state}, '演示数据', ${ctx.now}, ${comment} FROM upd`);
  await step('issued', 4, 1, '', 'issue', '经研判，发出模拟问责提醒函');
  await step('rectifying', 4, 2, ", answer = '已制定整改方案，明确牵头领导和完成时限'", 'answer', '单位报送整改方案');
  await step('resolved', 9, 3, ", outcome = '整改到位，风险化解', closed_at = now()", 'resolve', '整改到位，风险化解');
  await step(
    'dismissed',
    11,
    5,
    ", outcome = '客观原因导致，已报备，不予预警', closed_at = now()",
    'dismiss',
    '客观原因导致，不予预警',
  );
  await step(
    'escalated',
    13,
    7,
    ", outcome = '已提出问责建议（待问责模块受理）', closed_at = now()",
    'escalate',
    '拒不整改，提出问责建议',
  );
}
