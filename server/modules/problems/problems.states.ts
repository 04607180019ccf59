import { PROBLEM_TABLE } from '../../../common/problems.states.js';
import { PROBLEM_EVENTS, PROBLEM_STATES, type ProblemEvent, type ProblemState } from '../../../common/problems.js';
import { ruleViolation } from '../../platform/errors.js';
import { type Refusal, defineMachine } from '../../platform/workflow/machine.js';
import type { ProblemRow } from './problems.repository.js';

type Guarded = Pick<ProblemRow, 'state' | 'closeStage' | 'pendingEscalation' | 'escalationLevel'>;

/** The problem machine: the shared table plus the two-step closure and the escalation ladder. */
export const problemMachine = defineMachine({
  table: PROBLEM_TABLE,
  noun: '问题',
  illegalCode: 'PROBLEM_ILLEGAL_TRANSITION',
  forbiddenMessage: (event) => `您不能对该问题执行“${event}”`,
  guard: (event, by, p: Guarded) => {
    switch (event) {
      case 'approve_close_request':
        return p.closeStage === 'unit_head';
      case 'close':
        return p.closeStage === 'office';
      case 'reject_close':
        return p.closeStage === (by === 'office' ? 'office' : 'unit_head');
      case 'escalate':
        return p.escalationLevel < 4;
      case 'dismiss_escalation':
        return p.pendingEscalation !== null;
      default:
        return true;
    }
  },
});

/**
 * What a problem refuses as its measures stand, or null: the one source of the `actions` a reader is offered and of
 * the events' refusals (issue #20: 交办 without measures, 申请销号 with measures still open were offered, then refused).
 */
export function problemRefusal(measures: readonly { done: boolean }[]): Refusal<ProblemEvent> {
  return (event) => {
    if (event === 'dispatch' && measures.length === 0) return ruleViolation('PROBLEM_NO_MEASURES', '请先填写整改措施');
    const open = measures.filter((m) => !m.done).length;
    if (event === 'request_close' && open > 0) {
      return ruleViolation('PROBLEM_MEASURES_OPEN', `尚有 ${open} 项整改措施未完成，不能申请销号`);
    }
    return null;
  };
}

export const stateLabel = (s: string) => PROBLEM_STATES[s as ProblemState] ?? s;
export const eventLabel = (e: string) => PROBLEM_EVENTS[e as ProblemEvent] ?? e;
