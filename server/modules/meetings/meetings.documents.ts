import type { Ctx } from '../../platform/context.js';
import {
  type DocBlock,
  formatChineseDate,
  renderOfficialDocument,
} from '../../platform/documents/official-document.js';
import { unitNames } from '../org/org.service.js';
import { getMeeting } from './meetings.service.js';

const DECISIONS: Record<string, string> = {
  issue_warning: '发出模拟问责提醒函',
  dismiss_warning: '不予预警',
  lead_unit: '明确牵头单位',
  new_problem: '作为交办事项',
  note: '会议意见',
};

/** 会议纪要 (.docx, GB/T 9704) of a joint meeting. */
export async function minutesDocument(ctx: Ctx, id: string) {
  const m = await getMeeting(ctx, id);
  const ids = [...m.memberUnitIds, ...m.items.map((i) => i.leadUnitId).filter((x): x is string => !!x)];
  const names = await unitNames(ctx.db, ids);
  const decided = m.items.filter((i) => i.decisionKind);
  const body: DocBlock[] = [
    `${formatChineseDate(m.heldAt ?? m.scheduledAt)}，县纪委监委在${m.place || '机关会议室'}召开模拟问责联席会议，${m.memberUnitIds
      .map((u) => names.get(u) ?? '')
      .filter(Boolean)
      .join('、')}等成员单位参加。会议对${m.items.length}个议题进行了研判，纪要如下。`,
    { heading: '一、会议议定事项' },
    ...(decided.length
      ? decided.map(
          (i, n) =>
            `${n + 1}. ${i.title}：${DECISIONS[i.decisionKind as string]}${i.leadUnitId ? `，由${names.get(i.leadUnitId) ?? ''}牵头` : ''}${i.deadline ? `，${i.deadline}前完成` : ''}${i.decision ? `。${i.decision}` : '。'}`,
        )
      : ['本次会议未形成议定事项。']),
    { heading: '二、会议要求' },
    m.summary || '各成员单位按照会议议定事项抓好落实，县纪委监委跟踪督办，落实情况纳入年度考核。',
  ];
  return {
    name: `联席会议纪要-${formatChineseDate(m.scheduledAt)}.docx`,
    body: await renderOfficialDocument({
      issuer: '示范县模拟问责联席会议',
      docNumber: `示模联纪〔${formatChineseDate(m.scheduledAt).slice(0, 4)}〕号`,
      title: `${m.title}纪要`,
      body,
      signature: '示范县模拟问责联席会议办公室',
      date: m.closedAt ?? ctx.now,
      copyTo: m.memberUnitIds.map((u) => names.get(u) ?? '').filter(Boolean),
    }),
  };
}
