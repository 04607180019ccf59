import { type SQL, sql } from 'drizzle-orm';
import { caseAssessmentEvents } from '../cases/cases.assessment-facts.js';
import { patrolAssessmentEvents } from '../patrol/patrol.assessment-facts.js';
import { problemAssessmentEvents } from '../problems/problems.assessment-facts.js';
import { talkAssessmentEvents } from '../talks/talks.assessment-facts.js';
import { warningAssessmentEvents } from '../warnings/warnings.assessment-facts.js';

/**
 * Every module's assessment events as one set, (unit_id, kind, ref_type, ref_id, ref_code, title, occurred_on):
 * each module publishes its own read model (docs/decisions/006); the assessment never names their tables.
 */
export function assessmentEvents(regionId: string, from: string, to: string, today: string): SQL {
  return sql`(${problemAssessmentEvents(regionId, from, to, today)} UNION ALL ${warningAssessmentEvents(regionId, from, to)}
    UNION ALL ${talkAssessmentEvents(regionId, from, to)} UNION ALL ${caseAssessmentEvents(regionId, from, to)}
    UNION ALL ${patrolAssessmentEvents(regionId, from, to)})`;
}
