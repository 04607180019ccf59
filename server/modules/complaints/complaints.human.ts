import crypto from 'node:crypto';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { badRequest } from '../../platform/errors.js';

/**
 * The public form's human check: an ALTCHA proof of work (altcha-lib, self-hosted, no external service). The
 * server signs a challenge with a key of this process; the browser finds the number whose SHA-256 matches;
 * a solution is accepted once and within ten minutes. Several instances would need a shared key: see the
 * decision record.
 */
const hmacKey = crypto.randomBytes(32).toString('hex');
const used = new Map<string, number>();
let complexity = 50_000;

/** Tests lower the work so a solve takes milliseconds. */
export const setChallengeComplexity = (n: number) => {
  complexity = n;
};

export function newChallenge() {
  return createChallenge({ hmacKey, maxNumber: complexity, expires: new Date(Date.now() + 10 * 60_000) });
}

/** Accepts a base64 ALTCHA payload once; refuses a wrong, expired or replayed one with the same message. */
export async function checkHuman(payload: string) {
  const now = Date.now();
  for (const [k, exp] of used) if (exp < now) used.delete(k);
  let ok = false;
  let signature = '';
  try {
    const decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { signature?: string };
    signature = String(decoded.signature ?? '');
    ok = !used.has(signature) && (await verifySolution(payload, hmacKey, true));
  } catch {
    ok = false;
  }
  if (!ok) throw badRequest('HUMAN_CHECK_FAILED', '人机验证未通过或已过期，请重新验证后提交', 'altcha');
  used.set(signature, now + 10 * 60_000);
}
