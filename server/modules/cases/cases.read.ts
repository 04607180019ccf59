import {
  APPEAL_KINDS,
  type AppealKind,
  ARTICLE_7,
  CASE_EVENTS,
  CASE_KINDS,
  CASE_SOURCES,
  CASE_STATES,
  type CaseEventType,
  type CaseState,
} from '../../../common/cases.js';
import { proposalOfCase } from './cases.proposals.service.js';
import { addMonths } from '../../platform/calendar/legal-clock.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import { type Ctx, actorOf, regionOf, today } from '../../platform/context.js';
import { readTogether } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { actionsOf } from '../../platform/workflow/machine.js';
import { listTalks } from '../talks/talks.service.js';
import { matchingFilings } from '../tolerance/tolerance.service.js';
import { clockNoteOf } from './cases.clocks.js';
import { capacitiesOf, viewerOf } from './cases.policy.js';
import { blockerOf, teamStanding, readiness } from './cases.preconditions.js';
import * as repo from './cases.repository.js';
import { type CaseRules, readCaseRules } from './cases.rules.js';
import type { TListCases } from '../../../common/cases.schema.js';
import { caseMachine } from './cases.states.js';

const NOT_FOUND = '案件不存在或无权查看';

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

/** The case if the caller may see it (404 otherwise: a case file is confidential). */
export async function loadCase(ctx: Ctx, id: string) {
  const c = await repo.get(ctx.db, viewerOf(ctx), id);
  if (!c) throw notFound(NOT_FOUND);
  return c;
}

/** The case's members and the caller's capacities among them. */
export async function standingOn(ctx: Ctx, c: repo.CaseRow, rules: CaseRules) {
  const members = await repo.membersOf(ctx.db, c.id);
  return { members, ...capacitiesOf(actorOf(ctx), members, rules) };
}

export async function getCase(ctx: Ctx, id: string) {
  const c = await loadCase(ctx, id);
  const rules = await readCaseRules(ctx);
  const { members, capacities, reviewerOffice } = await standingOn(ctx, c, rules);
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
    members,
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
    myOffice: reviewerOffice,
    proposal: await proposalOfCase(ctx, c.regionId, id),
    clockNote: await clockNoteOf(ctx.db, c, appeals),
    actions: actionsOf(caseMachine, capacities, c, (a) =>
      blockerOf(a, { c, subjects, appeals, reviewerOffice, ...teamStanding(members, capacities) }),
    ),
  };
}

export const caseFigures = (ctx: Ctx) => repo.figures(ctx.db, regionOf(ctx));
