import { CIRCULAR_TABLE, FINDING_TABLE, TASK_TABLE, TYPICAL_CASE_TABLE } from '../../../common/patrol.states.js';
import { defineMachine } from '../../platform/workflow/machine.js';

// Patrol's machines need no guards over the row: the table and the caller's capacities decide.

export const taskMachine = defineMachine({
  table: TASK_TABLE,
  noun: '任务',
  illegalCode: 'TASK_ILLEGAL_TRANSITION',
  forbiddenMessage: (event) => `您不能对该任务执行“${event}”`,
});

export const findingMachine = defineMachine({
  table: FINDING_TABLE,
  noun: '督导发现',
  illegalCode: 'FINDING_ILLEGAL_TRANSITION',
  // A group sees its own findings but never decides on them, whatever their state.
  actorFirst: true,
  forbiddenMessage: () => '督导发现由领导小组办公室审核处理',
});

export const circularMachine = defineMachine({
  table: CIRCULAR_TABLE,
  noun: '通报',
  illegalCode: 'CIRCULAR_ILLEGAL_TRANSITION',
  // Units read published circulars but never act on them, whatever their state.
  actorFirst: true,
  illegalMessage: (state) => `当前状态为“${state}”，不能执行该操作`,
});

export const typicalCaseMachine = defineMachine({
  table: TYPICAL_CASE_TABLE,
  noun: '典型案例',
  illegalCode: 'CASE_ILLEGAL_TRANSITION',
  actorFirst: true,
  illegalMessage: () => '典型案例已发布或操作不正确',
});
