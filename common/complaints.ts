/** 信访举报 (SPEC M9) vocabulary shared by server and web. */

/** How a complaint reached the commission. `online` is the public page; the others are staff intake. */
export const COMPLAINT_CHANNELS = {
  online: '网络举报',
  letter: '来信',
  visit: '来访',
  phone: '来电',
  hotline12345: '12345转办',
  upper: '上级交办',
} as const;
export type ComplaintChannel = keyof typeof COMPLAINT_CHANNELS;

export const COMPLAINT_KINDS = {
  accusation: '检举控告',
  suggestion: '批评建议',
  appeal: '申诉',
  other: '其他',
} as const;
export type ComplaintKind = keyof typeof COMPLAINT_KINDS;

export const COMPLAINT_STATES = {
  received: '待分流',
  accepted: '已受理',
  transferred: '已转办下级',
  handling: '处置中',
  completed: '已办结',
  answered: '已反馈',
  repeat: '重复件',
  escalated: '已报送上级',
} as const;
export type ComplaintState = keyof typeof COMPLAINT_STATES;

/** What the filer sees of each state with the receipt code: never the handling details. */
export const COMPLAINT_PUBLIC_STATES: Record<ComplaintState, string> = {
  received: '已收到，正在登记分流',
  accepted: '已受理，正在办理',
  transferred: '已按规定转有管辖权的机关办理',
  handling: '正在办理',
  completed: '已办结，正在准备答复',
  answered: '已办结并答复',
  repeat: '已收到，与此前反映的同一事项合并办理',
  escalated: '已按规定报送上级纪检监察机关办理',
};

/** 处置方式: the four ways of 第十七条 and the transfer to 审查调查. */
export const COMPLAINT_WAYS = {
  talk_letter: '谈话函询',
  preliminary: '初步核实',
  shelved: '暂存待查',
  closed: '予以了结',
  investigation: '移送审查调查',
} as const;
export type ComplaintWay = keyof typeof COMPLAINT_WAYS;

export const COMPLAINT_FINDINGS = {
  substantiated: '属实',
  partly: '部分属实',
  unsubstantiated: '不属实',
  na: '不适用',
} as const;
export type ComplaintFinding = keyof typeof COMPLAINT_FINDINGS;

export const FEEDBACK_METHODS = {
  phone: '电话',
  face: '当面',
  letter: '书面',
  sms: '短信',
} as const;
export type FeedbackMethod = keyof typeof FEEDBACK_METHODS;

export const COMPLAINT_EVENTS = {
  claim: '接收（首问负责）',
  hand_over: '移交承办人',
  accept: '受理',
  transfer: '转办下级',
  lower_reply: '登记下级受理/转办情况',
  escalate: '报送上级',
  mark_repeat: '并入重复件',
  notify_acceptance: '告知受理情况',
  decide: '集体研究处置',
  complete: '办结',
  feedback: '反馈处理结果',
  objection: '登记异议',
  answer_objection: '答复异议',
  to_problem: '交办问题台账',
  propose: '提出问责建议',
} as const;
export type ComplaintEvent = keyof typeof COMPLAINT_EVENTS;

/** Timeline entries no user fires: the registration and the daily clock watch's warnings and escalations. */
export const COMPLAINT_SYSTEM_EVENTS = {
  created: '登记',
  clock_warned: '期限临近提醒',
  clock_overdue: '超期督办（报委领导）',
} as const;

/** States in which the complaint is still this commission's open work (owner, deadline, digest). */
export const COMPLAINT_OPEN_STATES: readonly ComplaintState[] = ['received', 'accepted', 'handling', 'completed'];
