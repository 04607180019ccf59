import {
  PROPOSAL_EVENTS,
  PROPOSAL_SOURCE_PERMISSIONS,
  PROPOSAL_SOURCES,
  PROPOSAL_STATES,
  type ProposalEvent,
  type ProposalSource,
  type ProposalState,
  proposalSourceLink,
} from '../../../common/proposals.js';
import type { ProposalCapacity } from '../../../common/proposals.states.js';
import { type TListProposals, type TProposalEvent, situationText } from '../../../common/proposals.schema.js';
import type { TCreateCase } from '../../../common/cases.schema.js';
import type { CaseSource } from '../../../common/cases.js';
import { userIdsWithRoles } from '../../platform/auth/auth.service.js';
import { type Actor, type Ctx, actorOf } from '../../platform/context.js';
import { badRequest, forbidden, notFound } from '../../platform/errors.js';
import { type Step, actionsOf, fireTransition, requireComment } from '../../platform/workflow/machine.js';
import { notify } from '../notifications/notifications.service.js';
import * as org from '../org/org.service.js';
import { createCase } from './cases.opening.js';
import * as repo from './cases.proposals.repository.js';
import { sourceOfficeRoles } from './cases.proposals.service.js';
import { proposalMachine } from './cases.proposals.states.js';

const NOWHERE = '00000000-0000-0000-0000-000000000000';

/** The intake (cases:manage: the case office and the commission leaders) and the sources' offices. */
export function proposalViewerOf(a: Actor): repo.ProposalViewer {
  return {
    regionId: a.scope.regionId ?? NOWHERE,
    intake: a.permissions.has('cases:manage'),
    sourcePermissions: PROPOSAL_SOURCE_PERMISSIONS.filter((p) => a.permissions.has(p)),
  };
}

const capacitiesOf = (a: Actor) => new Set<ProposalCapacity>(a.permissions.has('cases:manage') ? ['intake'] : []);

function viewer(ctx: Ctx) {
  const v = proposalViewerOf(actorOf(ctx));
  // Nobody else has anything to read here: the route is refused rather than answered empty.
  if (!v.intake && v.sourcePermissions.length === 0) throw forbidden();
  return v;
}

async function present(ctx: Ctx, rows: repo.ProposalRow[]) {
  const caps = capacitiesOf(actorOf(ctx));
  const units = await org.unitNames(ctx.db, [...new Set(rows.flatMap((r) => (r.unitId ? [r.unitId] : [])))]);
  return rows.map(({ evidence: _e, sourcePermission: _s, proposedByUserId: _u, ...r }) => ({
    ...r,
    sourceLabel: PROPOSAL_SOURCES[r.sourceType as ProposalSource],
    sourceLink: proposalSourceLink(r.sourceType as ProposalSource, r.sourceId),
    unitName: r.unitId ? (units.get(r.unitId) ?? null) : null,
    situationText: situationText(r.situation),
    stateLabel: PROPOSAL_STATES[r.state as ProposalState],
    actions: actionsOf(proposalMachine, caps, r),
  }));
}

export async function listProposals(ctx: Ctx, f: TListProposals) {
  const { items, total } = await repo.list(ctx.db, viewer(ctx), f);
  return { items: await present(ctx, items), total };
}

async function loadProposal(ctx: Ctx, id: string) {
  const row = await repo.get(ctx.db, viewer(ctx), id);
  if (!row) throw notFound('问责建议不存在或无权查看');
  return row;
}

export async function getProposal(ctx: Ctx, id: string) {
  const row = await loadProposal(ctx, id);
  const [p] = await present(ctx, [row]);
  const events = (await repo.eventsOf(ctx.db, id)).map((e) => ({
    ...e,
    label: PROPOSAL_EVENTS[e.type as ProposalEvent] ?? '提出问责建议',
  }));
  return { ...p, evidence: row.evidence, events };
}

