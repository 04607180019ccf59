/** Every module's access cases, merged: the access matrix and the reliability fuzzing both run over them. */
import { assessmentAccessCases, evaluationAccessCases, reviewAccessCases } from './access/assessment.js';
import { casesAccessCases } from './access/cases.js';
import { homeAccessCases } from './access/home.js';
import { searchAccessCases } from './access/search.js';
import { dashboardAccessCases } from './access/dashboard.js';
import { complaintsAccessCases } from './access/complaints.js';
import { channelsAccessCases } from './access/channels.js';
import { commitmentsAccessCases } from './access/commitments.js';
import { identityAccessCases } from './access/identity.js';
import { meetingsAccessCases } from './access/meetings.js';
import { notificationsAccessCases } from './access/notifications.js';
import { orgAccessCases } from './access/org.js';
import { patrolAccessCases } from './access/patrol.js';
import { problemsAccessCases } from './access/problems.js';
import { responsibilityAccessCases } from './access/responsibility.js';
import { spotCheckAccessCases } from './access/responsibility.spot-checks.js';
import { proposalsAccessCases } from './access/proposals.js';
import { rulesAccessCases } from './access/rules.js';
import { systemAccessCases } from './access/system.js';
import { talksAccessCases } from './access/talks.js';
import { toleranceAccessCases } from './access/tolerance.js';
import { warningsAccessCases } from './access/warnings.js';
import type { AccessCases } from './access.js';

export const ACCESS_CASES: AccessCases = {};
for (const part of [
  systemAccessCases,
  identityAccessCases,
  orgAccessCases,
  problemsAccessCases,
  notificationsAccessCases,
  warningsAccessCases,
  meetingsAccessCases,
  patrolAccessCases,
  casesAccessCases,
  toleranceAccessCases,
  talksAccessCases,
  homeAccessCases,
  searchAccessCases,
  dashboardAccessCases,
  assessmentAccessCases,
  evaluationAccessCases,
  reviewAccessCases,
  responsibilityAccessCases,
  spotCheckAccessCases,
  commitmentsAccessCases,
  complaintsAccessCases,
  proposalsAccessCases,
  channelsAccessCases,
  rulesAccessCases,
]) {
  for (const [route, c] of Object.entries(part)) {
    if (route in ACCESS_CASES) throw new Error(`duplicate access case ${route}`);
    ACCESS_CASES[route] = c;
  }
}
