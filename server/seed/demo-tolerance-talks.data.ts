import type { TalkKind } from '../../common/talks.js';

/** The demo county's pre-registrations (容错免责备案) and talks, as data. */
export type FilingSeed = {
  unit: string;
  state: 'draft' | 'submitted' | 'approved' | 'returned';
  matter: string;
  decision: string;
  basis: string;
  exploratory: boolean;
  dissent?: string;
  risk: string;
  decidedOn: string;
  reviewOn: string;
  returnReason?: string;
};

/** Pre-registrations in every state; the first is the one the demo accountability case matches. */
export const FILINGS: FilingSeed[] = [
  {
    unit: 'ZJJ',
    state: 'approved',
    matter: '老旧小区改造“先改后补”试点',
    decision:
      '在城关镇三个老旧小区试行“先改后补”模式：由县城投集团先行垫资实施加装电梯和管网改造，验收合格后按居民出资比例分批拨付补助资金。',
    basis:
      '《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》（国办发〔2020〕23号）；县委深改委2026年第2次会议纪要。',
    exploratory: true,
    dissent: '副局长王某某认为垫资规模偏大，建议首批只选一个小区试点，意见已记入会议纪要。',
    risk: '垫资回收周期可能超过一年，居民出资不到位时存在资金缺口；已约定分批拨付和审计跟踪。',
    decidedOn: '2026-05-12',
    reviewOn: '2026-11-12',
  },
  {
    unit: 'FGJ',
    state: 'approved',
    matter: '重点项目审批容缺受理改革',
    decision: '对县级重点项目实行容缺受理，非核心要件可在开工前补齐。',
    basis: '《优化营商环境条例》第四十条；省发改委关于深化投资审批制度改革的通知。',
    exploratory: true,
    risk: '补件不及时可能导致项目停工，需建立补件台账逐项销号。',
    decidedOn: '2026-03-18',
    reviewOn: '2026-09-18',
  },
  {
    unit: 'NYJ',
    state: 'approved',
    matter: '高标准农田建设以奖代补',
    decision: '对村集体自建高标准农田项目，验收合格后按亩均标准以奖代补。',
    basis: '《农田建设补助资金管理办法》；县政府常务会议2026年第5次会议纪要。',
    exploratory: false,
    dissent: '',
    risk: '村集体施工质量参差不齐，验收标准需统一。',
    decidedOn: '2026-04-02',
    reviewOn: '2026-10-02',
  },
  {
    unit: 'ZJJ',
    state: 'submitted',
    matter: '城市更新片区“带方案出让”试点',
    decision: '城东片区地块按既定建筑方案挂牌出让，竞得人须按方案建设。',
    basis: '《自然资源部关于开展全域土地综合整治试点工作的通知》；县委常委会会议纪要。',
    exploratory: true,
    risk: '方案限制可能降低土地出让收入。',
    decidedOn: '2026-10-20',
    reviewOn: '2027-04-20',
  },
  {
    unit: 'YJJ',
    state: 'submitted',
    matter: '危化品企业搬迁过渡期监管',
    decision: '对限期搬迁的两家危化品企业设置六个月过渡期，期间实行驻点监管。',
    basis: '《危险化学品安全管理条例》；市应急管理局关于危化品企业搬迁改造的通知。',
    exploratory: false,
    dissent: '一名班子成员主张立即停产，意见已记录。',
    risk: '过渡期内存在安全风险，需加密巡查频次。',
    decidedOn: '2026-11-02',
    reviewOn: '2027-05-02',
  },
  {
    unit: 'JYJ',
    state: 'returned',
    matter: '课后服务引入第三方机构',
    decision: '在城区学校引入第三方机构提供课后托管服务。',
    basis: '教育部关于做好中小学生课后服务工作的指导意见。',
    exploratory: true,
    risk: '服务质量和收费监管风险。',
    decidedOn: '2026-09-01',
    reviewOn: '2027-03-01',
    returnReason: '未附集体决策会议纪要，收费标准的政策依据不充分，请补充后重新提交。',
  },
  {
    unit: 'CGJ',
    state: 'returned',
    matter: '占道经营疏导点试行',
    decision: '在三处背街小巷设置临时疏导点，允许限时经营。',
    basis: '《城市市容和环境卫生管理条例》。',
    exploratory: true,
    risk: '可能引发周边居民投诉。',
    decidedOn: '2026-08-15',
    reviewOn: '2027-02-15',
    returnReason: '请补充风险评估和居民意见征求情况。',
  },
  {
    unit: 'ZJJ',
    state: 'draft',
    matter: '保障性租赁住房运营委托',
    decision: '委托县城投集团运营保障性租赁住房，租金按市场价八折收取。',
    basis: '国务院办公厅关于加快发展保障性租赁住房的意见。',
    exploratory: false,
    risk: '运营亏损风险。',
    decidedOn: '2026-12-01',
    reviewOn: '2027-06-01',
  },
  {
    unit: 'SLJ',
    state: 'draft',
    matter: '小型水库管护购买服务',
    decision: '以购买服务方式委托专业公司管护小型水库。',
    basis: '《水库大坝安全管理条例》；县政府购买服务指导目录。',
    exploratory: false,
    risk: '管护责任不清风险。',
    decidedOn: '2026-12-10',
    reviewOn: '2027-06-10',
  },
  {
    unit: 'CTJT',
    state: 'approved',
    matter: '国企参与片区综合开发',
    decision: '县城投集团以投资人加施工总承包（F+EPC）方式参与南山片区综合开发。',
    basis: '县属国有企业投资监督管理办法；县国资委批复。',
    exploratory: true,
    risk: '债务风险，需控制资产负债率。',
    decidedOn: '2026-06-20',
    reviewOn: '2026-12-20',
  },
];

