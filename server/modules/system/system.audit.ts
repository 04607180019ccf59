import { isDeepStrictEqual } from 'node:util';

/**
 * 三员分立 (SPEC 1, issue #21): the audit administrator reads who did what, when, to which object and from
 * where, and the names of the fields that changed — never the business content. Only the administrators'
 * own objects (accounts, security and other settings, calendar, jobs, clock, the audit log itself) keep
 * their before/after, so the audit administrator can check the other two administrators.
 */
const ADMINISTRATIVE = new Set(['user', 'settings', 'calendar', 'job', 'clock', 'audit']);

const keysOf = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []);

/** Row bookkeeping that changes with every write and says nothing about what was done. */
const BOOKKEEPING = new Set(['version', 'updatedAt']);

/** Top-level fields whose value differs between `before` and `after` (all fields of a creation or deletion). */
export function changedFields(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...keysOf(before), ...keysOf(after)])];
  return keys.filter((k) => !BOOKKEEPING.has(k) && !isDeepStrictEqual(b[k], a[k])).sort();
}

/** An audit event as the audit administrator may read it. */
export function withoutContent<T extends { entity: string; before: unknown; after: unknown }>(row: T) {
  const changed = changedFields(row.before, row.after);
  return ADMINISTRATIVE.has(row.entity) ? { ...row, changed } : { ...row, before: null, after: null, changed };
}
