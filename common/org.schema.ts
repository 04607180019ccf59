import { ISSUER_CODES } from './issuers.js';
import { GROUP_KINDS, UNIT_TYPES, UNIT_TYPE_LABELS } from './org.js';
import { ZId, ZNonEmpty, ZPage, ZVersion, z, zPageOf } from './zod.js';

// ---------- requests

export const ZUnitType = z.enum(UNIT_TYPES, { message: `单位类型应为：${Object.values(UNIT_TYPE_LABELS).join('、')}` });

export const ZListUnits = z.object({
  ...ZPage,
  pageSize: z.coerce.number().int().min(1).max(2000).default(1000),
  q: z.string().max(50).optional(),
  type: ZUnitType.optional(),
  parentId: ZId.optional(),
});

// Field schemas carry no defaults, so a PATCH never resets a field it did not send.
const UNIT_CODE_RULE = '单位编码只能包含字母、数字、下划线和短横线，最多30位';
const unitFields = {
  parentId: ZId.nullable(),
  name: ZNonEmpty('单位名称'),
  shortName: z.string().trim().max(30),
  code: z
    .string({ message: '请填写单位编码' })
    .trim()
    .min(1, UNIT_CODE_RULE)
    .max(30, UNIT_CODE_RULE)
    .regex(/^[A-Za-z0-9_-]+$/, UNIT_CODE_RULE),
  type: ZUnitType,
  sortOrder: z.number().int().min(0).max(100000),
};
export const ZCreateUnit = z.object({
  ...unitFields,
  parentId: unitFields.parentId.optional(),
  shortName: unitFields.shortName.default(''),
  sortOrder: unitFields.sortOrder.default(0),
});
export type TCreateUnit = z.infer<typeof ZCreateUnit>;

export const ZUpdateUnit = z
  .object(unitFields)
  .partial()
  .extend({
    version: ZVersion,
    principalPersonId: ZId.nullable().optional(),
    liaisonPersonId: ZId.nullable().optional(),
    leaderInChargePersonId: ZId.nullable().optional(),
    memberPersonIds: z.array(ZId).max(50).optional(),
  });
export type TUpdateUnit = z.infer<typeof ZUpdateUnit>;

export const ZDeleteQuery = z.object({ version: z.coerce.number().int().min(0) });

export const ZListPeople = z.object({
  ...ZPage,
  unitId: ZId.optional(),
  q: z.string().max(50).optional(),
  sort: z.enum(['name', '-name', 'post', '-post', 'rank', '-rank', 'unitName', '-unitName']).optional(),
});

