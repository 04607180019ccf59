/**
 * The one numbering registry of official documents (发文登记). A document gets its 发文字号 and 成文日期 when
 * the workflow event that issues it runs, in that event's transaction: serial = the next of a counter per
 * (region, issuer abbreviation, year), taken by an upsert whose row lock makes concurrent issues wait, so
 * numbers are unique and gap-free (a rolled-back issue rolls its serial back too). A document is issued once
 * per (kind, object) and never renumbered; every later download shows the same number and date. Before it is
 * issued a document downloads as a 草稿 without number. GB/T 9704 7.2.3: 〔year〕 and no zero padding. Its .docx
 * is rendered and kept when the issuing transaction's event is done (document-copies.ts).
 */
import { type SQL, and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.js';
import { isoDate } from '../calendar/working-days.js';
import type { Ctx } from '../context.js';
import type { Executor } from '../db/client.js';
import { noteIssued } from './document-copies.js';
import { documentCounters, issuedDocuments } from './documents.tables.js';
import { formatChineseDate } from './official-document.js';

/** An issuing office as the region's organisation data names it. */
export interface Issuer {
  code: string;
  /** 发文机关标志 (full name), e.g. 中共某县纪律检查委员会 */
  name: string;
  /** 发文机关代字, e.g. 某纪 */
  abbreviation: string;
  /** 落款 (署名) */
  signature: string;
}

const { copy: _copy, ...registryColumns } = getTableColumns(issuedDocuments);
/** A registry row without its kept copy (document-copies.ts reads that). */
export type IssuedDocument = Omit<typeof issuedDocuments.$inferSelect, 'copy'>;

export const formatDocNumber = (abbreviation: string, year: number, serial: number) =>
  `${abbreviation}〔${year}〕${serial}号`;

export interface IssueInput {
  regionId: string;
  kind: string;
  objectType: string;
  objectId: string;
  issuer: Issuer;
  /** Characters after the issuer's abbreviation in the 发文字号 (e.g. 问决 → 某纪问决〔2026〕3号). */
  suffix?: string;
  /** 成文日期 (YYYY-MM-DD); the issuing day by default. */
  issuedOn?: string;
  /** Snapshot of what the document covers, for documents not tied to one object. */
  payload?: unknown;
}

/** The document of (kind, object) if it was issued. */
export const findIssued = (db: Executor, kind: string, objectId: string) =>
  firstIssued(db, and(eq(issuedDocuments.kind, kind), eq(issuedDocuments.objectId, objectId)));

async function firstIssued(db: Executor, where: SQL | undefined): Promise<IssuedDocument | null> {
  const [row] = await db.select(registryColumns).from(issuedDocuments).where(where);
  return row ?? null;
}

/** An issued document by its id within a region (null if none). */
export const issuedById = (db: Executor, regionId: string, id: string) =>
  firstIssued(db, and(eq(issuedDocuments.id, id), eq(issuedDocuments.regionId, regionId)));

/** 发文字号 of the documents issued for these objects, by object id (list pages). */
export async function issuedNumbers(db: Executor, objectIds: string[], kinds?: string[]) {
  const out = new Map<string, string>();
  if (objectIds.length === 0) return out;
  const rows = await db
    .select({ objectId: issuedDocuments.objectId, number: issuedDocuments.number })
    .from(issuedDocuments)
    .where(
      and(
        inArray(issuedDocuments.objectId, objectIds),
        kinds?.length ? inArray(issuedDocuments.kind, kinds) : undefined,
      ),
    )
    .orderBy(issuedDocuments.issuedAt);
  for (const r of rows) if (!out.has(r.objectId)) out.set(r.objectId, r.number);
  return out;
}

/** Rows with the 发文字号 of their issued document (`docNumber`, null while a draft), for list pages. */
export async function withDocNumbers<T extends { id: string }>(db: Executor, rows: T[], kinds?: string[]) {
  const numbers = await issuedNumbers(
    db,
    rows.map((r) => r.id),
    kinds,
  );
  return rows.map((r) => ({ ...r, docNumber: numbers.get(r.id) ?? null }));
}

/**
 * Issues the document of (kind, object) in the caller's transaction, or returns it if it was issued already
 * (never renumbered). Audited as `document.issued`.
 */
export async function issueDocument(ctx: Ctx, input: IssueInput): Promise<IssuedDocument> {
  const existing = await findIssued(ctx.db, input.kind, input.objectId);
  if (existing) return existing;
  const issuedOn = input.issuedOn ?? isoDate(ctx.now);
  const year = Number(issuedOn.slice(0, 4));
  const abbreviation = `${input.issuer.abbreviation}${input.suffix ?? ''}`;
  const [{ last }] = await ctx.db
    .insert(documentCounters)
    .values({ regionId: input.regionId, abbreviation, year, last: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.regionId, documentCounters.abbreviation, documentCounters.year],
      set: { last: sql`${documentCounters.last} + 1` },
    })
    .returning({ last: documentCounters.last });
  const [row] = await ctx.db
    .insert(issuedDocuments)
    .values({
      regionId: input.regionId,
      kind: input.kind,
      objectType: input.objectType,
      objectId: input.objectId,
      issuerCode: input.issuer.code,
      issuerName: input.issuer.name,
      signature: input.issuer.signature,
      abbreviation,
      year,
      serial: last,
      number: formatDocNumber(abbreviation, year, last),
      issuedOn,
      issuedBy: ctx.actor?.displayName ?? '系统',
      issuedAt: ctx.now,
      payload: input.payload ?? null,
    })
    .returning(registryColumns);
  noteIssued(ctx.db, row);
  await recordAudit(ctx, {
    type: 'document.issued',
    entity: input.objectType,
    entityId: input.objectId,
    after: { kind: row.kind, number: row.number, issuedOn: row.issuedOn, issuer: row.issuerName },
  });
  return row;
}

