import type { Together } from './db/prepared.js';
import type { Permission, Role } from '../../common/roles.js';
import { isoDate } from './calendar/working-days.js';
import type { Clock } from './clock/clock.js';
import type { Executor } from './db/client.js';
import { forbidden } from './errors.js';

export interface RoleGrant {
  role: Role;
  regionId: string | null;
  unitId: string | null;
  groupId: string | null;
}

/**
 * What the caller may see. Repositories take it as a required argument.
 * `allUnits` = every unit of `regionId`; otherwise only `unitIds`.
 */
export interface Scope {
  regionId: string | null;
  allUnits: boolean;
  unitIds: string[];
  groupIds: string[];
  personId: string | null;
}

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  personId: string | null;
  sessionId: string;
  csrfToken: string;
  roles: RoleGrant[];
  /** Shared by actors of the same roles (auth.service): never changed. */
  permissions: ReadonlySet<Permission>;
  scope: Scope;
  /** The password was reset or expired: only /api/me, change-password and logout are served (auth.service). */
  mustChangePassword?: boolean;
  /** Signs in with a one-time code as well (/api/me shows it, from the row the session check read). */
  totpEnabled?: boolean;
}

/** Everything a service needs about the current request: who, from where, when, on which connection. */
export interface Ctx {
  db: Executor;
  actor: Actor | null;
  ip: string | null;
  clock: Clock;
  now: Date;
  /** Where a page asks several modules at once (home): their prepared reads go out as one statement. */
  together?: Together;
}

/** A context for work done by the system itself (jobs, seeding, scripts). */
export function systemCtx(db: Executor, clock: Clock): Ctx {
  return { db, actor: null, ip: null, clock, now: clock.now() };
}

/** The signed-in actor of a request (services call this; the route layer has already authenticated). */
export function actorOf(ctx: Ctx): Actor {
  if (!ctx.actor) throw forbidden();
  return ctx.actor;
}

/** The request's calendar day in China (YYYY-MM-DD), by the server clock. */
export const today = (ctx: Ctx) => isoDate(ctx.now);

/** The caller's region: every business record belongs to one. */
export function regionOf(ctx: Ctx): string {
  const regionId = actorOf(ctx).scope.regionId;
  if (!regionId) throw forbidden('当前账号未绑定地区');
  return regionId;
}
