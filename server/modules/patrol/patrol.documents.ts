import { type Ctx, regionOf } from '../../platform/context.js';
import { issuedCopy, registerDocument } from '../../platform/documents/document-copies.js';
import { chineseDay as dateOf } from '../../platform/documents/document-registry.js';
import { type DocBlock, renderOfficialDocument } from '../../platform/documents/official-document.js';
import { getCircular } from './patrol.bulletins.js';
import { PATROL_DOCUMENTS } from './patrol.numbering.js';
import { getTask } from './patrol.service.js';

/** The region's offices and the document's stamp (number and date as issued, or a 草稿). */
const stampFor = (ctx: Ctx, which: keyof typeof PATROL_DOCUMENTS, id: string) =>
  PATROL_DOCUMENTS[which].stamp(ctx, regionOf(ctx), id);

/** 《督导巡查工作任务交办单》 (.docx, GB/T 9704) of a task. */
export async function assignmentDocument(ctx: Ctx, id: string) {
  const t = await getTask(ctx, id);
  return issuedCopy(ctx.db, PATROL_DOCUMENTS.task.kind, t.id, () => renderAssignmentDocument(ctx, t));
}
registerDocument(PATROL_DOCUMENTS.task.kind, assignmentDocument);

async function renderAssignmentDocument(ctx: Ctx, t: Awaited<ReturnType<typeof getTask>>) {
  const targets = [...t.targetUnits.map((u) => u.name), ...t.projects].join('、');
  const { o, stamp } = await stampFor(ctx, 'task', t.id);
  const body: DocBlock[] = [
    `根据${o.party_committee.shortName}、${o.government.shortName}部署要求，现将督导巡查任务交办${t.groupName}，请按照交办要求组织实施，督导中发现的问题直接向领导小组办公室反馈。`,
    {
      table: {
        columns: ['事项', '内容'],
        rows: [
          ['任务名称', t.title],
          ['督导对象', targets],
          ['督导重点', t.focus],
          ['督导方式', t.methodLabel],
          ['督导时间', `${dateOf(t.periodStart)}至${dateOf(t.periodEnd)}`],
          ['完成时限', dateOf(t.deadline)],
          ['工作要求', t.requirements || '按时间节点完成督导任务，形成督导情况报告'],
        ],
      },
    },
    { heading: '一、工作纪律' },
    '督导巡查组只对上负责，不单独向被督导单位反馈情况；暗访督导坚持“四不两直”，不打招呼、不听汇报、不用陪同接待，直奔基层、直插现场。',
    { heading: '二、报告要求' },
    `请于${dateOf(t.deadline)}前向领导小组办公室报送督导情况报告，发现的紧急、重大问题随时报告。`,
  ];
  return {
    name: `督导巡查工作任务交办单-${t.code}.docx`,
    body: await renderOfficialDocument({
      issuer: stamp.issuer,
      docNumber: stamp.docNumber,
      draft: stamp.draft,
      title: `督导巡查工作任务交办单${stamp.titleMark}`,
      recipients: [t.groupName],
      body,
      signature: stamp.signature,
      date: stamp.date,
    }),
  };
}

/** 督导巡查通报 or 约谈建议书 (.docx). */
export async function circularDocument(ctx: Ctx, id: string) {
  const c = await getCircular(ctx, id);
  return issuedCopy(ctx.db, [PATROL_DOCUMENTS.circular.kind, PATROL_DOCUMENTS.interview.kind], c.id, () =>
    renderCircularDocument(ctx, c),
  );
}
registerDocument([PATROL_DOCUMENTS.circular.kind, PATROL_DOCUMENTS.interview.kind], circularDocument);

async function renderCircularDocument(ctx: Ctx, c: Awaited<ReturnType<typeof getCircular>>) {
  const { stamp } = await stampFor(ctx, c.kind === 'circular' ? 'circular' : 'interview', c.id);
  const body: DocBlock[] = c.body
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (c.units.length) {
    body.push({ heading: c.kind === 'circular' ? '被通报单位' : '建议约谈单位' });
    body.push(c.units.map((u) => u.name).join('、'));
  }
  if (c.people.length) {
    body.push({ heading: c.kind === 'circular' ? '被点名人员' : '建议约谈人员' });
    body.push(c.people.join('、'));
  }
  return {
    name: `${c.kindLabel}-${c.code}.docx`,
    body: await renderOfficialDocument({
      issuer: stamp.issuer,
      docNumber: stamp.docNumber,
      draft: stamp.draft,
      title: `${c.title}${stamp.titleMark}`,
      recipients: [c.audience],
      body,
      signature: stamp.signature,
      date: stamp.date,
    }),
  };
}
