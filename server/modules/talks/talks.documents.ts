import type { Ctx } from '../../platform/context.js';
import { issuedCopy, registerDocument } from '../../platform/documents/document-copies.js';
import { formatChineseDate } from '../../platform/documents/official-document.js';
import { renderRecordForm } from '../../platform/documents/record-form.js';
import { TALK_RECORD } from './talks.numbering.js';
import { getTalk } from './talks.service.js';

const names = (xs: { name: string; post: string; unitName: string }[]) =>
  xs.map((p) => [p.unitName, p.post, p.name].filter(Boolean).join(' ')).join('；');
const day = (iso: string) => formatChineseDate(new Date(`${iso}T12:00:00+08:00`));

/**
 * 谈话笔录 (.docx) of one talk: a record form, not a 公文 — 时间 (from–to; hours not recorded are left blank to write
 * in by hand), 地点, 谈话人, 记录人, 被谈话人, 谈话事由, the questions and answers, and signatures.
 */
export async function talkRecordDocument(ctx: Ctx, id: string) {
  const t = await getTalk(ctx, id);
  return issuedCopy(ctx.db, TALK_RECORD.kind, t.id, () => renderTalkRecordDocument(ctx, t));
}
registerDocument(TALK_RECORD.kind, talkRecordDocument);

async function renderTalkRecordDocument(ctx: Ctx, t: Awaited<ReturnType<typeof getTalk>>) {
  const { stamp } = await TALK_RECORD.stamp(ctx, t.regionId, t.id);
  const talkers = [names(t.talkers), t.talkerNames].filter(Boolean).join('；');
  const subjects = [names(t.subjects), t.subjectUnitName ? `${t.subjectUnitName}领导班子` : '']
    .filter(Boolean)
    .join('；');
  // Hours not recorded on the talk are left blank, written in by hand.
  const hour = '\u3000\u3000时\u3000\u3000分';
  const at = (hhmm: string | null) => (hhmm ? `${Number(hhmm.slice(0, 2))}时${hhmm.slice(3)}分` : hour);
  return {
    name: `谈话笔录-${t.code}.docx`,
    body: await renderRecordForm({
      title: `${t.kindLabel}笔录${stamp.titleMark}`,
      number: stamp.docNumber,
      fields: [
        ['时间', `${day(t.talkOn)}${at(t.startTime)}至${at(t.endTime)}`],
        ['地点', t.place],
        ['谈话人', talkers],
        ['记录人', t.recorder ? names([t.recorder]) : ''],
        ['被谈话人', subjects],
        ['谈话事由', t.reason],
      ],
      lines: t.record ? t.record.split(/\n+/).filter(Boolean) : ['（尚未记录）'],
      sections: [
        {
          heading: '整改要求',
          text: t.followUpRequired
            ? `${t.followUpRequired}${t.followUpDue ? `（整改期限：${day(t.followUpDue)}）` : ''}`
            : '无。',
        },
        ...(t.followUpResult
          ? [
              {
                heading: '跟踪落实情况',
                text: `${t.followUpResult}${t.followUpDone ? '（已落实）' : '（尚未落实到位）'}`,
              },
            ]
          : []),
      ],
      signers: ['被谈话人', '谈话人', '记录人'],
      creator: stamp.issuer,
    }),
  };
}
