/** The facts a warning rule used, as Chinese sentences (提醒函, pages): never raw field keys or `true`/`false`. */
import { UNIT_TYPE_LABELS } from './org.js';
import { PROBLEM_SEVERITIES, PROBLEM_SOURCES, PROBLEM_STATES } from './problems.js';

const label = (map: Record<string, string>, v: unknown) => map[String(v)] ?? String(v);
const yesNo = (v: unknown, yes: string, no: string) => (v === true || v === 'true' ? yes : no);

const SENTENCES: Record<string, (v: unknown) => string> = {
  working_days_overdue: (v) => `已超过整改时限${v}个工作日`,
  calendar_days_overdue: (v) => `已超过整改时限${v}天`,
  working_days_without_progress: (v) => `已连续${v}个工作日未报告整改进展`,
  days_without_progress: (v) => `已连续${v}天未报告整改进展`,
  overdue_measures: (v) => `有${v}项整改措施逾期未完成`,
  units_involved: (v) => `问题涉及${v}个单位`,
  lead_unit_confirmed: (v) => yesNo(v, '已明确牵头单位', '尚未明确牵头单位'),
  reopen_count: (v) => `问题销号后反弹${v}次`,
  report_similarity: (v) => `最近两次整改进展报告内容相似度达${Math.round(Number(v) * 100)}%`,
  escalation_level: (v) => `督办已升级至第${v}级`,
  listed: (v) => yesNo(v, '问题已被挂牌督办', '问题未挂牌督办'),
  urgent: (v) => yesNo(v, '问题为紧急事项', '问题不属于紧急事项'),
  severity: (v) => `问题严重程度为“${label(PROBLEM_SEVERITIES, v)}”`,
  category: (v) => `问题类别为“${v}”`,
  source: (v) => `问题来源为“${label(PROBLEM_SOURCES, v)}”`,
  unit_type: (v) => `责任单位类型为“${label(UNIT_TYPE_LABELS, v)}”`,
  state: (v) => `问题当前状态为“${label(PROBLEM_STATES, v)}”`,
};

/** One sentence per fact, ending with 。; unknown fields are left out rather than printed as keys. */
export function factSentences(facts: Record<string, unknown>): string[] {
  return Object.entries(facts)
    .filter(([k, v]) => SENTENCES[k] && v !== null && v !== undefined)
    .map(([k, v]) => `${SENTENCES[k](v)}。`);
}
