import crypto from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { authenticator } from 'otplib';
import { ADMIN_ROLES, type Role, permissionsOf } from '../../../common/roles.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor, Ctx, RoleGrant, Scope } from '../context.js';
import type { Executor } from '../db/client.js';
import { AppError, badRequest, unauthenticated } from '../errors.js';
import { readSetting, settingFrom } from '../settings/settings.service.js';
import * as repo from './auth.repository.js';
import { checkPasswordPolicy, securityPolicySetting } from './security-policy.js';

/**
 * What the rest of the server may use of accounts, role grants and sessions. The SQL stays in
 * auth.repository.ts, which nothing outside platform/auth imports.
 */
export {
  type RoleRow,
  type UserRow,
  activeUsers,
  deleteExpiredSessions,
  deleteSessionsOfUser,
  findSession,
  findUser,
  findUserByUsername,
  insertUser,
  listUsers,
  personIdsOf,
  replaceRoles,
  resolveRecipients,
  rolesOf,
  updateUser,
  updateUserVersioned,
  userIdsWithRoles,
} from './auth.repository.js';

/** Resolves the data scope of a set of role grants (implemented by the organisation module). */
export type ScopeResolver = (db: Executor, grants: RoleGrant[], personId: string | null) => Promise<Scope>;

export const SESSION_COOKIE = 'zelian_sid';
const TOUCH_EVERY_MS = 60_000;

export const hashPassword = (password: string) => argonHash(password);

const sessionIdOf = (token: string) => crypto.createHash('sm3').update(token).digest('hex');
// A real argon2id hash, verified when the username is unknown so timing does not reveal it.
const DUMMY_HASH = hashPassword('zelian-timing-equaliser');

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
  userAgent?: string;
}

export type LoginResult = { ok: true; token: string; user: repo.UserRow } | { ok: false; error: AppError };

/**
 * Checks credentials and opens a session. Failures are returned, not thrown, so the caller
 * commits the failed-attempt counter before answering.
 */
export async function login(ctx: Ctx, input: LoginInput): Promise<LoginResult> {
  const policy = await readSetting(ctx.db, securityPolicySetting);
  const now = ctx.clock.now();
  const user = await repo.findUserByUsername(ctx.db, input.username);
  const invalid = () => new AppError(401, 'AUTH_INVALID', '用户名或密码错误');
  if (!user) {
    await argonVerify(await DUMMY_HASH, input.password);
    return { ok: false, error: invalid() };
  }
  const who = { ...ctx, actor: null };
  if (user.lockedUntil && user.lockedUntil > now) {
    return { ok: false, error: lockedError(user.lockedUntil) };
  }
  const passwordOk = await argonVerify(user.passwordHash, input.password);
  if (passwordOk && user.totpEnabled && !input.totp) {
    return { ok: false, error: new AppError(401, 'AUTH_TOTP_REQUIRED', '请输入动态验证码') };
  }
  const totpOk =
    !user.totpEnabled || (input.totp !== undefined && authenticator.check(input.totp, user.totpSecret ?? ''));
  if (!passwordOk || !totpOk) {
    const failed = user.failedLogins + 1;
    const lock = failed >= policy.lockoutThreshold;
    const lockedUntil = lock ? new Date(now.getTime() + policy.lockoutMinutes * 60_000) : null;
    await repo.updateUser(ctx.db, user.id, { failedLogins: lock ? 0 : failed, lockedUntil });
    await recordAudit(who, {
      type: lock ? 'auth.locked' : 'auth.login_failed',
      entity: 'user',
      entityId: user.id,
      after: { username: user.username, failedLogins: failed, lockedUntil, reason: passwordOk ? 'totp' : 'password' },
    });
    if (lockedUntil) return { ok: false, error: lockedError(lockedUntil) };
    return {
      ok: false,
      error: passwordOk ? new AppError(401, 'AUTH_TOTP_INVALID', '动态验证码错误', { field: 'totp' }) : invalid(),
    };
  }
  if (user.disabled) return { ok: false, error: new AppError(401, 'AUTH_DISABLED', '账号已停用，请联系系统管理员') };

  const token = crypto.randomBytes(32).toString('base64url');
  await repo.insertSession(ctx.db, {
    id: sessionIdOf(token),
    userId: user.id,
    csrfToken: crypto.randomBytes(24).toString('base64url'),
    ip: ctx.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
  });
  const mustChange =
    user.mustChangePassword ||
    (policy.passwordRotationDays > 0 &&
      now.getTime() - user.passwordChangedAt.getTime() > policy.passwordRotationDays * 86_400_000);
  const updated = await repo.updateUser(ctx.db, user.id, {
    failedLogins: 0,
    lockedUntil: null,
    mustChangePassword: mustChange,
  });
  await recordAudit(
    { ...ctx, actor: { userId: user.id, username: user.username } as Actor },
    { type: 'auth.login', entity: 'user', entityId: user.id, after: { username: user.username } },
  );
  return { ok: true, token, user: updated };
}

function lockedError(until: Date) {
  const hhmm = until.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
  return new AppError(423, 'AUTH_LOCKED', `登录失败次数过多，账号已锁定，请于 ${hhmm} 后再试`, {
    lockedUntil: until.toISOString(),
  });
}

/**
 * Resolves a session cookie to an actor, enforcing idle and absolute timeouts.
 * Throws 401 when the session is unknown, expired or the user disabled.
 */
