import {
  PROPOSAL_SOURCES,
  type ProposalEvidence,
  type ProposalSource,
  type ProposalState,
  type ProposalSubject,
} from '../../../common/proposals.js';
import { type Permission, ROLE_PERMISSIONS, type Role } from '../../../common/roles.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { userIdsWithRoles } from '../../platform/auth/auth.service.js';
import type { Ctx } from '../../platform/context.js';
import { badRequest } from '../../platform/errors.js';
import { notify } from '../notifications/notifications.service.js';
import * as repo from './cases.proposals.repository.js';

/**
 * What a source module hands over when it proposes accountability (问责建议). The evidence is the
 * source's own snapshot: the cases module never reads the source's tables.
 */
export interface SubmitProposal {
  sourceType: ProposalSource;
  sourceId: string;
  /** The source object's code and title, as shown in the queue (WT2026-0012「…」). */
  sourceCode: string;
  sourceTitle: string;
  regionId: string;
  unitId?: string | null;
  subjects: ProposalSubject[];
  /** 问责条例 第七条 item, when the source can name one. */
  situation?: number | null;
  /** Why accountability is proposed (the situation in words). */
  reason: string;
  evidence: ProposalEvidence[];
  /** The permission of the office that owns the source: it may read the outcome and is told of it. */
  sourcePermission: Permission;
}

/**
 * The one way into the 问责建议 queue (issue #17, decision 009): called inside the source's transaction.
 * Idempotent per source object: while a proposal of the source is pending or accepted, a second call
 * answers it (`created: false`) and changes nothing. A declined source may be proposed again.
 */
export async function submitAccountabilityProposal(ctx: Ctx, input: SubmitProposal) {
  if (input.subjects.length === 0) {
    throw badRequest('PROPOSAL_SUBJECT_REQUIRED', '问责建议须至少提出一个问责对象', 'subjects');
  }
  const existing = await repo.openOfSource(ctx.db, input.sourceType, input.sourceId);
  if (existing) return { id: existing.id, code: existing.code, created: false };
  const proposer = ctx.actor;
  const row = await repo.insert(ctx.db, {
    regionId: input.regionId,
    code: await repo.nextCode(ctx.db, ctx.now.getFullYear()),
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    sourceCode: input.sourceCode,
    sourceTitle: input.sourceTitle.slice(0, 200),
    unitId: input.unitId ?? null,
    subjects: input.subjects,
    situation: input.situation ?? null,
    reason: input.reason,
    evidence: input.evidence,
    sourcePermission: input.sourcePermission,
    proposedByUserId: proposer?.userId ?? null,
    proposedByName: proposer?.displayName ?? '系统',
  });
  if (!row) {
    // Another transaction proposed the same source in the meantime.
    const other = await repo.openOfSource(ctx.db, input.sourceType, input.sourceId);
    return { id: other?.id ?? '', code: other?.code ?? '', created: false };
  }
  await repo.insertEvent(ctx.db, {
    proposalId: row.id,
    type: 'submitted',
    toState: 'pending',
    actorUserId: proposer?.userId ?? null,
    actorName: row.proposedByName,
    at: ctx.now,
    comment: `来源：${PROPOSAL_SOURCES[input.sourceType]} ${input.sourceCode}`,
  });
  await recordAudit(ctx, {
    type: 'proposal.submitted',
    entity: 'accountability_proposal',
    entityId: row.id,
    after: row,
  });
  await notify(ctx, {
    userIds: await userIdsWithRoles(ctx.db, ['case_office', 'commission_leader'], input.regionId),
    kind: 'proposal.submitted',
    title: `【问责建议】${input.sourceTitle}`.slice(0, 200),
    body: `${PROPOSAL_SOURCES[input.sourceType]} ${input.sourceCode} 提出问责建议（${row.code}），请受理。`,
    link: `/cases/proposals/${row.id}`,
    entity: { type: 'accountability_proposal', id: row.id },
  });
  return { id: row.id, code: row.code, created: true };
}

/** Roles of the office that owns a source permission (the commission leaders hold every one: not them). */
export const sourceOfficeRoles = (permission: string) =>
  (Object.entries(ROLE_PERMISSIONS) as [Role, readonly string[]][])
    .filter(([role, perms]) => role !== 'commission_leader' && perms.includes(permission))
    .map(([role]) => role);

/** The proposal a case was opened from, for the case page's link back (null when none). */
export async function proposalOfCase(ctx: Ctx, regionId: string, caseId: string) {
  const row = await repo.ofCase(ctx.db, regionId, caseId);
  return row ? { id: row.id, code: row.code, sourceLabel: PROPOSAL_SOURCES[row.sourceType as ProposalSource] } : null;
}

/**
 * Where a source's latest proposal stands, for the source module's own page (the caller has already read the
 * source): pending, accepted into which case, or declined and why. Null when it was never proposed.
 */
export async function proposalOfSource(ctx: Ctx, sourceType: ProposalSource, sourceId: string) {
  const row = await repo.latestOfSource(ctx.db, sourceType, sourceId);
  return row
    ? {
        id: row.id,
        code: row.code,
        state: row.state as ProposalState,
        caseId: row.caseId,
        caseCode: row.caseCode,
        declineReason: row.declineReason,
      }
    : null;
}
