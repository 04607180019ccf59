/** Simulated accountability (模拟问责, SPEC M5) vocabulary shared by server and web. */

/** 问责情形: 问责条例 第七条 (1–11) and 第二十一条 (21); the law text lives in rules.ts. */
export { SITUATIONS as ARTICLE_7 } from './rules.js';

/** 问责条例 第八条 forms. */
export const ACCOUNTABILITY_FORMS = [
  '检查',
  '通报',
  '改组',
  '口头诫勉',
  '书面诫勉',
  '组织调整或者组织处理',
  '纪律处分',
] as const;

export const WARNING_STATES = {
  pending_review: '待研判',
  issued: '已发提醒函',
  rectifying: '整改中',
  resolved: '已化解',
  escalated: '已升级',
  dismissed: '不予预警',
} as const;
export type WarningState = keyof typeof WARNING_STATES;
export const ACTIVE_WARNING_STATES: readonly WarningState[] = ['pending_review', 'issued', 'rectifying'];

export const WARNING_EVENTS = {
  created: '生成预警',
  facts_updated: '事实更新',
  issue: '发出提醒函',
  dismiss: '不予预警',
  answer: '报送整改方案',
  resolve: '风险化解',
  escalate: '升级处理',
} as const;
export type WarningEvent = keyof typeof WARNING_EVENTS;

/** Who would be held responsible, and how (第七条 responsibilities; 决策/执行/监管). */
export const RESPONSIBLE_WHO = {
  unit_principal: '责任单位主要负责人',
  responsible_person: '问题责任人',
  measure_owner: '措施责任人',
  county_leader: '分管县领导',
} as const;
export type ResponsibleWho = keyof typeof RESPONSIBLE_WHO;
export const RESPONSIBILITY_KINDS = ['主要领导责任', '重要领导责任', '直接责任'] as const;
export const DUTY_KINDS = ['决策责任', '执行责任', '监管责任'] as const;

/** The documented fields a situation's rule may use, computed per open problem on the scan date. */
export const RULE_FIELDS = {
  working_days_overdue: { type: 'number', label: '逾期工作日数' },
  calendar_days_overdue: { type: 'number', label: '逾期自然日数' },
  working_days_without_progress: { type: 'number', label: '无进展工作日数' },
  days_without_progress: { type: 'number', label: '无进展自然日数' },
  overdue_measures: { type: 'number', label: '逾期未完成措施数' },
  units_involved: { type: 'number', label: '涉及单位数' },
  lead_unit_confirmed: { type: 'boolean', label: '已明确牵头单位' },
  reopen_count: { type: 'number', label: '反弹次数' },
  report_similarity: { type: 'number', label: '最近两次进展报告相似度（0-1）' },
  escalation_level: { type: 'number', label: '督办级别（0-4）' },
  listed: { type: 'boolean', label: '挂牌督办' },
  urgent: { type: 'boolean', label: '紧急' },
  severity: { type: 'text', label: '严重程度（general/serious/critical）' },
  category: { type: 'text', label: '问题类别' },
  source: { type: 'text', label: '问题来源' },
  unit_type: { type: 'text', label: '单位类型' },
  state: { type: 'text', label: '问题状态' },
} as const;
export type RuleField = keyof typeof RULE_FIELDS;