export async function authenticate(ctx: Ctx, token: string, resolveScope: ScopeResolver): Promise<Actor> {
  const sessionId = sessionIdOf(token);
  // One round trip for session, user, roles and policy: this runs before every API request.
  const found = await repo.findSessionWithUser(ctx.db, sessionId, securityPolicySetting.key);
  if (!found) throw unauthenticated();
  const { session, user, roles } = found;
  const policy = settingFrom(securityPolicySetting, found.setting);
  const now = ctx.clock.now().getTime();
  const idle = now - session.lastSeenAt.getTime() > policy.idleTimeoutMinutes * 60_000;
  const tooOld = now - session.createdAt.getTime() > policy.absoluteTimeoutHours * 3_600_000;
  if (idle || tooOld) {
    await repo.deleteSession(ctx.db, sessionId);
    throw new AppError(
      401,
      'SESSION_EXPIRED',
      idle ? '长时间未操作，会话已超时，请重新登录' : '会话已到期，请重新登录',
    );
  }
  if (!user || user.disabled) throw unauthenticated('账号已停用，请联系系统管理员');
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(ctx.db, sessionId, new Date(now));
  return actorOf(ctx, user, { id: sessionId, csrfToken: session.csrfToken }, resolveScope, roles);
}

/**
 * The actor of a user: roles, permissions and data scope (a request's session, or the seed acting as a user).
 * `roles`: the user's grants when the caller has already read them.
 */
export async function actorOf(
  ctx: Ctx,
  user: { id: string; username: string; displayName: string; personId: string | null },
  session: { id: string; csrfToken: string },
  resolveScope: ScopeResolver,
  roles?: Pick<repo.RoleRow, 'role' | 'regionId' | 'unitId' | 'groupId'>[],
): Promise<Actor> {
  const grants: RoleGrant[] = (roles ?? (await repo.rolesOf(ctx.db, [user.id]))).map((r) => ({
    role: r.role as Role,
    regionId: r.regionId,
    unitId: r.unitId,
    groupId: r.groupId,
  }));
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    personId: user.personId,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    roles: grants,
    permissions: new Set(permissionsOf(grants.map((g) => g.role))),
    scope: await resolveScope(ctx.db, grants, user.personId),
  };
}

export async function logout(ctx: Ctx): Promise<void> {
  if (!ctx.actor) return;
  await repo.deleteSession(ctx.db, ctx.actor.sessionId);
  await recordAudit(ctx, { type: 'auth.logout', entity: 'user', entityId: ctx.actor.userId });
}

function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

export async function changeOwnPassword(ctx: Ctx, oldPassword: string, newPassword: string): Promise<void> {
  const actor = requireActor(ctx);
  const user = await repo.findUser(ctx.db, actor.userId);
  if (!user || !(await argonVerify(user.passwordHash, oldPassword))) {
    throw badRequest('PASSWORD_WRONG', '原密码不正确', 'oldPassword');
  }
  if (oldPassword === newPassword) throw badRequest('PASSWORD_UNCHANGED', '新密码不能与原密码相同', 'newPassword');
  const policy = await readSetting(ctx.db, securityPolicySetting);
  checkPasswordPolicy(policy, newPassword, user.username, 'newPassword');
  await repo.updateUser(ctx.db, user.id, {
    passwordHash: await hashPassword(newPassword),
    passwordChangedAt: ctx.clock.now(),
    mustChangePassword: false,
  });
  await recordAudit(ctx, { type: 'auth.password_changed', entity: 'user', entityId: user.id });
}

export async function setupTotp(ctx: Ctx): Promise<{ secret: string; otpauthUrl: string }> {
  const actor = requireActor(ctx);
  const secret = authenticator.generateSecret();
  await repo.updateUser(ctx.db, actor.userId, { totpSecret: secret, totpEnabled: false });
  return { secret, otpauthUrl: authenticator.keyuri(actor.username, '责链', secret) };
}

export async function enableTotp(ctx: Ctx, token: string): Promise<void> {
  const actor = requireActor(ctx);
  const user = await repo.findUser(ctx.db, actor.userId);
  if (!user?.totpSecret) throw badRequest('TOTP_NOT_SET_UP', '请先生成双因素认证密钥', 'token');
  if (!authenticator.check(token, user.totpSecret)) throw badRequest('TOTP_INVALID', '动态验证码错误', 'token');
  await repo.updateUser(ctx.db, user.id, { totpEnabled: true });
  await recordAudit(ctx, { type: 'auth.totp_enabled', entity: 'user', entityId: user.id });
}

export async function disableTotp(ctx: Ctx, password: string): Promise<void> {
  const actor = requireActor(ctx);
  const user = await repo.findUser(ctx.db, actor.userId);
  if (!user || !(await argonVerify(user.passwordHash, password))) {
    throw badRequest('PASSWORD_WRONG', '密码不正确', 'password');
  }
  await repo.updateUser(ctx.db, user.id, { totpEnabled: false, totpSecret: null });
  await recordAudit(ctx, { type: 'auth.totp_disabled', entity: 'user', entityId: user.id });
}

/** 三员分立: admin roles stand alone. */
export function checkRoleSeparation(roles: Role[]): void {
  const admins = roles.filter((r) => ADMIN_ROLES.includes(r));
  if (admins.length > 0 && roles.length > 1) {
    throw badRequest(
      'ROLES_NOT_SEPARATED',
      '三员分立：系统管理员、安全保密管理员、安全审计员不能兼任其他角色',
      'roles',
    );
  }
}
