import crypto from 'node:crypto';
import type {
  TCreateUser,
  TListUsers,
  TSecurityPolicy,
  TSetRoles,
  TUpdateUser,
} from '../../../common/identity.schema.js';
import { MODULES } from '../../../common/modules.js';
import { PROVINCE_ROLES, ROLE_LABELS, ROLE_SCOPE_FIELD, type Role } from '../../../common/roles.js';
import * as auth from '../../platform/auth/auth.service.js';
import { checkRoleSeparation, hashPassword } from '../../platform/auth/auth.service.js';
import { checkPasswordPolicy, securityPolicySetting } from '../../platform/auth/security-policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf, regionOf } from '../../platform/context.js';
import { badRequest, conflict, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import { readSetting, writeSetting } from '../../platform/settings/settings.service.js';
import * as notifications from '../notifications/notifications.service.js';
import * as org from '../org/org.service.js';

/**
 * GET /api/me: the user, roles, scope, permissions and the module menu — all from the actor the session check
 * built from the user's row this request (issue #19: no second read of the user).
 */
export async function describeMe(ctx: Ctx) {
  const actor = actorOf(ctx);
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      personId: actor.personId,
      totpEnabled: actor.totpEnabled ?? false,
      mustChangePassword: actor.mustChangePassword ?? false,
    },
    roles: actor.roles,
    scope: actor.scope.allUnits
      ? { regionId: actor.scope.regionId, allUnits: true, unitIds: [], groupIds: actor.scope.groupIds }
      : actor.scope,
    permissions: [...actor.permissions].sort(),
    // Built modules the caller may not use are left out; modules not built yet show as disabled.
    modules: MODULES.filter((m) => m.permission === null || actor.permissions.has(m.permission)).map((m) => ({
      key: m.key,
      label: m.label,
      path: m.path,
      enabled: m.permission !== null,
    })),
    csrfToken: actor.csrfToken,
  };
}

function presentUser(u: auth.UserRow, roles: auth.RoleRow[], personName: string | null) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    personId: u.personId,
    personName,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil,
    totpEnabled: u.totpEnabled,
    mustChangePassword: u.mustChangePassword,
    roles: roles.map((r) => ({ role: r.role, unitId: r.unitId, groupId: r.groupId })),
    version: u.version,
  };
}

export async function listUsers(ctx: Ctx, f: TListUsers) {
  const { items: users, total } = await auth.pageUsers(ctx.db, regionOf(ctx), f);
  const roles = await auth.rolesOf(
    ctx.db,
    users.map((u) => u.id),
  );
  const names = await org.personNames(
    ctx.db,
    users.map((u) => u.personId).filter((id): id is string => !!id),
  );
  const items = users.map((u) =>
    presentUser(
      u,
      roles.filter((r) => r.userId === u.id),
      u.personId ? (names.get(u.personId) ?? null) : null,
    ),
  );
  return { items, total };
}

/** An account of the caller's region: a county's administrators never see or change another's, nor the province's. */
async function getUserRow(ctx: Ctx, id: string) {
  const user = await auth.findUser(ctx.db, id);
  if (!user || user.regionId !== regionOf(ctx)) throw notFound('用户不存在');
  return user;
}

async function presentOne(ctx: Ctx, id: string) {
  const u = await getUserRow(ctx, id);
  const roles = await auth.rolesOf(ctx.db, [id]);
  const person = u.personId ? await org.getPerson(ctx, u.personId).catch(() => null) : null;
  return presentUser(u, roles, person?.name ?? null);
}

async function checkPerson(ctx: Ctx, personId: string | null | undefined) {
  if (personId)
    await org.getPerson(ctx, personId).catch(() => {
      throw badRequest('PERSON_NOT_FOUND', '所选人员不存在', 'personId');
    });
}

