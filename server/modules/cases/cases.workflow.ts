import { type Ctx, actorOf } from '../../platform/context.js';
import { readTogether } from '../../platform/db/client.js';
import { fireTransition } from '../../platform/workflow/machine.js';
import { appealHandlers } from './cases.appeals.js';
import { serviceHandlers } from './cases.clocks.js';
import { decisionHandlers } from './cases.decision.js';
import type { CaseHandler, CaseStep, FiredEvent } from './cases.events.js';
import { followUpHandlers } from './cases.follow-ups.js';
import { investigationHandlers } from './cases.investigation.js';
import { launchHandlers } from './cases.opening.js';
import { getCase, loadCase, standingOn } from './cases.read.js';
import * as repo from './cases.repository.js';
import { reviewHandlers } from './cases.review.js';
import { readCaseRules } from './cases.rules.js';
import type { TCaseEvent } from '../../../common/cases.schema.js';
import { blockerOf, teamStanding } from './cases.preconditions.js';
import { caseMachine } from './cases.states.js';

/** Each event of the procedure and the use-case that handles it. */
const HANDLERS: Record<FiredEvent, CaseHandler> = {
  ...launchHandlers,
  ...investigationHandlers,
  ...reviewHandlers,
  ...decisionHandlers,
  ...appealHandlers,
  ...serviceHandlers,
  ...followUpHandlers,
};

/**
 * Fires an event of the procedure (`POST /api/cases/{id}/events`) through the transition engine:
 * table and capacity (422 CASE_ILLEGAL_TRANSITION / 403), version (409), what the case as it stands allows
 * (the machine's refusal, `blockerOf`: the same rules that shape `actions`), the event's handler, then
 * the case row, its event row and the `case.event` audit entry, in the caller's transaction.
 */
export async function fireCaseEvent(ctx: Ctx, id: string, input: TCaseEvent) {
  const actor = actorOf(ctx);
  const c = await loadCase(ctx, id);
  const rules = await readCaseRules(ctx);
  const { members, capacities, reviewerOffice } = await standingOn(ctx, c, rules);
  const [subjects, appeals] = await readTogether(ctx.db, [
    () => repo.subjectsOf(ctx.db, id),
    () => repo.appealsOf(ctx.db, id),
  ]);
  let step: CaseStep = {};
  await fireTransition(ctx, {
    machine: caseMachine,
    row: c,
    capacities,
    event: input.type,
    version: input.version,
    refusal: (event) =>
      blockerOf(event, { c, subjects, appeals, reviewerOffice, ...teamStanding(members, capacities) }),
    apply: async () => {
      const handle = HANDLERS[input.type as FiredEvent];
      step = await handle({ ctx, actor, c, input, rules, members, reviewerOffice, subjects });
      return step;
    },
    update: (patch, version) => repo.update(ctx.db, id, version, patch),
    comment: input.comment ?? '',
    record: (e) => repo.insertEvent(ctx.db, { caseId: id, ...e, payload: step.payload ?? null }),
    audit: { type: 'case.event', entity: 'case', entityId: id },
  });
  return getCase(ctx, id);
}
