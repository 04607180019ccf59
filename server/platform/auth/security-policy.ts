import { type TSecurityPolicy, ZSecurityPolicy } from '../../../common/identity.schema.js';
import { badRequest } from '../errors.js';
import type { SettingDef } from '../settings/settings.service.js';

export const securityPolicySetting: SettingDef<typeof ZSecurityPolicy> = {
  key: 'security',
  schema: ZSecurityPolicy,
  defaults: {
    passwordMinLength: 10,
    passwordRequireClasses: 3,
    passwordRotationDays: 0,
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    loginDelaySeconds: 2,
    idleTimeoutMinutes: 30,
    absoluteTimeoutHours: 12,
  },
};

/** Throws a field-level validation error when `password` breaks the policy. */
export function checkPasswordPolicy(policy: TSecurityPolicy, password: string, username: string, field = 'password') {
  if (password.length < policy.passwordMinLength) {
    throw badRequest('PASSWORD_TOO_SHORT', `密码长度不能少于 ${policy.passwordMinLength} 位`, field);
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < policy.passwordRequireClasses) {
    throw badRequest(
      'PASSWORD_TOO_WEAK',
      `密码须包含大写字母、小写字母、数字、特殊符号中的至少 ${policy.passwordRequireClasses} 类`,
      field,
    );
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    throw badRequest('PASSWORD_CONTAINS_USERNAME', '密码不能包含用户名', field);
  }
}
