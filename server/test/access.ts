/**
 * Shared vocabulary of the access matrix: the demo users (one per role), the case shape, and
 * helpers that the module case files (`server/test/access/<module>.ts`) use.
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { type groups, type people, units } from '../modules/org/org.tables.js';
import { regions } from '../platform/db/platform.tables.js';
import type { Client, TestApp } from './harness.js';
import { TINY_PNG, multipartFile } from './xlsx.js';

export { DEMO_PASSWORD } from './harness.js';

export const USERS = [
  'leader',
  'office',
  'caseoffice',
  'paizhu1',
  'group1',
  'zhujian',
  'zhujian.head',
  'fuxianzhang',
  'zuzhibu',
  'bianban',
  'sysadmin',
  'secadmin',
  'auditadmin',
] as const;
export type User = (typeof USERS)[number];
export const ALL: User[] = [...USERS];
export const ORG_READERS = ALL.filter((u) => u !== 'auditadmin');
export const ORG_WRITERS: User[] = ['office', 'sysadmin'];
export const REGION_WIDE: User[] = ['leader', 'office', 'caseoffice', 'zuzhibu', 'sysadmin', 'secadmin'];
export const GROUP_VIEWERS: User[] = [...REGION_WIDE, 'paizhu1', 'group1'];

/** Objects inside the scope of one user. */
export interface Fixture {
  unitId: string;
  personId: string;
  groupId: string;
  scope: { allUnits: boolean; unitIds: string[]; groupIds: string[] };
}
/** Objects of another region: outside everybody's scope. */
export interface Other {
  unitId: string;
  personId: string;
  groupId: string;
}

export type Req = InjectOptions & { fresh?: boolean };
export interface Case {
  /** Request on an object inside the caller's scope. */
  in: (f: Fixture, user: User) => Promise<Req> | Req;
  /** Request on an object outside it (another region's, or one the caller cannot see). */
  out?: (o: Other, f: Fixture, user: User) => Promise<Req> | Req;
  /** Users who may do it: they get `ok`; users with `hidden` get 404; everyone else 403. */
  allow: User[];
  hidden?: User[];
  /** Users who may see the object but not do this to it (403 in scope, 404 out of scope). */
  seenBy?: User[];
  ok?: number;
  /** Status for allowed users on the out-of-scope request (default 404). */
  outStatus?: number;
  /**
   * Side doors (issue #21): requests that link the object to one outside the caller's read scope (a foreign
   * case, an uncovered unit). Allowed users get `status` (the 404-equivalent 422), everyone else 403.
   */
  links?: { name: string; req: (o: Other, f: Fixture, user: User) => Promise<Req> | Req; status: number }[];
  /** What an allowed caller's answer may show (a payload that leaks is a side door too); throws when it leaks. */
  body?: (json: unknown, user: User) => void | Promise<void>;
}
export type AccessCases = Record<string, Case>;

/** Set by the matrix test before any case runs. */
export const env = {
  t: undefined as unknown as TestApp,
  clients: new Map<User, Client>(),
  zjjId: '',
};

export const json = (method: InjectOptions['method'], url: string, payload?: unknown): Req => ({
  method,
  url,
  payload: payload as object,
});

/** A small PNG posted to `url` as a multipart upload named `filename`, with the form's other `fields`. */
export const upload = async (url: string, filename = '照片.png', fields?: Record<string, string>): Promise<Req> => ({
  method: 'POST',
  url,
  ...(await multipartFile(TINY_PNG, filename, fields)),
});

export async function versionOf(table: typeof units | typeof people | typeof groups, id: string) {
  const [row] = await env.t.database.db.select({ v: table.version }).from(table).where(eq(table.id, id));
  return row.v;
}

export async function demoRegion() {
  const [r] = await env.t.database.db.select().from(regions).where(eq(regions.code, 'DEMO'));
  return r.id;
}

export async function freshUnit(regionId?: string) {
  const [row] = await env.t.database.db
    .insert(units)
    .values({
      regionId: regionId ?? (await demoRegion()),
      code: `T${crypto.randomBytes(4).toString('hex')}`,
      name: '临时单位',
      type: 'department',
    })
    .returning();
  return row;
}
