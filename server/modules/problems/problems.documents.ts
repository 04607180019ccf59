import { ESCALATION_LEVELS, type EscalationLevel } from '../../../common/problems.js';
import {
  type DocBlock,
  formatChineseDate,
  renderOfficialDocument,
} from '../../platform/documents/official-document.js';
import type { Ctx } from '../../platform/context.js';
import { badRequest } from '../../platform/errors.js';
import { type ProblemView, getProblem, listProblems } from './problems.queries.js';
import type { TListProblems } from '../../../common/problems.schema.js';

const ISSUER = '中共示范县纪律检查委员会';
const OFFICE = '示范县督导巡查工作领导小组办公室';
const docNo = (kind: string, p: { code: string }) =>
  `示纪督${kind}〔${p.code.slice(2, 6)}〕${Number(p.code.slice(7))}号`;

function measuresTable(p: ProblemView): DocBlock {
  return {
    table: {
      columns: ['序号', '整改措施', '完成时限', '完成情况'],
      rows: p.measures.map((m) => [String(m.seq), m.content, m.deadline, m.done ? '已完成' : m.progress || '未完成']),
    },
  };
}

const facts = (p: ProblemView): DocBlock[] => [
  { heading: '一、问题清单' },
  `${p.title}。${p.description}`,
  `问题来源：${p.sourceLabel}；问题类别：${p.category || '—'}；严重程度：${p.severityLabel}。`,
  { heading: '二、措施清单和时限清单' },
  measuresTable(p),
  { heading: '三、责任清单' },
  `责任单位：${p.unitName}；责任人：${p.responsibleName ?? '单位主要负责人'}；分管县领导：${p.leaderName ?? '—'}。`,
];

interface ProblemDocumentKind {
  /** File name before `-<code>.docx`, and the document's title. */
  file: string;
  title: string;
  /** The character of the document number: 示纪督<numberChar>〔year〕n号. */
  numberChar: string;
  recipients?: (p: ProblemView) => string[];
  body: (p: ProblemView, deadline: string) => DocBlock[];
}

const PROBLEM_DOCUMENTS: Record<'notice' | 'reminder' | 'interview', ProblemDocumentKind> = {
  notice: {
    file: '整改通知书',
    title: '问题整改通知书（交办单）',
    numberChar: '交',
    body: (p, deadline) => [
      `经${p.sourceLabel}发现你单位存在以下问题，现予交办。请于${deadline}前按“问题、措施、责任、时限”四张清单整改到位，逐项销号，并将整改情况连同佐证材料报送督导巡查办公室。`,
      ...facts(p),
      { heading: '四、工作要求' },
      '单位主要负责人要切实履行第一责任人职责，分管领导具体抓落实；整改中遇到困难及时报告。逾期未整改到位的，将按规定通报、约谈直至启动问责。',
    ],
  },
  reminder: {
    file: '督办提醒函',
    title: '督办提醒函',
    numberChar: '提',
    body: (p, deadline) => [
      `${p.code}号问题“${p.title}”交办以来，${p.overdue ? '已超过整改时限仍未销号' : '整改时限临近，进度滞后'}。请你单位高度重视，于收到本函之日起7日内书面回复整改进展，并于${deadline}前完成整改。`,
      ...facts(p),
    ],
  },
  interview: {
    file: '约谈建议书',
    title: '约谈建议书',
    numberChar: '约',
    recipients: () => ['县纪委监委'],
    body: (p) => {
      const level = ESCALATION_LEVELS[Math.max(2, p.escalationLevel) as EscalationLevel];
      return [
        `${p.unitName}对${p.code}号问题“${p.title}”整改不力${p.overdue ? '，已逾期未完成' : ''}。根据督办工作规定，建议对该单位主要负责人${p.responsibleName ?? ''}进行${level === '约谈' ? '约谈' : '约谈提醒'}，督促其压实整改责任。`,
        ...facts(p),
        { heading: '四、建议约谈事项' },
        '听取问题整改情况汇报；指出存在的主要问题；提出整改要求和时限；约谈情况记录在案，作为考核评价依据。',
      ];
    },
  },
};

/** 整改通知书 (交办单), 督办提醒函, 约谈建议书 for one problem. */
export async function problemDocument(ctx: Ctx, id: string, kind: keyof typeof PROBLEM_DOCUMENTS) {
  const p = await getProblem(ctx, id);
  const deadline = p.deadline ? formatChineseDate(new Date(`${p.deadline}T00:00:00+08:00`)) : '规定时限';
  const doc = PROBLEM_DOCUMENTS[kind];
  return {
    name: `${doc.file}-${p.code}.docx`,
    body: await renderOfficialDocument({
      issuer: ISSUER,
      recipients: doc.recipients?.(p) ?? [p.unitName],
      signature: OFFICE,
      date: ctx.now,
      copyTo: ['分管县领导'],
      docNumber: docNo(doc.numberChar, p),
      title: doc.title,
      body: doc.body(p, deadline),
    }),
  };
}

/** 通报 for a set of problems (by ids or the ledger filters). */
export async function circularDocument(ctx: Ctx, f: TListProblems & { ids?: string[] }) {
  const { items } = await listProblems(ctx, { ...f, page: 1, pageSize: 500 });
  const chosen = f.ids?.length ? items.filter((p) => f.ids?.includes(p.id)) : items;
  if (chosen.length === 0) throw badRequest('CIRCULAR_EMPTY', '没有可通报的问题', 'ids');
  const units = [...new Set(chosen.map((p) => p.unitName))];
  return {
    name: '问题整改情况通报.docx',
    body: await renderOfficialDocument({
      issuer: ISSUER,
      docNumber: `示纪督通〔${formatChineseDate(ctx.now).slice(0, 4)}〕号`,
      title: '关于问题整改推进不力情况的通报',
      recipients: ['各乡镇（街道）党（工）委', '县直各部门'],
      body: [
        `近期，县督导巡查工作领导小组办公室对问题整改情况进行了督查。现将${units.join('、')}等${units.length}个单位${chosen.length}个问题整改推进不力的情况通报如下。`,
        { heading: '一、基本情况' },
        {
          table: {
            columns: ['问题编号', '责任单位', '问题', '整改时限', '状态'],
            rows: chosen.map((p) => [
              p.code,
              p.unitName,
              p.title,
              p.deadline ?? '',
              `${p.stateLabel}${p.overdue ? '（逾期）' : ''}`,
            ]),
          },
        },
        { heading: '二、有关要求' },
        '被通报单位要深刻反思，主要负责人要亲自研究部署，于通报下发之日起10个工作日内将整改情况书面报送县督导巡查办公室。对整改仍不到位的，将依规依纪启动约谈和问责程序。',
      ],
      signature: OFFICE,
      date: ctx.now,
      copyTo: ['县委办公室', '县政府办公室'],
    }),
  };
}
