/** Access-matrix cases for the problem ledger (see server/test/access-matrix.test.ts). */
import crypto from 'node:crypto';
import { type AccessCases, type User, demoRegion, env, freshUnit, json, upload } from '../access.js';
import { multipartFile, workbookOf } from '../xlsx.js';
import { PROBLEM_CIRCULAR } from '../../modules/problems/problems.numbering.js';
import { problemFiles, problemMeasures, problems } from '../../modules/problems/problems.tables.js';
import { systemCtx } from '../../platform/context.js';
import { issueDocument } from '../../platform/documents/document-registry.js';

export const PROBLEM_READERS: User[] = [
  'leader',
  'office',
  'caseoffice',
  'paizhu1',
  'group1',
  'zhujian',
  'zhujian.head',
  'fuxianzhang',
  'zuzhibu',
];
const MANAGERS: User[] = ['leader', 'office'];
const future = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** A problem straight in the database, in `unitId` (another region's when `regionId` is given). */
async function freshProblem(unitId: string, state = 'dispatched', regionId?: string) {
  const db = env.t.database.db;
  const [p] = await db
    .insert(problems)
    .values({
      regionId: regionId ?? (await demoRegion()),
      code: `T-${crypto.randomBytes(4).toString('hex')}`,
      title: '测试问题',
      source: 'daily',
      unitId,
      state,
      deadline: future(),
    })
    .returning();
  await db
    .insert(problemMeasures)
    .values({ problemId: p.id, seq: 1, content: '整改', deadlineType: 'date', deadline: future() });
  return p;
}

/** An issued 通报 of one problem row, straight through the registry. */
function issuedCircular(regionId: string) {
  const issuer = { code: 'patrol_office', name: '测试办公室', abbreviation: '测督办', signature: '测试办公室' };
  const row = { code: 'T-1', unitName: '测试单位', title: '测试问题', deadline: null, state: '整改中' };
  return issueDocument(systemCtx(env.t.database.db, env.t.clock), {
    regionId,
    kind: PROBLEM_CIRCULAR.kind,
    objectType: 'problem_circular',
    objectId: crypto.randomUUID(),
    issuer,
    suffix: '通',
    payload: { rows: [row], matched: 1 },
  });
}

async function otherProblem() {
  const unit = await freshUnit(crypto.randomUUID());
  return freshProblem(unit.id, 'dispatched', unit.regionId);
}

async function fileOf(problemId: string) {
  const [f] = await env.t.database.db
    .insert(problemFiles)
    .values({ problemId, name: '佐证.txt', mime: 'text/plain', size: 2, sha256: 'x', content: Buffer.from('ok') })
    .returning();
  return f;
}

export const problemsAccessCases: AccessCases = {
  'GET /api/problems': { in: () => json('GET', '/api/problems'), allow: PROBLEM_READERS },
  'GET /api/problems/stats': { in: () => json('GET', '/api/problems/stats'), allow: PROBLEM_READERS },
  'POST /api/problems': {
    in: (f) =>
      json('POST', '/api/problems', {
        title: '新问题',
        source: 'daily',
        unitId: f.unitId,
        measures: [{ content: '整改', deadlineType: 'working', days: 5 }],
      }),
    out: async () =>
      json('POST', '/api/problems', {
        title: '新问题',
        source: 'daily',
        unitId: (await freshUnit(crypto.randomUUID())).id,
        measures: [{ content: '整改', deadlineType: 'working', days: 5 }],
      }),
    allow: MANAGERS,
    ok: 201,
    outStatus: 400,
  },
  'GET /api/problems/export.xlsx': { in: () => json('GET', '/api/problems/export.xlsx'), allow: PROBLEM_READERS },
  'GET /api/problems/import-template.xlsx': {
    in: () => json('GET', '/api/problems/import-template.xlsx'),
    allow: MANAGERS,
  },
  'POST /api/problems/import': {
    in: async () => {
      const file = await workbookOf({
        问题清单: [
          ['问题标题', '问题描述', '问题来源', '问题类别', '严重程度', '责任单位编码', '整改措施', '整改时限'],
          ['导入的问题', '', '日常监督', '作风建设', '一般', 'ZJJ', '整改', '10个工作日'],
        ],
      });
      return { method: 'POST', url: '/api/problems/import', ...(await multipartFile(file)) };
    },
    allow: MANAGERS,
  },
  'GET /api/problems/documents/circular.docx': {
    in: async (f) => json('GET', `/api/problems/documents/circular.docx?ids=${(await freshProblem(f.unitId)).id}`),
    allow: MANAGERS,
  },
  'POST /api/problems/circulars': {
    in: async (f) => json('POST', '/api/problems/circulars', { ids: [(await freshProblem(f.unitId)).id] }),
    allow: MANAGERS,
  },
  'GET /api/problems/circulars/:id/circular.docx': {
    in: async () =>
      json('GET', `/api/problems/circulars/${(await issuedCircular(await demoRegion())).id}/circular.docx`),
    out: async () =>
      json('GET', `/api/problems/circulars/${(await issuedCircular(crypto.randomUUID())).id}/circular.docx`),
    allow: MANAGERS,
  },
  'GET /api/problems/:id': {
    in: async (f) => json('GET', `/api/problems/${(await freshProblem(f.unitId)).id}`),
    out: async () => json('GET', `/api/problems/${(await otherProblem()).id}`),
    allow: PROBLEM_READERS,
  },
  'PATCH /api/problems/:id': {
    in: async (f) => {
      const p = await freshProblem(f.unitId, 'draft');
      return json('PATCH', `/api/problems/${p.id}`, { version: p.version, title: '改过的标题' });
    },
    out: async () => {
      const p = await otherProblem();
      return json('PATCH', `/api/problems/${p.id}`, { version: p.version, title: 'x' });
    },
    allow: MANAGERS,
  },
  'POST /api/problems/:id/events': {
    in: async (f) => {
      const p = await freshProblem(f.unitId);
      return json('POST', `/api/problems/${p.id}/events`, { type: 'receive', version: p.version });
    },
    out: async () => {
      const p = await otherProblem();
      return json('POST', `/api/problems/${p.id}/events`, { type: 'receive', version: p.version });
    },
    // Only the responsible unit signs for receipt; the office sees the problem but may not sign.
    allow: ['zhujian', 'zhujian.head'],
    seenBy: PROBLEM_READERS,
  },
  'POST /api/problems/:id/files': {
    in: async (f) => upload(`/api/problems/${(await freshProblem(f.unitId)).id}/files`),
    out: async () => upload(`/api/problems/${(await otherProblem()).id}/files`),
    allow: ['leader', 'office', 'zhujian', 'zhujian.head'],
    seenBy: PROBLEM_READERS,
    ok: 201,
  },
  'GET /api/problems/:id/files/:fileId': {
    in: async (f) => {
      const p = await freshProblem(f.unitId);
      return json('GET', `/api/problems/${p.id}/files/${(await fileOf(p.id)).id}`);
    },
    out: async () => {
      const p = await otherProblem();
      return json('GET', `/api/problems/${p.id}/files/${(await fileOf(p.id)).id}`);
    },
    allow: PROBLEM_READERS,
  },
  'GET /api/problems/:id/documents/:kind.docx': {
    in: async (f) => json('GET', `/api/problems/${(await freshProblem(f.unitId)).id}/documents/notice.docx`),
    out: async () => json('GET', `/api/problems/${(await otherProblem()).id}/documents/notice.docx`),
    allow: PROBLEM_READERS,
  },
  'GET /api/problem-groups': { in: () => json('GET', '/api/problem-groups'), allow: PROBLEM_READERS },
  'GET /api/problem-groups/export.xlsx': {
    in: () => json('GET', '/api/problem-groups/export.xlsx'),
    allow: PROBLEM_READERS,
  },
  'POST /api/problem-groups': {
    in: async (f) =>
      json('POST', '/api/problem-groups', {
        title: '共性问题',
        problemIds: [(await freshProblem(f.unitId)).id, (await freshProblem(f.unitId)).id],
      }),
    out: async () =>
      json('POST', '/api/problem-groups', {
        title: '共性问题',
        problemIds: [(await otherProblem()).id, (await otherProblem()).id],
      }),
    allow: MANAGERS,
    ok: 201,
    outStatus: 400,
  },
  'GET /api/problem-groups/:id': {
    in: async (f) => {
      const office = env.clients.get('office');
      const res = await office?.post('/api/problem-groups', {
        title: '共性问题',
        problemIds: [(await freshProblem(f.unitId)).id, (await freshProblem(f.unitId)).id],
      });
      return json('GET', `/api/problem-groups/${res?.json().id}`);
    },
    out: () => json('GET', `/api/problem-groups/${crypto.randomUUID()}`),
    allow: PROBLEM_READERS,
  },
  'GET /api/settings/escalation': { in: () => json('GET', '/api/settings/escalation'), allow: MANAGERS },
  'PATCH /api/settings/escalation': {
    in: async () => {
      const s = (await env.clients.get('office')?.get('/api/settings/escalation'))?.json();
      return json('PATCH', '/api/settings/escalation', s);
    },
    allow: MANAGERS,
  },
};
