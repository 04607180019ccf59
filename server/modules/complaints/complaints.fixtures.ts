/** Test helpers of the complaints module (public form bodies, solved human checks, a test key ring). */
import crypto from 'node:crypto';
import { solveChallenge } from 'altcha-lib/v1';
import { DEV_SM4_KEY } from '../../platform/config.js';
import { setComplaintKeys } from './complaints.crypto.js';
import { newChallenge, setChallengeComplexity } from './complaints.human.js';

/** A test key first (new rows), the demo key after (the seeded rows of the golden database). */
export const TEST_KEY = { id: 't1', key: crypto.randomBytes(32) };
export function useTestKeys() {
  setComplaintKeys([TEST_KEY, DEV_SM4_KEY]);
  setChallengeComplexity(1000);
}

/** A solved ALTCHA payload, as the browser sends it. */
export async function solvedAltcha() {
  const c = await newChallenge();
  const s = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  if (!s) throw new Error('challenge not solved');
  return Buffer.from(
    JSON.stringify({
      algorithm: c.algorithm,
      challenge: c.challenge,
      number: s.number,
      salt: c.salt,
      signature: c.signature,
    }),
  ).toString('base64');
}

/** A multipart body: the form as JSON in `data`, then the files. */
export async function complaintForm(data: unknown, files: { name: string; content: Buffer }[] = []) {
  const fd = new FormData();
  fd.append('data', JSON.stringify(data));
  for (const f of files) fd.append('file', new Blob([new Uint8Array(f.content)]), f.name);
  const req = new Request('http://localhost/', { method: 'POST', body: fd });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type') as string },
  };
}

/** The public form of a report about `unit`, real-name unless `anonymous`. */
export async function publicReport(anonymous: boolean, extra: Record<string, unknown> = {}) {
  return {
    kind: 'accusation',
    anonymous,
    filer: anonymous ? null : { name: '王举报', phone: '13800001234', idNumber: '', address: '城关镇解放路 1 号' },
    subjectName: '李某某',
    subjectUnitName: '县住建局',
    subjectPost: '科长',
    content: '李某某在工程验收中收受施工方红包，金额约两万元。',
    happenedAt: '2026年5月',
    place: '县住建局办公室',
    aboutPrincipal: false,
    altcha: await solvedAltcha(),
    ...extra,
  };
}

let n = 0;
/** A fresh client address per call, so the per-address rate limits of one test do not reach another. */
export const freshIp = () => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n++ & 255}`;
