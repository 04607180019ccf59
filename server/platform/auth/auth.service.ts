import crypto from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { authenticator as otp } from 'otplib';
import { ADMIN_ROLES, type Permission, type Role, permissionsOf } from '../../../common/roles.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor, Ctx, RoleGrant, Scope } from '../context.js';
import type { Executor } from '../db/client.js';
import { AppError, badRequest, unauthenticated } from '../errors.js';
import { readSetting, settingFrom } from '../settings/settings.service.js';
import * as repo from './auth.repository.js';
import { checkPasswordPolicy, securityPolicySetting } from './security-policy.js';
import { type SessionAuth, type SessionCache, sessionCacheOf } from './session-cache.js';

/**
 * What the rest of the server may use of accounts, role grants and sessions. The SQL stays in
 * auth.repository.ts, which nothing outside platform/auth imports.
 */
export {
  type RoleRow,
  type UserRow,
  activeUsers,
  clearLoginFailures,
  deleteExpiredSessions,
  deleteSessionsOfUser,
  findSession,
  findUser,
  findUserByUsername,
  insertUser,
  pageUsers,
  personIdsOf,
  replaceRoles,
  usersWithRoles,
  resolveRecipients,
  rolesOf,
  updateUser,
  updateUserVersioned,
  userIdsWithRoles,
} from './auth.repository.js';
export { evictSessions } from './session-cache.js';

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

export type LoginResult =
  | { ok: true; token: string; user: repo.UserRow }
  /** `locked`: a source was just locked out of a real account, which the security admins are told of. */
  | { ok: false; error: AppError; locked?: LockedSource };

export interface LockedSource {
  user: repo.UserRow;
  ip: string;
  failures: number;
  until: Date;
  /** The account was already locked from another source in this window (the admins were told then). */
  repeated: boolean;
}

/** Failures a source may make before it has to wait; the wait then doubles with each further failure. */
const FREE_FAILURES = 3;

/** Seconds a source must still wait before its next attempt (progressive delay, issue #21 item 8), or 0. */
function waitSeconds(source: repo.LoginFailureRow | undefined, delaySeconds: number, now: Date): number {
  if (!source || delaySeconds === 0 || source.failed < FREE_FAILURES) return 0;
  const delayMs = delaySeconds * 1000 * 2 ** (source.failed - FREE_FAILURES);
  return Math.max(0, Math.ceil((source.lastAt.getTime() + delayMs - now.getTime()) / 1000));
}

/**
 * Checks credentials and opens a session. Failures are returned, not thrown, so the caller
 * commits the failed-attempt counter before answering.
 *
 * No oracle: an unknown, disabled or locked account answers exactly like a wrong password would at that point,
 * and failures are counted per (username as typed, source IP) for real and unknown names alike; a lockout stops
 * that source only, so an attacker cannot lock a user out everywhere.
 */
