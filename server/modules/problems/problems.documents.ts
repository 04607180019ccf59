import { ESCALATION_LEVELS, type EscalationLevel } from '../../../common/problems.js';
import { type Ctx, regionOf } from '../../platform/context.js';
import { issuedCopy, registerDocument } from '../../platform/documents/document-copies.js';
import { chineseDay } from '../../platform/documents/document-registry.js';
import { type DocBlock, renderOfficialDocument } from '../../platform/documents/official-document.js';
import { notFound } from '../../platform/errors.js';
import type { RegionIssuers } from '../org/org.directory.js';
import { PROBLEM_DOCUMENTS as NUMBERED } from './problems.numbering.js';
import { type ProblemView, getProblem } from './problems.queries.js';

function measuresTable(p: ProblemView): DocBlock {
  return {
    table: {
      columns: ['序号', '整改措施', '完成时限', '完成情况'],
      rows: p.measures.map((m) => [
        String(m.seq),
        m.content,
        chineseDay(m.deadline),
        m.done ? '已完成' : m.progress || '未完成',
      ]),
    },
  };
}

const facts = (p: ProblemView): DocBlock[] => [
  { heading: '一、问题清单' },
  `${p.title}。${p.description}`,
  `问题来源：${p.sourceLabel}；${p.category ? `问题类别：${p.category}；` : ''}严重程度：${p.severityLabel}。`,
  { heading: '二、措施清单和时限清单' },
  measuresTable(p),
  { heading: '三、责任清单' },
  `责任单位：${p.unitName}；责任人：${p.responsibleName ?? '单位主要负责人'}${p.leaderName ? `；分管领导：${p.leaderName}` : ''}。`,
];

interface ProblemDocumentKind {
  /** File name before `-<code>.docx`, and the document's title. */
  file: string;
  title: string;
  /** Internal to the commission: never shown to the unit (404). */
  internal?: boolean;
  recipients?: (p: ProblemView, o: RegionIssuers) => string[];
  body: (p: ProblemView, deadline: string, o: RegionIssuers) => DocBlock[];
}

const PROBLEM_DOCUMENTS: Record<'notice' | 'reminder' | 'interview', ProblemDocumentKind> = {
  notice: {
    file: '整改通知书',
    title: '问题整改通知书（交办单）',
    body: (p, deadline, o) => [
      `经${p.sourceLabel}发现你单位存在以下问题，现予交办。请于${deadline}前按“问题、措施、责任、时限”四张清单整改到位，逐项销号，并将整改情况连同佐证材料报送${o.patrol_office.shortName}。`,
      ...facts(p),
      { heading: '四、工作要求' },
      '单位主要负责人要切实履行第一责任人职责，分管领导具体抓落实；整改中遇到困难及时报告。逾期未整改到位的，将按规定通报、约谈直至启动问责。',
    ],
  },
  reminder: {
    file: '督办提醒函',
    title: '督办提醒函',
    body: (p, deadline) => [
      `${p.code}号问题“${p.title}”交办以来，${p.overdue ? '已超过整改时限仍未销号' : '整改时限临近，进度滞后'}。请你单位高度重视，于收到本函之日起7日内书面回复整改进展，并于${deadline}前完成整改。`,
      ...facts(p),
    ],
  },
  interview: {
    file: '约谈建议书',
    title: '约谈建议书',
    internal: true,
    recipients: (_p, o) => [o.commission.name],
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

/** 整改通知书 (交办单), 督办提醒函, 约谈建议书 for one problem: 草稿 until the event that issues it. */
export async function problemDocument(ctx: Ctx, id: string, kind: keyof typeof PROBLEM_DOCUMENTS) {
  const doc = PROBLEM_DOCUMENTS[kind];
  // 约谈建议书 is the office's proposal to the commission: a unit, its leaders and county leaders never see it.
  if (doc.internal && !ctx.actor?.permissions.has('problems:manage')) throw notFound('文书不存在或无权查看');
  const p = await getProblem(ctx, id);
  return issuedCopy(ctx.db, NUMBERED[kind].kind, p.id, () => renderProblemDocument(ctx, p, kind));
}
for (const kind of ['notice', 'reminder', 'interview'] as const) {
  registerDocument(NUMBERED[kind].kind, (ctx, id) => problemDocument(ctx, id, kind));
}

async function renderProblemDocument(ctx: Ctx, p: ProblemView, kind: keyof typeof PROBLEM_DOCUMENTS) {
  const doc = PROBLEM_DOCUMENTS[kind];
  const deadline = p.deadline ? chineseDay(p.deadline) : '规定时限';
  const { o, stamp } = await NUMBERED[kind].stamp(ctx, regionOf(ctx), p.id);
  return {
    name: `${doc.file}-${p.code}.docx`,
    body: await renderOfficialDocument({
      issuer: stamp.issuer,
      recipients: doc.recipients?.(p, o) ?? [p.unitName],
      signature: stamp.signature,
      date: stamp.date,
      docNumber: stamp.docNumber,
      draft: stamp.draft,
      title: `${doc.title}${stamp.titleMark}`,
      body: doc.body(p, deadline, o),
    }),
  };
}
