import type { CaseCapacity } from '../../../common/cases.states.js';
import { JOINT_REVIEW_OFFICES, type JointReviewOffice } from '../../../common/cases.js';
import { type Actor, type Ctx, actorOf } from '../../platform/context.js';
import type { CaseViewer, Officer } from './cases.repository.js';

export type { Officer };
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

/** Evidence is the investigation's: its team handles it (a leader only when on the team). */
export const mayHandleEvidence = (capacities: ReadonlySet<CaseCapacity>) => capacities.has('investigator');

/**
 * Who signs 联审 for each office (SPEC M8; seed 003 多部门联审): the head of the office's unit when they have an
 * account, otherwise every officer of that unit. `officers` are the region's supervision and case officers.
 */
export function jointReviewSigners(officers: readonly Officer[], rules: CaseOfficeRules) {
  const signers = new Map<string, JointReviewOffice>();
  for (const [office, code] of Object.entries(rules.jointReviewUnits) as [JointReviewOffice, string][]) {
    const ofUnit = officers.filter((o) => o.unitCode === code);
    const heads = ofUnit.filter((o) => o.principal);
    for (const o of heads.length ? heads : ofUnit) signers.set(o.userId, office);
  }
  return signers;
}

/**
 * Why `o` cannot be on an investigation team, or null (issue #20, separation of duties): the commission leaders
 * approve, decide and approve the closing, the 联审 signers review, and neither investigates. The team picker
 * (`GET /api/cases/officers`) and `createCase` ask this same function.
 */
export function teamRefusalOf(o: Officer, signers: ReadonlyMap<string, JointReviewOffice>): string | null {
  if (o.roles.includes('commission_leader')) return '委领导负责批准启动、作出决定和批准结案，不加入调查组';
  const office = signers.get(o.userId);
  if (office) return `${JOINT_REVIEW_OFFICES[office]}联审签署人，不能加入调查组（查审分离）`;
  if (!o.roles.includes('case_office')) return '只有案件工作人员可以加入调查组';
  return null;
}

/** How an officer is shown in a person picker: 调查人员, 联审签署人 or 委领导. */
export function officerRoleLabel(o: Officer, signers: ReadonlyMap<string, JointReviewOffice>) {
  if (o.roles.includes('commission_leader')) return '委领导';
  if (signers.has(o.userId)) return '联审签署人';
  return '调查人员';
}
