/** Every module's access cases, merged: the access matrix and the reliability fuzzing both run over them. */
import { casesAccessCases } from '../modules/cases/cases.access.js';
import { identityAccessCases } from '../modules/identity/identity.access.js';
import { meetingsAccessCases } from '../modules/meetings/meetings.access.js';
import { notificationsAccessCases } from '../modules/notifications/notifications.access.js';
import { orgAccessCases } from '../modules/org/org.access.js';
import { patrolAccessCases } from '../modules/patrol/patrol.access.js';
import { problemsAccessCases } from '../modules/problems/problems.access.js';
import { systemAccessCases } from '../modules/system/system.access.js';
import { talksAccessCases } from '../modules/talks/talks.access.js';
import { toleranceAccessCases } from '../modules/tolerance/tolerance.access.js';
import { warningsAccessCases } from '../modules/warnings/warnings.access.js';
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
]) {
  for (const [route, c] of Object.entries(part)) {
    if (route in ACCESS_CASES) throw new Error(`duplicate access case ${route}`);
    ACCESS_CASES[route] = c;
  }
}
