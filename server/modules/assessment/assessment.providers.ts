import { type SQL, sql } from 'drizzle-orm';
import { caseAssessmentEvents, casePersonAssessmentEvents } from '../cases/cases.assessment-facts.js';
import { patrolAssessmentEvents } from '../patrol/patrol.assessment-facts.js';
import { problemAssessmentEvents, problemPersonAssessmentEvents } from '../problems/problems.assessment-facts.js';
import { responsibilityPersonAssessmentEvents } from '../responsibility/responsibility.assessment-facts.js';
import { talkAssessmentEvents, talkPersonAssessmentEvents } from '../talks/talks.assessment-facts.js';
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

/**
 * A leader system's events (issue #15), (person_id, kind, …) in the same shape: talks with the person, cases
 * against the person, the person's own responsibility-list items, problems of the units the person answers for.
 */
export function leaderAssessmentEvents(regionId: string, from: string, to: string, today: string): SQL {
  return sql`(${talkPersonAssessmentEvents(regionId, from, to)} UNION ALL ${casePersonAssessmentEvents(regionId, from, to)}
    UNION ALL ${responsibilityPersonAssessmentEvents(regionId, from, to, today)}
    UNION ALL ${problemPersonAssessmentEvents(regionId, from, to, today)})`;
}
