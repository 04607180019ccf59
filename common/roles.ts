/** Roles of SPEC section 1 and the permissions each carries. Shared by server and web. */
export const ROLES = [
  'commission_leader',
  'supervision_office',
  'case_office',
  'dispatched_group',
  'patrol_group',
  'unit_liaison',
  'unit_head',
  'county_leader',
  'org_department',
  'joint_member',
  'sys_admin',
  'sec_admin',
  'audit_admin',
  'province_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  commission_leader: '委领导',
  supervision_office: '监督室/督查室',
  case_office: '案管/审理室',
  dispatched_group: '派驻纪检组',
  patrol_group: '督导巡查组',
  unit_liaison: '单位联络员',
  unit_head: '单位主要负责人',
  county_leader: '县级领导',
  org_department: '组织部',
  joint_member: '联席会议成员',
  sys_admin: '系统管理员',
  sec_admin: '安全保密管理员',
  audit_admin: '安全审计员',
  province_admin: '省级规则管理员',
};

/** 三员分立: an administrator role is never combined with another role. */
export const ADMIN_ROLES: readonly Role[] = ['sys_admin', 'sec_admin', 'audit_admin', 'province_admin'];

/**
 * Roles of the province, not of a county: granted without a region, only by the province's operators
 * (`npm run province-admin`), never through a county's 安全保密管理员. The 省级规则管理员 publishes the province
 * default of the rule sets (the national ones change only there) and sees nothing else.
 */
export const PROVINCE_ROLES: readonly Role[] = ['province_admin'];

/** Which grant field a role's scope needs. */
export const ROLE_SCOPE_FIELD: Partial<Record<Role, 'unitId' | 'groupId'>> = {
  unit_liaison: 'unitId',
  unit_head: 'unitId',
  joint_member: 'unitId',
  patrol_group: 'groupId',
  dispatched_group: 'groupId',
};

export const PERMISSIONS = [
  'org:read',
  'org:write',
  'users:read',
  'users:write',
  'roles:write',
  'security:write',
  'audit:read',
  'calendar:write',
  'jobs:run',
  'clock:set',
  'notifications:read',
  'problems:read',
  'problems:manage',
  'problems:report',
  'warnings:read',
  'warnings:manage',
  'meetings:read',
  'meetings:manage',
  'patrol:read',
  'patrol:record',
  'patrol:manage',
  'patrol:approve',
  'cases:read',
  'cases:manage',
  'cases:approve',
  'influence:read',
  'tolerance:read',
  'tolerance:file',
  'tolerance:approve',
  'talks:read',
  'talks:manage',
  'responsibility:read',
  'responsibility:manage',
  'responsibility:report',
  'assessment:read',
  'assessment:manage',
  'assessment:approve',
  'complaints:read',
  'complaints:manage',
  'complaints:lead',
  'channels:write',
  'deliveries:read',
  'campaigns:manage',
  'webhooks:manage',
  'rules:read',
  'rules:write',
  'dashboard:read',
  'reports:issue',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Every signed-in business user reads the catalogue of units and people and their own messages. */
const BUSINESS_READ: Permission[] = ['org:read', 'notifications:read'];
const PROBLEMS_READ: Permission[] = [...BUSINESS_READ, 'problems:read', 'warnings:read', 'patrol:read'];
/** The supervision office's daily work, which the commission leader may do as well. */
const SUPERVISION_WORK: Permission[] = [
  'problems:manage',
  'warnings:manage',
  'meetings:read',
  'meetings:manage',
  'patrol:manage',
];
const TALKS_WORK: Permission[] = ['talks:read', 'talks:manage'];
/** 明责: the office dispatches; recipients report on their lists. */
const RESPONSIBILITY_WORK: Permission[] = ['responsibility:read', 'responsibility:manage'];
const RESPONSIBILITY_REPORT: Permission[] = ['responsibility:read', 'responsibility:report'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  commission_leader: [
    ...PROBLEMS_READ,
    ...SUPERVISION_WORK,
    'patrol:approve',
    'cases:read',
    'cases:manage',
    'cases:approve',
    'influence:read',
    'tolerance:read',
    'tolerance:approve',
    ...TALKS_WORK,
    ...RESPONSIBILITY_WORK,
    'assessment:read',
    'assessment:manage',
    'assessment:approve',
    'complaints:read',
    'complaints:manage',
    'complaints:lead',
    'campaigns:manage',
    'webhooks:manage',
    'rules:read',
    'dashboard:read',
    'reports:issue', // the year's 工作报告 is issued by the commission's leaders
  ],
  supervision_office: [
    ...PROBLEMS_READ,
    'org:write',
    ...SUPERVISION_WORK,
    'cases:read', // only cases it signs in joint review
    'tolerance:read',
    ...TALKS_WORK,
    ...RESPONSIBILITY_WORK,
    'assessment:read',
    'assessment:manage',
    'complaints:read', // 信访室 intake and the complaints it owns
    'complaints:manage',
    'campaigns:manage',
    'webhooks:manage',
    'rules:read',
    'dashboard:read',
  ],
  case_office: [
    ...PROBLEMS_READ,
    'cases:read',
    'cases:manage',
    'influence:read',
    'tolerance:read',
    ...TALKS_WORK,
    'rules:read',
  ],
  dispatched_group: [...PROBLEMS_READ, 'tolerance:read', ...TALKS_WORK, 'responsibility:read', 'assessment:read'],
  patrol_group: [...PROBLEMS_READ, 'patrol:record'],
  unit_liaison: [
    ...PROBLEMS_READ,
    'problems:report',
    'tolerance:read',
    'tolerance:file',
    ...RESPONSIBILITY_REPORT,
    'assessment:read',
  ],
  unit_head: [
    ...PROBLEMS_READ,
    'problems:report',
    'tolerance:read',
    'tolerance:file',
    ...RESPONSIBILITY_REPORT,
    'assessment:read',
  ],
  county_leader: [...PROBLEMS_READ, ...RESPONSIBILITY_REPORT, 'assessment:read'],
  org_department: [
    ...PROBLEMS_READ,
    'influence:read',
    'talks:read',
    'responsibility:read',
    'assessment:read',
    'dashboard:read', // read-only: the command centre's figures
  ],
  joint_member: [...BUSINESS_READ, 'meetings:read'],
  sys_admin: [
    'org:read',
    'org:write',
    'users:read',
    'users:write',
    'calendar:write',
    'jobs:run',
    'clock:set',
    'notifications:read',
    'channels:write',
    'deliveries:read',
    'rules:read',
    'rules:write',
  ],
  sec_admin: ['org:read', 'users:read', 'roles:write', 'security:write', 'notifications:read', 'rules:read'],
  audit_admin: ['audit:read', 'notifications:read', 'deliveries:read', 'rules:read'],
  province_admin: ['rules:read', 'rules:write'],
};

/** Roles whose data scope is the whole region. */
export const REGION_WIDE_ROLES: readonly Role[] = [
  'commission_leader',
  'supervision_office',
  'case_office',
  'org_department',
  'sys_admin',
  'sec_admin',
];

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return [...new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]))].sort();
}
