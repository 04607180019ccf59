/** 明责 (SPEC M2) vocabulary shared by server and web. */

/** Subjects of responsibility: the 两个责任 levels and the party-building levels (seed 002). */
export const SUBJECT_KINDS = {
  leadership: '领导班子',
  principal: '一把手',
  member: '班子成员',
  discipline: '纪委/纪检组',
  party_org: '党组织',
  secretary: '书记',
  deputy_secretary: '副书记',
  committee_member: '委员',
} as const;
export type SubjectKind = keyof typeof SUBJECT_KINDS;

/** What each subject carries (全面领导责任, 第一责任人, 一岗双责, 监督责任). */
export const SUBJECT_DUTIES: Record<SubjectKind, string> = {
  leadership: '全面领导责任',
  principal: '第一责任人责任',
  member: '一岗双责',
  discipline: '监督责任',
  party_org: '党建主体责任',
  secretary: '党建第一责任人责任',
  deputy_secretary: '党建直接责任',
  committee_member: '党建一岗双责',
};

export const FREQUENCIES = {
  yearly: '每年',
  half_yearly: '每半年',
  quarterly: '每季度',
  monthly: '每月',
  as_needed: '适时',
} as const;
export type Frequency = keyof typeof FREQUENCIES;

/** The four kinds of dispatch of seed 004 (年初提示制、按季派单制、适时增单制) and rectification lists. */
export const DISPATCH_KINDS = {
  prompt: '年初提示',
  quarterly: '季度派单',
  extra: '增派单',
  rectification: '整改派单',
} as const;
export type DispatchKind = keyof typeof DISPATCH_KINDS;

export const RECIPIENT_KINDS = {
  leader: '县级领导',
  unit: '单位',
  leadership: '单位领导班子',
} as const;
export type RecipientKind = keyof typeof RECIPIENT_KINDS;

/** Where a 增派单 comes from: 日常监督检查、巡视巡察发现问题、预警、案件查办. */
export const SOURCE_TYPES = {
  problem: '问题清单',
  finding: '督导巡查发现',
  warning: '模拟问责预警',
  case: '问责案件',
} as const;
export type SourceType = keyof typeof SOURCE_TYPES;

export const DISPATCH_STATES = {
  draft: '草稿',
  issued: '已派发',
  received: '已签收',
  closed: '已办结',
} as const;
export type DispatchState = keyof typeof DISPATCH_STATES;

export const DISPATCH_EVENTS = {
  issue: '派发',
  receive: '签收',
  close: '办结',
} as const;
export type DispatchEvent = keyof typeof DISPATCH_EVENTS;

export const REPORT_STATES = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已审核',
  returned: '已退回',
} as const;
export type ReportState = keyof typeof REPORT_STATES;

export const REPORT_EVENTS = {
  submit: '提交',
  approve: '审核通过',
  return: '退回',
} as const;
export type ReportEvent = keyof typeof REPORT_EVENTS;

/** The quarter of a date (YYYY-MM-DD). */
export const quarterOf = (date: string) => Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;

/** First day of a quarter. */
export const quarterStart = (year: number, quarter: number) =>
  `${year}-${['01-01', '04-01', '07-01', '10-01'][quarter - 1]}`;

/** Last day of a quarter. */
export const quarterEnd = (year: number, quarter: number) =>
  `${year}-${['03-31', '06-30', '09-30', '12-31'][quarter - 1]}`;

/** The period's label: 2026年第2季度, 2026年度. */
export const periodLabel = (year: number, quarter: number | null) =>
  quarter ? `${year}年第${quarter}季度` : `${year}年度`;
