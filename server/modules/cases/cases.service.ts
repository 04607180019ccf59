import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  APPEAL_KINDS,
  type AppealKind,
  ARTICLE_7,
  CASE_EVENTS,
  CASE_KINDS,
  CASE_SOURCES,
  CASE_STATES,
  type CaseEventType,
  EVALUATION_CHECKLIST,
  type CaseState,
  FACTS,
  FORMS,
  type FormKey,
  JOINT_REVIEW_OFFICES,
  type JointReviewOffice,
  formOfFourOf,
  severityOf,
} from '../../../common/cases.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type ClockPause, addMonths, legalDeadline } from '../../platform/calendar/legal-clock.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import { type Actor, type Ctx, actorOf, regionOf, today } from '../../platform/context.js';
import { readTogether } from '../../platform/db/client.js';
import { AppError, badRequest, conflict, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import { userIdsWithRoles } from '../../platform/auth/auth.repository.js';
import { notify } from '../notifications/notifications.service.js';
import * as org from '../org/org.service.js';
import { createProblem } from '../problems/problems.service.js';
import { listTalks } from '../talks/talks.service.js';
import { matchingFilings } from '../tolerance/tolerance.service.js';
import { fireEvent as fireProblemEvent } from '../problems/problems.workflow.js';
import * as repo from './cases.repository.js';
import { type CaseRules, readCaseRules } from './cases.rules.js';
import type { TCaseEvent, TCreateCase, TForm, TListCases, TScoreEvaluation } from '../../../common/cases.schema.js';
import { influencePeriods } from './cases.tables.js';

type Form = TForm & { form: FormKey };

const isLeader = (a: Actor) => a.permissions.has('cases:approve');
const viewerOf = (ctx: Ctx): repo.CaseViewer => {
  const a = actorOf(ctx);
  // Accounts without a region (system administrators) match no case.
  return { regionId: a.scope.regionId ?? '00000000-0000-0000-0000-000000000000', userId: a.userId, all: isLeader(a) };
};
const NOT_FOUND = '案件不存在或无权查看';

// ---------- reading

export async function listCases(ctx: Ctx, f: TListCases) {
  const { items, total } = await repo.list(ctx.db, viewerOf(ctx), f);
  return { items: items.map(presentRow), total };
}

function presentRow(c: repo.CaseRow) {
  return {
    ...c,
    kindLabel: CASE_KINDS[c.kind as keyof typeof CASE_KINDS],
    stateLabel: CASE_STATES[c.state as CaseState],
    sourceLabel: CASE_SOURCES[c.sourceType as keyof typeof CASE_SOURCES],
    situationText: ARTICLE_7[c.situation as keyof typeof ARTICLE_7],
  };
}

async function loadCase(ctx: Ctx, id: string) {
  const c = await repo.get(ctx.db, viewerOf(ctx), id);
  if (!c) throw notFound(NOT_FOUND);
  return c;
}

/** The caller's capacities on a case: leader, investigator, reviewer for an office. */
async function capacitiesOf(ctx: Ctx, c: repo.CaseRow, rules: CaseRules) {
  const a = actorOf(ctx);
  const members = await repo.membersOf(ctx.db, c.id);
  const mine = members.filter((m) => m.userId === a.userId);
  const officeOf = (unitCode: string | null) =>
    (Object.entries(rules.jointReviewUnits).find(([, code]) => code === unitCode)?.[0] as JointReviewOffice) ?? null;
  const review = mine.find((m) => m.role === 'reviewer');
  const reviewerOffice = review ? officeOf(review.unitCode) : null;
  return {
    members,
    leader: isLeader(a),
    investigator: mine.some((m) => m.role === 'investigator'),
    reviewerOffice,
    evaluator: mine.some((m) => m.role === 'evaluator'),
  };
}

const ACTIONS: Record<CaseState, CaseEventType[]> = {
  proposed: ['approve_launch', 'reject_launch'],
  investigating: ['record_facts', 'issue_statement', 'record_defense', 'determine', 'spawn_dual'],
  reviewing: ['request_prereview', 'record_prereview', 'sign_joint_review', 'decide', 'spawn_dual'],
  decided: ['execute', 'appeal', 'decide_appeal', 'pause_clock', 'resume_clock', 'correct', 'recommend', 'spawn_dual'],
  executed: [
    'appeal',
    'decide_appeal',
    'pause_clock',
    'resume_clock',
    'follow_up',
    'close',
    'correct',
    'recommend',
    'spawn_dual',
  ],
  closed: ['correct', 'recommend'],
};
/** Which capacity may fire an event (leaders may do everything an investigator may). */
const LEADER_ONLY: CaseEventType[] = [
  'approve_launch',
  'reject_launch',
  'record_prereview',
  'decide',
  'decide_appeal',
  'correct',
];
const REVIEWER_ONLY: CaseEventType[] = ['sign_joint_review'];

function allowedActions(state: CaseState, caps: Awaited<ReturnType<typeof capacitiesOf>>) {
  return ACTIONS[state].filter((e) => {
    if (REVIEWER_ONLY.includes(e)) return caps.reviewerOffice !== null;
    if (LEADER_ONLY.includes(e)) return caps.leader;
    return caps.leader || caps.investigator;
  });
}

export async function getCase(ctx: Ctx, id: string) {
  const c = await loadCase(ctx, id);
  const rules = await readCaseRules(ctx);
  const caps = await capacitiesOf(ctx, c, rules);
  const [subjects, events, files, appeals, periods] = await readTogether(ctx.db, [
    () => repo.subjectsOf(ctx.db, id),
    () => repo.eventsOf(ctx.db, id),
    () => repo.filesOf(ctx.db, id),
    () => repo.appealsOf(ctx.db, id),
    () => repo.periodsOfCase(ctx.db, id),
  ]);
  return {
    ...presentRow(c),
    subjects,
    members: caps.members,
    events: events.map((e) => ({ ...e, typeLabel: CASE_EVENTS[e.type as CaseEventType] ?? e.type })),
    files,
    appeals: appeals.map((a) => ({ ...a, kindLabel: APPEAL_KINDS[a.kind as AppealKind] })),
    influencePeriods: periods,
    readiness: readiness(c, subjects),
    // 容错: approved pre-registrations of the same units or people over the three years before the case.
    toleranceMatches: await matchingFilings(ctx, {
      unitIds: [...new Set(subjects.flatMap((s) => (s.unitId ? [s.unitId] : [])))],
      personIds: subjects.flatMap((s) => (s.personId ? [s.personId] : [])),
      from: addMonths(isoDate(c.createdAt), -36),
      to: today(ctx),
      text: `${c.title} ${(c.facts as Record<string, string>).problem ?? ''}`,
    }),
    talks: actorOf(ctx).permissions.has('talks:read')
      ? (await listTalks(ctx, { caseId: id, page: 1, pageSize: 50 })).items
      : [],
    myOffice: caps.reviewerOffice,
    actions: allowedActions(c.state as CaseState, caps),
  };
}

/** What still stands between the case and a decision (procedural rights, SPEC 2b). */
function readiness(c: repo.CaseRow, subjects: repo.SubjectRow[]) {
  const facts = c.facts as Record<string, string>;
  const missing: string[] = [];
  for (const [k, label] of Object.entries(FACTS)) if (!facts[k]?.trim()) missing.push(`未记录${label}`);
  if (!c.statementIssuedAt) missing.push('未向问责对象出示事实材料');
  for (const s of subjects) {
    if (!s.defense) missing.push(`${s.name}：未记录陈述申辩`);
    else if (!s.signedAt) missing.push(`${s.name}：未签字确认`);
  }
  return { factsComplete: Object.keys(FACTS).every((k) => facts[k]?.trim()), missing };
}

// ---------- opening

/** Who may be put on an investigation team: the region's case officers and commission leaders. */
export async function caseOfficers(ctx: Ctx) {
  const items = await repo.usersWithPermissionRoles(ctx.db, regionOf(ctx), ['case_office', 'commission_leader']);
  return { items: items.map((u) => ({ userId: u.userId, displayName: u.displayName })) };
}

export async function createCase(ctx: Ctx, input: TCreateCase, extra: { parentCaseId?: string } = {}) {
  const actor = actorOf(ctx);
  const regionId = regionOf(ctx);
  const team = [...new Set([actor.userId, ...input.teamUserIds])];
  const officers = await repo.usersWithPermissionRoles(ctx.db, regionId, ['case_office', 'commission_leader'], team);
  if (officers.length !== team.length) {
    throw badRequest('TEAM_INVALID', '调查组成员只能是本地区的案件工作人员或委领导', 'teamUserIds');
  }
  const subjects = [];
  for (const [i, s] of input.subjects.entries()) {
    if (s.subjectType === 'person') {
      const p = await org.getPerson(ctx, s.personId as string).catch(() => {
        throw badRequest('PERSON_NOT_FOUND', '所选问责对象不存在', `subjects.${i}.personId`);
      });
      subjects.push({
        subjectType: 'person',
        personId: p.id,
        unitId: p.unitId ?? null,
        name: p.name,
        post: p.post ?? '',
      });
    } else {
      const u = await org.getUnit(ctx, s.unitId as string).catch(() => {
        throw badRequest('UNIT_NOT_FOUND', '所选问责单位不存在', `subjects.${i}.unitId`);
      });
      subjects.push({ subjectType: 'unit', personId: null, unitId: u.id, name: u.name, post: '' });
    }
  }
  const c = await repo.insert(ctx.db, {
    regionId,
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    situation: input.situation,
    sourceType: input.sourceType,
    sourceId: input.sourceId ?? null,
    parentCaseId: extra.parentCaseId ?? null,
    highAttention: input.highAttention,
    importantPost: input.importantPost,
    field: input.field,
    createdBy: actor.userId,
  });
  const saved = await repo.insertSubjects(
    ctx.db,
    subjects.map((s, i) => ({ ...s, caseId: c.id, seq: i + 1 })),
  );
  await repo.addMembers(ctx.db, c.id, team, 'investigator');
  await repo.insertEvent(ctx.db, {
    caseId: c.id,
    type: 'opened',
    toState: 'proposed',
    actorUserId: actor.userId,
    actorName: actor.displayName,
    at: ctx.now,
    comment: `来源：${CASE_SOURCES[input.sourceType]}`,
  });
  await recordAudit(ctx, {
    type: 'case.opened',
    entity: 'case',
    entityId: c.id,
    after: { ...c, subjects: saved, team },
  });
  const leaders = await userIdsWithRoles(ctx.db, ['commission_leader'], regionId);
  await notify(ctx, {
    userIds: leaders,
    kind: 'case',
    title: `问责案件待批准启动：${c.title}`,
    body: `${actor.displayName} 提请启动问责调查（${c.code}），请审批。`,
    link: `/cases/${c.id}`,
    entity: { type: 'case', id: c.id },
  });
  return getCase(ctx, c.id);
}

// ---------- the procedure

const need = (v: string | undefined, what: string, field = 'comment') => {
  if (!v?.trim()) throw badRequest('FIELD_REQUIRED', `请填写${what}`, field);
  return v.trim();
};

export async function fireCaseEvent(ctx: Ctx, id: string, input: TCaseEvent) {
  const actor = actorOf(ctx);
  const c = await loadCase(ctx, id);
  const rules = await readCaseRules(ctx);
  const caps = await capacitiesOf(ctx, c, rules);
  const state = c.state as CaseState;
  if (!ACTIONS[state].includes(input.type as CaseEventType)) {
    throw ruleViolation(
      'CASE_ILLEGAL_TRANSITION',
      `案件当前状态为“${CASE_STATES[state]}”，不能${CASE_EVENTS[input.type]}`,
    );
  }
  if (!allowedActions(state, caps).includes(input.type as CaseEventType)) throw forbidden();
  if (c.version !== input.version) throw conflict();

  const subjects = await repo.subjectsOf(ctx.db, id);
  const subjectOf = (sid: string | undefined) => {
    const s = subjects.find((x) => x.id === sid);
    if (!s) throw badRequest('SUBJECT_NOT_FOUND', '请选择本案的问责对象', 'subjectId');
    return s;
  };
  let patch: Partial<repo.CaseRow> = {};
  let payload: Record<string, unknown> | undefined;
  let comment = input.comment ?? '';
  const day = today(ctx);

  switch (input.type) {
    case 'approve_launch': {
      const team = caps.members.filter((m) => m.role === 'investigator');
      if (team.length < 2) throw ruleViolation('TEAM_TOO_SMALL', '调查组不少于二人，请先补充调查人员');
      patch = { state: 'investigating', launchApprovedAt: ctx.now };
      break;
    }
    case 'reject_launch':
      comment = need(input.comment, '不予启动的理由');
      patch = { state: 'closed', closedAt: ctx.now, outcome: `不予启动：${comment}` };
      break;
    case 'record_facts': {
      if (!input.facts || Object.keys(input.facts).length === 0)
        throw badRequest('FACTS_REQUIRED', '请填写事实', 'facts');
      patch = { facts: { ...(c.facts as object), ...input.facts } };
      payload = { facts: Object.keys(input.facts) };
      break;
    }
    case 'issue_statement': {
      if (!readiness(c, subjects).factsComplete) {
        throw ruleViolation('FACTS_INCOMPLETE', '问题事实、结果事实、责任事实、因果事实须全部查清后，方可出示事实材料');
      }
      patch = { statementIssuedAt: ctx.now };
      for (const s of subjects) await repo.updateSubject(ctx.db, s.id, { statementShownAt: ctx.now });
      break;
    }
    case 'record_defense': {
      const s = subjectOf(input.subjectId);
      if (!c.statementIssuedAt) throw ruleViolation('STATEMENT_NOT_ISSUED', '请先向问责对象出示书面事实材料');
      const defense = need(input.defense, '陈述和申辩意见', 'defense');
      await repo.updateSubject(ctx.db, s.id, { defense, signedAt: input.signed ? ctx.now : null });
      payload = { subjectId: s.id, signed: !!input.signed };
      comment = `${s.name}${input.signed ? '已签字确认' : '未签字'}`;
      break;
    }
    case 'determine': {
      const r = readiness(c, subjects);
      if (r.missing.length) throw ruleViolation('DEFENSE_MISSING', `尚不能认定责任：${r.missing.join('；')}`);
      const given = new Map((input.determinations ?? []).map((d) => [d.subjectId, d]));
      for (const s of subjects) {
        const d = given.get(s.id);
        if (!d) throw badRequest('DETERMINATION_MISSING', `请认定${s.name}的责任`, 'determinations');
        await repo.updateSubject(ctx.db, s.id, {
          responsibility: d.responsibility,
          duty: d.duty,
          circumstances: d.circumstances,
          tolerance: d.tolerance ?? null,
          determinedAt: ctx.now,
        });
      }
      const reasons = prereviewReasons(c, rules);
      patch = { state: 'reviewing', prereviewRequired: reasons.length > 0 };
      payload = { prereviewReasons: reasons };
      // 联审: the officers of the three offices may now see the case to sign it.
      const reviewers = await repo.usersWithPermissionRoles(ctx.db, c.regionId, ['supervision_office', 'case_office']);
      // Investigators never review their own case.
      const codes = Object.values(rules.jointReviewUnits);
      const team = new Set(caps.members.filter((m) => m.role === 'investigator').map((m) => m.userId));
      await repo.addMembers(
        ctx.db,
        c.id,
        reviewers.filter((u) => u.unitCode && codes.includes(u.unitCode) && !team.has(u.userId)).map((u) => u.userId),
        'reviewer',
      );
      break;
    }
    case 'request_prereview':
      comment = need(input.comment, '提请提级预审的理由');
      patch = { prereviewRequired: true, prereview: { requestedAt: ctx.now, reasons: comment } };
      break;
    case 'record_prereview': {
      const pre = c.prereview as { requestedAt?: string } | null;
      if (!pre?.requestedAt) throw ruleViolation('PREREVIEW_NOT_REQUESTED', '尚未提请上级纪委监委提级预审');
      comment = need(input.comment, '上级纪委监委的预审意见');
      patch = { prereview: { ...pre, opinion: comment, by: actor.displayName, at: ctx.now } };
      break;
    }
    case 'sign_joint_review': {
      const office = input.office ?? caps.reviewerOffice;
      if (!office || office !== caps.reviewerOffice) {
        throw forbidden(
          `只能以本部门（${caps.reviewerOffice ? JOINT_REVIEW_OFFICES[caps.reviewerOffice] : '—'}）名义签署联审意见`,
        );
      }
      const signed = c.jointReview as Record<string, unknown>;
      if (signed[office]) throw ruleViolation('ALREADY_SIGNED', `${JOINT_REVIEW_OFFICES[office]}已签署联审意见`);
      comment = need(input.comment, '联审意见');
      patch = {
        jointReview: {
          ...signed,
          [office]: { userId: actor.userId, name: actor.displayName, opinion: comment, at: ctx.now },
        },
      };
      payload = { office };
      break;
    }
    case 'decide': {
      const result = await decide(ctx, c, subjects, rules, input);
      patch = result.patch;
      payload = result.payload;
      break;
    }
    case 'execute':
      comment = need(input.comment, '执行情况');
      patch = { state: 'executed', executedAt: ctx.now, execution: comment };
      break;
    case 'appeal': {
      const s = subjectOf(input.subjectId);
      payload = await fileAppeal(ctx, c, s, rules, input);
      comment = need(input.comment, '申诉理由');
      break;
    }
    case 'decide_appeal':
      payload = await decideAppeal(ctx, c, subjects, input);
      comment = need(input.comment, '复查决定的理由');
      break;
    case 'pause_clock':
    case 'resume_clock':
      payload = await pauseAppealClock(ctx, c, rules, input);
      comment = need(input.comment, input.type === 'pause_clock' ? '中止计时的原因' : '恢复计时的说明');
      break;
    case 'follow_up':
      comment = need(input.comment, '回访情况');
      patch = { followUp: { date: input.date ?? day, by: actor.displayName, notes: comment } };
      break;
    case 'close': {
      if (!c.followUp) throw ruleViolation('FOLLOW_UP_MISSING', '谁问责谁回访：请先记录回访情况再结案');
      const pending = (await repo.appealsOf(ctx.db, c.id)).filter((a) => a.state === 'pending');
      if (pending.length) throw ruleViolation('APPEAL_PENDING', '尚有申诉未作出复查决定，不能结案');
      patch = { state: 'closed', closedAt: ctx.now, outcome: c.outcome ?? '已执行并回访' };
      break;
    }
    case 'correct':
      comment = need(input.comment, '纠错的理由（第二十一条）');
      payload = await correct(ctx, c, subjects, input, comment);
      break;
    case 'spawn_dual': {
      const people = input.personIds ?? [];
      if (people.length === 0) throw badRequest('PERSON_REQUIRED', '请选择需追究领导责任的人员', 'personIds');
      const team = caps.members.filter((m) => m.role === 'investigator').map((m) => m.userId);
      const child = await createCase(
        ctx,
        {
          kind: c.kind as TCreateCase['kind'],
          title: `【一案双查】${c.title}（领导责任）`,
          summary: `由案件 ${c.code} 一案双查，追究有关领导人员的主体责任、监督责任。`,
          situation: 8,
          sourceType: 'dual',
          sourceId: c.id,
          subjects: people.map((personId) => ({ subjectType: 'person' as const, personId })),
          teamUserIds: team.filter((u) => u !== actor.userId),
          highAttention: c.highAttention,
          importantPost: true,
          field: c.field,
        },
        { parentCaseId: c.id },
      );
      payload = { childCaseId: child.id, childCode: child.code };
      comment = comment || `已立案 ${child.code}`;
      break;
    }
    case 'recommend': {
      const unitId = input.unitId;
      if (!unitId) throw badRequest('UNIT_REQUIRED', '请选择整改单位', 'unitId');
      comment = need(input.comment, '以案促改建议');
      const deadline = input.deadline ?? addMonths(day, 1);
      const p = await createProblem(ctx, {
        title: `【以案促改】${c.title}`.slice(0, 200),
        description: comment,
        source: 'case',
        sourceRef: c.code,
        category: '以案促改',
        severity: 'serious',
        unitId,
        urgent: false,
        dispatch: false,
        measures: [{ content: comment.slice(0, 500), deadlineType: 'date', deadline }],
      });
      // The supervision office dispatches it; a leader who may manage problems does so at once.
      if (actor.permissions.has('problems:manage')) {
        await fireProblemEvent(ctx, p.id, {
          type: 'dispatch',
          version: p.version,
          comment: `以案促改：案件 ${c.code}`,
          fileIds: [],
        });
      }
      payload = { problemId: p.id, problemCode: p.code };
      break;
    }
    default:
      throw ruleViolation('CASE_ILLEGAL_TRANSITION', '不支持的操作');
  }

  const saved = await repo.update(ctx.db, c.id, c.version, patch);
  if (!saved) throw conflict();
  await repo.insertEvent(ctx.db, {
    caseId: c.id,
    type: input.type,
    fromState: c.state,
    toState: saved.state,
    actorUserId: actor.userId,
    actorName: actor.displayName,
    at: ctx.now,
    comment,
    payload: payload ?? null,
  });
  await recordAudit(ctx, {
    type: 'case.event',
    entity: 'case',
    entityId: c.id,
    before: c,
    after: { ...saved, event: input.type, payload: payload ?? null },
  });
  return getCase(ctx, c.id);
}

/** 提级预审 criteria met by the case (settings `cases.rules.prereview`). */
function prereviewReasons(c: repo.CaseRow, rules: CaseRules) {
  const reasons: string[] = [];
  if (rules.prereview.highAttention && c.highAttention) reasons.push('社会关注度高');
  if (rules.prereview.importantPost && c.importantPost) reasons.push('涉及重要岗位人员');
  if (c.field && rules.prereview.sensitiveFields.includes(c.field)) reasons.push(`敏感领域（${c.field}）`);
  return reasons;
}

/**
 * 作出决定: only after joint review by all three offices (and pre-review when required), with the
 * authority check of SPEC 2b and the consistency check against comparable cases.
 */
async function decide(ctx: Ctx, c: repo.CaseRow, subjects: repo.SubjectRow[], rules: CaseRules, input: TCaseEvent) {
  const r = readiness(c, subjects);
  if (r.missing.length) throw ruleViolation('DEFENSE_MISSING', `不能作出决定：${r.missing.join('；')}`);
  const signed = c.jointReview as Record<string, unknown>;
  const unsigned = (Object.keys(JOINT_REVIEW_OFFICES) as JointReviewOffice[]).filter((o) => !signed[o]);
  if (unsigned.length) {
    throw ruleViolation(
      'JOINT_REVIEW_MISSING',
      `尚待联审签署：${unsigned.map((o) => JOINT_REVIEW_OFFICES[o]).join('、')}`,
    );
  }
  const pre = c.prereview as { opinion?: string } | null;
  if (c.prereviewRequired && !pre?.opinion) {
    throw ruleViolation('PREREVIEW_MISSING', '本案符合提级预审条件，须经上级纪委监委预审后方可作出决定');
  }
  const given = new Map((input.decisions ?? []).map((d) => [d.subjectId, d.forms as Form[]]));
  const decisionDate = input.decisionDate ?? today(ctx);
  const flags: { subject: string; message: string; comparable: number }[] = [];
  const periods: (typeof influencePeriods.$inferInsert)[] = [];
  for (const s of subjects) {
    const forms = given.get(s.id);
    if (!forms) throw badRequest('DECISION_MISSING', `请对${s.name}作出决定（不予问责时不选问责方式）`, 'decisions');
    checkForms(c.kind, s, forms);
    const tolerance = s.tolerance as { outcome?: string } | null;
    if (tolerance?.outcome === 'exempt' && forms.length) {
      throw ruleViolation('EXEMPTED', `${s.name}已认定容错免责，不应再作出问责处理`);
    }
    flags.push(...(await consistencyFlags(ctx, c, s, forms, rules)));
    await repo.updateSubject(ctx.db, s.id, { forms, originalForms: forms, formOfFour: formOfFourOf(forms) });
    periods.push(...periodsFor(c, s, forms, decisionDate, rules));
  }
  await repo.insertPeriods(ctx.db, periods);
  const executionDeadline = await legalDeadline(ctx.db, decisionDate, rules.clocks.execution);
  await notifyOrgDepartment(ctx, c, periods.length, subjects);
  return {
    patch: {
      state: 'decided',
      decidedAt: ctx.now,
      decisionDate,
      decisionNumber: `示纪问决〔${decisionDate.slice(0, 4)}〕${c.code.slice(-4)}号`,
      consistency: flags,
      executionDeadline,
    } satisfies Partial<repo.CaseRow>,
    payload: { decisionDate, executionDeadline, flags, periods: periods.length },
  };
}

/** Forms must suit the case kind and subject, and the commission may only propose 组织调整/处理 and 改组. */
function checkForms(kind: string, s: repo.SubjectRow, forms: Form[]) {
  for (const f of forms) {
    const def = FORMS[f.form];
    if (!(def.kinds as readonly string[]).includes(kind)) {
      throw badRequest('FORM_KIND', `“${f.form}”不适用于${CASE_KINDS[kind as keyof typeof CASE_KINDS]}`, 'decisions');
    }
    if (def.subject !== 'both' && def.subject !== s.subjectType) {
      throw badRequest(
        'FORM_SUBJECT',
        `“${f.form}”不适用于${s.subjectType === 'unit' ? '组织' : '个人'}（${s.name}）`,
        'decisions',
      );
    }
    if (def.proposeOnly && f.mode !== 'propose') {
      throw ruleViolation(
        'AUTHORITY',
        `纪委监委无权直接作出“${f.form}”，只能向党委或组织部门提出建议（${s.name}）`,
        'decisions',
      );
    }
  }
}

/** 一把尺子量到底: the median severity of comparable decisions against the proposed one. */
async function consistencyFlags(ctx: Ctx, c: repo.CaseRow, s: repo.SubjectRow, forms: Form[], rules: CaseRules) {
  const past = await repo.comparableDecisions(ctx.db, c.regionId, c.situation, c.kind, c.id);
  if (past.length < 2) return [];
  const ranks = past.map((p) => severityOf(p.forms as Form[])).sort((a, b) => a - b);
  const median = ranks[Math.floor(ranks.length / 2)];
  const mine = severityOf(forms);
  if (Math.abs(mine - median) < rules.consistencyGap) return [];
  const direction = mine > median ? '明显偏重' : '明显偏轻';
  return [
    {
      subject: s.name,
      message: `${s.name}的处理${direction}：同类情形（第七条第${c.situation}项）${past.length}个先例的处理中位为“${nameOfRank(median)}”`,
      comparable: past.length,
    },
  ];
}

const nameOfRank = (rank: number) =>
  rank === 0 ? '不予问责' : (Object.entries(FORMS).find(([, d]) => d.rank === rank)?.[0] ?? String(rank));

export async function consistencyPreview(ctx: Ctx, id: string, subjectId: string, forms: Form[]) {
  const c = await loadCase(ctx, id);
  const s = (await repo.subjectsOf(ctx.db, id)).find((x) => x.id === subjectId);
  if (!s) throw notFound('问责对象不存在');
  const rules = await readCaseRules(ctx);
  const past = await repo.comparableDecisions(ctx.db, c.regionId, c.situation, c.kind, c.id);
  return {
    comparable: past.slice(0, 20).map((p) => ({ ...p, forms: p.forms })),
    flags: await consistencyFlags(ctx, c, s, forms, rules),
  };
}

function periodsFor(c: repo.CaseRow, s: repo.SubjectRow, forms: Form[], start: string, rules: CaseRules) {
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

async function notifyOrgDepartment(ctx: Ctx, c: repo.CaseRow, periods: number, subjects: repo.SubjectRow[]) {
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

// ---------- appeals (申诉/复审/复核): execution is not suspended, a review never makes it heavier

async function fileAppeal(ctx: Ctx, c: repo.CaseRow, s: repo.SubjectRow, rules: CaseRules, input: TCaseEvent) {
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
  let from = c.decisionDate as string;
  if (kind === 'recheck') {
    const re = appeals.find((a) => a.kind === 'reexamination' && a.state === 'decided');
    if (!re) throw ruleViolation('RECHECK_NEEDS_REEXAMINATION', '对复审决定不服的，方可申请复核');
    from = re.decidedOn as string;
  } else if (appeals.some((a) => a.kind === kind)) {
    throw ruleViolation('APPEAL_DUPLICATE', `${s.name}已提出过${APPEAL_KINDS[kind]}`);
  }
  const fileClock = rules.clocks[`${kind === 'appeal' ? 'appeal' : kind}File` as keyof CaseRules['clocks']];
  const decideClock = rules.clocks[`${kind === 'appeal' ? 'appeal' : kind}Decide` as keyof CaseRules['clocks']];
  const fileDeadline = (await legalDeadline(ctx.db, from, fileClock)) as string;
  const filedOn = input.filedOn ?? today(ctx);
  if (filedOn > fileDeadline) {
    throw ruleViolation('APPEAL_LATE', `已超过${APPEAL_KINDS[kind]}期限（应于${fileDeadline}前提出）`, 'filedOn');
  }
  const appeal = await repo.insertAppeal(ctx.db, {
    caseId: c.id,
    subjectId: s.id,
    kind,
    filedOn,
    fileDeadline,
    reason: need(input.comment, '申诉理由'),
    decideDeadline: await legalDeadline(ctx.db, filedOn, decideClock),
  });
  return { appealId: appeal.id, subjectId: s.id, kind, fileDeadline, decideDeadline: appeal.decideDeadline };
}

async function pendingAppeal(ctx: Ctx, c: repo.CaseRow, appealId: string | undefined) {
  const a = (await repo.appealsOf(ctx.db, c.id)).find((x) => x.id === appealId);
  if (!a) throw badRequest('APPEAL_NOT_FOUND', '请选择本案的申诉', 'appealId');
  if (a.state !== 'pending') throw ruleViolation('APPEAL_DECIDED', '该申诉已作出复查决定');
  return a;
}

/** Stops or restarts the decision clock of a pending appeal (e.g. awaiting materials). */
async function pauseAppealClock(ctx: Ctx, c: repo.CaseRow, rules: CaseRules, input: TCaseEvent) {
  const a = await pendingAppeal(ctx, c, input.appealId);
  const pauses = [...(a.pauses as ClockPause[])];
  const day = input.date ?? today(ctx);
  const open = pauses.find((p) => p.to === null);
  if (input.type === 'pause_clock') {
    if (open) throw ruleViolation('CLOCK_PAUSED', '计时已中止');
    pauses.push({ from: day, to: null });
  } else {
    if (!open) throw ruleViolation('CLOCK_RUNNING', '计时未中止');
    if (day < open.from) throw badRequest('DATE_INVALID', '恢复日期不能早于中止日期', 'date');
    open.to = day;
  }
  const clock = rules.clocks[`${a.kind === 'appeal' ? 'appeal' : a.kind}Decide` as keyof CaseRules['clocks']];
  const decideDeadline = await legalDeadline(ctx.db, a.filedOn, clock, pauses);
  await repo.updateAppeal(ctx.db, a.id, { pauses, decideDeadline });
  return { appealId: a.id, pauses, decideDeadline };
}

async function decideAppeal(ctx: Ctx, c: repo.CaseRow, subjects: repo.SubjectRow[], input: TCaseEvent) {
  const a = await pendingAppeal(ctx, c, input.appealId);
  const s = subjects.find((x) => x.id === a.subjectId) as repo.SubjectRow;
  if (!input.result) throw badRequest('RESULT_REQUIRED', '请选择复查结论', 'result');
  const current = s.forms as Form[];
  const next = input.result === 'upheld' ? current : input.result === 'revoked' ? [] : ((input.forms ?? []) as Form[]);
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
  return { appealId: a.id, result: input.result, forms: next };
}

/** Changes a subject's decided forms (appeal, correction): periods of the old forms end, new ones start. */
async function replaceForms(ctx: Ctx, c: repo.CaseRow, s: repo.SubjectRow, forms: Form[], reason: string) {
  const rules = await readCaseRules(ctx);
  await repo.updateSubject(ctx.db, s.id, { forms, formOfFour: formOfFourOf(forms) });
  const ended = await repo.endPeriods(ctx.db, eq(influencePeriods.subjectId, s.id), ctx.now, reason);
  const start = c.decisionDate ?? today(ctx);
  const fresh = periodsFor(c, s, forms, start, rules).filter((p) => p.endsOn >= today(ctx));
  await repo.insertPeriods(ctx.db, fresh);
  return { ended: ended.length, started: fresh.length };
}

/** 第二十一条: a wrong decision is corrected (revoked or changed), with the reasons on record. */
async function correct(ctx: Ctx, c: repo.CaseRow, subjects: repo.SubjectRow[], input: TCaseEvent, reason: string) {
  const decisions = input.decisions ?? [];
  if (decisions.length === 0) throw badRequest('DECISION_MISSING', '请选择需纠正的问责对象及纠正后的处理', 'decisions');
  const changed = [];
  for (const d of decisions) {
    const s = subjects.find((x) => x.id === d.subjectId);
    if (!s) throw badRequest('SUBJECT_NOT_FOUND', '请选择本案的问责对象', 'decisions');
    checkForms(c.kind, s, d.forms as Form[]);
    changed.push({
      subjectId: s.id,
      before: s.forms,
      after: d.forms,
      ...(await replaceForms(ctx, c, s, d.forms as Form[], `纠错：${reason}`)),
    });
  }
  return { corrected: changed };
}

// ---------- evidence files

const MAX_FILE = 20 * 1024 * 1024;

export async function uploadCaseFile(
  ctx: Ctx,
  id: string,
  fact: string,
  file: { name: string; mime: string; content: Buffer },
) {
  const c = await loadCase(ctx, id);
  const caps = await capacitiesOf(ctx, c, await readCaseRules(ctx));
  if (!caps.leader && !caps.investigator) throw forbidden('只有调查组成员可以上传证据材料');
  if (!(fact in FACTS)) throw badRequest('FACT_INVALID', '请选择证据所证明的事实', 'fact');
  if (file.content.length === 0) throw badRequest('FILE_EMPTY', '文件为空', 'file');
  if (file.content.length > MAX_FILE) throw new AppError(413, 'PAYLOAD_TOO_LARGE', '单个文件不能超过 20MB');
  const saved = await repo.insertFile(ctx.db, {
    caseId: id,
    fact,
    name: file.name.slice(0, 200),
    mime: file.mime,
    size: file.content.length,
    sha256: crypto.createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
    uploadedBy: actorOf(ctx).userId,
  });
  await recordAudit(ctx, { type: 'case.file_uploaded', entity: 'case', entityId: id, after: saved });
  return saved;
}

export async function getCaseFile(ctx: Ctx, id: string, fileId: string) {
  await loadCase(ctx, id);
  const f = await repo.getFile(ctx.db, id, fileId);
  if (!f) throw notFound('文件不存在');
  return f;
}

// ---------- influence periods, figures

export async function personInfluencePeriods(ctx: Ctx, personId: string) {
  const person = await org.getPerson(ctx, personId);
  const rows = await repo.periodsOfPerson(ctx.db, regionOf(ctx), personId);
  return { person: { id: person.id, name: person.name, post: person.post }, items: rows };
}

export const currentInfluencePeriods = (ctx: Ctx, page: number, pageSize: number) =>
  repo.currentPeriods(ctx.db, regionOf(ctx), page, pageSize);

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
      body: rows.map((r) => `${r.name}：${r.form}影响期于${r.endsOn}届满，已自动解除`).join('\n'),
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

export const caseFigures = (ctx: Ctx) => repo.figures(ctx.db, regionOf(ctx));

// ---------- case evaluation (评查)

export async function sampleEvaluations(ctx: Ctx, period: string, size: number) {
  const actor = actorOf(ctx);
  const regionId = regionOf(ctx);
  const picked = await repo.sampleClosedCases(ctx.db, regionId, period, size);
  const rows = await repo.insertEvaluations(
    ctx.db,
    picked.map((p) => ({ regionId, period, caseId: p.id })),
  );
  // Evaluators read the sampled files.
  for (const p of picked) await repo.addMembers(ctx.db, p.id, [actor.userId], 'evaluator');
  await recordAudit(ctx, {
    type: 'case_evaluation.sampled',
    entity: 'case_evaluation',
    after: { period, cases: picked.map((p) => p.id) },
  });
  return { period, sampled: rows.length, items: rows };
}

export const listEvaluations = (ctx: Ctx, period: string | undefined, page: number, pageSize: number) =>
  repo.listEvaluations(ctx.db, regionOf(ctx), period, page, pageSize);

export async function scoreEvaluation(ctx: Ctx, id: string, input: TScoreEvaluation) {
  const e = await repo.getEvaluation(ctx.db, regionOf(ctx), id);
  if (!e) throw notFound('评查记录不存在');
  if (e.version !== input.version) throw conflict();
  let total = 0;
  for (const [stage, items] of Object.entries(input.scores)) {
    const def = EVALUATION_CHECKLIST[stage as keyof typeof EVALUATION_CHECKLIST];
    if (!def) throw badRequest('STAGE_INVALID', `评查环节“${stage}”不存在`, 'scores');
    for (const [item, score] of Object.entries(items)) {
      const max = (def.items as Record<string, readonly [string, number]>)[item]?.[1];
      if (max === undefined) throw badRequest('ITEM_INVALID', `评查项目“${item}”不存在`, 'scores');
      if (score > max) throw badRequest('SCORE_TOO_HIGH', `“${def.items[item as never][0]}”最高${max}分`, 'scores');
      total += score;
    }
  }
  const saved = await repo.updateEvaluation(ctx.db, id, e.version, {
    scores: input.scores,
    total,
    defects: input.defects,
    corrections: input.corrections,
    state: 'scored',
    evaluatorUserId: actorOf(ctx).userId,
    evaluatedAt: ctx.now,
  });
  if (!saved) throw conflict();
  await recordAudit(ctx, {
    type: 'case_evaluation.scored',
    entity: 'case_evaluation',
    entityId: id,
    before: e,
    after: saved,
  });
  return saved;
}
