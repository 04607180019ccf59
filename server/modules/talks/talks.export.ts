import type { Ctx } from '../../platform/context.js';
import { listExport, type XlsxColumn, type XlsxExport } from '../../platform/documents/xlsx-export.js';
import type { TListTalks } from '../../../common/talks.schema.js';
import { listTalks } from './talks.service.js';

type TalkRow = Awaited<ReturnType<typeof listTalks>>['items'][number];

const subjectsOf = (x: TalkRow) =>
  [
    ...x.subjects.map((p) => `${p.name}（${p.unitName}${p.post}）`),
    x.subjectUnitName ? `${x.subjectUnitName}领导班子` : '',
  ]
    .filter(Boolean)
    .join('、');

const COLUMNS: XlsxColumn<TalkRow>[] = [
  { header: '编号', width: 14, value: (x) => x.code },
  { header: '谈话类型', width: 10, value: (x) => x.kindLabel },
  { header: '谈话日期', width: 12, value: (x) => x.talkOn, kind: 'date' },
  { header: '谈话对象', width: 30, value: subjectsOf },
  { header: '涉及单位', width: 20, value: (x) => x.unitNames.join('、') },
  {
    header: '谈话人',
    width: 20,
    value: (x) => [...x.talkers.map((p) => p.name), x.talkerNames].filter(Boolean).join('、'),
  },
  { header: '事由', width: 36, value: (x) => x.reason },
  { header: '整改要求', width: 30, value: (x) => x.followUpRequired },
  { header: '整改期限', width: 12, value: (x) => x.followUpDue, kind: 'date' },
  {
    header: '落实情况',
    width: 10,
    value: (x) => (x.followUpRequired ? (x.followUpDone ? '已落实' : '未落实') : ''),
  },
  { header: '状态', width: 10, value: (x) => x.stateLabel },
];

/** The talks ledger, with the list's filters. */
export function talksExport(ctx: Ctx, f: TListTalks): XlsxExport<TalkRow> {
  return listExport('谈话台账', COLUMNS, (q) => listTalks(ctx, q), f);
}
