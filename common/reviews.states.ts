import { REVIEW_EVENTS, REVIEW_STATES, type ReviewEvent, type ReviewState } from './reviews.js';
import { defineTable } from './workflow.js';

/** The assessment office (assessment:manage) runs 督导评估. */
export const REVIEW_CAPACITIES = { office: '考核办' } as const;
export type ReviewCapacity = keyof typeof REVIEW_CAPACITIES;

/** A failed 复查 returns to 限期整改 (the handler overrides the target). */
export const REVIEW_TABLE = defineTable<ReviewState, ReviewEvent, ReviewCapacity>({
  states: REVIEW_STATES,
  events: REVIEW_EVENTS,
  capacities: REVIEW_CAPACITIES,
  transitions: [
    { event: 'score', from: ['draft'], to: null, by: 'office' },
    { event: 'publish', from: ['draft'], to: 'published', by: 'office' },
    { event: 'rectify', from: ['published'], to: 'rectifying', by: 'office' },
    { event: 'schedule', from: ['rectifying'], to: 'recheck_scheduled', by: 'office' },
    { event: 'recheck', from: ['recheck_scheduled'], to: 'closed', by: 'office' },
  ],
});