/**
 * Issues one document of a kind for each of `objectIds` at once (a quarter's lists for every county leader): the
 * counter moves by their number in one step, so the serials are consecutive in the given order, and one statement
 * writes the registry rows. Objects already issued keep their number. Copies are kept at first download.
 */
export async function issueDocuments(
  ctx: Ctx,
  input: Omit<IssueInput, 'objectId' | 'payload'>,
  objectIds: string[],
): Promise<IssuedDocument[]> {
  if (objectIds.length === 0) return [];
  const done = new Set(
    (
      await ctx.db
        .select({ objectId: issuedDocuments.objectId })
        .from(issuedDocuments)
        .where(and(eq(issuedDocuments.kind, input.kind), inArray(issuedDocuments.objectId, objectIds)))
    ).map((r) => r.objectId),
  );
  const ids = [...new Set(objectIds)].filter((id) => !done.has(id));
  if (ids.length === 0) return [];
  const issuedOn = input.issuedOn ?? isoDate(ctx.now);
  const year = Number(issuedOn.slice(0, 4));
  const abbreviation = `${input.issuer.abbreviation}${input.suffix ?? ''}`;
  const [{ last }] = await ctx.db
    .insert(documentCounters)
    .values({ regionId: input.regionId, abbreviation, year, last: ids.length })
    .onConflictDoUpdate({
      target: [documentCounters.regionId, documentCounters.abbreviation, documentCounters.year],
      set: { last: sql`${documentCounters.last} + ${ids.length}` },
    })
    .returning({ last: documentCounters.last });
  const first = last - ids.length + 1;
  const rows = await ctx.db
    .insert(issuedDocuments)
    .values(
      ids.map((objectId, i) => ({
        regionId: input.regionId,
        kind: input.kind,
        objectType: input.objectType,
        objectId,
        issuerCode: input.issuer.code,
        issuerName: input.issuer.name,
        signature: input.issuer.signature,
        abbreviation,
        year,
        serial: first + i,
        number: formatDocNumber(abbreviation, year, first + i),
        issuedOn,
        issuedBy: ctx.actor?.displayName ?? '系统',
        issuedAt: ctx.now,
        payload: null,
      })),
    )
    .returning(registryColumns);
  await recordAudit(ctx, {
    type: 'document.issued',
    entity: input.objectType,
    entityId: input.regionId,
    after: {
      kind: input.kind,
      count: rows.length,
      numbers: [rows[0].number, rows.at(-1)?.number],
      issuedOn,
      issuer: input.issuer.name,
    },
  });
  return rows;
}

/** The header, number, signature and date of a document: as issued, or a 草稿 without number. */
export interface DocumentStamp {
  issuer: string;
  signature: string;
  docNumber?: string;
  date: Date;
  draft?: boolean;
  /** '（草稿）' for a draft, to append to the title. */
  titleMark: string;
}

export function stampOf(issued: IssuedDocument | null, issuer: Issuer, now: Date): DocumentStamp {
  if (!issued)
    return { issuer: issuer.name, signature: issuer.signature, date: now, draft: true, titleMark: '（草稿）' };
  return {
    issuer: issued.issuerName,
    signature: issued.signature,
    docNumber: issued.number,
    date: new Date(`${issued.issuedOn}T12:00:00+08:00`),
    titleMark: '',
  };
}

/** '2026年11月11日' for an ISO day (YYYY-MM-DD); '' for none. */
export const chineseDay = (iso: string | null | undefined) =>
  iso ? formatChineseDate(new Date(`${iso.slice(0, 10)}T12:00:00+08:00`)) : '';
