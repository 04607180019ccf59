import { Tooltip, Typography } from 'antd';
import { formatDate } from '../../../lib/format';

/** The words of the figures jobs report (their keys stay in the run's record and on hover). */
const RESULT_LABELS: Record<string, string> = {
  checked: '已核对',
  baseSeq: '起始序号',
  headSeq: '最新序号',
  red: '红色预警',
  applied: '自动升级',
  proposed: '建议升级',
  recoloured: '重新着色',
  created: '新生成',
  resolved: '已解除',
  situations: '扫描情形',
  changedProblems: '变动问题',
  ended: '已届满',
  warned: '已提醒',
  overdue: '已超期',
  sent: '已发送',
  failed: '失败',
  retrying: '待重试',
  withheld: '暂缓',
  users: '用户',
  errors: '出错',
  alreadySent: '此前已发',
  nothingToSay: '无事项',
  recipients: '收件人',
};
const MODE_LABELS: Record<string, string> = { changed: '增量扫描', full: '全量扫描' };
/** Figures about the run itself rather than its outcome. */
const HIDDEN = new Set(['ok', 'ms', 'day', 'today']);

function valueText(key: string, value: unknown): string {
  if (key === 'mode' && typeof value === 'string') return MODE_LABELS[value] ?? value;
  if (typeof value === 'number') return value.toLocaleString('zh-CN');
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A job's result as 已发送 3 · 失败 0 …, in Chinese; the raw record on hover for administrators. */
export function JobResult({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <>—</>;
  if (typeof value !== 'object' || Array.isArray(value)) return <>{valueText('', value)}</>;
  const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => !HIDDEN.has(k));
  const text = entries.length
    ? entries
        .map(([k, v]) => (k === 'mode' ? valueText(k, v) : `${RESULT_LABELS[k] ?? k} ${valueText(k, v)}`))
        .join(' · ')
    : '完成';
  return (
    <Tooltip title={<code style={{ fontSize: 12 }}>{JSON.stringify(value)}</code>}>
      <Typography.Text style={{ fontSize: 12 }}>{text}</Typography.Text>
    </Tooltip>
  );
}
