import type { Ctx } from '../../platform/context.js';
import { listExport, type XlsxColumn, type XlsxExport } from '../../platform/documents/xlsx-export.js';
import { situationArticle } from '../../../common/rules.js';
import type { TListSituations } from '../../../common/warnings.schema.js';
import type { WarningFilter } from './warnings.repository.js';
import { listSituations, listWarnings } from './warnings.service.js';

type WarningRow = Awaited<ReturnType<typeof listWarnings>>['items'][number];

const COLUMNS: XlsxColumn<WarningRow>[] = [
  { header: '编号', width: 14, value: (w) => w.code },
  { header: '情形', width: 36, value: (w) => w.situationName },
  { header: '问责条例依据', width: 16, value: (w) => (w.article ? situationArticle(w.article) : '') },
  { header: '问题编号', width: 16, value: (w) => w.problemCode ?? '' },
  { header: '问题', width: 36, value: (w) => w.problemTitle ?? '' },
  { header: '责任单位', width: 14, value: (w) => w.unitName ?? '' },
  { header: '状态', width: 10, value: (w) => w.stateLabel },
  { header: '整改期限', width: 12, value: (w) => w.deadline, kind: 'date' },
  {
    header: '可能被问责人员',
    width: 40,
    value: (w) =>
      (w.people as { name: string; responsibility: string }[])
        .map((p) => `${p.name}（${p.responsibility}）`)
        .join('、'),
  },
  { header: '生成时间', width: 18, value: (w) => w.firstSeenAt, kind: 'datetime' },
];

/** The warnings ledger, with the list's filters. */
export function warningsExport(ctx: Ctx, f: WarningFilter): XlsxExport<WarningRow> {
  return listExport('模拟问责单', COLUMNS, (q) => listWarnings(ctx, q), f);
}

type SituationRow = Awaited<ReturnType<typeof listSituations>>['items'][number];

const SITUATION_COLUMNS: XlsxColumn<SituationRow>[] = [
  { header: '编码', width: 16, value: (s) => s.code },
  { header: '情形', width: 40, value: (s) => s.name },
  { header: '问责条例依据', width: 14, value: (s) => situationArticle(s.article) },
  { header: '可能的问责方式', width: 30, value: (s) => s.forms.join('、') },
  {
    header: '整改期限',
    width: 12,
    value: (s) => `${s.rectifyDays}个${s.rectifyDayType === 'working' ? '工作日' : '自然日'}`,
  },
  { header: '启用', width: 8, value: (s) => (s.active ? '是' : '否') },
  { header: '说明', width: 40, value: (s) => s.description },
];

/** The situation catalogue, with the list's filters. */
export function situationsExport(ctx: Ctx, f: TListSituations): XlsxExport<SituationRow> {
  return listExport('情形目录', SITUATION_COLUMNS, (q) => listSituations(ctx, q), f);
}