export async function login(ctx: Ctx, input: LoginInput): Promise<LoginResult> {
  const policy = await readSetting(ctx.db, securityPolicySetting);
  const now = ctx.clock.now();
  const ip = ctx.ip ?? '';
  const source = await repo.findLoginFailure(ctx.db, input.username, ip);
  if (source?.lockedUntil && source.lockedUntil > now) return { ok: false, error: lockedError(source.lockedUntil) };
  // Checked before the password, and not counted: a source that must wait learns nothing by trying.
  const wait = waitSeconds(source, policy.loginDelaySeconds, now);
  if (wait > 0) {
    return {
      ok: false,
      error: new AppError(429, 'AUTH_SLOW_DOWN', `登录失败次数较多，请 ${wait} 秒后再试`, { retryAfterSeconds: wait }),
    };
  }
  const user = await repo.findUserByUsername(ctx.db, input.username);
  const passwordOk = await argonVerify(user?.passwordHash ?? (await DUMMY_HASH), input.password);
  const usable = user !== undefined && !user.disabled && passwordOk;
  if (usable && user.totpEnabled && !input.totp) {
    return { ok: false, error: new AppError(401, 'AUTH_TOTP_REQUIRED', '请输入动态验证码') };
  }
  const totpStep = usable && user.totpEnabled ? acceptedTotpStep(user, input.totp ?? '') : null;
  if (!usable || totpStep === undefined) {
    const failed = await repo.addLoginFailure(ctx.db, input.username, ip, now);
    const lockedUntil =
      failed >= policy.lockoutThreshold ? new Date(now.getTime() + policy.lockoutMinutes * 60_000) : null;
    if (lockedUntil) await repo.lockLoginSource(ctx.db, input.username, ip, lockedUntil);
    if (user) {
      if (lockedUntil) await repo.updateUser(ctx.db, user.id, { lockedUntil });
      await recordAudit(
        { ...ctx, actor: null },
        {
          type: lockedUntil ? 'auth.locked' : 'auth.login_failed',
          entity: 'user',
          entityId: user.id,
          after: {
            username: user.username,
            failedLogins: failed,
            lockedUntil,
            ip,
            reason: loginFailReason(user, passwordOk),
          },
        },
      );
    }
    if (lockedUntil) {
      const locked = user
        ? { user, ip, failures: failed, until: lockedUntil, repeated: (user.lockedUntil ?? now) > now }
        : undefined;
      return { ok: false, error: lockedError(lockedUntil), locked };
    }
    return {
      ok: false,
      error: usable ? new AppError(401, 'AUTH_TOTP_INVALID', '动态验证码错误', { field: 'totp' }) : invalidLogin(),
    };
  }
  await repo.clearLoginFailures(ctx.db, input.username, ip);

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
    ...(totpStep !== null ? { totpLastStep: totpStep } : {}),
  });
  await recordAudit(
    { ...ctx, actor: { userId: user.id, username: user.username } as Actor },
    { type: 'auth.login', entity: 'user', entityId: user.id, after: { username: user.username } },
  );
  return { ok: true, token, user: updated };
}

const invalidLogin = () => new AppError(401, 'AUTH_INVALID', '用户名或密码错误');

function loginFailReason(user: repo.UserRow, passwordOk: boolean) {
  if (!passwordOk) return 'password';
  return user.disabled ? 'disabled' : 'totp';
}

const TOTP_STEP_MS = 30_000;
// One step either side for clock drift; each step is still accepted only once (totpLastStep).
const authenticator = otp.clone({ window: 1 });

/**
 * The time-step of a valid TOTP code not used before (replay: a code is accepted once), or undefined.
 * otplib checks against the real time, so the step is counted from it as well.
 */
function acceptedTotpStep(user: Pick<repo.UserRow, 'totpSecret' | 'totpLastStep'>, code: string) {
  if (!user.totpSecret || !/^\d{6}$/.test(code)) return undefined;
  const delta = authenticator.checkDelta(code, user.totpSecret);
  if (delta === null) return undefined;
  const step = Math.floor(Date.now() / TOTP_STEP_MS) + delta;
  return user.totpLastStep !== null && step <= user.totpLastStep ? undefined : step;
}

/** Routes a session that must change its password may still call; everything else answers 403. */
const PASSWORD_CHANGE_ROUTES = new Set(['GET /api/me', 'POST /api/me/password', 'POST /api/auth/logout']);

/** A reset or expired password serves nothing but /api/me, the password change and logout until it is changed. */
export function checkPasswordChangeGate(actor: Actor, route: string): void {
  if (actor.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(route)) {
    throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改初始密码或已重置的密码，然后才能继续使用系统');
  }
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
  const now = ctx.clock.now().getTime();
  const cache = sessionCacheOf(ctx.db);
  // The in-process cache (session-cache.ts) is trusted only when it lets the request through: a cached copy that
  // would refuse is checked against the database first (another instance may have touched the session).
  let found = cache?.get(sessionId);
  let refused = found && refusal(found, now);
  if (!found || refused) {
    found = await readSession(ctx, sessionId, now, cache);
    refused = found && refusal(found, now);
  }
  if (!found) throw unauthenticated();
  const { session, user, roles } = found;
  if (refused === 'idle' || refused === 'expired') {
    await repo.deleteSession(ctx.db, sessionId);
    throw new AppError(
      401,
      'SESSION_EXPIRED',
      refused === 'idle' ? '长时间未操作，会话已超时，请重新登录' : '会话已到期，请重新登录',
    );
  }
  if (!user || refused === 'disabled') throw unauthenticated('账号已停用，请联系系统管理员');
  if (
    now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS &&
    (await repo.touchSession(ctx.db, sessionId, new Date(now)))
  ) {
    cache?.touched(sessionId, new Date(now));
  }
  const actor = await actorOf(ctx, user, { id: sessionId, csrfToken: session.csrfToken }, resolveScope, roles);
  return user.mustChangePassword ? { ...actor, mustChangePassword: true } : actor;
}

