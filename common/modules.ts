import type { Permission } from './roles.js';

/** The module menu of SPEC section 2. `permission` null = not built yet (shown disabled). */
export interface ModuleEntry {
  key: string;
  label: string;
  path: string;
  permission: Permission | null;
}

export const MODULES: ModuleEntry[] = [
  { key: 'org', label: '组织与人员', path: '/org', permission: 'org:read' },
  { key: 'responsibility', label: '明责·主体责任', path: '/responsibility', permission: 'responsibility:read' },
  { key: 'supervision', label: '督导巡查', path: '/supervision', permission: 'patrol:read' },
  { key: 'problems', label: '问题清单·整改台账', path: '/problems', permission: 'problems:read' },
  { key: 'warnings', label: '模拟问责·联席会议', path: '/warnings', permission: 'warnings:read' },
  { key: 'assessment', label: '考核评价', path: '/assessment', permission: 'assessment:read' },
  { key: 'portraits', label: '政治生态画像', path: '/portraits', permission: null },
  { key: 'cases', label: '问责·容错免责', path: '/cases', permission: 'cases:read' },
  { key: 'tolerance', label: '容错免责备案', path: '/tolerance-filings', permission: 'tolerance:read' },
  { key: 'talks', label: '谈话管理', path: '/talks', permission: 'talks:read' },
  { key: 'influence', label: '影响期', path: '/influence-periods', permission: 'influence:read' },
  { key: 'complaints', label: '信访举报', path: '/complaints', permission: 'complaints:read' },
  { key: 'notifications', label: '消息提醒', path: '/notifications', permission: 'notifications:read' },
  { key: 'documents', label: '文书与数据交换', path: '/documents', permission: null },
  { key: 'dashboard', label: '统计大屏', path: '/dashboard', permission: 'dashboard:read' },
  { key: 'rules', label: '问责规则', path: '/rules', permission: 'rules:read' },
  { key: 'audit', label: '审计与安全', path: '/audit', permission: 'audit:read' },
];