export type TalkSeed = {
  kind: TalkKind;
  talker: 'PZ1' | 'JW-DF' | 'JW' | 'JW-SL';
  subjects: string[];
  subjectUnit?: string;
  reason: string;
  daysAgo: number;
  state: 'planned' | 'recorded' | 'closed';
  followUp?: string;
  followUpDone?: boolean;
  link?: 'problem' | 'warning';
};

export const TALKS: TalkSeed[] = [
  { kind: 'integrity', talker: 'JW', subjects: ['ZJJ'], reason: '新任局长任前廉政谈话', daysAgo: 200, state: 'closed' },
  {
    kind: 'appointment',
    talker: 'JW',
    subjects: ['FGJ'],
    reason: '新提任领导干部任职谈话',
    daysAgo: 180,
    state: 'closed',
  },
  {
    kind: 'reminder',
    talker: 'PZ1',
    subjects: ['ZJJ'],
    reason: '老旧小区改造项目整改进度滞后，提醒谈话',
    daysAgo: 20,
    state: 'recorded',
    followUp: '一个月内完成剩余管网改造并报送整改报告',
    link: 'problem',
  },
  {
    kind: 'reminder',
    talker: 'PZ1',
    subjects: ['ZRJ'],
    reason: '执法巡查记录不全',
    daysAgo: 45,
    state: 'closed',
    followUp: '补齐巡查台账',
    followUpDone: true,
  },
  {
    kind: 'warning',
    talker: 'JW-DF',
    subjects: ['YJJ'],
    reason: '安全生产专项整治中隐患整改不到位，警示谈话',
    daysAgo: 30,
    state: 'recorded',
    followUp: '隐患清单逐项销号',
    link: 'warning',
  },
  {
    kind: 'warning',
    talker: 'JW-DF',
    subjects: ['JYJ'],
    reason: '违规收费问题通报后的警示谈话',
    daysAgo: 60,
    state: 'closed',
  },
  {
    kind: 'admonition',
    talker: 'JW',
    subjects: ['CGJ'],
    reason: '对群众反映强烈的问题推诿扯皮，诫勉谈话',
    daysAgo: 15,
    state: 'recorded',
    followUp: '限期办结积压投诉件，每周报送进展',
  },
  {
    kind: 'admonition',
    talker: 'JW-SL',
    subjects: ['SJJ'],
    reason: '食品安全监管履职不力',
    daysAgo: 90,
    state: 'closed',
    followUp: '开展食品安全专项检查',
    followUpDone: true,
  },
  {
    kind: 'interview',
    talker: 'JW',
    subjects: [],
    subjectUnit: 'JTJ',
    reason: '交通项目建设进度严重滞后，约谈领导班子',
    daysAgo: 10,
    state: 'recorded',
    followUp: '制定赶工计划并按月报告',
    link: 'problem',
  },
  {
    kind: 'interview',
    talker: 'JW-DF',
    subjects: [],
    subjectUnit: 'CGZ',
    reason: '模拟问责提醒函逾期未答复，约谈党委班子',
    daysAgo: 5,
    state: 'recorded',
    followUp: '三日内报送整改方案',
    link: 'warning',
  },
  {
    kind: 'reminder',
    talker: 'PZ1',
    subjects: ['SLJ'],
    reason: '汛前检查走过场，提醒谈话',
    daysAgo: -7,
    state: 'planned',
  },
  { kind: 'integrity', talker: 'PZ1', subjects: ['HBJ'], reason: '节前廉政提醒谈话', daysAgo: -3, state: 'planned' },
  { kind: 'appointment', talker: 'JW', subjects: ['WJJ'], reason: '新任副局长任职谈话', daysAgo: 120, state: 'closed' },
  {
    kind: 'warning',
    talker: 'PZ1',
    subjects: ['JTJ'],
    reason: '同类问题反复出现，警示谈话',
    daysAgo: 25,
    state: 'recorded',
    followUp: '举一反三开展自查',
    followUpDone: true,
    link: 'problem',
  },
  { kind: 'admonition', talker: 'JW', subjects: ['MZJ'], reason: '低保审核把关不严', daysAgo: 2, state: 'planned' },
];
