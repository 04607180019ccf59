import type { TListRuleSets } from '../../../common/rules.schema.js';
import type { Ctx } from '../../platform/context.js';
import { type XlsxColumn, listExport } from '../../platform/documents/xlsx-export.js';
import { listRuleSets } from './rules.service.js';

type RuleSetRow = Awaited<ReturnType<typeof listRuleSets>>['items'][number];

const COLUMNS: XlsxColumn<RuleSetRow>[] = [
  { header: '规则', width: 24, value: (x) => x.label },
  { header: '地方可调整', width: 14, value: (x) => (x.local ? '可按地区调整' : '全省统一') },
  { header: '施行版本', width: 20, value: (x) => `${x.scopeName}第${x.version}版` },
  { header: '施行日期', width: 12, value: (x) => x.effectiveFrom, kind: 'date' },
  { header: '依据', width: 50, value: (x) => x.source },
];

/** The rule sets as the caller's region has them in force today (or on `on`), as the list. */
export const ruleSetsExport = (ctx: Ctx, f: TListRuleSets) =>
  listExport('问责规则', COLUMNS, (q) => listRuleSets(ctx, q), f);
