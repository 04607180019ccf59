import { type CaseCapacity, CASE_TABLE } from '../../../common/cases.states.js';
import type { CaseEventType, CaseState } from '../../../common/cases.js';
import { type Machine, defineMachine } from '../../platform/workflow/machine.js';
import type { CaseRow } from './cases.repository.js';

/**
 * The case machine: the shared table and no guards over the row. The procedure's preconditions
 * (four facts, signed defences, joint review …) are checked by each event's handler, answer their
 * own codes and never hide an action.
 */
export const caseMachine: Machine<CaseState, CaseEventType, CaseCapacity, Pick<CaseRow, 'state'>> = defineMachine({
  table: CASE_TABLE,
  noun: '案件',
  illegalCode: 'CASE_ILLEGAL_TRANSITION',
});
