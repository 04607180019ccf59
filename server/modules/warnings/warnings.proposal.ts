import { factSentences } from '../../../common/warning-facts.js';
import type { ProposalEvidence, ProposalSubject } from '../../../common/proposals.js';
import type { Ctx } from '../../platform/context.js';
import { findIssued } from '../../platform/documents/document-registry.js';
import { submitAccountabilityProposal } from '../cases/cases.proposals.service.js';
import { unitNames } from '../org/org.service.js';
import { REMINDER } from './warnings.numbering.js';
import * as repo from './warnings.repository.js';

type Person = { personId?: string; name?: string; post?: string; who?: string };

/**
 * "升级为问责建议": the warning goes to the case office's queue with its facts (the rule's, as of the
 * reminder letter), the people who answer for it, the 提醒函 and the problem it watched.
 */
export async function proposeAccountabilityForWarning(
  ctx: Ctx,
  w: repo.WarningRow,
  situationName: string,
  reason: string,
) {
  const situation = await repo.getSituation(ctx.db, w.regionId, w.situationId);
  const unit = (await unitNames(ctx.db, [w.unitId])).get(w.unitId) ?? '';
  const people = (Array.isArray(w.people) ? w.people : []) as Person[];
  const subjects: ProposalSubject[] = [
    { subjectType: 'unit', unitId: w.unitId, name: unit },
    ...people
      .filter((p) => p.personId)
      .map((p) => ({ subjectType: 'person' as const, personId: p.personId, name: p.name ?? '', post: p.post ?? '' })),
  ];
  const link = `/warnings/${w.id}`;
  const evidence: ProposalEvidence[] = [
    { kind: 'warning', id: w.id, label: `模拟问责单 ${w.code}：${situationName}`, link },
    ...factSentences((w.facts ?? {}) as Record<string, unknown>).map((f) => ({ kind: 'facts', label: f, link })),
    { kind: 'problem', id: w.problemId, label: '所涉问题', link: `/problems/${w.problemId}` },
  ];
  if (w.answer) evidence.push({ kind: 'answer', label: '单位整改方案', detail: w.answer.slice(0, 500), link });
  const letter = await findIssued(ctx.db, REMINDER.kind, w.id);
  if (letter) {
    evidence.push({
      kind: 'document',
      id: letter.id,
      label: `提醒函 ${letter.number}`,
      link: `/api/warnings/${w.id}/documents/reminder.docx`,
    });
  }
  return submitAccountabilityProposal(ctx, {
    sourceType: 'warning',
    sourceId: w.id,
    sourceCode: w.code,
    sourceTitle: `${unit}：${situationName}`,
    regionId: w.regionId,
    unitId: w.unitId,
    subjects,
    situation: situation?.article ?? null,
    reason,
    evidence,
    sourcePermission: 'warnings:manage',
  });
}
