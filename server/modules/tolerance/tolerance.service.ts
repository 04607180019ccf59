import {
  TOLERANCE_EVENTS,
  TOLERANCE_STATES,
  type ToleranceEvent,
  type ToleranceState,
} from '../../../common/tolerance.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf, regionOf, today } from '../../platform/context.js';
import { badRequest, conflict, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import {
  type Step,
  actionsOf,
  findTransition,
  fireTransition,
  requireComment,
} from '../../platform/workflow/machine.js';
import * as org from '../org/org.service.js';
import * as rules from '../rules/rules.service.js';
import { notifyFilingEvent } from './tolerance.notify.js';
import { capacitiesOf, filesTolerance } from './tolerance.policy.js';
import * as repo from './tolerance.repository.js';
import type { TCreateFiling, TFilingEvent, TListFilings, TUpdateFiling } from '../../../common/tolerance.schema.js';
import { filingMachine } from './tolerance.states.js';

async function present(ctx: Ctx, rows: repo.FilingWithNames[]) {
  const a = actorOf(ctx);
  const names = await repo.peopleNames(ctx.db, [...new Set(rows.flatMap((r) => r.personIds))]);
  return rows.map((r) => ({
    ...r,
    stateLabel: TOLERANCE_STATES[r.state as ToleranceState],
    people: r.personIds.map((id) => ({ id, name: names.get(id)?.name ?? '', post: names.get(id)?.post ?? '' })),
    actions: actionsOf(filingMachine, capacitiesOf(a, r), r),
  }));
}

export async function listFilings(ctx: Ctx, f: TListFilings) {
  const a = actorOf(ctx);
  const { items, total } = await repo.list(ctx.db, a.scope, filesTolerance(a), f);
  return { items: await present(ctx, items), total };
}

async function loadFiling(ctx: Ctx, id: string) {
  const a = actorOf(ctx);
  const row = await repo.get(ctx.db, a.scope, filesTolerance(a), id);
  if (!row) throw notFound('备案不存在或无权查看');
  return row;
}

export async function getFiling(ctx: Ctx, id: string) {
  const [f] = await present(ctx, [await loadFiling(ctx, id)]);
  const events = (await repo.eventsOf(ctx.db, id)).map((e) => ({
    ...e,
    label: TOLERANCE_EVENTS[e.type as ToleranceEvent] ?? (e.type === 'created' ? '创建备案' : '修改备案'),
  }));
  return { ...f, events };
}

function checkDates(decidedOn?: string, reviewOn?: string) {
  if (decidedOn && reviewOn && reviewOn < decidedOn) {
    throw badRequest('TOLERANCE_REVIEW_BEFORE_DECISION', '复核日期不能早于决策日期', 'reviewOn');
  }
}

/** Responsible persons must be cadres of the region (a unit may name its county leader in charge). */
async function checkPeople(ctx: Ctx, ids: string[]) {
  const regionId = regionOf(ctx);
  const found = await repo.regionsOfPeople(ctx.db, ids);
  const ok = new Set(found.filter((p) => p.regionId === regionId).map((p) => p.id));
  if (ids.some((id) => !ok.has(id))) throw badRequest('PERSON_NOT_FOUND', '责任人不存在', 'personIds');
}

/**
 * The matter checked against the region's 容错 lists in force (SPEC 2b): an item of the negative list (不予容错情形)
 * refuses the filing; at least one item of the positive list (容错情形) is named. Answers the versions checked.
 */
async function checkLists(ctx: Ctx, f: { toleranceItems: string[]; exclusionItems: string[] }) {
  const { positive, negative } = await rules.toleranceLists(ctx.db, regionOf(ctx), today(ctx));
  const claim = { positiveItems: f.toleranceItems, negativeItems: f.exclusionItems };
  rules.checkToleranceClaim(positive, negative, claim, '该备案事项', 'toleranceItems');
  return { positive: rules.citationOf(positive), negative: rules.citationOf(negative) };
}

/** GET /api/tolerance-filings/lists: both lists in force for the caller's region, with their versions. */
export async function toleranceListsOf(ctx: Ctx) {
  const { positive, negative } = await rules.toleranceLists(ctx.db, regionOf(ctx), today(ctx));
  const view = (r: rules.ResolvedRules) => ({
    version: r.version,
    scope: r.scope,
    effectiveFrom: r.effectiveFrom,
    items: rules.itemsOf(r),
  });
  return { positive: view(positive), negative: view(negative) };
}

/** A unit files a pre-registration (draft, or submitted at once). */
export async function createFiling(ctx: Ctx, input: TCreateFiling) {
  const a = actorOf(ctx);
  await org.getUnit(ctx, input.unitId).catch(() => {
    throw badRequest('UNIT_NOT_FOUND', '备案单位不存在', 'unitId');
  });
  checkDates(input.decidedOn, input.reviewOn);
  const personIds = [...new Set(input.personIds)];
  await checkPeople(ctx, personIds);
  const { submit, ...fields } = input;
  const listsCited = submit ? await checkLists(ctx, input) : null;
  const code = await repo.nextCode(ctx.db, Number(input.decidedOn.slice(0, 4)));
  const { id } = await repo.insert(ctx.db, {
    ...fields,
    personIds,
    code,
    regionId: regionOf(ctx),
    listsCited,
    state: submit ? 'submitted' : 'draft',
    submittedAt: submit ? ctx.now : null,
    createdByUserId: a.userId,
  });
  await repo.insertEvent(ctx.db, {
    filingId: id,
    type: submit ? 'submit' : 'created',
    toState: submit ? 'submitted' : 'draft',
    actorUserId: a.userId,
    actorName: a.displayName,
    at: ctx.now,
  });
  const row = await getFiling(ctx, id);
  await recordAudit(ctx, { type: 'tolerance.created', entity: 'tolerance_filing', entityId: id, after: row });
  if (submit) await notifyFilingEvent(ctx, { ...row, regionId: regionOf(ctx) }, 'submit', '');
  return row;
}

export async function updateFiling(ctx: Ctx, id: string, input: TUpdateFiling) {
  const before = await getFiling(ctx, id);
  requireEditable(ctx, before);
  const { version, ...patch } = input;
  checkDates(patch.decidedOn ?? before.decidedOn, patch.reviewOn ?? before.reviewOn);
  if (patch.personIds) {
    patch.personIds = [...new Set(patch.personIds)];
    await checkPeople(ctx, patch.personIds);
  }
  const row = await repo.update(ctx.db, id, version, patch);
  if (!row) throw conflict();
  const after = await getFiling(ctx, id);
  await recordAudit(ctx, { type: 'tolerance.updated', entity: 'tolerance_filing', entityId: id, before, after });
  return after;
}

/** Only the filing unit edits a filing, and only while it is a draft or returned. */
function requireEditable(ctx: Ctx, f: repo.FilingWithNames) {
  const found = findTransition(filingMachine, 'update', capacitiesOf(actorOf(ctx), f), f);
  if (!('error' in found)) return;
  if (found.error === 'actor') throw forbidden();
  throw ruleViolation(
    'TOLERANCE_NOT_EDITABLE',
    `备案当前状态为“${TOLERANCE_STATES[f.state as ToleranceState]}”，不能修改`,
  );
}

/** submit (unit), approve / return (commission leader; a return needs its reason). */
export async function fireFilingEvent(ctx: Ctx, id: string, input: TFilingEvent) {
  const a = actorOf(ctx);
  const f = await loadFiling(ctx, id);
  await fireTransition(ctx, {
    machine: filingMachine,
    row: f,
    capacities: capacitiesOf(a, f),
    event: input.type,
    version: input.version,
    apply: () => applyEvent(ctx, f, input),
    comment: input.comment,
    update: (patch, version) => repo.update(ctx.db, id, version, patch),
    record: (e) => repo.insertEvent(ctx.db, { filingId: id, ...e }),
    audit: { type: 'tolerance.event', entity: 'tolerance_filing', entityId: id },
  });
  return getFiling(ctx, id);
}

/** The checks and writes of each filing event; the engine has already checked capacity, state and version. */
async function applyEvent(
  ctx: Ctx,
  f: repo.FilingWithNames,
  input: TFilingEvent,
): Promise<Step<repo.FilingRow, ToleranceState>> {
  const { userId } = actorOf(ctx);
  const payload = { comment: input.comment };
  const after = () => notifyFilingEvent(ctx, { ...f, regionId: regionOf(ctx) }, input.type, input.comment);
  switch (input.type) {
    case 'submit':
      return {
        patch: { submittedAt: ctx.now, returnReason: null, listsCited: await checkLists(ctx, f) },
        payload,
        after,
      };
    case 'approve':
      return {
        patch: {
          approvedAt: ctx.now,
          approvedByUserId: userId,
          approvalComment: input.comment || null,
          listsCited: await checkLists(ctx, f),
        },
        payload,
        after,
      };
    case 'return':
      requireComment(input.comment, '退回理由');
      return { patch: { returnReason: input.comment }, payload, after };
  }
}

/** Attaches the signed collective-decision minutes (replaces a previous file) while the filing is editable. */
export async function uploadMinutesFile(ctx: Ctx, id: string, file: { name: string; mime: string; content: Buffer }) {
  const f = await getFiling(ctx, id);
  requireEditable(ctx, f);
  if (file.content.length === 0) throw badRequest('FILE_EMPTY', '上传的文件为空', 'file');
  const row = await repo.update(ctx.db, id, f.version, {
    minutesFileName: file.name,
    minutesFileMime: file.mime,
    minutesFile: file.content,
  });
  if (!row) throw conflict();
  await recordAudit(ctx, {
    type: 'tolerance.file_uploaded',
    entity: 'tolerance_filing',
    entityId: id,
    after: { name: file.name, size: file.content.length },
  });
  return getFiling(ctx, id);
}

export async function minutesFile(ctx: Ctx, id: string) {
  await loadFiling(ctx, id);
  const file = await repo.minutesFileOf(ctx.db, id);
  if (!file) throw notFound('未上传会议纪要文件');
  return file;
}

const WEIGHT = { person: 60, unit: 30, text: 25 } as const;
const SIMILAR = 0.3;

/**
 * Approved pre-registrations that may exempt or lighten a case (问责条例 第十七条): filings of the
 * same unit or naming the same person, decided within [from, to], ranked by score — same person
 * weighs more than same unit, and the share of `text`'s character bigrams found in the filing's
 * matter and decision adds up to 25 points ("事项相近" from 30%). Used by the accountability case screen: it ignores the caller's unit scope (case
 * officers see every unit's filings) but never leaves the caller's region.
 */
export async function matchingFilings(
  ctx: Ctx,
  q: { unitIds: string[]; personIds: string[]; from: string; to: string; text?: string },
): Promise<
  Array<{
    id: string;
    code: string;
    unitId: string;
    unitName: string;
    matter: string;
    decision: string;
    basis: string;
    exploratory: boolean;
    dissent: string;
    decidedOn: string;
    state: string;
    score: number;
    reasons: string[];
  }>
> {
  if (q.unitIds.length === 0 && q.personIds.length === 0) return [];
  const rows = await repo.matching(ctx.db, regionOf(ctx), q);
  return rows
    .map((r) => {
      const reasons: string[] = [];
      let score = 0;
      if (r.same_person) {
        reasons.push('同一责任人');
        score += WEIGHT.person;
      }
      if (r.same_unit) {
        reasons.push('同一单位');
        score += WEIGHT.unit;
      }
      if (r.similarity >= SIMILAR) reasons.push('事项相近');
      score += Math.round(r.similarity * WEIGHT.text * 100) / 100;
      return {
        id: r.id,
        code: r.code,
        unitId: r.unit_id,
        unitName: r.unit_name,
        matter: r.matter,
        decision: r.decision,
        basis: r.basis,
        exploratory: r.exploratory,
        dissent: r.dissent,
        decidedOn: r.decided_on,
        state: r.state,
        score,
        reasons,
      };
    })
    .sort((x, y) => y.score - x.score || y.decidedOn.localeCompare(x.decidedOn) || x.code.localeCompare(y.code));
}
