import { deleteExpiredSessions } from '../../platform/auth/auth.service.js';
import { securityPolicySetting } from '../../platform/auth/security-policy.js';
import { anchorHead, recordAudit, verifyChain } from '../../platform/audit/audit.service.js';
import type { JobDefinition } from '../../platform/jobs/jobs.service.js';
import { readSetting } from '../../platform/settings/settings.service.js';

/**
 * Nightly verification of the keyed chain against the external anchor; a broken chain is itself recorded in the
 * audit log. A sound chain's head (with the verification event) is then anchored.
 */
export const auditVerifyJob: JobDefinition = {
  name: 'audit-verify',
  label: '审计链夜间校验',
  cron: '30 2 * * *',
  async run(ctx) {
    const report = await verifyChain(ctx.db);
    await ctx.db.transaction((tx) =>
      recordAudit({ ...ctx, db: tx }, { type: 'audit.verified', entity: 'audit', after: report }),
    );
    if (report.ok) await anchorHead(ctx.db);
    return report;
  },
};

/**
 * Every ten minutes: a signed checkpoint of the chain head in the external anchor (ZELIAN_AUDIT_ANCHOR), so that
 * rows cut from the end of the chain, or rewritten before the checkpoint, are detected by the verification.
 */
export const auditAnchorJob: JobDefinition = {
  name: 'audit-anchor',
  label: '审计链外部锚定',
  cron: '*/10 * * * *',
  async run(ctx) {
    return anchorHead(ctx.db);
  },
};

/** Hourly removal of sessions past their idle or absolute timeout. */
export const sessionCleanupJob: JobDefinition = {
  name: 'session-cleanup',
  label: '清理过期会话',
  cron: '5 * * * *',
  async run(ctx) {
    const policy = await readSetting(ctx.db, securityPolicySetting);
    const now = ctx.clock.now().getTime();
    await deleteExpiredSessions(
      ctx.db,
      new Date(now - policy.idleTimeoutMinutes * 60_000),
      new Date(now - policy.absoluteTimeoutHours * 3_600_000),
    );
    return { ok: true };
  },
};

export const systemJobs = [auditVerifyJob, auditAnchorJob, sessionCleanupJob];
