/**
 * The use-cases of the cases module, as its routes and other modules call them. Each is written in
 * the file of its use-case; this file only gathers them.
 */
export { consistencyPreview } from './cases.decision.js';
export { listEvaluations, sampleEvaluations, scoreEvaluation } from './cases.evaluations.js';
export { getCaseFile, uploadCaseFile } from './cases.files.js';
export { currentInfluencePeriods, endDueInfluencePeriods, personInfluencePeriods } from './cases.influence.js';
export { caseOfficers, createCase } from './cases.opening.js';
export { caseFigures, getCase, listCases } from './cases.read.js';
export { fireCaseEvent } from './cases.workflow.js';
