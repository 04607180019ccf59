import { formatDate } from '../../../common/format.js';
import { formOfFourOf } from '../../../common/cases.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { userIdsWithRoles } from '../../platform/auth/auth.service.js';
import { addMonths } from '../../platform/calendar/legal-clock.js';
import { type Ctx, regionOf, today } from '../../platform/context.js';
import { notify } from '../notifications/notifications.service.js';
import * as org from '../org/org.service.js';
import * as repo from './cases.repository.js';
import { type CaseRules, readCaseRules } from './cases.rules.js';
import type { TForm, TListInfluencePeriods } from '../../../common/cases.schema.js';

/** 影响期 of a subject's imposed forms from `start` (settings `cases.rules.influence`); units have none. */
export function periodsFor(c: repo.CaseRow, s: repo.SubjectRow, forms: TForm[], start: string, rules: CaseRules) {
  if (!s.personId) return [];
  return forms.flatMap((f) => {
    const p = f.mode === 'impose' ? rules.influence[f.form] : undefined;
    if (!p) return [];
    return [
      {
        regionId: c.regionId,
        caseId: c.id,
        subjectId: s.id,
        personId: s.personId as string,
        kind: p.kind,
        form: f.form,
        startsOn: start,
        endsOn: addMonths(start, p.months),
        source: p.source,
      },
    ];
  });
}

/** Tells 组织部 that a decision affects the use of the cadres held to account. */
export async function notifyOrgDepartment(ctx: Ctx, c: repo.CaseRow, periods: number, subjects: repo.SubjectRow[]) {
  const users = await userIdsWithRoles(ctx.db, ['org_department'], c.regionId);
  const named = subjects.filter((s) => s.subjectType === 'person').map((s) => s.name);
  if (users.length === 0 || named.length === 0) return;
  await notify(ctx, {
    userIds: users,
    kind: 'influence',
    title: '问责决定影响干部使用',
    body: `${named.join('、')}受到问责处理${periods ? `，产生影响期${periods}项` : ''}，请在干部选任时掌握。`,
    link: '/influence-periods',
  });
}

/** Changes a subject's decided forms (appeal, correction): periods of the old forms end, new ones start. */
export async function replaceForms(ctx: Ctx, c: repo.CaseRow, s: repo.SubjectRow, forms: TForm[], reason: string) {
  const rules = await readCaseRules(ctx);
  await repo.updateSubject(ctx.db, s.id, { forms, formOfFour: formOfFourOf(forms) });
  const ended = await repo.endPeriodsOfSubject(ctx.db, s.id, ctx.now, reason);
  const start = c.decisionDate ?? today(ctx);
  const fresh = periodsFor(c, s, forms, start, rules).filter((p) => p.endsOn >= today(ctx));
  await repo.insertPeriods(ctx.db, fresh);
  return { ended: ended.length, started: fresh.length };
}

export async function personInfluencePeriods(ctx: Ctx, personId: string) {
  const person = await org.getPerson(ctx, personId);
  const rows = await repo.periodsOfPerson(ctx.db, regionOf(ctx), personId);
  return { person: { id: person.id, name: person.name, post: person.post }, items: rows };
}

export const currentInfluencePeriods = (ctx: Ctx, f: TListInfluencePeriods) =>
  repo.currentPeriods(ctx.db, regionOf(ctx), f);

/** Daily: periods past their end are lifted and 组织部 is told (job `influence-periods`). */
export async function endDueInfluencePeriods(ctx: Ctx) {
  const ended = await repo.endDuePeriods(ctx.db, today(ctx), ctx.now);
  const byRegion = new Map<string, typeof ended>();
  for (const p of ended) byRegion.set(p.regionId, [...(byRegion.get(p.regionId) ?? []), p]);
  for (const [regionId, rows] of byRegion) {
    const users = await userIdsWithRoles(ctx.db, ['org_department'], regionId);
    await notify(ctx, {
      userIds: users,
      kind: 'influence',
      title: `影响期届满解除（${rows.length}项）`,
      body: rows.map((r) => `${r.name}：${r.form}影响期于${formatDate(r.endsOn)}届满，已自动解除`).join('\n'),
      link: '/influence-periods',
    });
  }
  if (ended.length) {
    await recordAudit(ctx, {
      type: 'influence.ended',
      entity: 'influence_period',
      after: { ids: ended.map((r) => r.id) },
    });
  }
  return { ended: ended.length };
}
