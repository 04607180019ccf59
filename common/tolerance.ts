/** 容错免责 事前备案 (SPEC M8, 2b 第十七条) vocabulary shared by server and web. */

export const TOLERANCE_STATES = {
  draft: '草稿',
  submitted: '待审批',
  approved: '已备案',
  returned: '已退回',
} as const;
export type ToleranceState = keyof typeof TOLERANCE_STATES;

export const TOLERANCE_EVENTS = {
  submit: '提交备案',
  approve: '同意备案',
  return: '退回',
} as const;
export type ToleranceEvent = keyof typeof TOLERANCE_EVENTS;

/** What a filing's form shows, label and value, for the printed page and the .docx (dates formatted by the caller). */
export interface FilingFormFields<At> {
  unitName: string;
  people: { name: string; post: string }[];
  matter: string;
  decision: string;
  basis: string;
  exploratory: boolean;
  minutes: string;
  dissent: string | null;
  risk: string;
  decidedOn: string;
  reviewOn: string;
  stateLabel: string;
  approvedAt: At | null;
  approvalComment: string | null;
}

/** The rows of the 容错免责事前备案表; `day` formats a YYYY-MM-DD date, `time` the approval timestamp. */
export function filingFormRows<At>(
  f: FilingFormFields<At>,
  day: (iso: string) => string,
  time: (at: At) => string,
): [string, string][] {
  return [
    ['备案单位', f.unitName],
    ['责任人', f.people.map((p) => `${p.name}（${p.post}）`).join('、')],
    ['备案事项', f.matter],
    ['决策内容', f.decision],
    ['政策依据', f.basis],
    ['是否属于改革试点、探索性工作', f.exploratory ? '是' : '否'],
    ['集体决策情况', f.minutes],
    ['反对意见', f.dissent || '无'],
    ['风险评估', f.risk],
    ['决策日期', day(f.decidedOn)],
    ['复核日期', day(f.reviewOn)],
    ['审批意见', f.approvedAt ? `${f.approvalComment ?? '同意备案'}（${time(f.approvedAt)}）` : f.stateLabel],
  ];
}
