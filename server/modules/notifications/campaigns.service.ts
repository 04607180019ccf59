/**
 * Key-date campaigns: the office schedules a reminder N working days before each holiday of the
 * platform calendar, or on a date; the `campaigns` job sends each occasion once (campaign_sends'
 * unique key), to people chosen by role, unit and rank, through the channels of the `campaign` class.
 */
import type { TCreateCampaign, TUpdateCampaign } from '../../../common/campaigns.schema.js';
import type { Role } from '../../../common/roles.js';
import { resolveRecipients, userIdsWithRoles } from '../../platform/auth/auth.service.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { listYear, workingDaysBetween } from '../../platform/calendar/calendar.service.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import type { Ctx } from '../../platform/context.js';
import { conflict, notFound, ruleViolation, unauthenticated } from '../../platform/errors.js';
import { peopleMatching } from '../org/org.service.js';
import * as repo from './campaigns.repository.js';
import { storeNotifications } from './notifications.service.js';

const regionOf = (ctx: Ctx): string => {
  const regionId = ctx.actor?.scope.regionId;
  if (!regionId) throw unauthenticated();
  return regionId;
};

const present = (row: repo.CampaignRow) => ({
  ...row,
  actions: row.state === 'active' ? ['edit', 'cancel'] : ['edit', 'activate'],
});

async function found(ctx: Ctx, id: string) {
  const row = await repo.find(ctx.db, regionOf(ctx), id);
  if (!row) throw notFound('提醒活动不存在或无权查看');
  return row;
}

export async function listCampaigns(
  ctx: Ctx,
  f: { page: number; pageSize: number; state?: repo.CampaignRow['state'] },
) {
  const { items, total } = await repo.list(ctx.db, regionOf(ctx), f);
  return { items: items.map(present), total };
}

export const getCampaign = async (ctx: Ctx, id: string) => present(await found(ctx, id));

export async function createCampaign(ctx: Ctx, input: TCreateCampaign) {
  const row = await repo.insert(ctx.db, { ...input, regionId: regionOf(ctx), createdBy: ctx.actor?.userId });
  await recordAudit(ctx, { type: 'campaign.created', entity: 'campaign', entityId: row.id, after: row });
  return present(row);
}

export async function updateCampaign(ctx: Ctx, id: string, input: TUpdateCampaign) {
  const before = await found(ctx, id);
  const { version, ...patch } = input;
  const row = await repo.update(ctx.db, id, version, patch);
  if (!row) throw conflict();
  await recordAudit(ctx, { type: 'campaign.updated', entity: 'campaign', entityId: id, before, after: row });
  return present(row);
}

export async function fireCampaignEvent(ctx: Ctx, id: string, event: 'activate' | 'cancel', version: number) {
  const before = await found(ctx, id);
  const to = event === 'activate' ? 'active' : 'cancelled';
  if (before.state === to) throw ruleViolation('CAMPAIGN_STATE', event === 'activate' ? '活动已启用' : '活动已停用');
  const row = await repo.update(ctx.db, id, version, { state: to });
  if (!row) throw conflict();
  await recordAudit(ctx, {
    type: event === 'activate' ? 'campaign.activated' : 'campaign.cancelled',
    entity: 'campaign',
    entityId: id,
    before: { state: before.state },
    after: { state: to },
  });
  return present(row);
}

export async function campaignReport(ctx: Ctx, id: string) {
  await found(ctx, id);
  return { sends: await repo.report(ctx.db, id) };
}

interface Holiday {
  name: string;
  start: string;
}

/** First days of the holiday periods of the calendar from `today` on (this year and next). */
async function holidaysFrom(ctx: Ctx, today: string): Promise<Holiday[]> {
  const year = Number(today.slice(0, 4));
  const days = [...(await listYear(ctx, year)).days, ...(await listYear(ctx, year + 1)).days]
    .filter((d) => d.kind === 'holiday')
    .map((d) => ({ date: String(d.date), name: d.name }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const starts: Holiday[] = [];
  let previous = '';
  for (const d of days) {
    // A weekend inside a holiday period (国庆 10-01..03, Sunday 10-04, 补假 10-05..07) does not end it:
    // a new period starts only after a working day.
    const continues = previous !== '' && (await workingDaysBetween(ctx.db, previous, d.date)) === 0;
    if (!continues && d.date > today) starts.push({ name: d.name, start: d.date });
    previous = d.date;
  }
  return starts;
}

/** The occasions of a campaign due today: key, and the values of the template's placeholders. */
async function dueOccasions(ctx: Ctx, c: repo.CampaignRow, today: string, holidays: Holiday[]) {
  if (c.trigger === 'date') {
    // On the date, or a few days late when the scheduler was down; never long after.
    const late = c.onDate ? (Date.parse(today) - Date.parse(c.onDate)) / 86_400_000 : -1;
    return c.onDate && late >= 0 && late <= 3 ? [{ key: `date:${c.onDate}`, holiday: '', date: c.onDate }] : [];
  }
  const due = [];
  for (const h of holidays.filter((x) => Date.parse(x.start) - Date.parse(today) < 60 * 86_400_000)) {
    // Working days in [today, start): sent from N working days before the holiday until it starts.
    if ((await workingDaysBetween(ctx.db, today, h.start)) < c.workingDaysBefore)
      due.push({ key: `holiday:${h.start}`, holiday: h.name, date: h.start });
  }
  return due;
}

const fill = (template: string, o: { holiday: string; date: string }) =>
  template.replaceAll('{节日}', o.holiday).replaceAll('{日期}', o.date);

/** The job: sends every occasion due today exactly once, each in its own transaction. */
export async function sendDueCampaigns(ctx: Ctx) {
  const today = isoDate(ctx.clock.now());
  const result = { today, sent: 0, recipients: 0, alreadySent: 0 };
  const list = await repo.active(ctx.db);
  if (list.length === 0) return result;
  const holidays = await holidaysFrom(ctx, today);
  for (const c of list) {
    for (const o of await dueOccasions(ctx, c, today, holidays)) {
      const n = await ctx.db.transaction(async (tx) => {
        const t = { ...ctx, db: tx };
        const send = await repo.claimSend(tx, c.id, o.key, today);
        if (!send) return null;
        const byRole = c.roles.length ? await userIdsWithRoles(tx, c.roles as Role[], c.regionId) : [];
        const people =
          c.unitIds.length || c.ranks.length ? await peopleMatching(tx, c.regionId, c.unitIds, c.ranks) : [];
        const users = (await resolveRecipients(tx, byRole, people)).map((r) => r.userId);
        const rows = await storeNotifications(t, users, {
          kind: 'campaign.reminder',
          title: fill(c.title, o),
          body: fill(c.template, o),
          entity: { type: 'campaign_send', id: send.id },
        });
        await repo.setRecipients(tx, send.id, rows.length);
        await recordAudit(t, {
          type: 'campaign.sent',
          entity: 'campaign',
          entityId: c.id,
          after: { occasion: o.key, recipients: rows.length },
        });
        return rows.length;
      });
      if (n === null) result.alreadySent += 1;
      else {
        result.sent += 1;
        result.recipients += n;
      }
    }
  }
  return result;
}
