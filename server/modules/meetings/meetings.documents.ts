import { inArray } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { issuedCopy, registerDocument } from '../../platform/documents/document-copies.js';
import {
  type DocBlock,
  formatChineseDate,
  renderOfficialDocument,
} from '../../platform/documents/official-document.js';
import { unitNames } from '../org/org.service.js';
import { problemDirectory } from '../problems/problems.facts.js';
import { MINUTES } from './meetings.numbering.js';
import { getMeeting } from './meetings.service.js';

const DECISIONS: Record<string, string> = {
  issue_warning: '发出模拟问责提醒函',
  dismiss_warning: '不予预警',
  lead_unit: '明确牵头单位',
  new_problem: '作为交办事项',
  note: '会议意见',
};

/** Internal codes (WT-2026-0012, YJ-2026-0003) that mean nothing to a reader of the 纪要. */
const CODE = /\s*[A-Z]{1,5}-\d{4}-\d+\s*/g;

/** The matter of an item in words: its title after the "…：" prefix, or its problem's title for a bare code. */
function matterOf(title: string, problemTitle: string | undefined): string {
  const matter = (title.includes('：') ? title.slice(title.indexOf('：') + 1) : title).replace(CODE, '').trim();
  return matter || problemTitle || title.replace(CODE, '').trim();
}

/** 会议纪要 (.docx, GB/T 9704 10.3) of a joint meeting: 纪要标志, items by unit and matter, 出席 list. */
export async function minutesDocument(ctx: Ctx, id: string) {
  const m = await getMeeting(ctx, id);
  return issuedCopy(ctx.db, MINUTES.kind, m.id, () => renderMinutesDocument(ctx, m));
}
registerDocument(MINUTES.kind, minutesDocument);

async function renderMinutesDocument(ctx: Ctx, m: Awaited<ReturnType<typeof getMeeting>>) {
  const { stamp } = await MINUTES.stamp(ctx, m.regionId, m.id);
  const problemIds = m.items.map((i) => i.problemId).filter((x): x is string => !!x);
  const p = problemDirectory('p');
  const problems = problemIds.length
    ? await ctx.db.select({ id: p.id, title: p.title, unitId: p.unitId }).from(p).where(inArray(p.id, problemIds))
    : [];
  const problem = new Map(problems.map((x) => [x.id, x]));
  const ids = [
    ...m.memberUnitIds,
    ...m.attendingUnitIds,
    ...m.items.map((i) => i.leadUnitId).filter((x): x is string => !!x),
    ...problems.map((x) => x.unitId),
  ];
  const names = await unitNames(ctx.db, ids);
  const nameList = (ids: string[]) => ids.map((u) => names.get(u) ?? '').filter(Boolean);
  const members = nameList(m.memberUnitIds);
  const present = nameList(m.memberUnitIds.filter((u) => !m.excusedUnitIds.includes(u)));
  const attending = nameList(m.attendingUnitIds);
  const excused = nameList(m.excusedUnitIds);
  const decided = m.items.filter((i) => i.decisionKind);
  const itemLine = (i: (typeof decided)[number], n: number) => {
    const pr = i.problemId ? problem.get(i.problemId) : undefined;
    const unit = pr ? (names.get(pr.unitId) ?? '') : '';
    const matter = matterOf(i.title, pr?.title);
    const lead = i.leadUnitId ? `，由${names.get(i.leadUnitId) ?? i.leadUnitName ?? ''}牵头` : '';
    const due = i.deadline ? `，${formatChineseDate(new Date(`${i.deadline}T12:00:00+08:00`))}前完成` : '';
    return `${n + 1}．${unit ? `${unit}“${matter}”` : matter}：${DECISIONS[i.decisionKind as string]}${lead}${due}${i.decision ? `。${i.decision.replace(/。$/, '')}。` : '。'}`;
  };
  const body: DocBlock[] = [
    `${formatChineseDate(m.heldAt ?? m.scheduledAt)}，县纪委监委在${m.place || '机关会议室'}召开${m.title}，${present.join('、')}等成员单位参加。会议对${m.items.length}个议题进行了研判，纪要如下。`,
    { heading: '一、会议议定事项' },
    ...(decided.length ? decided.map(itemLine) : ['本次会议未形成议定事项。']),
    { heading: '二、会议要求' },
    m.summary || '各成员单位按照会议议定事项抓好落实，县纪委监委跟踪督办，落实情况纳入年度考核。',
  ];
  return {
    name: `联席会议纪要-${formatChineseDate(m.scheduledAt)}.docx`,
    body: await renderOfficialDocument({
      // 纪要标志: the meeting's name with 纪要 (…联席会议办公室 → …联席会议纪要); the office signs it.
      issuer: `${stamp.issuer.replace(/办公室$/, '')}纪要`,
      minutes: true,
      docNumber: stamp.docNumber,
      draft: stamp.draft,
      title: `${m.title.replace(/纪要$/, '')}${stamp.titleMark}`,
      body,
      attendance: [
        { label: '出席' as const, names: present },
        ...(attending.length ? [{ label: '列席' as const, names: attending }] : []),
        ...(excused.length ? [{ label: '请假' as const, names: excused }] : []),
      ],
      signature: stamp.signature,
      date: stamp.date,
      copyTo: members,
      printedBy: stamp.signature,
    }),
  };
}
