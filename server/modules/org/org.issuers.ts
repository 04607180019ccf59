import { eq } from 'drizzle-orm';
import { ISSUER_CODES, ISSUER_LABELS, type IssuerCode } from '../../../common/issuers.js';
import type { TListIssuers, TUpdateIssuer } from '../../../common/org.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, regionOf } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import { regions } from '../../platform/db/platform.tables.js';
import {
  findIssued,
  type IssuedDocument,
  type IssueInput,
  type Issuer,
  issueDocument,
  issueDocuments,
  stampOf,
} from '../../platform/documents/document-registry.js';
import { issuers } from './org.tables.js';

export interface RegionIssuer extends Issuer {
  code: IssuerCode;
  /** The name in running text, e.g. 县委, 县纪委. */
  shortName: string;
}
export type RegionIssuers = Record<IssuerCode, RegionIssuer>;

/**
 * Defaults from the region's name (某县 → 中共某县纪律检查委员会, 某纪; 某区 → 区委 …), used for every code the
 * region has no `issuers` row for.
 */
export function defaultIssuers(regionName: string): RegionIssuers {
  const n = regionName;
  const level = n.slice(-1);
  const head = n.slice(0, 1);
  const make = (code: IssuerCode, name: string, shortName: string, abbreviation: string): RegionIssuer => ({
    code,
    name,
    shortName,
    abbreviation,
    signature: name,
  });
  return {
    party_committee: make('party_committee', `中共${n}委员会`, `${level}委`, `${head}委`),
    government: make('government', `${n}人民政府`, `${level}政府`, `${head}政`),
    commission: make('commission', `中共${n}纪律检查委员会`, `${level}纪委`, `${head}纪`),
    supervision: make('supervision', `${n}监察委员会`, `${level}监委`, `${head}监`),
    patrol_office: make('patrol_office', `${n}督导巡查领导小组办公室`, `${level}督导巡查办`, `${head}督办`),
    patrol_leading: make('patrol_leading', `${n}督导巡查领导小组`, `${level}督导巡查领导小组`, `${head}督`),
    joint_meeting: make('joint_meeting', `${n}模拟问责联席会议办公室`, `${level}联席会议办公室`, `${head}模联`),
    // Seed 004: the lists go out from 党风廉政建设责任制工作领导小组办公室 (seated at the 纪委).
    responsibility_office: make(
      'responsibility_office',
      `${n}党风廉政建设责任制工作领导小组办公室`,
      `${level}党风廉政建设责任制领导小组办公室`,
      `${head}廉责办`,
    ),
  };
}

/** The issuing offices of a region: its `issuers` rows over the defaults from its name. */
export async function regionIssuers(db: Executor, regionId: string): Promise<RegionIssuers> {
  const [region] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, regionId));
  const out = defaultIssuers(region?.name ?? '');
  const rows = await db.select().from(issuers).where(eq(issuers.regionId, regionId));
  for (const r of rows) {
    if (!(ISSUER_CODES as readonly string[]).includes(r.code)) continue;
    const code = r.code as IssuerCode;
    out[code] = { code, name: r.name, shortName: r.shortName, abbreviation: r.abbreviation, signature: r.signature };
  }
  return out;
}

/** Issues a document as one of the region's offices (see platform/documents/document-registry.ts). */
export async function issueAs(
  ctx: Ctx,
  issuer: IssuerCode,
  input: Omit<IssueInput, 'issuer'>,
): Promise<IssuedDocument> {
  const issuers = await regionIssuers(ctx.db, input.regionId);
  return issueDocument(ctx, { ...input, issuer: issuers[issuer] });
}

/** The region's offices and a document's stamp: number, date and office as issued, or a 草稿 of `issuer`. */
export async function documentStamp(ctx: Ctx, regionId: string, issuer: IssuerCode, kind: string, objectId: string) {
  const o = await regionIssuers(ctx.db, regionId);
  return { o, stamp: stampOf(await findIssued(ctx.db, kind, objectId), o[issuer], ctx.now) };
}

/** The region's offices for the organisation page, marking those that still use the derived defaults. */
export async function listIssuers(ctx: Ctx, q: TListIssuers) {
  const regionId = regionOf(ctx);
  const all = await regionIssuers(ctx.db, regionId);
  const rows = await ctx.db.select({ code: issuers.code }).from(issuers).where(eq(issuers.regionId, regionId));
  const custom = new Set(rows.map((r) => r.code));
  const start = (q.page - 1) * q.pageSize;
  return {
    items: ISSUER_CODES.slice(start, start + q.pageSize).map((code) => ({
      ...all[code],
      label: ISSUER_LABELS[code],
      custom: custom.has(code),
    })),
    total: ISSUER_CODES.length,
  };
}

/** Sets an office's names; documents issued before keep the names they were issued under. */
export async function updateIssuer(ctx: Ctx, code: IssuerCode, input: TUpdateIssuer) {
  const regionId = regionOf(ctx);
  const before = (await regionIssuers(ctx.db, regionId))[code];
  await ctx.db
    .insert(issuers)
    .values({ regionId, code, ...input })
    .onConflictDoUpdate({ target: [issuers.regionId, issuers.code], set: { ...input, updatedAt: ctx.now } });
  await recordAudit(ctx, { type: 'issuer.updated', entity: 'issuer', entityId: code, before, after: input });
  return { code, label: ISSUER_LABELS[code], custom: true, ...input };
}

/** A kind of official document: which office issues it, under which 发文字号 characters, for which objects. */
export interface DocumentKindSpec {
  kind: string;
  objectType: string;
  issuer: IssuerCode;
  /** Characters after the office's abbreviation (某纪问决〔2026〕3号 → 问决). */
  suffix: string;
}

/** A document kind with its issue (in the issuing event's transaction) and its stamp (for the download). */
export function documentKind(spec: DocumentKindSpec) {
  return {
    ...spec,
    issue: (ctx: Ctx, row: { id: string; regionId: string }, extra: { issuedOn?: string; payload?: unknown } = {}) =>
      issueAs(ctx, spec.issuer, {
        regionId: row.regionId,
        kind: spec.kind,
        objectType: spec.objectType,
        objectId: row.id,
        suffix: spec.suffix,
        ...extra,
      }),
    /** Many objects of one region at once (consecutive numbers, set-wise); see `issueDocuments`. */
    issueAll: async (ctx: Ctx, regionId: string, objectIds: string[], extra: { issuedOn?: string } = {}) =>
      issueDocuments(
        ctx,
        {
          regionId,
          kind: spec.kind,
          objectType: spec.objectType,
          suffix: spec.suffix,
          issuer: (await regionIssuers(ctx.db, regionId))[spec.issuer],
          ...extra,
        },
        objectIds,
      ),
    stamp: (ctx: Ctx, regionId: string, objectId: string) =>
      documentStamp(ctx, regionId, spec.issuer, spec.kind, objectId),
  };
}
export type DocumentKind = ReturnType<typeof documentKind>;
