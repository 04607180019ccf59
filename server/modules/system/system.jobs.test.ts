import { afterEach, describe, expect, it } from 'vitest';
import { auditSecrets, setAuditSecrets } from '../../platform/audit/audit.key.js';
import { systemCtx } from '../../platform/context.js';
import { freshChain } from '../../test/audit-chain.js';
import { auditAnchorJob, auditVerifyJob } from './system.jobs.js';

const own = auditSecrets();
afterEach(() => setAuditSecrets(own));

describe('audit jobs', { timeout: 90_000 }, () => {
  it('the nightly verification anchors a sound chain, then catches a tail cut with the head moved back', async () => {
    const c = await freshChain(3);
    try {
      setAuditSecrets(c.secrets);
      const ctx = systemCtx(c.database.db, c.clock);
      expect(await auditVerifyJob.run(ctx)).toMatchObject({ ok: true, checked: 4 });
      expect(await auditAnchorJob.run(ctx)).toEqual({ seq: 5 });
      await c.tamper('DELETE FROM audit_events WHERE seq > 3');
      await c.tamper('UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM audit_events WHERE seq = 3)');
      const report = await auditVerifyJob.run(ctx);
      expect(report).toMatchObject({ ok: false, problem: { seq: 4 } });
      const { rows } = await c.database.query<{ after: { ok: boolean } }>(
        `SELECT after FROM audit_events WHERE type = 'audit.verified' ORDER BY seq DESC LIMIT 1`,
      );
      expect(rows[0].after.ok).toBe(false);
    } finally {
      await c.close();
    }
  });
});
