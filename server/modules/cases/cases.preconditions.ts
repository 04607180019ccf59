import {
  CASE_EVENTS,
  type CaseEventType,
  FACTS,
  JOINT_REVIEW_OFFICES,
  type JointReviewOffice,
} from '../../../common/cases.js';
import { CASE_TABLE } from '../../../common/cases.states.js';
import { AppError, forbidden, ruleViolation } from '../../platform/errors.js';
import type * as repo from './cases.repository.js';

/** The case as it stands for the caller: what decides whether an event of the procedure can be fired now. */
export interface CaseStanding {
  c: repo.CaseRow;
  subjects: repo.SubjectRow[];
  appeals: repo.AppealRow[];
  reviewerOffice: JointReviewOffice | null;
  /** The caller is on the case's investigation team. */
  onTeam: boolean;
  /** How many investigators the case has. */
  investigators: number;
}

/** What the team never does on its own case: approve, review, decide, close (every event the team cannot fire). */
const SEPARATED = new Set(
  CASE_TABLE.transitions
    .map((t) => t.event)
    .filter((e) => !CASE_TABLE.transitions.some((t) => t.event === e && t.by === 'investigator')),
);

/** The caller's place on the team and the team's size, as `CaseStanding` holds them. */
export const teamStanding = (members: readonly { role: string }[], capacities: ReadonlySet<string>) => ({
  onTeam: capacities.has('investigator'),
  investigators: members.filter((m) => m.role === 'investigator').length,
});

/** What still stands between the case and a decision (procedural rights, SPEC 2b). */
export function readiness(c: repo.CaseRow, subjects: repo.SubjectRow[]) {
  const facts = c.facts as Record<string, string>;
  const missing: string[] = [];
  for (const [k, label] of Object.entries(FACTS)) if (!facts[k]?.trim()) missing.push(`未记录${label}`);
  if (!c.statementIssuedAt) missing.push('未向问责对象出示事实材料');
  for (const s of subjects) {
    if (!s.defense) missing.push(`${s.name}：未记录陈述申辩`);
    else if (!s.signedAt) missing.push(`${s.name}：未签字确认`);
  }
  return { factsComplete: Object.keys(FACTS).every((k) => facts[k]?.trim()), missing };
}

const pending = (s: CaseStanding) => s.appeals.filter((a) => a.state === 'pending');
const paused = (a: repo.AppealRow) => (a.pauses as { to: string | null }[]).some((p) => p.to === null);

/**
 * Why `event` cannot be fired on the case as it stands, or null: the case machine's refusal (the engine's
 * `Refusal`), so `actions` leaves the event out and firing it answers this — no button is offered that the server
 * would then refuse (issue #20). The table, the caller's capacity and the version come first.
 */
export function blockerOf(event: CaseEventType, s: CaseStanding): AppError | null {
  const { c } = s;
  // Separation of duties (issue #20): an investigator never approves, reviews, decides or closes their own case.
  if (s.onTeam && SEPARATED.has(event))
    return new AppError(
      403,
      'SEPARATION_OF_DUTIES',
      `您是本案调查组成员，不能“${CASE_EVENTS[event]}”：调查与审理、决定、结案审批须由不同人员承担`,
    );
  switch (event) {
    case 'approve_launch':
      return s.investigators < 2 ? ruleViolation('TEAM_TOO_SMALL', '调查组不少于二人，请先补充调查人员') : null;
    case 'issue_statement':
      if (c.statementIssuedAt) return ruleViolation('STATEMENT_ISSUED', '已向问责对象出示事实材料，不需再次出示');
      if (!readiness(c, s.subjects).factsComplete)
        return ruleViolation(
          'FACTS_INCOMPLETE',
          '问题事实、结果事实、责任事实、因果事实须全部查清后，方可出示事实材料',
        );
      return null;
    case 'sign_joint_review': {
      if (!s.reviewerOffice) return forbidden('只有案管室、审理室、案件监督管理室的联审人员可以签署联审意见');
      if ((c.jointReview as Record<string, unknown>)[s.reviewerOffice])
        return ruleViolation('ALREADY_SIGNED', `${JOINT_REVIEW_OFFICES[s.reviewerOffice]}已签署联审意见`);
      return null;
    }
    case 'decide': {
      const r = readiness(c, s.subjects);
      if (r.missing.length) return ruleViolation('DEFENSE_MISSING', `不能作出决定：${r.missing.join('；')}`);
      const signed = c.jointReview as Record<string, unknown>;
      const unsigned = (Object.keys(JOINT_REVIEW_OFFICES) as JointReviewOffice[]).filter((o) => !signed[o]);
      if (unsigned.length)
        return ruleViolation(
          'JOINT_REVIEW_MISSING',
          `尚待联审签署：${unsigned.map((o) => JOINT_REVIEW_OFFICES[o]).join('、')}`,
        );
      if (c.prereviewRequired && !(c.prereview as { opinion?: string } | null)?.opinion)
        return ruleViolation('PREREVIEW_MISSING', '本案符合提级预审条件，须经上级纪委监委预审后方可作出决定');
      return null;
    }
    case 'close':
      if (!c.followUp) return ruleViolation('FOLLOW_UP_MISSING', '谁问责谁回访：请先记录回访情况再结案');
      return pending(s).length ? ruleViolation('APPEAL_PENDING', '尚有申诉未作出复查决定，不能结案') : null;
    case 'decide_appeal':
      return pending(s).length ? null : ruleViolation('NO_PENDING_APPEAL', '本案没有待作出复查决定的申诉');
    case 'pause_clock':
      return pending(s).some((a) => !paused(a)) ? null : ruleViolation('CLOCK_PAUSED', '没有正在计时的申诉');
    case 'resume_clock':
      return pending(s).some(paused) ? null : ruleViolation('CLOCK_RUNNING', '没有已中止计时的申诉');
    default:
      return null;
  }
}
