import { CIRCULAR_KINDS, type CircularKind } from '../../../common/patrol.js';
import type { ProposalEvidence, ProposalSubject } from '../../../common/proposals.js';
import type { Ctx } from '../../platform/context.js';
import { badRequest } from '../../platform/errors.js';
import { submitAccountabilityProposal } from '../cases/cases.proposals.service.js';
import { personNames, unitNames } from '../org/org.service.js';
import type * as repo from './patrol.repository.js';

const problemLinks = (ids: string[]): ProposalEvidence[] =>
  ids.map((id, i) => ({ kind: 'problem', id, label: `交办问题 ${i + 1}`, link: `/problems/${id}` }));

/** 督+问 of a finding: the finding, the problems it was dispatched as, the unit and the people named. */
export async function proposeAccountabilityForFinding(
  ctx: Ctx,
  f: repo.FindingRow,
  reason: string,
  personIds: string[],
) {
  const unit = (await unitNames(ctx.db, [f.unitId])).get(f.unitId) ?? '';
  const names = await personNames(ctx.db, personIds);
  const unknown = personIds.find((id) => !names.has(id));
  if (unknown) throw badRequest('PERSON_NOT_FOUND', '建议问责人员不存在', 'accountablePersonIds');
  const subjects: ProposalSubject[] = [
    { subjectType: 'unit', unitId: f.unitId, name: unit },
    ...personIds.map((personId) => ({ subjectType: 'person' as const, personId, name: names.get(personId) ?? '' })),
  ];
  const link = `/supervision/findings/${f.id}`;
  return submitAccountabilityProposal(ctx, {
    sourceType: 'finding',
    sourceId: f.id,
    sourceCode: f.code,
    sourceTitle: f.title,
    regionId: f.regionId,
    unitId: f.unitId,
    subjects,
    situation: null,
    reason,
    evidence: [
      {
        kind: 'finding',
        id: f.id,
        label: `督导发现 ${f.code}「${f.title}」`,
        detail: f.description.slice(0, 500),
        link,
      },
      ...(f.instruction
        ? [{ kind: 'instruction', label: `${f.instructedBy ?? ''}批示`, detail: f.instruction, link }]
        : []),
      ...problemLinks(f.problemIds),
    ],
    sourcePermission: 'patrol:manage',
  });
}

/** 督+问 of a published circular (通报 / 约谈建议书): the units it names, with the people it names in words. */
export async function proposeAccountabilityForCircular(ctx: Ctx, c: repo.CircularRow, reason: string) {
  if (c.unitIds.length === 0) throw badRequest('UNITS_REQUIRED', '通报未点名单位，不能提出问责建议', 'accountability');
  const units = await unitNames(ctx.db, c.unitIds);
  const kind = CIRCULAR_KINDS[c.kind as CircularKind];
  return submitAccountabilityProposal(ctx, {
    sourceType: 'circular',
    sourceId: c.id,
    sourceCode: c.code,
    sourceTitle: c.title,
    regionId: c.regionId,
    unitId: c.unitIds.length === 1 ? c.unitIds[0] : null,
    subjects: c.unitIds.map((unitId) => ({ subjectType: 'unit' as const, unitId, name: units.get(unitId) ?? '' })),
    situation: null,
    reason: c.people.length ? `${reason}（点名人员：${c.people.join('、')}）` : reason,
    evidence: [
      {
        kind: 'circular',
        id: c.id,
        label: `${kind} ${c.code}「${c.title}」`,
        detail: c.body.slice(0, 500),
        link: `/api/circulars/${c.id}/documents/circular.docx`,
      },
      ...c.findingIds.map((id) => ({
        kind: 'finding',
        id,
        label: '所涉督导发现',
        link: `/supervision/findings/${id}`,
      })),
      ...problemLinks(c.problemIds),
    ],
    sourcePermission: 'patrol:manage',
  });
}
