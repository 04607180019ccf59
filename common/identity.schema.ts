import { ROLES } from './roles.js';
import { ZId, ZNonEmpty, ZPage, ZTimestamp, ZVersion, z, zStoredEnum } from './zod.js';

// ---------- requests

/** A one-time code of the authenticator app: six digits (RFC 6238's default, what every app shows). */
const ZTotpCode = z.string().length(6, '动态验证码为6位数字').regex(/^\d+$/, '动态验证码为6位数字');

export const ZLogin = z.object({
  username: ZNonEmpty('用户名', 50),
  password: z.string({ message: '请填写密码' }).min(1, '请填写密码').max(200),
  totp: ZTotpCode.optional(),
});
export type TLogin = z.infer<typeof ZLogin>;

export const ZChangePassword = z.object({
  oldPassword: z.string({ message: '请填写原密码' }).min(1, '请填写原密码').max(200),
  newPassword: z.string({ message: '请填写新密码' }).min(1, '请填写新密码').max(200),
});
export type TChangePassword = z.infer<typeof ZChangePassword>;
export const ZTotpToken = z.object({ token: ZTotpCode });
export const ZPasswordOnly = z.object({ password: z.string().min(1, '请填写密码').max(200) });

export const ZUsername = z
  .string({ message: '请填写用户名' })
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9._-]{2,49}$/, '用户名须以字母开头，3-50位字母、数字、点、下划线或短横线');

export const ZCreateUser = z.object({
  username: ZUsername,
  displayName: ZNonEmpty('姓名', 50),
  personId: ZId.nullable().optional(),
  password: z.string({ message: '请填写初始密码' }).min(1, '请填写初始密码').max(200),
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z.object({
  version: ZVersion,
  displayName: ZNonEmpty('姓名', 50).optional(),
  personId: ZId.nullable().optional(),
  disabled: z.boolean().optional(),
});
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZRoleGrant = z.object({
  role: z.enum(ROLES, { message: '角色不正确' }),
  unitId: ZId.nullable().optional(),
  groupId: ZId.nullable().optional(),
});
export const ZSetRoles = z.object({ version: ZVersion, roles: z.array(ZRoleGrant).max(20) });
export type TSetRoles = z.infer<typeof ZSetRoles>;

/** Security policy, maintained by the security admin (SPEC M13). */
export const ZSecurityPolicy = z.object({
  passwordMinLength: z.number().int().min(8, '密码最短长度不能小于8').max(64),
  /** How many of: lower case, upper case, digits, symbols (等保 asks for 3; ASVS for 0 with length ≥ 12). */
  passwordRequireClasses: z.number().int().min(0).max(4),
  /** Days before a password must be changed; 0 = never. */
  passwordRotationDays: z.number().int().min(0).max(365),
  lockoutThreshold: z.number().int().min(1).max(20),
  lockoutMinutes: z.number().int().min(1).max(1440),
  /** Progressive sign-in delay: after the 3rd failure from a source, wait this many seconds, doubling each time; 0 = off. */
  loginDelaySeconds: z.number().int().min(0).max(60),
  idleTimeoutMinutes: z.number().int().min(1).max(1440),
  absoluteTimeoutHours: z.number().int().min(1).max(720),
});
export type TSecurityPolicy = z.infer<typeof ZSecurityPolicy>;

export const ZUpdateSecurity = ZSecurityPolicy.extend({ version: ZVersion });
export const ZIdParam = z.object({ id: ZId });

// ---------- responses

export const ZOk = z.object({ ok: z.boolean() });

export const ZLoginResult = z.object({
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), mustChangePassword: z.boolean() }),
});

export const ZMe = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    personId: z.string().nullable(),
    totpEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
  }),
  roles: z.array(
    z.object({
      role: z.enum(ROLES),
      regionId: z.string().nullable(),
      unitId: z.string().nullable(),
      groupId: z.string().nullable(),
    }),
  ),
  scope: z.object({
    regionId: z.string().nullable(),
    allUnits: z.boolean(),
    unitIds: z.array(z.string()),
    groupIds: z.array(z.string()),
    /** Absent when the scope is region-wide. */
    personId: z.string().nullable().optional(),
  }),
  permissions: z.array(z.string()),
  modules: z.array(z.object({ key: z.string(), label: z.string(), path: z.string(), enabled: z.boolean() })),
  csrfToken: z.string(),
});

export const ZTotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string() });

export const ZListUsers = z.object({
  ...ZPage,
  /** Part of the username or the display name. */
  q: z.string().trim().max(50).optional(),
  disabled: z.enum(['true', 'false']).optional(),
});
export type TListUsers = z.infer<typeof ZListUsers>;

export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: ZTimestamp.nullable(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  roles: z.array(z.object({ role: zStoredEnum(ROLES), unitId: z.string().nullable(), groupId: z.string().nullable() })),
  version: z.number(),
});

/** A reset never shows the temporary password to the admin: it goes to the user over these channels. */
export const ZPasswordReset = z.object({ deliveredTo: z.array(z.enum(['sms', 'email'])) });

export const ZSecuritySettings = ZSecurityPolicy.extend({ version: z.number() });

// ---------- saved views of a list (「我的待办」)

/** The lists whose views can be saved: a page's key, e.g. `problems` (web/src/components/saved-views.tsx). */
const ZViewList = z.string().regex(/^[a-z][a-z-]{0,39}$/, '列表名称不正确');
export const SAVED_VIEW_LABEL_MAX = 20;
export const SAVED_VIEWS_MAX = 12;

export const ZListSavedViews = z.object({ list: ZViewList });
export const ZCreateSavedView = z.object({
  list: ZViewList,
  label: ZNonEmpty('视图名称', SAVED_VIEW_LABEL_MAX),
  /** The list's query string without `?` and page. */
  search: z.string().max(2000, '筛选条件过长'),
});
export type TCreateSavedView = z.infer<typeof ZCreateSavedView>;
export const ZSavedView = z.object({ id: ZId, list: z.string(), label: z.string(), search: z.string() });
