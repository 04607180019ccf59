/** Accountability cases (问责, SPEC M8 and 2b) vocabulary shared by server and web. */
export { ARTICLE_7 } from './warnings.js';
export { SITUATIONS, situationArticle } from './rules.js';

/** 党内问责 (问责条例) or 监察问责 / 政务处分 (监察法, 政务处分法): different forms, bodies and appeal routes. */
export const CASE_KINDS = { party: '党内问责', supervision: '监察问责/政务处分' } as const;
export type CaseKind = keyof typeof CASE_KINDS;

export const CASE_SOURCES = {
  problem: '问题整改',
  warning: '模拟问责',
  escalation: '问责建议',
  complaint: '信访举报',
  manual: '直接立项',
  dual: '一案双查',
} as const;
export type CaseSource = keyof typeof CASE_SOURCES;

export const CASE_STATES = {
  proposed: '待批准启动',
  investigating: '调查中',
  reviewing: '审理中',
  decided: '已决定',
  executed: '已执行',
  closed: '已结案',
} as const;
export type CaseState = keyof typeof CASE_STATES;

export const CASE_EVENTS = {
  opened: '立项',
  approve_launch: '批准启动',
  reject_launch: '不予启动',
  change_team: '调整调查组',
  record_facts: '记录事实',
  issue_statement: '出示事实材料',
  record_defense: '记录陈述申辩',
  determine: '责任认定',
  request_prereview: '提请提级预审',
  record_prereview: '上级预审意见',
  sign_joint_review: '联审签署',
  decide: '作出决定',
  execute: '执行',
  record_service: '送达决定',
  appeal: '申诉/复审/复核',
  decide_appeal: '申诉复查决定',
  pause_clock: '中止计时',
  resume_clock: '恢复计时',
  follow_up: '回访',
  close: '结案',
  correct: '纠错（第二十一条）',
  spawn_dual: '一案双查',
  recommend: '以案促改',
} as const;
export type CaseEventType = keyof typeof CASE_EVENTS;

export const SUBJECT_KINDS = { person: '个人', unit: '组织' } as const;
export const RESPONSIBILITIES = {
  direct: '直接责任',
  main_leadership: '主要领导责任',
  important_leadership: '重要领导责任',
} as const;
export const DUTIES = { decision: '决策责任', execution: '执行责任', supervision: '监管责任' } as const;

/** The four facts every investigation establishes. */
export const FACTS = {
  problem: '问题事实',
  result: '结果事实',
  responsibility: '责任事实',
  causation: '因果事实',
} as const;
export type FactKey = keyof typeof FACTS;

/** Circumstances (问责条例 第十七、十八、十九条) as checklists. */
export const CIRCUMSTANCES = {
  exemption: {
    article: 17,
    label: '不予问责或者免予问责（第十七条）',
    items: {
      pilot: '在推进改革中，因缺乏经验、先行先试出现的失误，尚无明确限制的探索性试验中的失误',
      dissent: '在集体决策中对错误决策提出明确反对意见或者保留意见的',
      force_majeure: '在决策实施中已经履职尽责，但因不可抗力、难以预见等因素造成损失的',
    },
  },
  mitigating: {
    article: 18,
    label: '从轻或者减轻问责（第十八条）',
    items: {
      remedied: '及时采取补救措施，有效挽回损失或者消除不良影响的',
      cooperated: '积极配合问责调查工作，主动承担责任的',
    },
  },
  aggravating: {
    article: 19,
    label: '从重或者加重问责（第十九条）',
    items: {
      defiance: '对职责范围内发生的问题拒不整改、推卸责任，屡禁不止、屡问屡犯的',
      obstruction: '干扰、阻碍问责调查，或者弄虚作假、隐瞒事实真相的',
    },
  },
} as const;
export type CircumstanceGroup = keyof typeof CIRCUMSTANCES;

/** 三个区分开来: each question answered for a fault-tolerance (容错) claim. */
export const THREE_DISTINCTIONS = {
  pilot: '是因缺乏经验、先行先试出现的失误，而非明知故犯的违纪违法行为',
  exploration: '是在上级尚无明确限制的探索性试验中的失误，而非上级明令禁止后依然我行我素的行为',
  public_interest: '是为推动发展的无意过失，而非为谋取私利的违纪违法行为',
} as const;

export const TOLERANCE_OUTCOMES = { exempt: '免予问责', lighter: '从轻或减轻问责', none: '不适用容错' } as const;
export type ToleranceOutcome = keyof typeof TOLERANCE_OUTCOMES;

/**
 * Forms of 问责条例 第八条 and the 政务处分 types, with a severity rank (appeals never get heavier,
 * the consistency check compares ranks), their 四种形态 and whether the commission may impose them
 * itself or only propose them to the party committee / organisation department.
 */
