import type { z } from 'zod';
import type { ZListAuditEvents } from '../../../common/system.schema.js';
import { listAuditEvents } from '../../platform/audit/audit.service.js';
import type { Ctx } from '../../platform/context.js';
import { listExport, type XlsxColumn, type XlsxExport } from '../../platform/documents/xlsx-export.js';
import { withoutContent } from './system.audit.js';

type AuditRow = ReturnType<typeof withoutContent<Awaited<ReturnType<typeof listAuditEvents>>['items'][number]>>;

const content = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

/**
 * The audit log as the audit administrator reads it (decision 013): who, when, from where, what type of event on
 * which object, and the names of the fields that changed; the before/after only of the administrators' own objects
 * — the same rows and the same content rules as `GET /api/audit-events` (`withoutContent`).
 */
const COLUMNS: XlsxColumn<AuditRow>[] = [
  { header: '序号', width: 8, value: (x) => x.seq },
  { header: '时间', width: 18, value: (x) => x.at, kind: 'datetime' },
  { header: '操作人', width: 14, value: (x) => x.actorUsername ?? '系统' },
  { header: 'IP地址', width: 16, value: (x) => x.ip ?? '' },
  { header: '事件类型', width: 24, value: (x) => x.type },
  { header: '对象类型', width: 14, value: (x) => x.entity },
  { header: '对象ID', width: 38, value: (x) => x.entityId ?? '' },
  { header: '变更字段', width: 30, value: (x) => x.changed.join('、') },
  { header: '变更前（系统管理对象）', width: 40, value: (x) => content(x.before) },
  { header: '变更后（系统管理对象）', width: 40, value: (x) => content(x.after) },
];

/** `GET /api/audit-events/export.xlsx`: the audit list with its filters. */
export function auditEventsExport(ctx: Ctx, f: z.infer<typeof ZListAuditEvents>): XlsxExport<AuditRow> {
  return listExport(
    '审计日志',
    COLUMNS,
    async (q) => {
      const page = await listAuditEvents(ctx.db, q);
      return { items: page.items.map(withoutContent) };
    },
    f,
  );
}
