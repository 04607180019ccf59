/**
 * Every table of the application, for drizzle-kit (server/platform/db/drizzle.config.ts). Modules own their table
 * files; this list lives at the composition root so that platform never imports a module. The Drizzle client does
 * not take it: no code uses the relational query API (`db.query.*`), every query names its tables.
 */
export * from '../platform/db/platform.tables.js';
export * from '../platform/auth/auth.tables.js';
export * from '../platform/documents/documents.tables.js';
export * from '../modules/identity/identity.tables.js';
export * from '../modules/org/org.tables.js';
export * from '../modules/problems/problems.tables.js';
export * from '../modules/notifications/notifications.tables.js';
export * from '../modules/warnings/warnings.tables.js';
export * from '../modules/meetings/meetings.tables.js';
export * from '../modules/patrol/patrol.tables.js';
export * from '../modules/cases/cases.tables.js';
export * from '../modules/tolerance/tolerance.tables.js';
export * from '../modules/talks/talks.tables.js';
export * from '../modules/responsibility/responsibility.tables.js';
export * from '../modules/assessment/assessment.tables.js';
export * from '../modules/complaints/complaints.tables.js';
export * from '../modules/cases/cases.proposals.tables.js';
export * from '../modules/rules/rules.tables.js';
export * from '../modules/responsibility/responsibility.spot-checks.tables.js';
