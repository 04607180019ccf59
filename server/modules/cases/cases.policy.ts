import type { CaseCapacity } from '../../../common/cases.states.js';
import type { JointReviewOffice } from '../../../common/cases.js';
import { type Actor, type Ctx, actorOf } from '../../platform/context.js';
import type { CaseViewer } from './cases.repository.js';
import type { CaseOfficeRules } from './cases.rules.js';

type Member = { userId: string; role: string; unitCode: string | null };

/** Commission leaders see every case of their region and may do whatever the team may. */
const isLeader = (a: Actor) => a.permissions.has('cases:approve');

/** Whose cases the caller may read: all of the region for a leader, otherwise those they are on. */
export function viewerOf(ctx: Ctx): CaseViewer {
  const a = actorOf(ctx);
  // Accounts without a region (system administrators) match no case.
  return { regionId: a.scope.regionId ?? '00000000-0000-0000-0000-000000000000', userId: a.userId, all: isLeader(a) };
}

/** The joint-review office whose officers belong to the unit `unitCode`. */
const officeOf = (rules: CaseOfficeRules, unitCode: string | null) =>
  (Object.entries(rules.jointReviewUnits).find(([, code]) => code === unitCode)?.[0] as JointReviewOffice) ?? null;

/**
 * The caller's capacities on a case, from its members: leader, investigator, reviewer (with the
 * office whose unit the reviewer belongs to, per `cases.rules.jointReviewUnits`), evaluator.
 */
export function capacitiesOf(actor: Actor, members: readonly Member[], rules: CaseOfficeRules) {
  const mine = members.filter((m) => m.userId === actor.userId);
  const review = mine.find((m) => m.role === 'reviewer');
  const reviewerOffice = review ? officeOf(rules, review.unitCode) : null;
  const capacities = new Set<CaseCapacity>();
  if (isLeader(actor)) capacities.add('leader');
  if (mine.some((m) => m.role === 'investigator')) capacities.add('investigator');
  if (reviewerOffice) capacities.add('reviewer');
  if (mine.some((m) => m.role === 'evaluator')) capacities.add('evaluator');
  return { capacities, reviewerOffice };
}

/**
 * 案件评查 is organised by the commission leaders and the 案件审理室 (the unit that signs joint review
 * for `sl`); an investigator of another office cannot sample closed files into their own reach.
 */
export const organisesEvaluation = (actor: Actor, unitCode: string | null, rules: CaseOfficeRules) =>
  isLeader(actor) || (unitCode !== null && unitCode === rules.jointReviewUnits.sl);

/** Evidence is the investigation's: its team and the leaders handle it. */
export const mayHandleEvidence = (capacities: ReadonlySet<CaseCapacity>) =>
  capacities.has('leader') || capacities.has('investigator');
