/**
 * The SQL of 签字承诺: who is expected to sign (from the org data, set-based), each one's status for a year, the
 * texts and the signatures. Every read of signers takes the caller's visibility.
 */
import { type SQL, and, asc, desc, eq, sql } from 'drizzle-orm';
import type { TListSigners } from '../../../common/responsibility.commitments.schema.js';
import { type Executor, rowsOf } from '../../platform/db/client.js';
import { personDirectory, unitDirectory } from '../org/org.directory.js';
import { commitmentSignatures, commitmentTexts } from './responsibility.tables.js';

export type TextRow = typeof commitmentTexts.$inferSelect;
export type SignatureRow = typeof commitmentSignatures.$inferSelect;

/** Whose rows the caller sees: the region's, some units', or only the caller's own. */
export interface Visibility {
  regionId: string;
  all: boolean;
  unitIds: string[];
  personId: string | null;
}

/**
 * The region's expected signers, one row per person: each unit's principal and each person holding a unit_head
 * account (单位主要负责人), then every other 班子成员 (people marked as leadership members).
 */
const expectedSigners = (regionId: string) => sql`
  heads AS (
    SELECT u.principal_person_id AS person_id, u.id AS unit_id
    FROM ${unitDirectory('u')}
    WHERE u.region_id = ${regionId} AND u.deleted_at IS NULL AND u.principal_person_id IS NOT NULL
    UNION
    SELECT us.person_id, r.unit_id
    FROM user_roles r JOIN users us ON us.id = r.user_id
    WHERE r.role = 'unit_head' AND r.region_id = ${regionId} AND r.unit_id IS NOT NULL
      AND us.person_id IS NOT NULL AND NOT us.disabled
  ),
  expected AS (
    SELECT * FROM (
      SELECT DISTINCT ON (h.person_id) 'principal'::text AS signer_kind, h.person_id, h.unit_id
      FROM heads h ORDER BY h.person_id, h.unit_id
    ) principals
    UNION ALL
    SELECT 'member'::text, m.id, m.unit_id
    FROM ${personDirectory('m')}
    WHERE m.region_id = ${regionId} AND m.deleted_at IS NULL AND m.is_leader
      AND NOT EXISTS (SELECT 1 FROM heads h WHERE h.person_id = m.id)
  )`;

/** Each expected signer with the year's current revision of its kind and its latest signature. */
const statusOf = (regionId: string, year: number) => sql`
  WITH ${expectedSigners(regionId)},
  cur AS (
    SELECT signer_kind, max(revision) AS revision FROM commitment_texts
    WHERE region_id = ${regionId} AND year = ${year} GROUP BY signer_kind
  ),
  sig AS (
    SELECT DISTINCT ON (person_id, signer_kind) id, person_id, signer_kind, revision, signed_at
    FROM commitment_signatures WHERE region_id = ${regionId} AND year = ${year}
    ORDER BY person_id, signer_kind, revision DESC, signed_at DESC
  ),
  st AS (
    SELECT e.person_id, p.name, p.post, e.unit_id, coalesce(nullif(u.short_name, ''), u.name) AS unit_name,
           u.code AS unit_code, e.signer_kind, cur.revision AS current_revision, sig.id AS signature_id,
           sig.revision AS signed_revision, sig.signed_at,
           CASE WHEN sig.id IS NULL THEN 'unsigned'
                WHEN sig.revision < cur.revision THEN 'resign' ELSE 'signed' END AS status
    FROM expected e
    JOIN ${personDirectory('p')} ON p.id = e.person_id AND p.deleted_at IS NULL
    JOIN ${unitDirectory('u')} ON u.id = e.unit_id AND u.deleted_at IS NULL
    LEFT JOIN cur ON cur.signer_kind = e.signer_kind
    LEFT JOIN sig ON sig.person_id = e.person_id AND sig.signer_kind = e.signer_kind
  )`;

const visible = (v: Visibility): SQL => {
  if (v.all) return sql`true`;
  return sql`(st.unit_id = ANY(${`{${v.unitIds.join(',')}}`}::uuid[]) OR st.person_id = ${v.personId})`;
};

export interface SignerRow {
  person_id: string;
  name: string;
  post: string;
  unit_id: string;
  unit_name: string;
  signer_kind: string;
  current_revision: number | null;
  signature_id: string | null;
  signed_revision: number | null;
  signed_at: string | Date | null;
  status: string;
}

const filtersOf = (f: Omit<TListSigners, 'page' | 'pageSize' | 'year'>): SQL[] => [
  ...(f.signerKind ? [sql`st.signer_kind = ${f.signerKind}`] : []),
  ...(f.unitId ? [sql`st.unit_id = ${f.unitId}`] : []),
  ...(f.status ? [sql`st.status = ${f.status}`] : []),
  ...(f.q ? [sql`strpos(st.name, ${f.q}) > 0`] : []),
];

