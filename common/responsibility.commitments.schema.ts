/**
 * 签字承诺 (SPEC M2, seed 002): per year and per kind of signer, the office publishes a commitment text (every edit a
 * new version, the old ones kept); each expected signer signs the current version in the system.
 */
import { ZId, ZPage, ZTimestamp, keysOf, z, zPageOf, zStoredEnum } from './zod.js';

/** Who signs: each unit's principal (and every unit_head account), and every other 班子成员 of the org data. */
export const SIGNER_KINDS = {
  principal: '单位主要负责人',
  member: '班子成员',
} as const;
export type SignerKind = keyof typeof SIGNER_KINDS;

export const SIGNATURE_STATUSES = {
  signed: '已签',
  unsigned: '未签',
  resign: '需重签',
} as const;
export type SignatureStatus = keyof typeof SIGNATURE_STATUSES;

const ZYear = z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确');
const ZSignerKind = z.enum(keysOf(SIGNER_KINDS), { message: '签署对象应为单位主要负责人或班子成员' });

export const ZCommitmentYear = z.object({ year: ZYear });

export const ZPublishCommitment = z.object({
  year: ZYear,
  signerKind: ZSignerKind,
  title: z.string().trim().min(1, '请填写标题').max(100, '标题不能超过100个字'),
  body: z.string().trim().min(1, '请填写承诺内容').max(20000, '承诺内容不能超过20000个字'),
  /** The version the editor started from (null for the first); a newer one published meanwhile is a conflict. */
  baseRevision: z.number().int().min(1).nullable().default(null),
});
export type TPublishCommitment = z.infer<typeof ZPublishCommitment>;

export const ZCommitmentText = z.object({
  id: z.string(),
  year: z.number(),
  signerKind: zStoredEnum(keysOf(SIGNER_KINDS)),
  signerKindLabel: z.string(),
  revision: z.number(),
  title: z.string(),
  body: z.string(),
  textHash: z.string(),
  publishedAt: ZTimestamp,
  publishedByName: z.string(),
});

const ZCounts = z.object({ expected: z.number(), signed: z.number(), unsigned: z.number(), resign: z.number() });

/** The year's texts per kind (every version, newest first) and how many of the visible signers signed. */
export const ZCommitmentOverview = z.object({
  year: z.number(),
  kinds: z.array(
    z.object({
      signerKind: zStoredEnum(keysOf(SIGNER_KINDS)),
      signerKindLabel: z.string(),
      current: ZCommitmentText.nullable(),
      versions: z.array(ZCommitmentText),
      counts: ZCounts,
    }),
  ),
  actions: z.array(z.string()),
});

export const ZListSigners = z.object({
  ...ZPage,
  year: ZYear,
  signerKind: ZSignerKind.optional(),
  unitId: ZId.optional(),
  status: z.enum(keysOf(SIGNATURE_STATUSES)).optional(),
  q: z.string().trim().max(50).optional(),
});
export type TListSigners = z.infer<typeof ZListSigners>;

export const ZSigner = z.object({
  personId: z.string(),
  name: z.string(),
  post: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  signerKind: zStoredEnum(keysOf(SIGNER_KINDS)),
  signerKindLabel: z.string(),
  currentRevision: z.number().nullable(),
  signatureId: z.string().nullable(),
  signedRevision: z.number().nullable(),
  signedAt: ZTimestamp.nullable(),
  status: zStoredEnum(keysOf(SIGNATURE_STATUSES)),
  statusLabel: z.string(),
});
export const ZSignerPage = zPageOf(ZSigner);

export const ZSignature = z.object({
  id: z.string(),
  year: z.number(),
  signerKind: zStoredEnum(keysOf(SIGNER_KINDS)),
  signerKindLabel: z.string(),
  textId: z.string(),
  revision: z.number(),
  textHash: z.string(),
  personId: z.string(),
  signerName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  signedAt: ZTimestamp,
  /** The text as signed (the version's own words, whatever was published after). */
  title: z.string(),
  body: z.string(),
  /** Whether a newer version was published after this signature. */
  superseded: z.boolean(),
});

/** The caller's own commitment of the year: what to sign, and whether it is signed. */
export const ZMyCommitment = z.object({
  year: z.number(),
  signer: z
    .object({
      signerKind: zStoredEnum(keysOf(SIGNER_KINDS)),
      signerKindLabel: z.string(),
      personId: z.string(),
      name: z.string(),
      unitId: z.string(),
      unitName: z.string(),
    })
    .nullable(),
  text: ZCommitmentText.nullable(),
  signature: ZSignature.nullable(),
  status: zStoredEnum(keysOf(SIGNATURE_STATUSES)).nullable(),
  statusLabel: z.string(),
  actions: z.array(z.string()),
});

export const ZRemindSigners = z.object({
  year: ZYear,
  signerKind: ZSignerKind.optional(),
  unitId: ZId.optional(),
});
export type TRemindSigners = z.infer<typeof ZRemindSigners>;
export const ZRemindResult = z.object({ signers: z.number(), notified: z.number() });
