import { influencePeriodsJob } from './modules/cases/cases.jobs.js';
import { notificationJobs } from './modules/notifications/notifications.jobs.js';
import { registerDigestSource } from './modules/notifications/notifications.digest.js';
import { problemsDigest } from './modules/problems/problems.digest.js';
import { complaintsDigest } from './modules/complaints/complaints.digest.js';
import { complaintClockJob } from './modules/complaints/complaints.watch.js';
import { responsibilityDigest } from './modules/responsibility/responsibility.digest.js';
import { escalationJob } from './modules/problems/problems.escalation.js';
import { systemJobs } from './modules/system/system.jobs.js';
import { warningScanJob } from './modules/warnings/warnings.jobs.js';
import type { JobDefinition } from './platform/jobs/jobs.service.js';

/** Every background job of the application (scheduled by pg-boss, runnable via POST /api/jobs/<name>/run). */
export const allJobs: JobDefinition[] = [
  ...systemJobs,
  escalationJob,
  warningScanJob,
  influencePeriodsJob,
  complaintClockJob,
  ...notificationJobs,
];

registerDigestSource('problems', problemsDigest);
registerDigestSource('complaints', complaintsDigest);
registerDigestSource('responsibility', responsibilityDigest);
