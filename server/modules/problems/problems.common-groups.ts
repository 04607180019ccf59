import type { TListCommonGroups } from '../../../common/problems.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf } from '../../platform/context.js';
import { badRequest, forbidden, notFound } from '../../platform/errors.js';
import { copyEvent } from './problems.notify.js';
import * as repo from './problems.common-groups.repository.js';
import { insertEvents } from './problems.repository.js';
import { listProblems, loadProblem } from './problems.queries.js';

/** 共性问题: links similar problems across units so they are rectified together (举一反三). */
export async function createCommonGroup(ctx: Ctx, input: { title: string; description: string; problemIds: string[] }) {
  const actor = actorOf(ctx);
  if (!actor.permissions.has('problems:manage')) throw forbidden();
  const rows = [];
  for (const id of new Set(input.problemIds)) {
    rows.push(
      await loadProblem(ctx, id).catch(() => {
        throw badRequest('PROBLEM_NOT_FOUND', '所选问题不存在', 'problemIds');
      }),
    );
  }
  const group = await repo.insertCommonGroup(ctx.db, {
    regionId: actor.scope.regionId as string,
    title: input.title,
    description: input.description,
  });
  await repo.setCommonGroup(
    ctx.db,
    rows.map((r) => r.problem.id),
    group.id,
  );
  await insertEvents(
    ctx.db,
    rows.map((r) => ({
      problemId: r.problem.id,
      type: 'link_common',
      fromState: r.problem.state,
      toState: r.problem.state,
      actorUserId: actor.userId,
      actorName: actor.displayName,
      at: ctx.now,
      comment: `归入共性问题“${input.title}”，举一反三、同步整改`,
      payload: { groupId: group.id },
    })),
  );
  for (const r of rows) {
    await copyEvent(ctx, r.problem, {
      type: 'link_common',
      actorName: actor.displayName,
      comment: input.title,
      late: false,
    });
  }
  await recordAudit(ctx, {
    type: 'problem.common_group',
    entity: 'common_problem_group',
    entityId: group.id,
    after: { ...group, problemIds: rows.map((r) => r.problem.id) },
  });
  return getCommonGroup(ctx, group.id);
}

export async function listCommonGroups(ctx: Ctx, f: TListCommonGroups) {
  const actor = actorOf(ctx);
  const manager = actor.permissions.has('problems:manage');
  const { items, total } = await repo.pageCommonGroups(ctx.db, actor.scope, manager, f);
  return { items: items.map((r) => ({ ...r.group, problemCount: Number(r.n) })), total };
}

export async function getCommonGroup(ctx: Ctx, id: string) {
  const group = await repo.getCommonGroup(ctx.db, actorOf(ctx).scope.regionId as string, id);
  if (!group) throw notFound('共性问题不存在');
  const problems = await listProblems(ctx, { commonGroupId: id, page: 1, pageSize: 500 });
  // Units see the group only through their own problems in it.
  if (problems.total === 0 && !actorOf(ctx).permissions.has('problems:manage')) throw notFound('共性问题不存在');
  return { ...group, problems: problems.items };
}