export const FORMS = {
  检查: { kinds: ['party', 'supervision'], subject: 'unit', rank: 1, formOfFour: 1, proposeOnly: false },
  通报: { kinds: ['party', 'supervision'], subject: 'both', rank: 2, formOfFour: 1, proposeOnly: false },
  改组: { kinds: ['party'], subject: 'unit', rank: 6, formOfFour: 3, proposeOnly: true },
  口头诫勉: { kinds: ['party', 'supervision'], subject: 'person', rank: 3, formOfFour: 1, proposeOnly: false },
  书面诫勉: { kinds: ['party', 'supervision'], subject: 'person', rank: 3, formOfFour: 1, proposeOnly: false },
  停职检查: { kinds: ['party', 'supervision'], subject: 'person', rank: 5, formOfFour: 2, proposeOnly: true },
  调整职务: { kinds: ['party', 'supervision'], subject: 'person', rank: 5, formOfFour: 2, proposeOnly: true },
  责令辞职: { kinds: ['party', 'supervision'], subject: 'person', rank: 6, formOfFour: 3, proposeOnly: true },
  免职: { kinds: ['party', 'supervision'], subject: 'person', rank: 6, formOfFour: 3, proposeOnly: true },
  降职: { kinds: ['party', 'supervision'], subject: 'person', rank: 6, formOfFour: 3, proposeOnly: true },
  党纪处分·警告: { kinds: ['party'], subject: 'person', rank: 4, formOfFour: 2, proposeOnly: false },
  党纪处分·严重警告: { kinds: ['party'], subject: 'person', rank: 5, formOfFour: 2, proposeOnly: false },
  党纪处分·撤销党内职务: { kinds: ['party'], subject: 'person', rank: 7, formOfFour: 3, proposeOnly: false },
  党纪处分·留党察看: { kinds: ['party'], subject: 'person', rank: 8, formOfFour: 3, proposeOnly: false },
  党纪处分·开除党籍: { kinds: ['party'], subject: 'person', rank: 9, formOfFour: 4, proposeOnly: false },
  政务处分·警告: { kinds: ['supervision'], subject: 'person', rank: 4, formOfFour: 2, proposeOnly: false },
  政务处分·记过: { kinds: ['supervision'], subject: 'person', rank: 5, formOfFour: 2, proposeOnly: false },
  政务处分·记大过: { kinds: ['supervision'], subject: 'person', rank: 6, formOfFour: 2, proposeOnly: false },
  政务处分·降级: { kinds: ['supervision'], subject: 'person', rank: 7, formOfFour: 3, proposeOnly: false },
  政务处分·撤职: { kinds: ['supervision'], subject: 'person', rank: 8, formOfFour: 3, proposeOnly: false },
  政务处分·开除: { kinds: ['supervision'], subject: 'person', rank: 9, formOfFour: 4, proposeOnly: false },
} as const satisfies Record<
  string,
  {
    kinds: readonly CaseKind[];
    subject: 'unit' | 'person' | 'both';
    rank: number;
    formOfFour: 1 | 2 | 3 | 4;
    proposeOnly: boolean;
  }
>;
export type FormKey = keyof typeof FORMS;
export const FORM_KEYS = Object.keys(FORMS) as [FormKey, ...FormKey[]];

export const FORMS_OF_FOUR = { 1: '第一种形态', 2: '第二种形态', 3: '第三种形态', 4: '第四种形态' } as const;

/** The heaviest rank among forms (0 = no accountability). */
export const severityOf = (forms: readonly { form: FormKey }[]) =>
  forms.reduce((max, f) => Math.max(max, FORMS[f.form].rank), 0);

/** 四种形态 of an outcome: that of its heaviest form (none when not held to account). */
export function formOfFourOf(forms: readonly { form: FormKey }[]): number | null {
  if (forms.length === 0) return null;
  return forms.reduce((max, f) => Math.max(max, FORMS[f.form].formOfFour), 1);
}

/** How a decision reached the person it concerns (送达方式); the appeal clock counts from the day received. */
export const SERVICE_MANNERS = {
  direct: '直接送达',
  proxy: '委托送达',
  mail: '邮寄送达',
  left: '留置送达',
  announcement: '公告送达',
} as const;

export const APPEAL_KINDS = { appeal: '申诉', reexamination: '复审', recheck: '复核' } as const;
export type AppealKind = keyof typeof APPEAL_KINDS;
export const APPEAL_RESULTS = { upheld: '维持原决定', lighter: '变更为较轻处理', revoked: '撤销原决定' } as const;
export type AppealResult = keyof typeof APPEAL_RESULTS;

/** 联审: the three offices that sign off a case, in any order. */
export const JOINT_REVIEW_OFFICES = {
  df: '党风政风监督室',
  ag: '案件监督管理室',
  sl: '案件审理室',
} as const;
export type JointReviewOffice = keyof typeof JOINT_REVIEW_OFFICES;

export const CASE_MEMBER_ROLES = { investigator: '调查组成员', reviewer: '联审人员', evaluator: '评查人员' } as const;

/** 案件评查 checklist per stage; each item scored 0–its points. */
export const EVALUATION_CHECKLIST = {
  launch: {
    label: '启动',
    items: { basis: ['启动依据充分、来源清楚', 10], approval: ['经委领导批准启动', 10] },
  },
  investigation: {
    label: '调查',
    items: {
      team: ['调查人员不少于二人', 10],
      facts: ['问题、结果、责任、因果四项事实清楚，证据确实充分', 15],
      defense: ['出示事实材料，听取并记录陈述申辩，本人签字', 15],
    },
  },
  decision: {
    label: '决定',
    items: {
      qualification: ['定性准确，适用条款正确', 10],
      proportion: ['问责方式适当，与同类案件尺度一致', 10],
      procedure: ['经联审和必要的提级预审，按权限作出决定', 5],
    },
  },
  execution: {
    label: '执行',
    items: { executed: ['按期执行到位', 10], follow_up: ['开展回访，以案促改', 5] },
  },
} as const;
export type EvaluationStage = keyof typeof EVALUATION_CHECKLIST;

export const INFLUENCE_KINDS = {
  sanction: '政务处分影响期',
  no_promotion: '不得提拔使用期',
} as const;
