import {
  ESCALATION_LEVELS,
  type EscalationLevel,
  PROBLEM_EVENTS,
  type ProblemEvent,
} from '../../../common/problems.js';
import type { ProposalEvidence, ProposalSubject } from '../../../common/proposals.js';
import type { Ctx } from '../../platform/context.js';
import { findIssued } from '../../platform/documents/document-registry.js';
import { submitAccountabilityProposal } from '../cases/cases.proposals.service.js';
import { personNames, unitNames } from '../org/org.service.js';
import { PROBLEM_DOCUMENTS } from './problems.numbering.js';
import * as repo from './problems.repository.js';

type Escalated = Pick<
  repo.ProblemRow,
  | 'id'
  | 'code'
  | 'title'
  | 'description'
  | 'regionId'
  | 'unitId'
  | 'responsiblePersonId'
  | 'leaderPersonId'
  | 'deadline'
>;

/**
 * The ladder's last rung (问责建议): the problem goes to the case office's queue with its evidence — the
 * problem, its timeline and files, and the documents issued about it. Idempotent (one open proposal per
 * problem), so the manual confirmation and the automatic scan never propose twice.
 */
export async function proposeAccountabilityForProblem(ctx: Ctx, p: Escalated, reason: string) {
  const units = await unitNames(ctx.db, [p.unitId]);
  const people = await personNames(ctx.db, p.responsiblePersonId ? [p.responsiblePersonId] : []);
  const subjects: ProposalSubject[] = [{ subjectType: 'unit', unitId: p.unitId, name: units.get(p.unitId) ?? '' }];
  if (p.responsiblePersonId) {
    subjects.push({
      subjectType: 'person',
      personId: p.responsiblePersonId,
      name: people.get(p.responsiblePersonId) ?? '',
    });
  }
  const link = `/problems/${p.id}`;
  const evidence: ProposalEvidence[] = [
    { kind: 'problem', id: p.id, label: `问题 ${p.code}「${p.title}」`, detail: p.description.slice(0, 500), link },
  ];
  for (const e of await repo.eventsOf(ctx.db, p.id)) {
    if (e.type === 'color_changed' && !e.comment.includes('红')) continue;
    const level = (e.payload as { level?: number } | null)?.level;
    evidence.push({
      kind: 'problem_event',
      id: e.id,
      label: `${e.actorName}：${PROBLEM_EVENTS[e.type as ProblemEvent] ?? e.type}${level ? `（${ESCALATION_LEVELS[level as EscalationLevel]}）` : ''}`,
      detail: e.comment,
      at: e.at.toISOString(),
      link,
    });
  }
  for (const [kind, doc] of Object.entries(PROBLEM_DOCUMENTS)) {
    const issued = await findIssued(ctx.db, doc.kind, p.id);
    if (issued) {
      evidence.push({
        kind: 'document',
        id: issued.id,
        label: `文书 ${issued.number}`,
        link: `/api/problems/${p.id}/documents/${kind}.docx`,
      });
    }
  }
  for (const f of await repo.filesOf(ctx.db, p.id)) {
    evidence.push({ kind: 'file', id: f.id, label: `佐证材料 ${f.name}`, link: `/api/problems/${p.id}/files/${f.id}` });
  }
  return submitAccountabilityProposal(ctx, {
    sourceType: 'problem',
    sourceId: p.id,
    sourceCode: p.code,
    sourceTitle: p.title,
    regionId: p.regionId,
    unitId: p.unitId,
    subjects,
    situation: 8,
    reason:
      reason ||
      `问题整改逾期${p.deadline ? `（整改时限 ${p.deadline}）` : ''}，经通报、约谈、挂牌督办仍未整改到位，建议启动问责。`,
    evidence,
    sourcePermission: 'problems:manage',
  });
}