const personFields = {
  name: ZNonEmpty('姓名', 30),
  gender: z.enum(['男', '女'], { message: '性别应为“男”或“女”' }).nullable(),
  unitId: ZId,
  post: z.string().trim().max(60),
  rank: z.string().trim().max(30),
  partyMember: z.boolean(),
  isLeader: z.boolean(),
  phone: z
    .string()
    .trim()
    .max(13, '联系电话格式不正确')
    .regex(/^(|1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话格式不正确'),
  email: z
    .string()
    .trim()
    .max(100)
    .regex(/^(|[^\s@]+@[^\s@]+\.[^\s@]+)$/, '电子邮箱格式不正确'),
};
export const ZCreatePerson = z.object({
  ...personFields,
  gender: personFields.gender.optional(),
  post: personFields.post.default(''),
  rank: personFields.rank.default(''),
  partyMember: personFields.partyMember.default(true),
  isLeader: personFields.isLeader.default(false),
  phone: personFields.phone.default(''),
  email: personFields.email.default(''),
});
export type TCreatePerson = z.infer<typeof ZCreatePerson>;
export const ZUpdatePerson = z.object(personFields).partial().extend({ version: ZVersion });
export type TUpdatePerson = z.infer<typeof ZUpdatePerson>;

export const ZListGroups = z.object({
  ...ZPage,
  kind: z.enum(GROUP_KINDS).optional(),
  q: z.string().trim().max(50).optional(),
});
export type TListGroups = z.infer<typeof ZListGroups>;
const groupFields = {
  kind: z.enum(GROUP_KINDS, { message: '请选择小组类型' }),
  name: ZNonEmpty('名称'),
  sortOrder: z.number().int().min(0).max(100000),
  leaderPersonId: ZId.nullable(),
  memberPersonIds: z.array(ZId).max(100),
  unitIds: z.array(ZId).max(500),
};
export const ZCreateGroup = z.object({
  ...groupFields,
  leaderPersonId: groupFields.leaderPersonId.optional(),
  sortOrder: groupFields.sortOrder.default(0),
  memberPersonIds: groupFields.memberPersonIds.default([]),
  unitIds: groupFields.unitIds.default([]),
});
export type TCreateGroup = z.infer<typeof ZCreateGroup>;
export const ZUpdateGroup = z.object(groupFields).partial().extend({ version: ZVersion });
export type TUpdateGroup = z.infer<typeof ZUpdateGroup>;

export const ZIdParam = z.object({ id: ZId });

// ---------- responses

/** `update`, `delete` for a caller with org:write. */
const ZOrgActions = z.array(z.string());

export const ZUnit = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  shortName: z.string(),
  code: z.string(),
  type: z.enum(UNIT_TYPES),
  typeLabel: z.string(),
  sortOrder: z.number(),
  principalPersonId: z.string().nullable(),
  principalName: z.string().nullable(),
  liaisonPersonId: z.string().nullable(),
  liaisonName: z.string().nullable(),
  leaderInChargePersonId: z.string().nullable(),
  leaderInChargeName: z.string().nullable(),
  memberPersonIds: z.array(z.string()),
  version: z.number(),
  actions: ZOrgActions,
});

export const ZPerson = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(['男', '女']).nullable(),
  unitId: z.string(),
  unitName: z.string(),
  post: z.string(),
  rank: z.string(),
  partyMember: z.boolean(),
  isLeader: z.boolean(),
  phone: z.string(),
  email: z.string(),
  version: z.number(),
  actions: ZOrgActions,
});

/** A person with the history of posts (任职经历), newest first. */
export const ZPersonDetail = ZPerson.extend({
  posts: z.array(z.object({ unitName: z.string(), post: z.string(), from: z.string(), to: z.string().nullable() })),
});

export const ZGroup = z.object({
  id: z.string(),
  kind: z.enum(GROUP_KINDS),
  name: z.string(),
  sortOrder: z.number(),
  leaderPersonId: z.string().nullable(),
  leaderName: z.string().nullable(),
  memberPersonIds: z.array(z.string()),
  unitIds: z.array(z.string()),
  version: z.number(),
  actions: z.array(z.string()),
});

export const ZOrgImportResult = z.object({
  units: z.number(),
  unitsCreated: z.number(),
  people: z.number(),
  peopleCreated: z.number(),
  peopleUpdated: z.number(),
});

/** 发文机关 of the region (issue #13): GET /api/issuers, PUT /api/issuers/{code}. */
export const ZIssuerCodeParam = z.object({ code: z.enum(ISSUER_CODES, { message: '发文机关代码不正确' }) });
export const ZUpdateIssuer = z.object({
  name: ZNonEmpty('发文机关全称', 60),
  shortName: ZNonEmpty('简称', 30),
  abbreviation: ZNonEmpty('机关代字', 10),
  signature: ZNonEmpty('署名', 60),
});
export type TUpdateIssuer = z.infer<typeof ZUpdateIssuer>;
export const ZIssuer = ZUpdateIssuer.extend({
  code: z.enum(ISSUER_CODES),
  label: z.string(),
  /** false: derived from the region's name, no row of its own yet */
  custom: z.boolean(),
});
/** The region's offices in the order of ISSUER_CODES, a page at a time like every list. */
export const ZListIssuers = z.object({ ...ZPage });
export type TListIssuers = z.infer<typeof ZListIssuers>;
export const ZIssuerList = zPageOf(ZIssuer);
