import type { Permission } from './roles.js';

/**
 * Business records whose changes are announced on the event stream (`event: changed`, data `{ entity }`),
 * keyed by the audit entity that records the change, with the permission a listener needs to hear of it.
 * Only the kind travels — never an id or content — so a listener learns no more than "something in a
 * module it may read has changed" and refetches what it shows through the routes that apply its scope.
 */
export const LIVE_ENTITIES = {
  problem: 'problems:read',
  common_problem_group: 'problems:read',
  task: 'problems:read',
  warning: 'warnings:read',
  situation: 'warnings:read',
  meeting: 'meetings:read',
  patrol_task: 'patrol:read',
  patrol_inspection: 'patrol:read',
  patrol_finding: 'patrol:read',
  finding: 'patrol:read',
  patrol_circular: 'patrol:read',
  patrol_case: 'patrol:read',
  case: 'cases:read',
  accountability_proposal: 'cases:read',
  case_evaluation: 'cases:read',
  influence_period: 'influence:read',
  tolerance_filing: 'tolerance:read',
  talk: 'talks:read',
  dispatch: 'responsibility:read',
  responsibility_item: 'responsibility:read',
  responsibility_report: 'responsibility:read',
  spot_check: 'responsibility:read',
  commitment_signature: 'responsibility:read',
  commitment_text: 'responsibility:read',
  indicator_system: 'assessment:read',
  assessment: 'assessment:read',
  evaluation: 'assessment:read',
  review: 'assessment:read',
  survey: 'assessment:read',
  complaint: 'complaints:read',
} as const satisfies Record<string, Permission>;

export type LiveEntity = keyof typeof LIVE_ENTITIES;

export function isLiveEntity(entity: string): entity is LiveEntity {
  return Object.hasOwn(LIVE_ENTITIES, entity);
}

/** The topic every instance's stream listens on for `changed` events. */
export const CHANGES_TOPIC = 'changes';