/** accept (opens a case through the case-opening path) or decline (the reason goes back to the source). */
export async function fireProposalEvent(ctx: Ctx, id: string, input: TProposalEvent) {
  const row = await loadProposal(ctx, id);
  await fireTransition(ctx, {
    machine: proposalMachine,
    row,
    capacities: capacitiesOf(actorOf(ctx)),
    event: input.type,
    version: input.version,
    comment: input.comment,
    apply: () => (input.type === 'accept' ? accept(ctx, row, input) : decline(ctx, row, input)),
    update: (patch, version) => repo.update(ctx.db, id, version, patch),
    record: (e) => repo.insertEvent(ctx.db, { proposalId: id, ...e }),
    audit: { type: 'proposal.event', entity: 'accountability_proposal', entityId: id },
  });
  return getProposal(ctx, id);
}

/** The case's source: a problem's 问责建议 and a warning keep their object; the others name the queue. */
function caseSourceOf(p: repo.ProposalRow): { sourceType: CaseSource; sourceId?: string } {
  if (p.sourceType === 'problem') return { sourceType: 'escalation', sourceId: p.sourceId };
  if (p.sourceType === 'warning') return { sourceType: 'warning', sourceId: p.sourceId };
  // The case office may not read complaints: the case names the kind, the proposal keeps the complaint.
  if (p.sourceType === 'complaint') return { sourceType: 'complaint' };
  return { sourceType: 'escalation' };
}

async function accept(
  ctx: Ctx,
  p: repo.ProposalRow,
  input: TProposalEvent,
): Promise<Step<repo.ProposalRow, ProposalState>> {
  const situation = input.situation ?? p.situation;
  if (!situation) throw badRequest('SITUATION_REQUIRED', '请选择问责情形（第七条）', 'situation');
  const subjects = p.subjects.map((s) =>
    s.subjectType === 'person'
      ? { subjectType: 'person' as const, personId: s.personId ?? undefined }
      : { subjectType: 'unit' as const, unitId: s.unitId ?? undefined },
  );
  const evidence = p.evidence.map((e) => `- ${e.label}${e.detail ? `：${e.detail}` : ''}`).join('\n');
  const input2: TCreateCase = {
    kind: input.kind ?? 'party',
    title: input.title ?? `【问责建议】${p.sourceTitle}`.slice(0, 100),
    summary: [
      `由问责建议 ${p.code} 受理立案（${PROPOSAL_SOURCES[p.sourceType as ProposalSource]} ${p.sourceCode}）。`,
      `建议理由：${p.reason}`,
      evidence ? `证据链：\n${evidence}` : '',
    ]
      .filter(Boolean)
      .join('\n')
      .slice(0, 5000),
    situation,
    ...caseSourceOf(p),
    subjects,
    teamUserIds: input.teamUserIds,
    highAttention: false,
    importantPost: false,
    field: '',
  };
  const c = await createCase(ctx, input2);
  return {
    patch: { caseId: c.id, caseCode: c.code, decidedAt: ctx.now, decidedByName: actorOf(ctx).displayName },
    payload: { caseId: c.id, caseCode: c.code },
    comment: input.comment || `已立案 ${c.code}`,
    after: (updated) => tellSource(ctx, updated, `已受理并立案（${c.code}）`),
  };
}

function decline(ctx: Ctx, _p: repo.ProposalRow, input: TProposalEvent): Step<repo.ProposalRow, ProposalState> {
  requireComment(input.comment, '不予立案的理由');
  return {
    patch: { declineReason: input.comment, decidedAt: ctx.now, decidedByName: actorOf(ctx).displayName },
    after: (updated) => tellSource(ctx, updated, `不予立案。理由：${input.comment}`),
  };
}

/** The outcome flows back: the source's office and the proposer hear it, with a link to the source. */
async function tellSource(ctx: Ctx, p: repo.ProposalRow, outcome: string) {
  const office = await userIdsWithRoles(ctx.db, sourceOfficeRoles(p.sourcePermission), p.regionId);
  await notify(ctx, {
    userIds: [...office, ...(p.proposedByUserId ? [p.proposedByUserId] : [])],
    kind: 'proposal.outcome',
    title: `【问责建议${p.state === 'accepted' ? '已立案' : '不予立案'}】${p.sourceTitle}`.slice(0, 200),
    body: `${p.code}（${PROPOSAL_SOURCES[p.sourceType as ProposalSource]} ${p.sourceCode}）：${outcome}`,
    link: proposalSourceLink(p.sourceType as ProposalSource, p.sourceId),
    entity: { type: 'accountability_proposal', id: p.id },
  });
}
