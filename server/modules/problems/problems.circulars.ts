import crypto from 'node:crypto';
import type { TListProblems } from '../../../common/problems.schema.js';
import { type Ctx, regionOf } from '../../platform/context.js';
import { issuedCopy, registerDocument } from '../../platform/documents/document-copies.js';
import {
  chineseDay,
  findIssued,
  type IssuedDocument,
  issuedById,
  stampOf,
} from '../../platform/documents/document-registry.js';
import { type DocBlock, renderOfficialDocument } from '../../platform/documents/official-document.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { type RegionIssuers, regionIssuers } from '../org/org.directory.js';
import { PROBLEM_CIRCULAR } from './problems.numbering.js';
import { listProblems } from './problems.queries.js';

/** The most problems one 通报 lists; a longer selection is cut, and the document and the API say so. */
export const CIRCULAR_LIMIT = 500;

type CircularRow = { code: string; unitName: string; title: string; deadline: string | null; state: string };
interface CircularContent {
  rows: CircularRow[];
  /** Problems matching the filters (or ids asked for) — more than rows when cut. */
  matched: number;
}

/** The problems a 通报 covers now: by ids, or the ledger filters, at most CIRCULAR_LIMIT. */
async function select(ctx: Ctx, f: TListProblems & { ids?: string[] }): Promise<CircularContent> {
  const { items, total } = await listProblems(ctx, { ...f, page: 1, pageSize: CIRCULAR_LIMIT });
  const chosen = f.ids?.length ? items.filter((p) => f.ids?.includes(p.id)) : items;
  if (chosen.length === 0) throw badRequest('CIRCULAR_EMPTY', '没有可通报的问题', 'ids');
  const rows = chosen.map((p) => ({
    code: p.code,
    unitName: p.unitName,
    title: p.title,
    deadline: p.deadline,
    state: `${p.stateLabel}${p.overdue ? '（逾期）' : ''}`,
  }));
  return { rows, matched: f.ids?.length ? Math.max(f.ids.length, rows.length) : total };
}

/** '' or the Chinese note that the selection was cut at CIRCULAR_LIMIT. */
export const cutWarning = (c: CircularContent) =>
  c.matched > c.rows.length
    ? `符合条件的问题共${c.matched}个，本通报只列入前${c.rows.length}个（每份通报最多${CIRCULAR_LIMIT}个），其余${c.matched - c.rows.length}个未列入，请缩小筛选范围分批通报。`
    : '';

async function render(c: CircularContent, o: RegionIssuers, issued: IssuedDocument | null, now: Date) {
  const stamp = stampOf(issued, o.patrol_office, now);
  const units = [...new Set(c.rows.map((p) => p.unitName))];
  const level = o.party_committee.shortName.slice(0, 1);
  const note = cutWarning(c);
  const body: DocBlock[] = [
    `近期，${o.patrol_office.shortName}对问题整改情况进行了督查。现将${units.join('、')}等${units.length}个单位${c.rows.length}个问题整改推进不力的情况通报如下。`,
    { heading: '一、基本情况' },
    {
      table: {
        columns: ['问题编号', '责任单位', '问题', '整改时限', '状态'],
        rows: c.rows.map((p) => [p.code, p.unitName, p.title, chineseDay(p.deadline), p.state]),
      },
    },
    ...(note ? [`（说明：${note}）`] : []),
    { heading: '二、有关要求' },
    `被通报单位要深刻反思，主要负责人要亲自研究部署，于通报下发之日起10个工作日内将整改情况书面报送${o.patrol_office.shortName}。对整改仍不到位的，将依规依纪启动约谈和问责程序。`,
  ];
  return renderOfficialDocument({
    issuer: stamp.issuer,
    docNumber: stamp.docNumber,
    draft: stamp.draft,
    title: `关于问题整改推进不力情况的通报${stamp.titleMark}`,
    recipients: ['各乡镇（街道）党（工）委', `${level}直各部门`],
    body,
    signature: stamp.signature,
    date: stamp.date,
    copyTo: [`${o.party_committee.shortName}办公室`, `${o.government.shortName}办公室`],
  });
}

/** A draft 通报 (草稿, no number) for a set of problems (by ids or the ledger filters). */
export async function circularDraft(ctx: Ctx, f: TListProblems & { ids?: string[] }) {
  const content = await select(ctx, f);
  const o = await regionIssuers(ctx.db, regionOf(ctx));
  return {
    name: '问题整改情况通报（草稿）.docx',
    body: await render(content, o, null, ctx.now),
    warning: cutWarning(content),
  };
}

/** Issues a 通报: number and date fixed, the rows kept as they were, so every download is the same document. */
export async function issueCircular(ctx: Ctx, f: TListProblems & { ids?: string[] }) {
  const content = await select(ctx, f);
  const regionId = regionOf(ctx);
  const doc = await PROBLEM_CIRCULAR.issue(ctx, { id: crypto.randomUUID(), regionId }, { payload: content });
  await issuedCircularDocument(ctx, doc.id); // renders the copy kept as issued
  return {
    id: doc.id,
    number: doc.number,
    issuedOn: doc.issuedOn,
    problems: content.rows.length,
    matched: content.matched,
    warning: cutWarning(content) || null,
  };
}

/** An issued 通报 again, as it was issued. */
export async function issuedCircularDocument(ctx: Ctx, id: string) {
  const doc = await issuedById(ctx.db, regionOf(ctx), id);
  if (!doc || doc.kind !== PROBLEM_CIRCULAR.kind) throw notFound('通报不存在');
  return issuedCopy(ctx.db, PROBLEM_CIRCULAR.kind, doc.objectId, async () => ({
    name: `问题整改情况通报-${doc.number}.docx`,
    body: await render(doc.payload as CircularContent, await regionIssuers(ctx.db, doc.regionId), doc, ctx.now),
  }));
}
registerDocument(PROBLEM_CIRCULAR.kind, async (ctx, objectId) => {
  const doc = await findIssued(ctx.db, PROBLEM_CIRCULAR.kind, objectId);
  if (!doc) throw notFound('通报不存在');
  return issuedCircularDocument(ctx, doc.id);
});