/** One round trip for session, user, roles and policy; a read that lets the request through is cached. */
async function readSession(ctx: Ctx, sessionId: string, now: number, cache: SessionCache | undefined) {
  const token = cache?.begin() ?? 0;
  const found = await repo.findSessionWithUser(ctx.db, sessionId, securityPolicySetting.key);
  if (found && cache && !refusal(found, now)) cache.put(sessionId, found, token);
  return found;
}

/** Why a session's read refuses the request now, or undefined when it lets it through. */
function refusal({ session, user, setting }: SessionAuth, now: number) {
  const policy = settingFrom(securityPolicySetting, setting);
  if (now - session.lastSeenAt.getTime() > policy.idleTimeoutMinutes * 60_000) return 'idle';
  if (now - session.createdAt.getTime() > policy.absoluteTimeoutHours * 3_600_000) return 'expired';
  if (!user || user.disabled) return 'disabled';
  return undefined;
}

/** Permission sets by role combination: every request builds its actor, and most callers share a few combinations. */
const permissionSets = new Map<string, ReadonlySet<Permission>>();
function permissionSetOf(grants: RoleGrant[]): ReadonlySet<Permission> {
  const key = grants.map((g) => g.role).join(' ');
  let set = permissionSets.get(key);
  if (!set) {
    set = new Set(permissionsOf(grants.map((g) => g.role)));
    // Role names are a closed list; the bound only guards against an unforeseen source of keys.
    if (permissionSets.size >= 1_000) permissionSets.clear();
    permissionSets.set(key, set);
  }
  return set;
}

/**
 * The actor of a user: roles, permissions and data scope (a request's session, or the seed acting as a user).
 * `roles`: the user's grants when the caller has already read them.
 */
export async function actorOf(
  ctx: Ctx,
  user: { id: string; username: string; displayName: string; personId: string | null; totpEnabled?: boolean },
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
    totpEnabled: user.totpEnabled ?? false,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    roles: grants,
    permissions: permissionSetOf(grants),
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
  // Whoever else held a session (a stolen cookie, the admin who reset the password) is signed out.
  await repo.deleteOtherSessions(ctx.db, user.id, actor.sessionId);
  await recordAudit(ctx, { type: 'auth.password_changed', entity: 'user', entityId: user.id });
}

/** Changing the second factor needs the current password (re-authentication) and is audited. */
export async function setupTotp(ctx: Ctx, password: string): Promise<{ secret: string; otpauthUrl: string }> {
  const user = await reauthenticate(ctx, password);
  const secret = authenticator.generateSecret();
  await repo.updateUser(ctx.db, user.id, { totpSecret: secret, totpEnabled: false, totpLastStep: null });
  await recordAudit(ctx, {
    type: 'auth.totp_setup',
    entity: 'user',
    entityId: user.id,
    before: { totpEnabled: user.totpEnabled },
    after: { totpEnabled: false },
  });
  return { secret, otpauthUrl: authenticator.keyuri(user.username, '责链', secret) };
}

async function reauthenticate(ctx: Ctx, password: string): Promise<repo.UserRow> {
  const actor = requireActor(ctx);
  const user = await repo.findUser(ctx.db, actor.userId);
  if (!user || !(await argonVerify(user.passwordHash, password))) {
    throw badRequest('PASSWORD_WRONG', '密码不正确', 'password');
  }
  return user;
}

export async function enableTotp(ctx: Ctx, token: string): Promise<void> {
  const actor = requireActor(ctx);
  const user = await repo.findUser(ctx.db, actor.userId);
  if (!user?.totpSecret) throw badRequest('TOTP_NOT_SET_UP', '请先生成双因素认证密钥', 'token');
  const step = acceptedTotpStep(user, token);
  if (step === undefined) throw badRequest('TOTP_INVALID', '动态验证码错误', 'token');
  await repo.updateUser(ctx.db, user.id, { totpEnabled: true, totpLastStep: step });
  await recordAudit(ctx, { type: 'auth.totp_enabled', entity: 'user', entityId: user.id });
}

export async function disableTotp(ctx: Ctx, password: string): Promise<void> {
  const user = await reauthenticate(ctx, password);
  await repo.updateUser(ctx.db, user.id, { totpEnabled: false, totpSecret: null, totpLastStep: null });
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
