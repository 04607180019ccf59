/** Access-matrix cases for the routes of the system module (see server/test/access-matrix.test.ts). */
import { expect } from 'vitest';
import { type AccessCases, ALL, json } from '../access.js';

/** The administrators' own objects, whose content the audit administrator reads (decision 013). */
const ADMINISTRATIVE = ['user', 'settings', 'calendar', 'job', 'clock', 'audit'];

export const systemAccessCases: AccessCases = {
  'GET /api/health': { in: () => json('GET', '/api/health'), allow: ALL },
  'GET /api/openapi.json': { in: () => json('GET', '/api/openapi.json'), allow: ALL },
  'GET /api/audit-events': {
    in: () => json('GET', '/api/audit-events?pageSize=200'),
    allow: ['auditadmin'],
    // 三员分立 (issue #21): no business content reaches the audit administrator.
    body: (page) => {
      const items = (page as { items: { entity: string; before: unknown; after: unknown }[] }).items;
      const business = items.filter((e) => !ADMINISTRATIVE.includes(e.entity));
      expect(business.length).toBeGreaterThan(0);
      expect(business.filter((e) => e.before !== null || e.after !== null)).toEqual([]);
    },
  },
  'GET /api/audit-events/export.xlsx': {
    in: () => json('GET', '/api/audit-events/export.xlsx?entity=problem'),
    allow: ['auditadmin'],
  },
  'POST /api/audit-events/verify': { in: () => json('POST', '/api/audit-events/verify'), allow: ['auditadmin'] },
  'GET /api/calendar': { in: () => json('GET', '/api/calendar?year=2026'), allow: ALL },
  'GET /api/calendar/status': { in: () => json('GET', '/api/calendar/status'), allow: ALL },
  'PUT /api/calendar/days/:date': {
    in: () => json('PUT', '/api/calendar/days/2026-12-31', { kind: 'normal' }),
    allow: ['sysadmin'],
  },
  'POST /api/calendar/import': { in: () => json('POST', '/api/calendar/import', { year: 2026 }), allow: ['sysadmin'] },
  'GET /api/calendar/add-working-days': {
    in: () => json('GET', '/api/calendar/add-working-days?date=2026-09-30&days=1'),
    allow: ALL,
  },
  'GET /api/calendar/working-days-between': {
    in: () => json('GET', '/api/calendar/working-days-between?from=2026-09-30&to=2026-10-09'),
    allow: ALL,
  },
  'GET /api/jobs': { in: () => json('GET', '/api/jobs'), allow: ['sysadmin'] },
  'GET /api/jobs/export.xlsx': {
    in: () => json('GET', '/api/jobs/export.xlsx?name=audit-verify'),
    allow: ['sysadmin'],
  },
  'POST /api/jobs/:name/run': {
    in: () => json('POST', '/api/jobs/session-cleanup/run'),
    out: () => json('POST', '/api/jobs/no-such-job/run'),
    allow: ['sysadmin'],
  },
  'GET /api/admin/clock': { in: () => json('GET', '/api/admin/clock'), allow: ['sysadmin'] },
  'POST /api/admin/clock': {
    in: () => json('POST', '/api/admin/clock', { now: new Date().toISOString() }),
    allow: ['sysadmin'],
  },
};
