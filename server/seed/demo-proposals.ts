import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../platform/context.js';
import { accountabilityProposalEvents, accountabilityProposals } from '../modules/cases/cases.proposals.tables.js';
import { cases } from '../modules/cases/cases.tables.js';
import { proposeAccountabilityForProblem } from '../modules/problems/problems.proposal.js';
import { problems } from '../modules/problems/problems.tables.js';
import { warnings } from '../modules/warnings/warnings.tables.js';
import { proposeAccountabilityForWarning } from '../modules/warnings/warnings.proposal.js';

/**
 * Demo 问责建议 (issue #17), made through the sources' own hand-off from real demo objects: a few dispatched
 * problems and a warning propose; one proposal is then shown accepted (linked to a demo case), one declined.
 */
export async function seedDemoProposals(ctx: Ctx, regionId: string) {
  const db = ctx.db;
  const open = await db
    .select()
    .from(problems)
    .where(and(eq(problems.regionId, regionId), eq(problems.state, 'rectifying'), isNull(problems.deletedAt)))
    .orderBy(asc(problems.deadline), asc(problems.code))
    .limit(4);
  const made = [];
  for (const p of open) {
    made.push(
      await proposeAccountabilityForProblem(ctx, p, '逾期未整改，经通报、约谈、挂牌督办仍未整改到位，建议启动问责。'),
    );
  }
  const [w] = await db.select().from(warnings).where(eq(warnings.regionId, regionId)).limit(1);
  if (w) made.push(await proposeAccountabilityForWarning(ctx, w, '模拟问责情形', '提醒函送达后仍未整改，建议问责。'));
  const [c] = await db.select().from(cases).where(eq(cases.regionId, regionId)).orderBy(asc(cases.code)).limit(1);
  const decide = async (
    id: string,
    patch: Partial<typeof accountabilityProposals.$inferInsert>,
    type: string,
    comment: string,
  ) => {
    await db
      .update(accountabilityProposals)
      .set({ ...patch, decidedAt: ctx.now, decidedByName: '案件审理室', version: 2 })
      .where(eq(accountabilityProposals.id, id));
    await db.insert(accountabilityProposalEvents).values({
      proposalId: id,
      type,
      fromState: 'pending',
      toState: patch.state,
      actorName: '案件审理室',
      at: ctx.now,
      comment,
    });
  };
  if (made[0] && c) {
    await decide(made[0].id, { state: 'accepted', caseId: c.id, caseCode: c.code }, 'accept', `已立案 ${c.code}`);
  }
  if (made[1]) {
    const reason = '该单位已于督办后整改到位，情节轻微，不予立案，由监督室继续跟踪。';
    await decide(made[1].id, { state: 'declined', declineReason: reason }, 'decline', reason);
  }
}
