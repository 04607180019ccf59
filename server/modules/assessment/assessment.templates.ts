import type { MetricKey, ScoringMethod } from '../../../common/assessment.js';

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
    description: '督导巡查组年终述职、工作实绩与评议（种子001）',
    indicators: [
      { name: '述职', weight: 30, children: [qual('述职报告', 30)] },
      { name: '工作实绩', weight: 50, children: [qual('发现问题质量', 25), qual('督促整改成效', 25)] },
      { name: '评议', weight: 20, children: [{ name: '民主测评', weight: 20, method: 'questionnaire' }] },
    ],
  },
];
