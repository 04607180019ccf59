import { ARTICLE_7, CASE_KINDS } from './cases.js';
import { ZSituationNo } from './cases.schema.js';
import { PROPOSAL_SOURCES, PROPOSAL_STATES, type ProposalEvidence, type ProposalSubject } from './proposals.js';
import { ZId, ZPage, ZTimestamp, ZVersion, z, zJson, zStoredEnum, eventRowFields, keysOf } from './zod.js';

// ---------- requests

export const ZListProposals = z.object({
  ...ZPage,
  state: z.enum(keysOf(PROPOSAL_STATES), { message: '状态不正确' }).optional(),
  sourceType: z.enum(keysOf(PROPOSAL_SOURCES), { message: '来源类型不正确' }).optional(),
  /** The proposals of one source object (its page shows their outcome). */
  sourceId: ZId.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['-createdAt', 'createdAt', 'code', '-code']).optional(),
});
export type TListProposals = z.infer<typeof ZListProposals>;

export const ZProposalEvent = z.object({
  type: z.enum(['accept', 'decline'], { message: '不支持的操作' }),
  version: ZVersion,
  /** decline: the reason, sent back to the source's office. accept: an optional note. */
  comment: z.string().trim().max(2000, '不能超过2000个字').default(''),
  /** accept: the case's kind, title and situation (defaults: the proposal's), and its team. */
  kind: z.enum(keysOf(CASE_KINDS), { message: '请选择问责类型' }).optional(),
  title: z.string().trim().min(1).max(100, '案件名称不能超过100个字').optional(),
  situation: ZSituationNo.optional(),
  teamUserIds: z.array(ZId).max(10).default([]),
});
export type TProposalEvent = z.infer<typeof ZProposalEvent>;

export const ZIdParam = z.object({ id: ZId });

// ---------- responses

const ZSubject = zJson<ProposalSubject>();

export const ZProposal = z.object({
  id: ZId,
  regionId: ZId,
  code: z.string(),
  sourceType: zStoredEnum(keysOf(PROPOSAL_SOURCES)),
  sourceLabel: z.string(),
  sourceId: ZId,
  sourceCode: z.string(),
  sourceTitle: z.string(),
  sourceLink: z.string(),
  unitId: ZId.nullable(),
  unitName: z.string().nullable(),
  subjects: z.array(ZSubject),
  situation: z.number().int().nullable(),
  situationText: z.string().nullable(),
  reason: z.string(),
  proposedByName: z.string(),
  state: zStoredEnum(keysOf(PROPOSAL_STATES)),
  stateLabel: z.string(),
  caseId: ZId.nullable(),
  caseCode: z.string().nullable(),
  declineReason: z.string().nullable(),
  decidedAt: ZTimestamp.nullable(),
  decidedByName: z.string().nullable(),
  version: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  /** accept / decline when the caller receives proposals and it is pending. */
  actions: z.array(z.string()),
});

export const ZProposalDetail = ZProposal.extend({
  evidence: z.array(zJson<ProposalEvidence>()),
  events: z.array(
    z.object({
      id: ZId,
      proposalId: ZId,
      type: z.string(),
      label: z.string(),
      ...eventRowFields,
    }),
  ),
});

/** Article 7 item text of a situation number. */
export const situationText = (n: number | null) => (n ? (ARTICLE_7[n as keyof typeof ARTICLE_7] ?? null) : null);
