/** Every table of the application, for the typed Drizzle client. Modules own their table files. */
export * from './platform.tables.js';
export * from '../auth/auth.tables.js';
export * from '../../modules/org/org.tables.js';
export * from '../../modules/problems/problems.tables.js';
export * from '../../modules/notifications/notifications.tables.js';
export * from '../../modules/warnings/warnings.tables.js';
export * from '../../modules/meetings/meetings.tables.js';
export * from '../../modules/patrol/patrol.tables.js';
export * from '../../modules/cases/cases.tables.js';
export * from '../../modules/tolerance/tolerance.tables.js';
export * from '../../modules/talks/talks.tables.js';
