/** The spot-check machine and who may see or run spot checks (定期抽查制). */
import {
  NEGATIVE_VERDICTS,
  SPOT_CHECK_TABLE,
  type SpotCheckCapacity,
  type SpotCheckVerdict,
} from '../../../common/responsibility.spot-checks.js';
import type { Actor } from '../../platform/context.js';
import { type Addressed, isRecipient } from './responsibility.policy.js';
import { defineMachine } from '../../platform/workflow/machine.js';

/**
 * The check as the machine sees it; `verdict` and `converted` are those of the sampled item an item-level event
 * (record, convert) acts on, absent for the check's own events.
 */
export interface SpotCheckSubject {
  state: string;
  verdict?: string | null;
  converted?: boolean;
}

/** 转为问题 needs a 不实/不到位 verdict not yet turned into a problem; the table allows it only once concluded. */
export const spotCheckMachine = defineMachine({
  table: SPOT_CHECK_TABLE,
  noun: '抽查',
  illegalCode: 'SPOT_CHECK_ILLEGAL_TRANSITION',
  actorFirst: true,
  guard: (event, _by, s: SpotCheckSubject) =>
    event !== 'convert' || (NEGATIVE_VERDICTS.includes(s.verdict as SpotCheckVerdict) && !s.converted),
  illegalMessage: (state, event) =>
    event === '转为问题'
      ? '只有已完成抽查中结论为不实或不到位、且尚未转为问题的事项可以转为问题'
      : `抽查当前状态为“${state}”，不能执行“${event}”`,
});

/** The office and the commission leaders run spot checks of their region. */
export function spotCheckCapacities(actor: Actor): Set<SpotCheckCapacity> {
  return new Set(actor.permissions.has('responsibility:manage') ? ['office'] : []);
}

/** Who reads every spot check of the region: those who run them, and region-wide readers (组织部). */
export const readsSpotChecks = (actor: Actor) =>
  actor.permissions.has('responsibility:manage') ||
  (actor.permissions.has('responsibility:read') && actor.scope.allUnits && !!actor.scope.regionId);

/** Who sees the verdicts on a report: the spot checks' readers, and its recipient once a check is concluded. */
export const seesReportVerdicts = (actor: Actor, report: Addressed) =>
  readsSpotChecks(actor) || isRecipient(actor, report);
