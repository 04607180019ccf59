import type { ResponsibleWho } from '../../../common/warnings.js';
import type { RuleNode } from './warnings.rules.js';

type Role = { who: ResponsibleWho; responsibility: string; duty: string };
const PRINCIPAL: Role = { who: 'unit_principal', responsibility: '主要领导责任', duty: '决策责任' };
const RESPONSIBLE: Role = { who: 'responsible_person', responsibility: '直接责任', duty: '执行责任' };
const OWNER: Role = { who: 'measure_owner', responsibility: '直接责任', duty: '执行责任' };
const LEADER: Role = { who: 'county_leader', responsibility: '重要领导责任', duty: '监管责任' };

export interface SituationSeed {
  code: string;
  name: string;
  description: string;
  article: number;
  responsibleRoles: Role[];
  forms: string[];
  rectifyDays: number;
  rule: RuleNode;
}

/**
 * The situations every region starts with: the four of seed 000 (模拟问责实施办法) and five
 * generic ones. Thresholds are the office's to change; they are data, not code.
 */
export const DEFAULT_SITUATIONS: SituationSeed[] = [
  {
    code: 'S01-BIZ-CROSS',
    name: '优化营商环境等工作因职能交叉可能影响推进',
    description: '在优化营商环境、重大矛盾纠纷和历史遗留问题化解等工作推进中，因职能交叉等原因可能影响工作推进',
    article: 11,
    responsibleRoles: [PRINCIPAL, LEADER],
    forms: ['通报', '口头诫勉', '书面诫勉'],
    rectifyDays: 10,
    rule: {
      all: [
        { field: 'category', op: 'in', value: ['营商环境', '矛盾纠纷化解', '历史遗留问题'] },
        {
          any: [
            { field: 'units_involved', op: '>=', value: 2 },
            { field: 'working_days_overdue', op: '>=', value: 5 },
          ],
        },
      ],
    },
  },
  {
    code: 'S02-PROJECT',
    name: '重点项目因配合不紧密可能影响落地',
    description: '在重点项目招引、落地过程中，因配合不紧密等原因可能影响项目落地',
    article: 11,
    responsibleRoles: [PRINCIPAL, OWNER, LEADER],
    forms: ['通报', '口头诫勉', '书面诫勉'],
    rectifyDays: 10,
    rule: {
      all: [
        { field: 'category', op: '=', value: '项目推进' },
        {
          any: [
            { field: 'working_days_overdue', op: '>=', value: 5 },
            { field: 'overdue_measures', op: '>=', value: 1 },
          ],
        },
      ],
    },
  },
  {
    code: 'S03-SAFETY',
    name: '安全生产、食品药品安全隐患未按期整治',
    description: '在安全生产、食品药品安全等重大安全隐患整治过程中，因错位缺位等原因可能导致人民群众生命财产遭到损失',
    article: 9,
    responsibleRoles: [PRINCIPAL, RESPONSIBLE, LEADER],
    forms: ['通报', '口头诫勉', '书面诫勉', '组织调整或者组织处理'],
    rectifyDays: 5,
    rule: {
      all: [
        { field: 'category', op: 'in', value: ['安全生产', '食品药品'] },
        { field: 'working_days_overdue', op: '>=', value: 1 },
      ],
    },
  },
  {
    code: 'S04-PRIORITY',
    name: '县委重点工作因推诿扯皮可能影响进度',
    description: '在落实县委确定的重点工作过程中，因推诿扯皮等原因可能导致影响工作进度',
    article: 8,
    responsibleRoles: [PRINCIPAL, LEADER],
    forms: ['通报', '口头诫勉', '书面诫勉'],
    rectifyDays: 10,
    rule: {
      all: [
        {
          any: [
            { field: 'listed', op: '=', value: true },
            { field: 'urgent', op: '=', value: true },
            { field: 'severity', op: '=', value: 'critical' },
          ],
        },
        { field: 'working_days_without_progress', op: '>=', value: 10 },
      ],
    },
  },
  {
    code: 'S05-OVERDUE',
    name: '问题整改逾期超过10个工作日',
    description: '交办问题逾期10个工作日以上仍未整改到位',
    article: 11,
    responsibleRoles: [PRINCIPAL, RESPONSIBLE],
    forms: ['通报'],
    rectifyDays: 10,
    rule: { field: 'working_days_overdue', op: '>=', value: 10 },
  },
  {
    code: 'S06-STALLED',
    name: '问题整改30日无进展',
    description: '问题交办或签收后连续30日无整改进展报告',
    article: 11,
    responsibleRoles: [PRINCIPAL, OWNER],
    forms: ['通报'],
    rectifyDays: 10,
    rule: { field: 'days_without_progress', op: '>=', value: 30 },
  },
  {
    code: 'S07-NO-LEAD',
    name: '涉及多个单位且未明确牵头单位',
    description: '事项涉及两个以上单位，牵头单位尚未明确，存在职能交叉、推诿扯皮风险（提交联席会议由编办明确）',
    article: 11,
    responsibleRoles: [PRINCIPAL, LEADER],
    forms: ['通报'],
    rectifyDays: 10,
    rule: {
      all: [
        { field: 'units_involved', op: '>=', value: 2 },
        { field: 'lead_unit_confirmed', op: '=', value: false },
      ],
    },
  },
  {
    code: 'S08-REOPENED',
    name: '问题销号后反弹',
    description: '已销号问题经回访复查发现反弹，整改不彻底',
    article: 8,
    responsibleRoles: [PRINCIPAL, RESPONSIBLE],
    forms: ['通报', '口头诫勉', '书面诫勉'],
    rectifyDays: 15,
    rule: { field: 'reopen_count', op: '>=', value: 1 },
  },
  {
    code: 'S09-COPIED',
    name: '整改进展报告照抄照搬（形式主义）',
    description: '最近两次整改进展报告内容高度雷同，存在以文件落实文件、报告造假等形式主义问题',
    article: 5,
    responsibleRoles: [PRINCIPAL, OWNER],
    forms: ['通报', '口头诫勉', '书面诫勉'],
    rectifyDays: 5,
    rule: { field: 'report_similarity', op: '>=', value: 0.9 },
  },
];
