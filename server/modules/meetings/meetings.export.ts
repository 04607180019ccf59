import type { TListMeetings } from '../../../common/meetings.schema.js';
import type { Ctx } from '../../platform/context.js';
import { listExport, type XlsxColumn, type XlsxExport } from '../../platform/documents/xlsx-export.js';
import { unitNames } from '../org/org.service.js';
import { listMeetings } from './meetings.service.js';

type MeetingRow = Awaited<ReturnType<typeof listMeetings>>['items'][number] & { memberUnitNames: string[] };

const COLUMNS: XlsxColumn<MeetingRow>[] = [
  { header: '会议名称', width: 36, value: (m) => m.title },
  { header: '会议时间', width: 18, value: (m) => m.scheduledAt, kind: 'datetime' },
  { header: '地点', width: 20, value: (m) => m.place },
  { header: '状态', width: 10, value: (m) => m.stateLabel },
  { header: '成员单位', width: 40, value: (m) => m.memberUnitNames.join('、') },
  { header: '会议纪要', width: 40, value: (m) => m.summary },
];

/** One page of the list, with the names of its member units (members may not browse every unit). */
async function pageWithUnitNames(ctx: Ctx, f: TListMeetings) {
  const { items, total } = await listMeetings(ctx, f);
  const names = await unitNames(ctx.db, [...new Set(items.flatMap((m) => m.memberUnitIds))]);
  return {
    items: items.map((m) => ({ ...m, memberUnitNames: m.memberUnitIds.map((id) => names.get(id) ?? '') })),
    total,
  };
}

/** The joint meetings the caller may see, with the list's sort. */
export function meetingsExport(ctx: Ctx, f: TListMeetings): XlsxExport<MeetingRow> {
  return listExport('联席会议台账', COLUMNS, (q) => pageWithUnitNames(ctx, q), f, { sheet: '联席会议' });
}
