/** Access-matrix cases for 签字承诺 (/api/commitments; see server/test/access-matrix.test.ts). */
import crypto from 'node:crypto';
import { and, eq, max } from 'drizzle-orm';
import { signerOf } from '../../modules/responsibility/responsibility.commitments.repository.js';
import { commitmentSignatures, commitmentTexts } from '../../modules/responsibility/responsibility.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { type AccessCases, type Fixture, type User, USERS, demoRegion, env, json } from '../access.js';

const MANAGERS: User[] = ['leader', 'office'];
/**
 * Who sees something of the commitments: the region's readers (leader, office, zuzhibu), the unit head, and every
 * expected signer for their own (the demo accounts bound to a unit principal or a 班子成员).
 */
const INVOLVED: User[] = [
  'leader',
  'office',
  'caseoffice',
  'paizhu1',
  'group1',
  'zhujian.head',
  'fuxianzhang',
  'zuzhibu',
  'bianban',
];
const HIDDEN = USERS.filter((u) => !INVOLVED.includes(u));
const db = () => env.t.database.db;
const yearOf = (user: User) => 2060 + USERS.indexOf(user);

async function personOf(user: User) {
  const [u] = await db().select({ personId: users.personId }).from(users).where(eq(users.username, user));
  return u?.personId ?? null;
}

/** A new current version of the user's own kind (principal for non-signers), in the demo region or another. */
async function freshText(user: User, other = false) {
  const regionId = other ? crypto.randomUUID() : await demoRegion();
  const personId = await personOf(user);
  const signer = personId && !other ? await signerOf(db(), regionId, personId) : null;
  const signerKind = signer?.signer_kind ?? 'principal';
  const year = yearOf(user);
  const [{ top }] = await db()
    .select({ top: max(commitmentTexts.revision) })
    .from(commitmentTexts)
    .where(
      and(
        eq(commitmentTexts.regionId, regionId),
        eq(commitmentTexts.year, year),
        eq(commitmentTexts.signerKind, signerKind),
      ),
    );
  const [t] = await db()
    .insert(commitmentTexts)
    .values({
      regionId,
      year,
      signerKind,
      revision: (top ?? 0) + 1,
      title: '测试承诺书',
      body: '本人郑重承诺……',
      textHash: 'x',
      publishedAt: new Date(),
    })
    .returning();
  return { t, personId, signer };
}

/** A signature the caller may see: their own (or, for a non-signer, someone else's in the fixture unit). */
async function signature(f: Fixture, user: User, other = false) {
  const { t, personId, signer } = await freshText(user, other);
  const [s] = await db()
    .insert(commitmentSignatures)
    .values({
      regionId: t.regionId,
      year: t.year,
      signerKind: t.signerKind,
      textId: t.id,
      revision: t.revision,
      textHash: t.textHash,
      // A non-signer gets someone else's signature: reading one's own is always allowed.
      personId: other ? f.personId : signer && personId ? personId : crypto.randomUUID(),
      unitId: signer?.unit_id ?? f.unitId,
      userId: crypto.randomUUID(),
      signerName: '测试',
      signedAt: new Date(),
    })
    .returning();
  return s;
}

async function currentRevision(year: number) {
  const [{ top }] = await db()
    .select({ top: max(commitmentTexts.revision) })
    .from(commitmentTexts)
    .where(
      and(
        eq(commitmentTexts.regionId, await demoRegion()),
        eq(commitmentTexts.year, year),
        eq(commitmentTexts.signerKind, 'member'),
      ),
    );
  return top ?? null;
}

export const commitmentsAccessCases: AccessCases = {
  'GET /api/commitments': {
    in: (_f, u) => json('GET', `/api/commitments?year=${yearOf(u)}`),
    allow: INVOLVED,
    hidden: HIDDEN,
  },
  'POST /api/commitments': {
    in: async (_f, u) =>
      json('POST', '/api/commitments', {
        year: yearOf(u) + 20,
        signerKind: 'member',
        title: '党风廉政建设责任承诺书',
        body: `本人郑重承诺：${crypto.randomUUID()}`,
        baseRevision: await currentRevision(yearOf(u) + 20),
      }),
    allow: MANAGERS,
    ok: 201,
  },
  'GET /api/commitments/mine': {
    in: (_f, u) => json('GET', `/api/commitments/mine?year=${yearOf(u)}`),
    allow: [...USERS],
  },
  'POST /api/commitments/:id/sign': {
    in: async (_f, u) => json('POST', `/api/commitments/${(await freshText(u)).t.id}/sign`),
    out: async (_o, _f, u) => json('POST', `/api/commitments/${(await freshText(u, true)).t.id}/sign`),
    allow: INVOLVED,
    hidden: HIDDEN,
    ok: 201,
  },
  'GET /api/commitments/signers': {
    in: (_f, u) => json('GET', `/api/commitments/signers?year=${yearOf(u)}`),
    allow: INVOLVED,
    hidden: HIDDEN,
    body: async (res, u) => {
      // A signer who reads nothing else sees only their own row.
      if (['leader', 'office', 'zuzhibu', 'zhujian.head'].includes(u)) return;
      const mine = await personOf(u);
      const items = (res as { items: { personId: string }[] }).items;
      if (items.some((i) => i.personId !== mine)) throw new Error(`${u} sees other signers`);
    },
  },
  'GET /api/commitments/signers/export.xlsx': {
    in: (_f, u) => json('GET', `/api/commitments/signers/export.xlsx?year=${yearOf(u)}&status=unsigned`),
    allow: INVOLVED,
    hidden: HIDDEN,
  },
  'POST /api/commitments/reminders': {
    in: (_f, u) => json('POST', '/api/commitments/reminders', { year: yearOf(u), signerKind: 'principal' }),
    allow: MANAGERS,
  },
  'GET /api/commitments/signatures/:id': {
    in: async (f, u) => json('GET', `/api/commitments/signatures/${(await signature(f, u)).id}`),
    out: async (_o, f, u) => json('GET', `/api/commitments/signatures/${(await signature(f, u, true)).id}`),
    allow: INVOLVED,
    hidden: HIDDEN,
  },
};
