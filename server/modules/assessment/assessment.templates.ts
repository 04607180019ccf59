import type { MetricKey, ScoringMethod, SubjectKind } from '../../../common/assessment.js';

/** A template indicator: children make it a group; a leaf names how it is scored. */
export interface TemplateIndicator {
  name: string;
  weight: number;
  method?: ScoringMethod;
  metric?: MetricKey;
  veto?: boolean;
  evaluators?: string[];
  description?: string;
  children?: TemplateIndicator[];
}
export interface Template {
  key: string;
  name: string;
  unitType: string | null;
  subjectKind: SubjectKind;
  description: string;
  indicators: TemplateIndicator[];
}

const qual = (name: string, weight: number, description = ''): TemplateIndicator => ({
  name,
  weight,
  method: 'qualitative',
  evaluators: ['考核组'],
  description,
});
const metric = (name: string, weight: number, m: MetricKey, description = ''): TemplateIndicator => ({
  name,
  weight,
  method: 'metric',
  metric: m,
  description,
});

/** The templates the seeds describe (seed 001, 002, 004). Weights add up to 100 in each. */
export const TEMPLATES: Template[] = [
  {
    key: 'two_responsibilities',
    name: '党风廉政建设“两个责任”考核',
    unitType: null,
    subjectKind: 'unit',
    description: '党委主体责任与纪委监督责任落实情况，“督”“考”结合、负面清单扣分（种子001、004）',
    indicators: [
      {
        name: '主体责任落实',
        weight: 40,
        children: [
          metric('责任清单履职', 15, 'responsibility.fulfilment', '明责模块责任事项按期履职率'),
          qual('述责述廉', 10, '述责述廉会议评议得分'),
          { name: '民主测评', weight: 15, method: 'questionnaire', description: '本单位党员民主测评' },
        ],
      },
      {
        name: '问题整改',
        weight: 30,
        children: [
          metric('整改按期完成率', 15, 'problems.rectification_rate'),
          metric('整改逾期', 15, 'problems.overdue', '每件逾期问题扣分'),
        ],
      },
      {
        name: '负面清单',
        weight: 30,
        children: [
          metric('通报', 8, 'problems.circular'),
          metric('约谈', 8, 'talks.interview'),
          metric('模拟问责预警', 6, 'warnings.issued'),
          metric('问责案件', 8, 'cases.decided'),
          { ...metric('主要负责人被问责', 0, 'cases.principal_sanctioned'), veto: true },
        ],
      },
    ],
  },
  {
    key: 'safety_production',
    name: '安全生产目标责任考核',
    unitType: 'township',
    subjectKind: 'unit',
    description: '三大绝对指标、四大相对指标，特别重大事故一票否决（种子002）',
    indicators: [
      {
        name: '三大绝对指标',
        weight: 45,
        children: [qual('事故总量', 15), qual('重特大事故起数', 15), qual('死亡人数', 15)],
      },
      {
        name: '四大相对指标',
        weight: 40,
        children: [
          qual('亿元GDP死亡人数', 10),
          qual('道路交通万车死亡人数', 10),
          qual('工矿商贸从业人员十万人死亡人数', 10),
          qual('煤矿百万吨死亡人数', 10),
        ],
      },
      {
        name: '监管责任落实',
        weight: 15,
        children: [
          metric('挂牌督办', 8, 'problems.listed'),
          metric('整改逾期', 7, 'problems.overdue'),
          { ...metric('特别重大事故', 0, 'problems.major_accident'), veto: true },
        ],
      },
    ],
  },
  {
    key: 'education_supervision',
    name: '教育督导评估',
    unitType: 'township',
    subjectKind: 'unit',
    description: '领导职责、教育经费投入、办学条件、教师队伍建设、教育管理、教育发展水平六个一级指标（种子002）',
    indicators: [
      { name: '领导职责', weight: 15, children: [qual('党政领导履行教育职责', 15)] },
      { name: '教育经费投入', weight: 20, children: [qual('经费“三个增长”', 10), qual('经费使用管理', 10)] },
      { name: '办学条件', weight: 15, children: [qual('校舍与设施达标', 15)] },
      { name: '教师队伍建设', weight: 15, children: [qual('编制与待遇保障', 15)] },
      {
        name: '教育管理',
        weight: 20,
        children: [qual('规范办学', 10), metric('督导整改按期完成率', 10, 'problems.rectification_rate')],
      },
      { name: '教育发展水平', weight: 15, children: [qual('普及与质量', 15)] },
    ],
  },
  {
    key: 'patrol_group_review',
    name: '督导巡查组述职评价',
    unitType: null,
    subjectKind: 'unit',
    description: '督导巡查组年终述职、工作实绩与评议（种子001）',
    indicators: [
      { name: '述职', weight: 30, children: [qual('述职报告', 30)] },
      { name: '工作实绩', weight: 50, children: [qual('发现问题质量', 25), qual('督促整改成效', 25)] },
      { name: '评议', weight: 20, children: [{ name: '民主测评', weight: 20, method: 'questionnaire' }] },
    ],
  },
  {
    key: 'leader_duty',
    name: '领导干部履行全面从严治党责任考核（述责述廉评议）',
    unitType: null,
    subjectKind: 'leader',
    description:
      '按人考核分管县领导和单位主要负责人：本人责任清单履职、述责述廉会议评议和个人民主测评，约谈、问责、分管单位问题逾期扣分，本人受处分一票否决（种子004、002）',
    indicators: [
      {
        name: '履行责任清单',
        weight: 40,
        children: [
          metric('本人责任清单按期履职率', 25, 'responsibility.person_fulfilment', '派给本人的责任清单事项按期履责'),
          metric('本人责任清单事项逾期', 15, 'responsibility.person_overdue', '每项逾期事项扣分'),
        ],
      },
      {
        name: '述责述廉评议',
        weight: 30,
        children: [
          metric(
            '述责述廉会议评议得分',
            10,
            'evaluations.person_average',
            '本人在期内述责述廉（述职评议）会议上的评议平均分',
          ),
          {
            name: '评议人综合评价',
            weight: 10,
            method: 'qualitative',
            evaluators: ['县纪委书记', '县委组织部部长', '党员代表'],
            description: '评议人对本人履职的综合评价（0–100）',
          },
          {
            name: '个人民主测评',
            weight: 10,
            method: 'questionnaire',
            description: '对本人的民主测评（按人发放选票）',
          },
        ],
      },
      {
        name: '负面清单',
        weight: 30,
        children: [
          metric('分管（主管）单位问题逾期', 10, 'problems.charge_overdue'),
          metric('本人被约谈', 8, 'talks.person_interview'),
          metric('本人被提醒谈话', 4, 'talks.person_reminder'),
          metric('本人被问责', 8, 'cases.person_decided'),
          { ...metric('本人受组织处理或处分', 0, 'cases.person_sanctioned'), veto: true },
        ],
      },
    ],
  },
];
