import type { Ctx } from '../../platform/context.js';
import {
  type DocBlock,
  formatChineseDate,
  renderOfficialDocument,
} from '../../platform/documents/official-document.js';
import { getTalk } from './talks.service.js';

const names = (xs: { name: string; post: string; unitName: string }[]) =>
  xs.map((p) => [p.unitName, p.post, p.name].filter(Boolean).join(' ')).join('；');

/** 谈话记录 (.docx, GB/T 9704 layout) of one talk. */
export async function talkRecordDocument(ctx: Ctx, id: string) {
  const t = await getTalk(ctx, id);
  const talkDate = new Date(`${t.talkOn}T12:00:00+08:00`);
  const talkers = [names(t.talkers), t.talkerNames].filter(Boolean).join('；');
  const subjects = [names(t.subjects), t.subjectUnitName ? `${t.subjectUnitName}领导班子` : '']
    .filter(Boolean)
    .join('；');
  const body: DocBlock[] = [
    {
      table: {
        columns: ['项目', '内容'],
        rows: [
          ['编号', t.code],
          ['谈话类型', t.kindLabel],
          ['谈话时间', formatChineseDate(talkDate)],
          ['谈话地点', t.place || '—'],
          ['谈话人', talkers || '—'],
          ['谈话对象', subjects || '—'],
        ],
      },
    },
    { heading: '一、谈话事由' },
    t.reason,
    { heading: '二、谈话内容' },
    ...(t.record ? t.record.split(/\n+/).filter(Boolean) : ['（尚未记录）']),
    { heading: '三、整改要求' },
    t.followUpRequired
      ? `${t.followUpRequired}${t.followUpDue ? `（整改期限：${formatChineseDate(new Date(`${t.followUpDue}T12:00:00+08:00`))}）` : ''}`
      : '无。',
    ...(t.followUpResult
      ? [
          { heading: '四、跟踪落实情况' } as DocBlock,
          `${t.followUpResult}${t.followUpDone ? '（已落实）' : '（尚未落实到位）'}`,
        ]
      : []),
    '谈话对象签字：                    谈话人签字：',
  ];
  return {
    name: `谈话记录-${t.code}.docx`,
    body: await renderOfficialDocument({
      issuer: '中共示范县纪律检查委员会',
      title: `${t.kindLabel}记录`,
      body,
      signature: '中共示范县纪律检查委员会',
      date: talkDate,
    }),
  };
}
