/**
 * The dispatch sheet (主体责任清单 / 年初提示单 / 增派单 / 整改派单) as an official document of the 党风廉政建设责任制
 * 工作领导小组办公室 (seed 004), numbered and dated when the list is issued; a 草稿 before.
 */
import { SOURCE_TYPES, type SourceType } from '../../../common/responsibility.js';
import type { Ctx } from '../../platform/context.js';
import { issuedCopy, registerDocument } from '../../platform/documents/document-copies.js';
import { chineseDay } from '../../platform/documents/document-registry.js';
import { type DocBlock, chineseNumber, renderOfficialDocument } from '../../platform/documents/official-document.js';
import { renderRecordForm } from '../../platform/documents/record-form.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import { regionIssuers } from '../org/org.directory.js';
import { getDispatch } from './responsibility.dispatch.js';
import { getReport } from './responsibility.reports.js';
import { DISPATCH_SHEET } from './responsibility.numbering.js';

type Dispatch = Awaited<ReturnType<typeof getDispatch>>;

const RULES = '《党委（党组）落实全面从严治党主体责任规定》';

/** Who the sheet is addressed to: a county leader by name, a unit, or a unit's leadership. */
const addressee = (d: Dispatch) => (d.recipientKind === 'leader' ? `${d.recipientName}同志` : d.recipientName);
const you = (d: Dispatch) => (d.recipientKind === 'leader' ? '你' : '你单位');

function titleOf(d: Dispatch) {
  switch (d.kind) {
    case 'prompt':
      return `关于印发${d.year}年度全面从严治党主体责任年初提示清单的通知`;
    case 'quarterly':
      return `关于派发${d.periodLabel}全面从严治党主体责任清单的通知`;
    case 'extra':
      return '关于派发全面从严治党主体责任增派单的通知';
    default:
      return '关于派发整改责任清单的通知';
  }
}

function opening(d: Dispatch): string {
  const n = d.items.length;
  const source = d.sourceType ? SOURCE_TYPES[d.sourceType as SourceType] : '日常监督检查';
  switch (d.kind) {
    case 'prompt':
      return `根据${RULES}，现将${d.year}年度全面从严治党主体责任年初提示清单（共${n}项）印发给${you(d)}，请对照清单照单履责、知责担责。`;
    case 'quarterly':
      return `根据${RULES}，按照按季派单制，现将${d.periodLabel}全面从严治党主体责任清单（共${n}项）派发给${you(d)}，请按清单所列事项和完成时限履行到位。`;
    case 'extra':
      return `结合${source}中发现的管理缺失、制度缺位等问题，根据${RULES}，按照适时增单制，现以增派单形式向${you(d)}派发责任事项${n}项，请切实履行“一岗双责”，按期落实到位。`;
    default:
      return `针对${source}中发现的问题，现将整改责任事项${n}项派发给${you(d)}，请于完成时限前整改到位。`;
  }
}

function itemsTable(d: Dispatch): DocBlock {
  return {
    table: {
      columns: ['序号', '责任事项', '量化目标', '佐证材料', '完成时限'],
      rows: d.items.map((i, k) => [
        String(k + 1),
        i.category ? `【${i.category}】${i.content}` : i.content,
        i.target || '—',
        i.evidence || '—',
        chineseDay(i.deadline),
      ]),
    },
  };
}

function bodyOf(d: Dispatch): DocBlock[] {
  return [
    opening(d),
    ...(d.note ? [d.note] : []),
    { heading: '一、责任事项清单' },
    itemsTable(d),
    { heading: '二、工作要求' },
    '对照清单逐项履责，在系统中如实记录履责纪实，写明履责的时间、方式和成效，并上传佐证材料；完成时限后记录的，系统如实标注逾期。',
    d.kind === 'prompt'
      ? '年初提示事项纳入全年履责纪实和年终考核，请统筹安排、分季度推进。'
      : '季度结束后，履责情况自动汇入落实情况季度报告，经审核后报送；履责情况纳入定期抽查和年终考核。',
    `对不履行或者不正确履行全面从严治党主体责任的，依照${RULES}和《中国共产党问责条例》严肃问责。`,
  ];
}

