/** Access-matrix cases for 信访举报 (see server/test/access-matrix.test.ts), public routes included. */
import crypto from 'node:crypto';
import { DEV_SM4_KEY } from '../../platform/config.js';
import { setComplaintKeys } from '../../modules/complaints/complaints.crypto.js';
import { complaintForm, freshIp, publicReport } from '../../modules/complaints/complaints.fixtures.js';
import { setChallengeComplexity } from '../../modules/complaints/complaints.human.js';
import { complaintFiles, complaints } from '../../modules/complaints/complaints.tables.js';
import { ALL, type AccessCases, type User, demoRegion, env, json } from '../access.js';
import { TINY_PNG } from '../xlsx.js';

// The golden database's demo complaints are sealed with the documented dev key; the human check is cheap here.
setComplaintKeys([DEV_SM4_KEY]);
setChallengeComplexity(1000);

/** Only commission leaders and the complaints staff (信访室, here the supervision office) read complaints. */
const READERS: User[] = ['leader', 'office'];

/** An unowned complaint waiting in 待分流 (another region's when `other`), with one stored file. */
async function complaint(other = false) {
  const db = env.t.database.db;
  const [c] = await db
    .insert(complaints)
    .values({
      regionId: other ? crypto.randomUUID() : await demoRegion(),
      code: `XFT${crypto.randomBytes(6).toString('hex').toUpperCase()}`,
      channel: 'letter',
      kind: 'accusation',
      anonymous: true,
      contentEnc: Buffer.from(JSON.stringify({ content: '测试反映', happenedAt: '', place: '' })),
      subjectUnitName: '县住建局',
      receivedOn: '2026-06-01',
      completionDue: '2026-09-01',
    })
    .returning();
  const [f] = await db
    .insert(complaintFiles)
    .values({ complaintId: c.id, name: 'a.png', mime: 'image/png', size: 1, sha256: '', content: TINY_PNG })
    .returning();
  return { ...c, fileId: f.id };
}

const intake = {
  channel: 'phone',
  kind: 'accusation',
  anonymous: true,
  subjectUnitName: '县住建局',
  content: '来电反映问题',
  receivedOn: '2026-06-01',
};

async function filed() {
  const form = await complaintForm(await publicReport(true));
  const res = await env.t.app.inject({
    method: 'POST',
    url: '/api/public/complaints',
    remoteAddress: freshIp(),
    ...form,
  });
  return res.json() as { code: string; password: string };
}

export const complaintsAccessCases: AccessCases = {
  'GET /api/public/complaints/challenge': {
    in: () => ({ ...json('GET', '/api/public/complaints/challenge'), remoteAddress: freshIp() }),
    allow: ALL,
  },
  'POST /api/public/complaints': {
    in: async () => ({
      method: 'POST',
      url: '/api/public/complaints',
      remoteAddress: freshIp(),
      ...(await complaintForm(await publicReport(true))),
    }),
    allow: ALL,
    ok: 201,
  },
  'POST /api/public/complaints/status': {
    in: async () => ({ ...json('POST', '/api/public/complaints/status', await filed()), remoteAddress: freshIp() }),
    allow: ALL,
    // Status and answer only, whoever asks.
    body: (b) => {
      if (
        Object.keys(b as object)
          .sort()
          .join() !== 'answer,answeredOn,code,receivedOn,status'
      )
        throw new Error('leak');
    },
  },
  'GET /api/complaints': { in: () => json('GET', '/api/complaints'), allow: READERS },
  'GET /api/complaints/export.xlsx': { in: () => json('GET', '/api/complaints/export.xlsx'), allow: READERS },
  'GET /api/complaints/figures': { in: () => json('GET', '/api/complaints/figures'), allow: READERS },
  'GET /api/complaints/handlers': { in: () => json('GET', '/api/complaints/handlers'), allow: READERS },
  'GET /api/complaints/feedback.xlsx': {
    in: () => json('GET', '/api/complaints/feedback.xlsx?year=2026&quarter=4'),
    allow: READERS,
  },
  'POST /api/complaints': {
    in: async () => ({ method: 'POST', url: '/api/complaints', ...(await complaintForm(intake)) }),
    allow: READERS,
    ok: 201,
  },
  'GET /api/complaints/:id': {
    in: async () => json('GET', `/api/complaints/${(await complaint()).id}`),
    out: async () => json('GET', `/api/complaints/${(await complaint(true)).id}`),
    allow: READERS,
  },
  'POST /api/complaints/:id/events': {
    in: async () => {
      const c = await complaint();
      return json('POST', `/api/complaints/${c.id}/events`, { type: 'claim', version: c.version });
    },
    out: async () => {
      const c = await complaint(true);
      return json('POST', `/api/complaints/${c.id}/events`, { type: 'claim', version: c.version });
    },
    // 首问负责: whoever of the complaints staff (leaders included) receives an unowned complaint owns it.
    allow: READERS,
  },
  'GET /api/complaints/:id/files/:fileId': {
    in: async () => {
      const c = await complaint();
      return json('GET', `/api/complaints/${c.id}/files/${c.fileId}`);
    },
    out: async () => {
      const c = await complaint(true);
      return json('GET', `/api/complaints/${c.id}/files/${c.fileId}`);
    },
    allow: READERS,
  },
};
