/** 考责 (SPEC M6) vocabulary shared by server and web. */

/** How an indicator is scored. `group` = a 一级/二级 indicator whose score is the sum of its children. */
export const SCORING_METHODS = {
  group: '汇总下级指标',
  metric: '系统数据自动计分',
  qualitative: '评价人打分',
  questionnaire: '民主测评',
} as const;
export type ScoringMethod = keyof typeof SCORING_METHODS;

/**
 * Who a system assesses (issue #15): units (scored per unit, ranked within the unit type) or leaders (领导干部:
 * county leaders and unit principals, scored per person, ranked among the persons of the run).
 */
export const SUBJECT_KINDS = { unit: '单位', leader: '领导干部' } as const;
export type SubjectKind = keyof typeof SUBJECT_KINDS;

/**
 * The named metrics over data the product holds (SPEC M6 "quantitative from system data"). A `count` metric
 * deducts (or adds) the rule's points per event, within the indicator's weight; a `rate` metric scores
 * weight × rate; a `veto` metric caps the grade (一票否决) when any event exists. `subject` says whose data it
 * reads: a unit's (unit systems) or a person's (leader systems).
 */
export const METRICS = {
  'problems.overdue': {
    label: '问题整改逾期',
    shape: 'count',
    subject: 'unit',
    doc: '期内到期而未按期销号的问题，每件按规则扣分（日期：整改期限）',
  },
  'problems.circular': {
    label: '通报',
    shape: 'count',
    subject: 'unit',
    doc: '期内被升级为“通报”的问题，每次按规则扣分（日期：升级日）',
  },
  'problems.interview': {
    label: '约谈（问题升级）',
    shape: 'count',
    subject: 'unit',
    doc: '期内被升级为“约谈”的问题，每次按规则扣分',
  },
  'problems.listed': {
    label: '挂牌督办',
    shape: 'count',
    subject: 'unit',
    doc: '期内被升级为“挂牌督办”的问题，每次按规则扣分',
  },
  'problems.rectification_rate': {
    label: '整改按期完成率',
    shape: 'rate',
    subject: 'unit',
    doc: '期内到期问题中按期销号的比例；得分 = 权重 × 按期销号数 ÷ 到期数（无到期问题不扣分）',
  },
  'problems.major_accident': {
    label: '特别重大事故',
    shape: 'veto',
    subject: 'unit',
    doc: '期内登记、类别为“特别重大事故”的问题；有即一票否决',
  },
  'warnings.issued': {
    label: '模拟问责预警',
    shape: 'count',
    subject: 'unit',
    doc: '期内发出的模拟问责预警，每份按规则扣分（日期：发出日）',
  },
  'talks.interview': {
    label: '约谈',
    shape: 'count',
    subject: 'unit',
    doc: '期内对单位领导班子的约谈（谈话管理），每次按规则扣分',
  },
  'cases.decided': {
    label: '问责案件',
    shape: 'count',
    subject: 'unit',
    doc: '对单位或其人员作出问责决定的案件，按问责发生期（立案日）计入，每人次按规则扣分',
  },
  'cases.principal_sanctioned': {
    label: '主要负责人被问责（一票否决）',
    shape: 'veto',
    subject: 'unit',
    doc: '单位主要负责人在期内立案的案件中被给予组织处理或纪律处分（第二种形态及以上）；有即一票否决',
  },
  'evaluations.average': {
    label: '述职评议得分',
    shape: 'rate',
    subject: 'unit',
    doc: '期内结束的述职评议、述责述廉会议中本单位的评议平均分（每次会议取评议人平均，再取各次平均）；得分 = 权重 × 平均分 ÷ 100',
  },
  'responsibility.fulfilment': {
    label: '责任清单履职',
    shape: 'rate',
    subject: 'unit',
    doc: '明责模块下达的责任事项中按期履职的比例；得分 = 权重 × 按期履职数 ÷ 应履职数',
  },
  'talks.person_interview': {
    label: '本人被约谈',
    shape: 'count',
    subject: 'leader',
    doc: '期内本人作为谈话对象的约谈（谈话管理，已谈话），每次按规则扣分（日期：谈话日）',
  },
  'talks.person_reminder': {
    label: '本人被提醒谈话',
    shape: 'count',
    subject: 'leader',
    doc: '期内本人作为谈话对象的提醒谈话（已谈话），每次按规则扣分（日期：谈话日）',
  },
  'cases.person_decided': {
    label: '本人被问责',
    shape: 'count',
    subject: 'leader',
    doc: '本人在期内立案的问责案件中被作出问责决定（注明问责方式和形态），每案按规则扣分（日期：立案日）',
  },
  'cases.person_sanctioned': {
    label: '本人受组织处理或处分（一票否决）',
    shape: 'veto',
    subject: 'leader',
    doc: '本人在期内立案的案件中被给予第二种形态及以上的问责（组织处理、纪律处分）；有即一票否决',
  },
  'responsibility.person_overdue': {
    label: '本人责任清单事项逾期',
    shape: 'count',
    subject: 'leader',
    doc: '派给本人的责任清单事项期内到期而未按期履责，每项按规则扣分（日期：完成时限）',
  },
  'responsibility.person_fulfilment': {
    label: '本人责任清单按期履职率',
    shape: 'rate',
    subject: 'leader',
    doc: '派给本人的责任清单事项中期内到期的按期履责比例；得分 = 权重 × 按期数 ÷ 到期数（无到期事项得满分）',
  },
  'evaluations.person_average': {
    label: '本人述职评议得分',
    shape: 'rate',
    subject: 'leader',
    doc: '期内结束的述职评议、述责述廉会议中本人（述职人）的评议平均分（每次会议取评议人平均，再取各次平均）；得分 = 权重 × 平均分 ÷ 100',
  },
  'problems.charge_overdue': {
    label: '分管（主管）单位问题逾期',
    shape: 'count',
    subject: 'leader',
    doc: '本人为分管县领导或主要负责人的单位中期内到期而未按期销号的问题，每件按规则扣分（日期：整改期限）',
  },
} as const;
export type MetricKey = keyof typeof METRICS;
/** The metrics a system of this subject kind may use. */
export const metricsFor = (kind: SubjectKind) =>
  (Object.keys(METRICS) as MetricKey[]).filter((k) => METRICS[k].subject === kind);
