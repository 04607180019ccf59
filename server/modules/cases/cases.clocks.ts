import { formatDate } from '../../../common/format.js';
import { type Provisional, provisionalBetween } from '../../platform/calendar/calendar.service.js';
import { type ClockPause, describeClock } from '../../platform/calendar/legal-clock.js';
import { type Ctx, today } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import { badRequest, ruleViolation } from '../../platform/errors.js';
import { type CaseEvent, type CaseHandler, type FiredEvent, subjectOf } from './cases.events.js';
import * as repo from './cases.repository.js';
import { type CaseRules, readCaseRules } from './cases.rules.js';
import { SERVICE_MANNERS } from '../../../common/cases.js';

/**
 * Whether any running clock of the case (execution, appeal filing and decision) was counted over a year
 * without a published holiday schedule: those deadlines are provisional and the case page says why.
 */
export async function clockNoteOf(
  db: Executor,
  c: repo.CaseRow,
  appeals: readonly { filedOn: string; fileDeadline: string; decideDeadline: string | null }[],
): Promise<Provisional> {
  const spans: [string, string][] = [];
  if (c.decisionDate && c.executionDeadline) spans.push([c.decisionDate, c.executionDeadline]);
  for (const a of appeals) {
    spans.push([a.filedOn, a.fileDeadline]);
    if (a.decideDeadline) spans.push([a.filedOn, a.decideDeadline]);
  }
  const notes = await Promise.all(spans.map(([from, to]) => provisionalBetween(db, from, to)));
  return notes.find((n) => n.provisional) ?? { provisional: false, provisionalNote: null };
}

/** A decision is dated on or before today: a decision in the future is refused. */
export function checkDecisionDate(ctx: Ctx, decisionDate: string) {
  if (decisionDate > today(ctx)) {
    throw badRequest('DATE_INVALID', `决定日期（${formatDate(decisionDate)}）不能晚于今天`, 'decisionDate');
  }
}

/**
 * 送达: records the day the subject received the decision and how. The appeal (复审) clock counts from
 * it (问责条例, 监察法第四十九条 “自收到…之日”), so it is neither before the decision nor in the future.
 */
async function recordService(e: CaseEvent) {
  const { ctx, c, input, subjects } = e;
  if (input.appealId) return recordReviewService(e);
  const s = subjectOf(subjects, input.subjectId);
  if (!input.serviceManner) throw badRequest('FIELD_REQUIRED', '请选择送达方式', 'serviceManner');
  const servedOn = input.date ?? today(ctx);
  if (s.servedOn) throw ruleViolation('ALREADY_SERVED', `${s.name}的问责决定已于${formatDate(s.servedOn)}送达`);
  if (c.decisionDate && servedOn < c.decisionDate) {
    throw badRequest('DATE_INVALID', `送达日期不能早于决定日期（${formatDate(c.decisionDate)}）`, 'date');
  }
  if (servedOn > today(ctx)) throw badRequest('DATE_INVALID', '送达日期不能晚于今天', 'date');
  await repo.updateSubject(ctx.db, s.id, { servedOn, serviceManner: input.serviceManner });
  return {
    payload: { subjectId: s.id, servedOn, serviceManner: input.serviceManner },
    comment: `${SERVICE_MANNERS[input.serviceManner]}，${s.name}于${formatDate(servedOn)}收到决定${input.comment ? `。${input.comment}` : ''}`,
  };
}

/**
 * 送达 of a 复审决定 (`appealId`): the 复核 clock counts from the day the subject received it (政务处分法第五十五条
 * “自收到复审决定之日起”), so it is neither before that decision nor in the future.
 */
