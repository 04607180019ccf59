import { ROLES } from '../../../common/roles.js';
import { ZId, ZNonEmpty, ZVersion, z } from '../../../common/zod.js';
import { ZSecurityPolicy } from '../../platform/auth/security-policy.js';

export const ZLogin = z.object({
  username: ZNonEmpty('用户名', 50),
  password: z.string({ message: '请填写密码' }).min(1, '请填写密码').max(200),
  totp: z
    .string()
    .regex(/^\d{6}$/, '动态验证码为6位数字')
    .optional(),
});

export const ZChangePassword = z.object({
  oldPassword: z.string({ message: '请填写原密码' }).min(1, '请填写原密码').max(200),
  newPassword: z.string({ message: '请填写新密码' }).min(1, '请填写新密码').max(200),
});
export const ZTotpToken = z.object({ token: z.string().regex(/^\d{6}$/, '动态验证码为6位数字') });
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

export const ZUpdateSecurity = ZSecurityPolicy.extend({ version: ZVersion });
export const ZIdParam = z.object({ id: ZId });
