import type { z } from 'zod';
import type { ZListJobRuns } from '../../../common/system.schema.js';
import type { Ctx } from '../../platform/context.js';
import { listExport, type XlsxColumn, type XlsxExport } from '../../platform/documents/xlsx-export.js';
import { listJobRuns } from '../../platform/jobs/jobs.service.js';

type JobRunRow = Awaited<ReturnType<typeof listJobRuns>>['items'][number];

const TRIGGERS: Record<string, string> = { schedule: '定时', manual: '手动' };
const outcome = (ok: boolean | null) => (ok === null ? '运行中' : ok ? '成功' : '失败');

/** `GET /api/jobs/export.xlsx`: the run log of the background jobs, newest first, with the list's filter. */
export function jobRunsExport(
  ctx: Ctx,
  labels: ReadonlyMap<string, string>,
  f: z.infer<typeof ZListJobRuns>,
): XlsxExport<JobRunRow> {
  const columns: XlsxColumn<JobRunRow>[] = [
    { header: '任务', width: 20, value: (x) => labels.get(x.name) ?? x.name },
    { header: '触发方式', width: 10, value: (x) => TRIGGERS[x.trigger] ?? x.trigger },
    { header: '开始时间', width: 18, value: (x) => x.startedAt, kind: 'datetime' },
    { header: '结束时间', width: 18, value: (x) => x.finishedAt, kind: 'datetime' },
    { header: '结果', width: 8, value: (x) => outcome(x.ok) },
    {
      header: '详情',
      width: 60,
      value: (x) => (x.result === null || x.result === undefined ? '' : JSON.stringify(x.result)),
    },
  ];
  return listExport('后台任务运行记录', columns, (q) => listJobRuns(ctx.db, q.page, q.pageSize, q.name), f);
}
