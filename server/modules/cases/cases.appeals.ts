import { formatDate } from '../../../common/format.js';
import { APPEAL_KINDS, type AppealKind, CASE_KINDS, severityOf } from '../../../common/cases.js';
import { type ClockPause, legalDeadline } from '../../platform/calendar/legal-clock.js';
import { type Ctx, today } from '../../platform/context.js';
import { badRequest, ruleViolation } from '../../platform/errors.js';
import { appealClockStart, checkPauseStart, recheckClockStart } from './cases.clocks.js';
import { checkForms } from './cases.decision.js';
import { type CaseEvent, type CaseHandler, type FiredEvent, need, subjectOf } from './cases.events.js';
import { replaceForms } from './cases.influence.js';
import * as repo from './cases.repository.js';
import type { CaseRules } from './cases.rules.js';
import type { TForm } from '../../../common/cases.schema.js';

// 申诉/复审/复核: execution is not suspended, a review never makes it heavier.

const clockOf = (rules: CaseRules, kind: AppealKind, stage: 'File' | 'Decide') =>
  rules.clocks[`${kind === 'appeal' ? 'appeal' : kind}${stage}` as keyof CaseRules['clocks']];

async function fileAppeal({ ctx, c, input, rules, subjects }: CaseEvent) {
  const s = subjectOf(subjects, input.subjectId);
  const kind = input.appealKind;
  if (!kind) throw badRequest('APPEAL_KIND', '请选择申诉、复审或复核', 'appealKind');
  const allowed: AppealKind[] = c.kind === 'party' ? ['appeal'] : ['reexamination', 'recheck'];
  if (!allowed.includes(kind)) {
    throw badRequest(
      'APPEAL_KIND',
      `${CASE_KINDS[c.kind as keyof typeof CASE_KINDS]}的救济途径为${allowed.map((k) => APPEAL_KINDS[k]).join('、')}`,
      'appealKind',
    );
  }
  const appeals = (await repo.appealsOf(ctx.db, c.id)).filter((a) => a.subjectId === s.id);
  if (appeals.some((a) => a.state === 'pending')) throw ruleViolation('APPEAL_PENDING', `${s.name}的申诉正在办理中`);
  const filedOn = input.filedOn ?? today(ctx);
  let from = kind === 'recheck' ? '' : appealClockStart(s, filedOn);
  if (c.decisionDate && filedOn < c.decisionDate) {
    throw badRequest('DATE_INVALID', `提出日期不能早于决定日期（${formatDate(c.decisionDate)}）`, 'filedOn');
  }
  if (kind === 'recheck') {
    const re = appeals.find((a) => a.kind === 'reexamination' && a.state === 'decided');
    if (!re) throw ruleViolation('RECHECK_NEEDS_REEXAMINATION', '对复审决定不服的，方可申请复核');
    from = recheckClockStart(re, filedOn);
  } else if (appeals.some((a) => a.kind === kind)) {
    throw ruleViolation('APPEAL_DUPLICATE', `${s.name}已提出过${APPEAL_KINDS[kind]}`);
  }
  const fileDeadline = (await legalDeadline(ctx.db, from, clockOf(rules, kind, 'File'))) as string;
  if (filedOn > fileDeadline) {
    throw ruleViolation(
      'APPEAL_LATE',
      `已超过${APPEAL_KINDS[kind]}期限（应于${formatDate(fileDeadline)}前提出）`,
      'filedOn',
    );
  }
  const appeal = await repo.insertAppeal(ctx.db, {
    caseId: c.id,
    subjectId: s.id,
    kind,
    filedOn,
    fileDeadline,
    reason: need(input.comment, '申诉理由'),
    decideDeadline: await legalDeadline(ctx.db, filedOn, clockOf(rules, kind, 'Decide')),
  });
  return {
    payload: { appealId: appeal.id, subjectId: s.id, kind, fileDeadline, decideDeadline: appeal.decideDeadline },
    comment: need(input.comment, '申诉理由'),
  };
}

async function pendingAppeal(ctx: Ctx, c: repo.CaseRow, appealId: string | undefined) {
  const a = (await repo.appealsOf(ctx.db, c.id)).find((x) => x.id === appealId);
  if (!a) throw badRequest('APPEAL_NOT_FOUND', '请选择本案的申诉', 'appealId');
  if (a.state !== 'pending') throw ruleViolation('APPEAL_DECIDED', '该申诉已作出复查决定');
  return a;
}

/** Stops or restarts the decision clock of a pending appeal (e.g. awaiting materials). */
async function pauseAppealClock({ ctx, c, input, rules }: CaseEvent) {
  const a = await pendingAppeal(ctx, c, input.appealId);
  const pauses = [...(a.pauses as ClockPause[])];
  const day = input.date ?? today(ctx);
  const open = pauses.find((p) => p.to === null);
  if (input.type === 'pause_clock') {
    if (open) throw ruleViolation('CLOCK_PAUSED', '计时已中止');
    checkPauseStart(a.filedOn, pauses, day);
    pauses.push({ from: day, to: null });
  } else {
    if (!open) throw ruleViolation('CLOCK_RUNNING', '计时未中止');
    if (day < open.from) throw badRequest('DATE_INVALID', '恢复日期不能早于中止日期', 'date');
    open.to = day;
  }
  const decideDeadline = await legalDeadline(ctx.db, a.filedOn, clockOf(rules, a.kind as AppealKind, 'Decide'), pauses);
  await repo.updateAppeal(ctx.db, a.id, { pauses, decideDeadline });
  return {
    payload: { appealId: a.id, pauses, decideDeadline },
    comment: need(input.comment, input.type === 'pause_clock' ? '中止计时的原因' : '恢复计时的说明'),
  };
}

/** 复查决定: upheld, lighter or revoked, never heavier (申诉不加重). */
async function decideAppeal({ ctx, c, input, subjects }: CaseEvent) {
  const a = await pendingAppeal(ctx, c, input.appealId);
  const s = subjects.find((x) => x.id === a.subjectId) as repo.SubjectRow;
  if (!input.result) throw badRequest('RESULT_REQUIRED', '请选择复查结论', 'result');
  const current = s.forms as TForm[];
  const next = input.result === 'upheld' ? current : input.result === 'revoked' ? [] : ((input.forms ?? []) as TForm[]);
  checkForms(c.kind, s, next);
  if (severityOf(next) > severityOf(current)) {
    throw ruleViolation('APPEAL_HEAVIER', '申诉复查不得加重处理（申诉不加重原则）', 'forms');
  }
  if (input.result === 'lighter' && severityOf(next) >= severityOf(current)) {
    throw badRequest('NOT_LIGHTER', '“变更为较轻处理”时，所选处理须轻于原决定', 'forms');
  }
  await repo.updateAppeal(ctx.db, a.id, {
    state: 'decided',
    result: input.result,
    resultForms: next,
    decidedOn: input.date ?? today(ctx),
    decisionReason: input.comment ?? '',
  });
  if (input.result !== 'upheld')
    await replaceForms(ctx, c, s, next, `申诉复查：${input.result === 'revoked' ? '撤销' : '变更'}原决定`);
  return {
    payload: { appealId: a.id, result: input.result, forms: next },
    comment: need(input.comment, '复查决定的理由'),
  };
}

export const appealHandlers = {
  appeal: fileAppeal,
  decide_appeal: decideAppeal,
  pause_clock: pauseAppealClock,
  resume_clock: pauseAppealClock,
} satisfies Partial<Record<FiredEvent, CaseHandler>>;