export async function createUser(ctx: Ctx, input: TCreateUser) {
  if (await auth.findUserByUsername(ctx.db, input.username)) {
    throw ruleViolation('USERNAME_TAKEN', `用户名 ${input.username} 已存在`, 'username');
  }
  await checkPerson(ctx, input.personId);
  checkPasswordPolicy(await readSetting(ctx.db, securityPolicySetting), input.password, input.username);
  const user = await auth.insertUser(ctx.db, {
    username: input.username,
    displayName: input.displayName,
    personId: input.personId ?? null,
    regionId: actorOf(ctx).scope.regionId,
    passwordHash: await hashPassword(input.password),
    mustChangePassword: true,
  });
  const after = await presentOne(ctx, user.id);
  await recordAudit(ctx, { type: 'user.created', entity: 'user', entityId: user.id, after });
  return after;
}

/**
 * Opens a 省级规则管理员 account (`npm run province-admin`, the province's operators only): no region, the one
 * province role, a one-time password shown once to the operator and changed at first sign-in. Audited.
 */
export async function createProvinceAdmin(ctx: Ctx, input: { username: string; displayName: string }) {
  if (await auth.findUserByUsername(ctx.db, input.username)) {
    throw ruleViolation('USERNAME_TAKEN', `用户名 ${input.username} 已存在`, 'username');
  }
  const password = oneTimePassword();
  const user = await auth.insertUser(ctx.db, {
    username: input.username,
    displayName: input.displayName,
    regionId: null,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
  });
  await auth.replaceRoles(ctx.db, user.id, [{ role: 'province_admin', regionId: null }]);
  await recordAudit(ctx, {
    type: 'user.created',
    entity: 'user',
    entityId: user.id,
    after: { username: user.username, displayName: user.displayName, roles: ['province_admin'] },
  });
  return { id: user.id, username: user.username, password };
}

export async function updateUser(ctx: Ctx, id: string, input: TUpdateUser) {
  const before = await presentOne(ctx, id);
  if (id === actorOf(ctx).userId && input.disabled) throw ruleViolation('USER_SELF_DISABLE', '不能停用自己的账号');
  await checkPerson(ctx, input.personId);
  const { version, ...patch } = input;
  const row = await auth.updateUserVersioned(ctx.db, id, version, patch);
  if (!row) throw conflict();
  if (input.disabled) await auth.deleteSessionsOfUser(ctx.db, id);
  const after = await presentOne(ctx, id);
  await recordAudit(ctx, { type: 'user.updated', entity: 'user', entityId: id, before, after });
  return after;
}

const RESET_CHANNELS: ('sms' | 'email')[] = ['sms', 'email'];

/**
 * Generates a temporary password that satisfies the policy and sends it to the user (SMS and e-mail channels),
 * never to the admin: 三员分立, no admin ever holds a usable business login. The session it opens serves only the
 * password change (auth.checkPasswordChangeGate); every session of the user ends now.
 */
/** A one-time password that meets the default policy (letters, digits, a symbol); the user must change it. */
const oneTimePassword = () => `Zl#${crypto.randomBytes(9).toString('base64url')}9a`;

export async function resetPassword(ctx: Ctx, id: string) {
  const user = await getUserRow(ctx, id);
  const password = oneTimePassword();
  await auth.updateUser(ctx.db, id, {
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
    passwordChangedAt: ctx.clock.now(),
    failedLogins: 0,
    lockedUntil: null,
  });
  await auth.clearLoginFailures(ctx.db, user.username);
  await auth.deleteSessionsOfUser(ctx.db, id);
  await notifications.storeNotifications(ctx, [id], {
    kind: 'account.password_reset',
    title: '您的登录密码已被重置',
    body: `账号 ${user.username} 的临时密码：${password}。请尽快登录并设置自己的新密码；设置前不能使用其他功能。`,
    channels: RESET_CHANNELS,
  });
  await recordAudit(ctx, {
    type: 'user.password_reset',
    entity: 'user',
    entityId: id,
    after: { username: user.username, deliveredTo: RESET_CHANNELS },
  });
  return { deliveredTo: RESET_CHANNELS };
}

const shanghaiTime = (d: Date) =>
  d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' });

/**
 * Tells the region's security admins that a source was locked out of an account (issue #21 item 8), once per
 * lockout window: who, from where, how often — never a password or business content. Sent at once (account class).
 */
