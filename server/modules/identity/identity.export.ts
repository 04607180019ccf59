import { ROLE_LABELS, type Role } from '../../../common/roles.js';
import type { TListUsers } from '../../../common/identity.schema.js';
import type { Ctx } from '../../platform/context.js';
import { listExport, type XlsxColumn, type XlsxExport } from '../../platform/documents/xlsx-export.js';
import { listUsers } from './identity.service.js';

type UserRow = Awaited<ReturnType<typeof listUsers>>['items'][number];

const COLUMNS: XlsxColumn<UserRow>[] = [
  { header: '用户名', width: 16, value: (u) => u.username },
  { header: '姓名', width: 12, value: (u) => u.displayName },
  { header: '对应人员', width: 12, value: (u) => u.personName ?? '' },
  { header: '角色', width: 30, value: (u) => [...new Set(u.roles.map((r) => ROLE_LABELS[r.role as Role]))].join('、') },
  { header: '状态', width: 8, value: (u) => (u.disabled ? '停用' : '启用') },
  { header: '双因素', width: 8, value: (u) => (u.totpEnabled ? '已启用' : '') },
  { header: '锁定至', width: 18, value: (u) => u.lockedUntil, kind: 'datetime' },
];

/** 用户 (the system administrator's list of accounts), with the list's filters. */
export function usersExport(ctx: Ctx, f: TListUsers): XlsxExport<UserRow> {
  return listExport('用户', COLUMNS, (q) => listUsers(ctx, q), f);
}