export const METRIC_KEYS = Object.keys(METRICS) as [MetricKey, ...MetricKey[]];

/** Events that carry points by rule (deduction < 0, bonus > 0). Bonus kinds count outside the indicator tree. */
export const EVENT_KINDS = {
  'problems.overdue': '问题整改逾期',
  'problems.circular': '通报',
  'problems.interview': '约谈（问题升级）',
  'problems.listed': '挂牌督办',
  'problems.ontime': '按期整改销号',
  'problems.major_accident': '特别重大事故',
  'warnings.issued': '模拟问责预警',
  'talks.interview': '约谈',
  'cases.decided': '问责案件',
  'cases.principal_sanctioned': '主要负责人被问责',
  'patrol.positive_case': '正面典型案例',
  'talks.person_interview': '本人被约谈',
  'talks.person_reminder': '本人被提醒谈话',
  'cases.person_decided': '本人被问责',
  'cases.person_sanctioned': '本人受组织处理或处分',
  'responsibility.person_overdue': '本人责任清单事项逾期',
  'responsibility.person_ontime': '本人责任清单事项按期履责',
  'problems.charge_overdue': '分管（主管）单位问题逾期',
} as const;
export type EventKind = keyof typeof EVENT_KINDS;
export const EVENT_KIND_KEYS = Object.keys(EVENT_KINDS) as [EventKind, ...EventKind[]];

export const GRADES = { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' } as const;
export type Grade = keyof typeof GRADES;

export const ASSESSMENT_STATES = {
  draft: '待计算',
  computed: '已计算',
  frozen: '已冻结',
  published: '已发布',
} as const;
export type AssessmentState = keyof typeof ASSESSMENT_STATES;

export const ASSESSMENT_EVENTS = {
  compute: '计算',
  freeze: '冻结',
  publish: '审批发布',
  revise: '修订（新版本）',
} as const;
export type AssessmentEvent = keyof typeof ASSESSMENT_EVENTS;

/** Where a score item comes from. */
export const ITEM_KINDS = {
  base: '基础分',
  event: '事件扣（加）分',
  rate: '比率计分',
  rating: '评价人打分',
  survey: '民主测评',
  no_data: '无数据',
  veto: '一票否决',
  cap: '扣分封顶',
} as const;
export type ItemKind = keyof typeof ITEM_KINDS;

export const SURVEY_STATES = { open: '测评中', closed: '已结束' } as const;
export type SurveyState = keyof typeof SURVEY_STATES;

/** The default answer scale of a 民主测评 question, with the points each answer gives (of 100). */
/** The questions a new 民主测评 starts with (the office edits them). */
export const SURVEY_DEFAULT_QUESTIONS = [
  '领导班子落实全面从严治党主体责任情况',
  '主要负责人履行第一责任人职责情况',
  '班子成员履行“一岗双责”情况',
  '作风建设和整治形式主义、官僚主义情况',
  '本单位政治生态总体评价',
];
export const SURVEY_SCALE = [
  { label: '好', points: 100 },
  { label: '较好', points: 80 },
  { label: '一般', points: 60 },
  { label: '差', points: 0 },
] as const;