export async function alertLockout(ctx: Ctx, locked: auth.LockedSource) {
  if (locked.repeated) return;
  const admins = await auth.userIdsWithRoles(ctx.db, ['sec_admin'], locked.user.regionId);
  if (admins.length === 0) return;
  await notifications.storeNotifications(ctx, admins, {
    kind: 'account.lockout_alert',
    title: `账号 ${locked.user.username} 登录异常：已锁定来源 ${locked.ip || '未知'}`,
    body:
      `账号 ${locked.user.username}（${locked.user.displayName}）于 ${shanghaiTime(ctx.clock.now())} 从 ${locked.ip || '未知地址'} ` +
      `连续 ${locked.failures} 次登录失败，该来源已锁定至 ${shanghaiTime(locked.until)}；其他地址仍可正常登录。` +
      '如非本人操作，请核查来源；确认后可在“账号管理”中解锁。',
    channels: RESET_CHANNELS,
  });
}

export async function unlockUser(ctx: Ctx, id: string) {
  const user = await getUserRow(ctx, id);
  await auth.updateUser(ctx.db, id, { failedLogins: 0, lockedUntil: null });
  await auth.clearLoginFailures(ctx.db, user.username);
  await recordAudit(ctx, {
    type: 'user.unlocked',
    entity: 'user',
    entityId: id,
    before: { lockedUntil: user.lockedUntil },
    after: { lockedUntil: null },
  });
  return presentOne(ctx, id);
}

/** Sets a user's roles (the security admin's job under 三员分立). */
export async function setRoles(ctx: Ctx, id: string, input: TSetRoles) {
  const before = await presentOne(ctx, id);
  if (id === actorOf(ctx).userId) throw ruleViolation('ROLES_SELF', '不能修改自己的角色');
  checkRoleSeparation(input.roles.map((r) => r.role as Role));
  const regionId = actorOf(ctx).scope.regionId;
  const groups = (await org.listGroups(ctx)).items;
  const grants = [];
  for (const [i, g] of input.roles.entries()) {
    if (PROVINCE_ROLES.includes(g.role)) {
      throw forbidden(`“${ROLE_LABELS[g.role]}”是省级角色，由省级运维人员开通，不能在本地区授予`);
    }
    const need = ROLE_SCOPE_FIELD[g.role];
    if (need === 'unitId') {
      if (!g.unitId) throw badRequest('ROLE_NEEDS_UNIT', '该角色需要选择所属单位', `roles.${i}.unitId`);
      await org.getUnit(ctx, g.unitId).catch(() => {
        throw badRequest('UNIT_NOT_FOUND', '所选单位不存在', `roles.${i}.unitId`);
      });
    }
    if (need === 'groupId') {
      const kind = g.role === 'patrol_group' ? 'patrol' : 'dispatched';
      if (!g.groupId || !groups.some((x) => x.id === g.groupId && x.kind === kind)) {
        throw badRequest('ROLE_NEEDS_GROUP', '该角色需要选择对应的小组', `roles.${i}.groupId`);
      }
    }
    grants.push({
      role: g.role,
      regionId,
      unitId: need === 'unitId' ? (g.unitId ?? null) : null,
      groupId: need === 'groupId' ? (g.groupId ?? null) : null,
    });
  }
  const bumped = await auth.updateUserVersioned(ctx.db, id, input.version, {});
  if (!bumped) throw conflict();
  await auth.replaceRoles(ctx.db, id, grants);
  await auth.deleteSessionsOfUser(ctx.db, id);
  const after = await presentOne(ctx, id);
  await recordAudit(ctx, {
    type: 'user.roles_changed',
    entity: 'user',
    entityId: id,
    before: before.roles,
    after: after.roles,
  });
  return after;
}

export const readSecurityPolicy = (ctx: Ctx) => readSetting(ctx.db, securityPolicySetting);

export async function updateSecurityPolicy(ctx: Ctx, input: TSecurityPolicy & { version: number }) {
  const before = await readSecurityPolicy(ctx);
  const { version, ...value } = input;
  await writeSetting(ctx.db, securityPolicySetting, value, version);
  // Its timeouts hold for every session at once (the other instances hear it from the database's trigger).
  auth.evictSessions(ctx.db, 'all');
  const after = await readSecurityPolicy(ctx);
  await recordAudit(ctx, {
    type: 'settings.security_changed',
    entity: 'settings',
    entityId: 'security',
    before,
    after,
  });
  return after;
}
