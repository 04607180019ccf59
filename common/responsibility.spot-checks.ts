/**
 * 定期抽查制 (seed 004, SPEC M2): the office samples the quarter's reports at random, reproducibly, and records a
 * verdict on each item of the sampled reports. Vocabulary and state table shared by server and web.
 */
import { defineTable } from './workflow.js';

export const SPOT_CHECK_STATES = {
  draft: '待抽样',
  sampling: '抽查中',
  concluded: '已完成',
} as const;
export type SpotCheckState = keyof typeof SPOT_CHECK_STATES;

/** A verdict on one sampled item: its fulfilment record is true, untrue, or true but short of the target. */
export const SPOT_CHECK_VERDICTS = {
  accurate: '属实',
  untrue: '不实',
  inadequate: '不到位',
} as const;
export type SpotCheckVerdict = keyof typeof SPOT_CHECK_VERDICTS;
/** Verdicts that may become a problem of the ledger (转为问题). */
export const NEGATIVE_VERDICTS: readonly SpotCheckVerdict[] = ['untrue', 'inadequate'];

/** draw and conclude move the check; record (a verdict) and convert (转为问题) act on one sampled item. */
export const SPOT_CHECK_ACTIONS = {
  draw: '抽样',
  record: '记录核查结论',
  conclude: '完成抽查',
  convert: '转为问题',
  delete: '删除',
} as const;
export type SpotCheckAction = keyof typeof SPOT_CHECK_ACTIONS;

/** Only the office (responsibility:manage: 监督室, 委领导) runs spot checks. */
export const SPOT_CHECK_CAPACITIES = { office: '抽查部门' } as const;
export type SpotCheckCapacity = keyof typeof SPOT_CHECK_CAPACITIES;

/**
 * A check is drafted (period, sample size, seed), drawn (the sample is fixed and verdicts are entered), and
 * concluded: verdicts are frozen, the recipients see theirs, and a 不实/不到位 verdict may become a problem.
 */
export const SPOT_CHECK_TABLE = defineTable<SpotCheckState, SpotCheckAction, SpotCheckCapacity>({
  states: SPOT_CHECK_STATES,
  events: SPOT_CHECK_ACTIONS,
  capacities: SPOT_CHECK_CAPACITIES,
  transitions: [
    { event: 'delete', from: ['draft'], to: null, by: 'office' },
    { event: 'draw', from: ['draft'], to: 'sampling', by: 'office' },
    { event: 'record', from: ['sampling'], to: null, by: 'office' },
    { event: 'conclude', from: ['sampling'], to: 'concluded', by: 'office' },
    { event: 'convert', from: ['concluded'], to: null, by: 'office' },
  ],
});