/** One page of the year's signers the caller may see, principals first, by unit. */
export async function pageSigners(db: Executor, v: Visibility, f: TListSigners) {
  const where = sql.join([visible(v), ...filtersOf(f)], sql` AND `);
  const items = rowsOf<SignerRow & { total: number }>(
    await db.execute(sql`${statusOf(v.regionId, f.year)}
      SELECT st.*, count(*) OVER ()::int AS total FROM st WHERE ${where}
      ORDER BY st.unit_code, st.signer_kind DESC, st.name, st.person_id
      LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`),
  );
  return { items, total: Number(items[0]?.total ?? 0) };
}

/** Every visible signer matching the filter still to sign a published text (未签 or 需重签), for a reminder. */
export async function pendingSigners(
  db: Executor,
  v: Visibility,
  year: number,
  f: { signerKind?: string; unitId?: string; status?: string },
) {
  const where = sql.join(
    [visible(v), sql`st.status <> 'signed' AND st.current_revision IS NOT NULL`, ...filtersOf(f as TListSigners)],
    sql` AND `,
  );
  return rowsOf<{ person_id: string }>(
    await db.execute(sql`${statusOf(v.regionId, year)} SELECT st.person_id FROM st WHERE ${where}`),
  ).map((r) => r.person_id);
}

/** Visible signers per kind and status. */
export async function statusCounts(db: Executor, v: Visibility, year: number) {
  return rowsOf<{ signer_kind: string; status: string; n: number }>(
    await db.execute(sql`${statusOf(v.regionId, year)}
      SELECT st.signer_kind, st.status, count(*)::int AS n FROM st WHERE ${visible(v)}
      GROUP BY 1, 2`),
  ).map((r) => ({ ...r, n: Number(r.n) }));
}

/** Whether a person is an expected signer of the region, as which kind and for which unit. */
export async function signerOf(db: Executor, regionId: string, personId: string) {
  const [row] = rowsOf<{ signer_kind: string; unit_id: string; name: string; unit_name: string }>(
    await db.execute(sql`WITH ${expectedSigners(regionId)}
      SELECT e.signer_kind, e.unit_id, p.name, coalesce(nullif(u.short_name, ''), u.name) AS unit_name
      FROM expected e
      JOIN ${personDirectory('p')} ON p.id = e.person_id AND p.deleted_at IS NULL
      JOIN ${unitDirectory('u')} ON u.id = e.unit_id AND u.deleted_at IS NULL
      WHERE e.person_id = ${personId} LIMIT 1`),
  );
  return row ?? null;
}

export function textsOf(db: Executor, regionId: string, year: number) {
  return db
    .select()
    .from(commitmentTexts)
    .where(and(eq(commitmentTexts.regionId, regionId), eq(commitmentTexts.year, year)))
    .orderBy(asc(commitmentTexts.signerKind), desc(commitmentTexts.revision));
}

export async function currentText(db: Executor, regionId: string, year: number, signerKind: string) {
  const [row] = await db
    .select()
    .from(commitmentTexts)
    .where(
      and(
        eq(commitmentTexts.regionId, regionId),
        eq(commitmentTexts.year, year),
        eq(commitmentTexts.signerKind, signerKind),
      ),
    )
    .orderBy(desc(commitmentTexts.revision))
    .limit(1);
  return row ?? null;
}

export async function getText(db: Executor, regionId: string, id: string) {
  const [row] = await db
    .select()
    .from(commitmentTexts)
    .where(and(eq(commitmentTexts.regionId, regionId), eq(commitmentTexts.id, id)));
  return row ?? null;
}

/** The next revision; a concurrent publisher hits the unique index and gets a conflict. */
export async function insertText(db: Executor, values: typeof commitmentTexts.$inferInsert) {
  const [row] = await db.insert(commitmentTexts).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function insertSignature(db: Executor, values: typeof commitmentSignatures.$inferInsert) {
  const [row] = await db.insert(commitmentSignatures).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** A signature with the version it signed. */
export async function getSignature(db: Executor, regionId: string, id: string) {
  const [row] = await db
    .select({ s: commitmentSignatures, t: commitmentTexts })
    .from(commitmentSignatures)
    .innerJoin(commitmentTexts, eq(commitmentTexts.id, commitmentSignatures.textId))
    .where(and(eq(commitmentSignatures.regionId, regionId), eq(commitmentSignatures.id, id)));
  return row ?? null;
}

/** A person's latest signature of the year's text of a kind. */
export async function latestSignature(db: Executor, regionId: string, year: number, kind: string, personId: string) {
  const [row] = await db
    .select({ id: commitmentSignatures.id })
    .from(commitmentSignatures)
    .where(
      and(
        eq(commitmentSignatures.regionId, regionId),
        eq(commitmentSignatures.year, year),
        eq(commitmentSignatures.signerKind, kind),
        eq(commitmentSignatures.personId, personId),
      ),
    )
    .orderBy(desc(commitmentSignatures.revision), desc(commitmentSignatures.signedAt))
    .limit(1);
  return row?.id ?? null;
}
