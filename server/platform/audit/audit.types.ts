/** Typed audit events: every write of the system is one of these. */
export const AUDIT_TYPES = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.logout',
  'auth.password_changed',
  'auth.totp_enabled',
  'auth.totp_disabled',
  'user.created',
  'user.updated',
  'user.password_reset',
  'user.unlocked',
  'user.roles_changed',
  'settings.security_changed',
  'clock.set',
  'calendar.day_changed',
  'calendar.year_imported',
  'unit.created',
  'unit.updated',
  'unit.deleted',
  'person.created',
  'person.updated',
  'person.deleted',
  'group.created',
  'group.updated',
  'org.imported',
  'job.run',
  'audit.verified',
  'system.initialised',
  'notification.sent',
  'notification.read',
  'notification.read_all',
  'notification.delivery_failed',
  'problem.created',
  'problem.updated',
  'problem.event',
  'problem.file_uploaded',
  'problem.imported',
  'problem.escalation_scan',
  'problem.common_group',
  'settings.escalation_changed',
  'situation.created',
  'situation.updated',
  'warning.scan',
  'warning.event',
  'meeting.created',
  'meeting.event',
  'case.opened',
  'case.event',
  'case.file_uploaded',
  'influence.ended',
  'case_evaluation.sampled',
  'case_evaluation.scored',
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export interface AuditInput {
  type: AuditType;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}
