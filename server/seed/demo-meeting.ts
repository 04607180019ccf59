import { and, eq, inArray } from 'drizzle-orm';
import dayjs from 'dayjs';
import type { Ctx } from '../platform/context.js';
import { meetingItems, meetings } from '../modules/meetings/meetings.tables.js';
import { units } from '../modules/org/org.tables.js';
import { problems } from '../modules/problems/problems.tables.js';
import { warnings } from '../modules/warnings/warnings.tables.js';

/** One joint meeting held a week ago, with decisions and minutes, so the demo shows the whole loop. */
export async function seedDemoMeeting(ctx: Ctx, regionId: string) {
  const db = ctx.db;
  const members = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.regionId, regionId), inArray(units.code, ['XWB', 'ZFB', 'ZZB', 'BB', 'JW-DF'])));
  const held = dayjs(ctx.now).subtract(7, 'day').toDate();
  const [m] = await db
    .insert(meetings)
    .values({
      regionId,
      title: '第三季度模拟问责联席会议',
      scheduledAt: held,
      heldAt: held,
      closedAt: held,
      place: '县纪委监委第一会议室',
      state: 'closed',
      memberUnitIds: members.map((u) => u.id),
      summary: '会议要求各成员单位按照议定事项抓好落实，县纪委监委跟踪督办，落实情况纳入年度考核。',
    })
    .returning();
  const disputes = await db
    .select()
    .from(problems)
    .where(and(eq(problems.regionId, regionId), eq(problems.leadUnitConfirmed, false)))
    .limit(2);
  const issued = await db
    .select()
    .from(warnings)
    .where(and(eq(warnings.regionId, regionId), eq(warnings.state, 'issued')))
    .limit(3);
  const items = [
    ...disputes.map((p) => ({
      kind: 'dispute',
      problemId: p.id,
      title: `职能交叉事项牵头单位认定：${p.title}`,
      decisionKind: 'lead_unit',
      decision: '经县委编办研究，明确牵头单位，配合单位按职责协同推进',
      leadUnitId: p.unitId,
    })),
    ...issued.map((w) => ({
      kind: 'warning',
      warningId: w.id,
      problemId: w.problemId,
      title: `模拟问责研判：${w.code}`,
      decisionKind: 'issue_warning',
      decision: '经会议研判，发出模拟问责提醒函',
    })),
  ];
  await db
    .insert(meetingItems)
    .values(items.map((it, i) => ({ ...it, meetingId: m.id, seq: i + 1, decidedAt: held, decidedBy: '演示数据' })));
  if (disputes.length) {
    await db
      .update(problems)
      .set({ leadUnitConfirmed: true })
      .where(
        inArray(
          problems.id,
          disputes.map((p) => p.id),
        ),
      );
  }
  if (issued.length) {
    await db
      .update(warnings)
      .set({ meetingId: m.id })
      .where(
        inArray(
          warnings.id,
          issued.map((w) => w.id),
        ),
      );
  }
}
