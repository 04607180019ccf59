/** Chinese labels of enums the server sends as codes (shared with the server via common/). */
import { GROUP_KIND_LABELS as GROUP_KINDS, UNIT_TYPE_LABELS as UNIT_TYPES } from '../../../common/org';
import { ROLE_LABELS as ROLES, ROLE_SCOPE_FIELD } from '../../../common/roles';

export const ROLE_LABELS: Record<string, string> = ROLES;
export const UNIT_TYPE_LABELS: Record<string, string> = UNIT_TYPES;
export const GROUP_KIND_LABELS: Record<string, string> = GROUP_KINDS;

const scopeOf = (role: string) => (ROLE_SCOPE_FIELD as Record<string, 'unitId' | 'groupId' | undefined>)[role];
export const ROLES_NEEDING_UNIT = new Set(Object.keys(ROLES).filter((r) => scopeOf(r) === 'unitId'));
export const ROLES_NEEDING_GROUP = new Set(Object.keys(ROLES).filter((r) => scopeOf(r) === 'groupId'));

export const UNIT_TYPE_COLORS: Record<string, string> = {
  party_committee: 'red',
  department: 'blue',
  township: 'green',
  soe: 'gold',
  dispatched: 'purple',
};

export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role;
export const unitTypeLabel = (type: string): string => UNIT_TYPE_LABELS[type] ?? type;
