/**
 * 签字承诺 (SPEC M2, seed 002's 党风廉政建设主体责任签字承诺制度): the office publishes the year's commitment text per
 * kind of signer, every edit a new version; each expected signer (单位主要负责人, 班子成员 — from the org data) signs
 * the current version in the system; a newer version published after they signed asks them to sign again.
 * Scope: the office and the commission leaders manage and see the region, 组织部 reads it, a unit head sees the
 * unit's signers, a signer sees their own; anyone else gets 404.
 */
import { createHash } from 'node:crypto';
import {
  SIGNATURE_STATUSES,
  SIGNER_KINDS,
  type SignatureStatus,
  type SignerKind,
  type TListSigners,
  type TPublishCommitment,
  type TRemindSigners,
} from '../../../common/responsibility.commitments.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf } from '../../platform/context.js';
import { type XlsxColumn, type XlsxExport, listExport } from '../../platform/documents/xlsx-export.js';
import { conflict, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import { notify } from '../notifications/notifications.service.js';
import * as org from '../org/org.service.js';
import * as repo from './responsibility.commitments.repository.js';

const MINE_LINK = '/responsibility/commitments/mine';
const kindLabel = (k: string) => SIGNER_KINDS[k as SignerKind] ?? k;
const statusLabel = (s: string | null) => (s ? (SIGNATURE_STATUSES[s as SignatureStatus] ?? s) : '');

/** What the text's signature attests: its title and body, hashed. */
export const commitmentHash = (title: string, body: string) =>
  createHash('sha256').update(`${title}\n\n${body}`).digest('hex');

/** The caller's visibility: the region (manage, or a region-wide reader), a unit head's units, or only their own. */
function visibilityOf(ctx: Ctx): (repo.Visibility & { manage: boolean }) | null {
  const a = actorOf(ctx);
  const regionId = a.scope.regionId;
  if (!regionId) return null;
  const manage = a.permissions.has('responsibility:manage');
  const reads = a.permissions.has('responsibility:read');
  return {
    regionId,
    manage,
    all: manage || (reads && a.scope.allUnits),
    unitIds: reads ? a.roles.flatMap((g) => (g.role === 'unit_head' && g.unitId ? [g.unitId] : [])) : [],
    personId: a.personId,
  };
}

/** The visibility of a caller who may see something of the year's commitments; 404 for anyone else. */
async function requireVisibility(ctx: Ctx) {
  const v = visibilityOf(ctx);
  if (v && (v.all || v.unitIds.length)) return v;
  if (v?.personId && (await repo.signerOf(ctx.db, v.regionId, v.personId))) return v;
  throw notFound('签字承诺不存在或无权查看');
}

const presentText = (t: repo.TextRow) => ({ ...t, signerKindLabel: kindLabel(t.signerKind) });

/** The year's texts per kind, every version, and the visible signers' counts per status. */
export async function commitmentOverview(ctx: Ctx, year: number) {
  const v = await requireVisibility(ctx);
  const texts = await repo.textsOf(ctx.db, v.regionId, year);
  const counts = await repo.statusCounts(ctx.db, v, year);
  return {
    year,
    kinds: Object.keys(SIGNER_KINDS).map((k) => {
      const versions = texts.filter((t) => t.signerKind === k).map(presentText);
      const n = (s: string) => counts.find((c) => c.signer_kind === k && c.status === s)?.n ?? 0;
      return {
        signerKind: k as SignerKind,
        signerKindLabel: kindLabel(k),
        current: versions[0] ?? null,
        versions,
        counts: {
          expected: n('signed') + n('unsigned') + n('resign'),
          signed: n('signed'),
          unsigned: n('unsigned'),
          resign: n('resign'),
        },
      };
    }),
    actions: v.manage ? ['publish', 'remind'] : [],
  };
}

/**
 * Publishes the next version of a year's text for a kind. `baseRevision` is the version the editor started from:
 * when another was published meanwhile, 409. Those who signed an older version are told to sign again.
 */
export async function publishCommitment(ctx: Ctx, input: TPublishCommitment) {
  const a = actorOf(ctx);
  const v = visibilityOf(ctx);
  if (!v?.manage) throw forbidden();
  const current = await repo.currentText(ctx.db, v.regionId, input.year, input.signerKind);
  if ((current?.revision ?? null) !== input.baseRevision) throw conflict('承诺书已有新版本，请刷新后再修改');
  if (current && current.title === input.title && current.body === input.body) {
    throw ruleViolation('COMMITMENT_UNCHANGED', '承诺书内容没有修改', 'body');
  }
  const row = await repo.insertText(ctx.db, {
    regionId: v.regionId,
    year: input.year,
    signerKind: input.signerKind,
    revision: (current?.revision ?? 0) + 1,
    title: input.title,
    body: input.body,
    textHash: commitmentHash(input.title, input.body),
    publishedAt: ctx.now,
    publishedByUserId: a.userId,
    publishedByName: a.displayName,
  });
  if (!row) throw conflict('承诺书已有新版本，请刷新后再修改');
  await recordAudit(ctx, {
    type: 'commitment.published',
    entity: 'commitment_text',
    entityId: row.id,
    before: current ? { revision: current.revision, textHash: current.textHash } : undefined,
    after: row,
  });
  if (current) {
    const again = await repo.pendingSigners(ctx.db, v, input.year, { signerKind: input.signerKind, status: 'resign' });
    await notify(ctx, {
      personIds: again,
      kind: 'commitment.revised',
      title: `【待重新签署】${input.title}`,
      body: `${input.year}年度${kindLabel(input.signerKind)}承诺书已修订（第${row.revision}版），请阅读后重新签署。`,
      link: MINE_LINK,
    });
  }
  return presentText(row);
}

async function presentSignature(ctx: Ctx, regionId: string, id: string) {
  const got = await repo.getSignature(ctx.db, regionId, id);
  if (!got) return null;
  const { s, t } = got;
  const current = await repo.currentText(ctx.db, regionId, s.year, s.signerKind);
  const unitName = (await org.unitNames(ctx.db, [s.unitId])).get(s.unitId) ?? '';
  return {
    ...s,
    signerKindLabel: kindLabel(s.signerKind),
    unitName,
    title: t.title,
    body: t.body,
    superseded: !!current && current.revision > s.revision,
  };
}

/** The caller's own commitment of the year: the current text of their kind, their latest signature, the status. */
export async function myCommitment(ctx: Ctx, year: number) {
  const a = actorOf(ctx);
  const regionId = a.scope.regionId;
  const none = { year, signer: null, text: null, signature: null, status: null, statusLabel: '', actions: [] };
  if (!regionId || !a.personId) return none;
  const s = await repo.signerOf(ctx.db, regionId, a.personId);
  if (!s) return none;
  const text = await repo.currentText(ctx.db, regionId, year, s.signer_kind);
  const signatureId = await repo.latestSignature(ctx.db, regionId, year, s.signer_kind, a.personId);
  const signature = signatureId ? await presentSignature(ctx, regionId, signatureId) : null;
  const status: SignatureStatus = !signature ? 'unsigned' : signature.superseded ? 'resign' : 'signed';
  return {
    year,
    signer: {
      signerKind: s.signer_kind as SignerKind,
      signerKindLabel: kindLabel(s.signer_kind),
      personId: a.personId,
      name: s.name,
      unitId: s.unit_id,
      unitName: s.unit_name,
    },
    text: text ? presentText(text) : null,
    signature,
    status,
    statusLabel: statusLabel(status),
    actions: text && status !== 'signed' ? ['sign'] : [],
  };
}

/** The caller signs a version: only the current one of their own kind, once. */
export async function signCommitment(ctx: Ctx, textId: string) {
  const a = actorOf(ctx);
  const v = visibilityOf(ctx);
  const text = v ? await repo.getText(ctx.db, v.regionId, textId) : null;
  const signer = v && a.personId ? await repo.signerOf(ctx.db, v.regionId, a.personId) : null;
  if (!v || !text || (!signer && !v.all && !v.unitIds.length)) throw notFound('承诺书不存在或无权查看');
  if (!signer || signer.signer_kind !== text.signerKind) throw forbidden('该承诺书不是您的签署对象');
  const current = await repo.currentText(ctx.db, v.regionId, text.year, text.signerKind);
  if (current?.id !== text.id) {
    throw ruleViolation('COMMITMENT_OUTDATED', '承诺书已有新版本，请阅读新版本后签署');
  }
  const row = await repo.insertSignature(ctx.db, {
    regionId: v.regionId,
    year: text.year,
    signerKind: text.signerKind,
    textId: text.id,
    revision: text.revision,
    textHash: text.textHash,
    personId: a.personId as string,
    unitId: signer.unit_id,
    userId: a.userId,
    signerName: signer.name,
    signedAt: ctx.now,
  });
  if (!row) throw ruleViolation('COMMITMENT_SIGNED', '您已签署该版本承诺书');
  await recordAudit(ctx, { type: 'commitment.signed', entity: 'commitment_signature', entityId: row.id, after: row });
  return (await presentSignature(ctx, v.regionId, row.id)) as NonNullable<Awaited<ReturnType<typeof presentSignature>>>;
}

/** A signed commitment (the printable 承诺书): the signer, their unit's head, the region's readers. */
export async function getSignature(ctx: Ctx, id: string) {
  const v = visibilityOf(ctx);
  const s = v ? await presentSignature(ctx, v.regionId, id) : null;
  if (!v || !s || !(v.all || v.unitIds.includes(s.unitId) || s.personId === v.personId)) {
    throw notFound('签字承诺不存在或无权查看');
  }
  return s;
}

/** The year's expected signers the caller may see, with 已签 / 未签 / 需重签. */
export async function listSigners(ctx: Ctx, f: TListSigners) {
  const v = await requireVisibility(ctx);
  const { items, total } = await repo.pageSigners(ctx.db, v, f);
  return {
    items: items.map((r) => ({
      personId: r.person_id,
      name: r.name,
      post: r.post,
      unitId: r.unit_id,
      unitName: r.unit_name,
      signerKind: r.signer_kind as SignerKind,
      signerKindLabel: kindLabel(r.signer_kind),
      currentRevision: r.current_revision === null ? null : Number(r.current_revision),
      signatureId: r.signature_id,
      signedRevision: r.signed_revision === null ? null : Number(r.signed_revision),
      signedAt: r.signed_at,
      status: r.status as SignatureStatus,
      statusLabel: statusLabel(r.status),
    })),
    total,
  };
}

type SignerItem = Awaited<ReturnType<typeof listSigners>>['items'][number];
const SIGNER_COLUMNS: XlsxColumn<SignerItem>[] = [
  { header: '序号', width: 6, value: (_, i) => i },
  { header: '单位', width: 24, value: (x) => x.unitName },
  { header: '姓名', width: 10, value: (x) => x.name },
  { header: '职务', width: 28, value: (x) => x.post },
  { header: '签署对象', width: 14, value: (x) => x.signerKindLabel },
  { header: '状态', width: 8, value: (x) => x.statusLabel },
  { header: '签署版本', width: 8, value: (x) => (x.signedRevision ? `第${x.signedRevision}版` : '') },
  { header: '签署时间', width: 18, value: (x) => x.signedAt, kind: 'datetime' },
];

/** 签字承诺情况 with the list's filters and the caller's scope. */
export function signersExport(ctx: Ctx, f: TListSigners): XlsxExport<SignerItem> {
  return listExport(`${f.year}年度签字承诺情况`, SIGNER_COLUMNS, (q) => listSigners(ctx, q), f, {
    sheet: '签字承诺情况',
  });
}

/** Reminds every signer of the filter who has not signed the current version (in-app inbox and its channels). */
export async function remindSigners(ctx: Ctx, input: TRemindSigners) {
  const v = visibilityOf(ctx);
  if (!v?.manage) throw forbidden();
  const personIds = await repo.pendingSigners(ctx.db, v, input.year, input);
  const notified = await notify(ctx, {
    personIds,
    kind: 'commitment.reminder',
    title: `【提醒】请签署${input.year}年度党风廉政建设责任承诺书`,
    body: `您尚未签署${input.year}年度党风廉政建设责任承诺书（或承诺书已修订），请登录系统阅读并签署。`,
    link: MINE_LINK,
  });
  await recordAudit(ctx, {
    type: 'commitment.reminded',
    entity: 'commitment_text',
    entityId: null,
    after: { ...input, signers: personIds.length, notified },
  });
  return { signers: personIds.length, notified };
}