/** The sheet of one dispatch the caller may read (404 otherwise): the kept copy once issued, else a 草稿. */
export async function dispatchDocument(ctx: Ctx, id: string) {
  const d = await getDispatch(ctx, id);
  return issuedCopy(ctx.db, DISPATCH_SHEET.kind, d.id, async () => {
    const { stamp } = await DISPATCH_SHEET.stamp(ctx, d.regionId, d.id);
    return {
      name: `${d.kindLabel}-${d.code}.docx`,
      body: await renderOfficialDocument({
        issuer: stamp.issuer,
        recipients: [addressee(d)],
        signature: stamp.signature,
        date: stamp.date,
        docNumber: stamp.docNumber,
        draft: stamp.draft,
        title: `${titleOf(d)}${stamp.titleMark}`,
        body: bodyOf(d),
      }),
    };
  });
}
registerDocument(DISPATCH_SHEET.kind, dispatchDocument);

type Report = Awaited<ReturnType<typeof getReport>>;

/** The instant as a calendar day in Asia/Shanghai ('2026-10-08'). */
const dayOf = (at: Date) => isoDate(at);

/**
 * 落实情况季度报告 (.docx): a report of the recipient to the office, not a red-header 公文 of the commission, so it is
 * laid out as a record form — who reports, the period, the addressee, then every item of the quarter with what
 * was done, when and with which evidence, and the reporter's own words. Once submitted it reads as submitted:
 * records written afterwards are left out and it is dated on the day of submission; before that it is a 草稿.
 */
export async function reportDocument(ctx: Ctx, id: string) {
  const r = await getReport(ctx, id);
  const submitted = r.submittedAt && r.state !== 'draft' && r.state !== 'returned' ? r.submittedAt : null;
  const records = (i: Report['items'][number]) =>
    i.records.filter((x) => !submitted || new Date(x.recordedAt) <= new Date(submitted));
  const office = (await regionIssuers(ctx.db, r.regionId)).responsibility_office;
  const done = r.items.filter((i) => records(i).length > 0);
  const onTime = done.filter((i) => records(i)[0].doneOn <= i.deadline);
  const lines = r.items.flatMap((i, k) => {
    const own = records(i);
    return [
      `${chineseNumber(k + 1)}、${i.content}${i.target ? `（量化目标：${i.target}）` : ''}。完成时限：${chineseDay(i.deadline)}；来源：${i.kindLabel} ${i.dispatchCode}。`,
      ...(own.length === 0
        ? ['履责情况：截至报告时尚未记录履责纪实。']
        : own.map(
            (x) =>
              `履责情况（${chineseDay(x.doneOn)}${x.doneOn > i.deadline ? '，逾期' : ''}）：${x.description}${x.files.length ? `（佐证材料：${x.files.join('、')}）` : ''}`,
          )),
    ];
  });
  const unitReport = r.recipientKind !== 'leader';
  return {
    name: `落实情况季度报告-${r.recipientName}-${r.year}Q${r.quarter}.docx`,
    body: await renderRecordForm({
      title: `${r.periodLabel}落实全面从严治党主体责任情况报告${submitted ? '' : '（草稿）'}`,
      fields: [
        [unitReport ? '报告单位' : '报告人', r.recipientName],
        ['报告期间', r.periodLabel],
        ['报送', office.name],
        ['报送日期', submitted ? chineseDay(dayOf(new Date(submitted))) : '尚未报送'],
        ['审核', r.approvedAt ? `${r.stateLabel}（${chineseDay(dayOf(new Date(r.approvedAt)))}）` : r.stateLabel],
        [
          '履责概况',
          `本季度责任事项${r.items.length}项，已履责${done.length}项，其中按期履责${onTime.length}项${r.items.length > done.length ? `，尚未履责${r.items.length - done.length}项` : ''}。`,
        ],
      ],
      lines: lines.length ? lines : ['本季度无派发的责任事项。'],
      sections: r.summary ? [{ heading: '报告说明', text: r.summary }] : [],
      signers: unitReport ? ['单位主要负责人'] : ['报告人'],
      creator: r.recipientName,
    }),
  };
}
