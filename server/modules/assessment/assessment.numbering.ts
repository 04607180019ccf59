import { documentKind } from '../org/org.directory.js';

/** The 考核结果通报 of a run, from the commission, numbered when a revision is published (one per publication). */
export const ASSESSMENT_REPORT = documentKind({
  kind: 'assessment_report',
  objectType: 'assessment_publication',
  issuer: 'commission',
  suffix: '考',
});

/** The 纪要 of a 述职评议 / 述责述廉 meeting, from the commission, numbered when the meeting ends. */
export const EVALUATION_MINUTES = documentKind({
  kind: 'evaluation_minutes',
  objectType: 'evaluation',
  issuer: 'commission',
  suffix: '评',
});

/** The 督导评估报告, from the 督导巡查 office, numbered when the report is published. */
export const REVIEW_REPORT = documentKind({
  kind: 'review_report',
  objectType: 'review',
  issuer: 'patrol_office',
  suffix: '评',
});