async function recordReviewService({ ctx, c, input, subjects }: CaseEvent) {
  const a = (await repo.appealsOf(ctx.db, c.id)).find((x) => x.id === input.appealId);
  if (!a) throw badRequest('APPEAL_NOT_FOUND', '请选择本案的复审', 'appealId');
  if (a.kind !== 'reexamination' || a.state !== 'decided' || !a.decidedOn) {
    throw ruleViolation('NOT_REVIEW_DECISION', '只有已作出的复审决定需要记录送达');
  }
  if (!input.serviceManner) throw badRequest('FIELD_REQUIRED', '请选择送达方式', 'serviceManner');
  const s = subjectOf(subjects, a.subjectId);
  if (a.servedOn) throw ruleViolation('ALREADY_SERVED', `${s.name}的复审决定已于${formatDate(a.servedOn)}送达`);
  const servedOn = input.date ?? today(ctx);
  if (servedOn < a.decidedOn) {
    throw badRequest('DATE_INVALID', `送达日期不能早于复审决定日期（${formatDate(a.decidedOn)}）`, 'date');
  }
  if (servedOn > today(ctx)) throw badRequest('DATE_INVALID', '送达日期不能晚于今天', 'date');
  await repo.updateAppeal(ctx.db, a.id, { servedOn, serviceManner: input.serviceManner });
  return {
    payload: { appealId: a.id, subjectId: s.id, servedOn, serviceManner: input.serviceManner },
    comment: `${SERVICE_MANNERS[input.serviceManner]}，${s.name}于${formatDate(servedOn)}收到复审决定${input.comment ? `。${input.comment}` : ''}`,
  };
}

/** The day a 复核 clock starts: the day the 复审决定 was received; refused before its service. */
export function recheckClockStart(re: repo.AppealRow, filedOn: string): string {
  if (!re.servedOn) {
    throw ruleViolation('NOT_SERVED', '复审决定待送达：复核期限自收到复审决定之日起计算，请先记录复审决定的送达');
  }
  if (filedOn < re.servedOn) {
    throw badRequest('DATE_INVALID', `提出日期不能早于复审决定送达日期（${formatDate(re.servedOn)}）`, 'filedOn');
  }
  return re.servedOn;
}

export const serviceHandlers = { record_service: recordService } satisfies Partial<Record<FiredEvent, CaseHandler>>;

/** The day an appeal's filing clock starts: the day the decision was received; refused before service. */
export function appealClockStart(s: repo.SubjectRow, filedOn: string): string {
  if (!s.servedOn) {
    throw ruleViolation('NOT_SERVED', `对${s.name}的问责决定待送达：申诉期限自收到决定之日起计算，请先记录送达`);
  }
  if (filedOn < s.servedOn) {
    throw badRequest('DATE_INVALID', `提出日期不能早于决定送达日期（${formatDate(s.servedOn)}）`, 'filedOn');
  }
  return s.servedOn;
}

/** A pause starts on or after the filing and after every earlier pause ended (pauses never overlap). */
export function checkPauseStart(filedOn: string, pauses: readonly ClockPause[], day: string) {
  if (day < filedOn) throw badRequest('DATE_INVALID', `中止日期不能早于申诉提出日期（${formatDate(filedOn)}）`, 'date');
  const last = pauses.at(-1);
  if (last?.to && day < last.to) {
    throw badRequest('DATE_INVALID', `中止期间不能与此前的中止期间（${last.from}至${last.to}）重叠`, 'date');
  }
}

const CLOCK_LABELS: Record<keyof CaseRules['clocks'], string> = {
  appealFile: '提出申诉',
  appealDecide: '申诉复查决定',
  reexaminationFile: '申请复审',
  reexaminationDecide: '复审决定',
  recheckFile: '申请复核',
  recheckDecide: '复核决定',
  execution: '执行问责决定',
};
const CLOCK_STARTS: Record<keyof CaseRules['clocks'], string> = {
  appealFile: '自收到问责决定之日（送达）起',
  appealDecide: '自提出申诉之日起',
  reexaminationFile: '自收到处理决定之日（送达）起',
  reexaminationDecide: '自受理之日起',
  recheckFile: '自收到复审决定之日（送达）起',
  recheckDecide: '自受理之日起',
  execution: '自决定之日起',
};

/** The case clocks in force, each with what starts it, its period and its source (read-only view of the rules). */
export async function caseClockRules(ctx: Ctx) {
  const rules = await readCaseRules(ctx);
  const keys = Object.keys(CLOCK_LABELS) as (keyof CaseRules['clocks'])[];
  return {
    version: rules.version,
    items: keys.map((key) => ({
      key,
      label: CLOCK_LABELS[key],
      startsFrom: CLOCK_STARTS[key],
      amount: rules.clocks[key].amount,
      unit: rules.clocks[key].unit,
      period: describeClock(rules.clocks[key]),
      source: rules.sources[key] ?? '',
    })),
  };
}
