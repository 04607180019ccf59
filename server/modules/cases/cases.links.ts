import type { Ctx } from '../../platform/context.js';
import { viewerOf } from './cases.policy.js';
import * as repo from './cases.repository.js';

/**
 * Published read model (decision 006) for modules that link their objects to a case (talks): whether
 * the caller may read the case. It does not go through cases.service, which reads talks itself.
 */
export async function caseVisibleTo(ctx: Ctx, id: string) {
  return Boolean(await repo.get(ctx.db, viewerOf(ctx), id));
}
