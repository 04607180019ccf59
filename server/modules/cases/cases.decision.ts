import { CASE_KINDS, FORMS, formOfFourOf, severityOf, situationArticle } from '../../../common/cases.js';
import { legalDeadline } from '../../platform/calendar/legal-clock.js';
import { type Ctx, today } from '../../platform/context.js';
import { badRequest, notFound, ruleViolation } from '../../platform/errors.js';
import { type ResolvedRules, citationOf } from '../rules/rules.service.js';
import { checkFormsListed, rulesInForce } from './cases.citations.js';
import { issueDecisionDocument } from './cases.documents.js';
import { checkDecisionDate } from './cases.clocks.js';
import { type CaseEvent, type CaseHandler, type FiredEvent, need } from './cases.events.js';
import { notifyOrgDepartment, periodsFor } from './cases.influence.js';
import { viewerOf } from './cases.policy.js';
import { loadCase } from './cases.read.js';
import * as repo from './cases.repository.js';
import { type CaseRules, readCaseRules } from './cases.rules.js';
import type { TForm } from '../../../common/cases.schema.js';
import type { influencePeriods } from './cases.tables.js';

/**
 * 作出决定: only after joint review by all three offices (and pre-review when required), with the
 * authority check of SPEC 2b and the consistency check against comparable cases.
 */
async function decide({ ctx, c, input, subjects }: CaseEvent) {
  // Procedural rights, the three signatures and pre-review are checked before: blockerOf (cases.preconditions.ts).
  const given = new Map((input.decisions ?? []).map((d) => [d.subjectId, d.forms as TForm[]]));
  const decisionDate = input.decisionDate ?? today(ctx);
  checkDecisionDate(ctx, decisionDate);
  // The rules in force for the case's region on the decision date: applied, and cited for good.
  const rules = await readCaseRules(ctx, c.regionId, decisionDate);
  const inForce = await rulesInForce(ctx.db, c.regionId, decisionDate);
  const rulesCited = [...inForce.values()].map(citationOf);
  const flags: { subject: string; message: string; comparable: number }[] = [];
  const periods: (typeof influencePeriods.$inferInsert)[] = [];
  for (const s of subjects) {
    const forms = given.get(s.id);
    if (!forms) throw badRequest('DECISION_MISSING', `请对${s.name}作出决定（不予问责时不选问责方式）`, 'decisions');
    checkForms(c.kind, s, forms);
    checkFormsListed(inForce.get('forms') as ResolvedRules, forms);
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
  const issued = await issueDecisionDocument(ctx, c, decisionDate);
  return {
    patch: {
      decidedAt: ctx.now,
      decisionDate,
      decisionNumber: issued.number,
      decisionBody: input.decisionBody?.trim() || null,
      rulesCited,
      consistency: flags,
      executionDeadline,
    },
    payload: { decisionDate, executionDeadline, flags, periods: periods.length, rulesCited },
  };
}

/** The decision and its execution. */
export const decisionHandlers = {
  decide,
  execute: ({ ctx, input }) => {
    const comment = need(input.comment, '执行情况');
    return { patch: { executedAt: ctx.now, execution: comment }, comment };
  },
} satisfies Partial<Record<FiredEvent, CaseHandler>>;

/** Forms must suit the case kind and subject, and the commission may only propose 组织调整/处理 and 改组. */
export function checkForms(kind: string, s: repo.SubjectRow, forms: TForm[]) {
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
async function consistencyFlags(ctx: Ctx, c: repo.CaseRow, s: repo.SubjectRow, forms: TForm[], rules: CaseRules) {
  const past = await repo.comparableDecisions(ctx.db, viewerOf(ctx), c.situation, c.kind, c.id);
  if (past.length < 2) return [];
  const ranks = past.map((p) => severityOf(p.forms as TForm[])).sort((a, b) => a - b);
  const median = ranks[Math.floor(ranks.length / 2)];
  const mine = severityOf(forms);
  if (Math.abs(mine - median) < rules.consistencyGap) return [];
  const direction = mine > median ? '明显偏重' : '明显偏轻';
  return [
    {
      subject: s.name,
      message: `${s.name}的处理${direction}：同类情形（${situationArticle(c.situation)}）${past.length}个先例的处理中位为“${nameOfRank(median)}”`,
      comparable: past.length,
    },
  ];
}

const nameOfRank = (rank: number) =>
  rank === 0 ? '不予问责' : (Object.entries(FORMS).find(([, d]) => d.rank === rank)?.[0] ?? String(rank));

/** The consistency check of a proposed decision, before it is taken. */
export async function consistencyPreview(ctx: Ctx, id: string, subjectId: string, forms: TForm[]) {
  const c = await loadCase(ctx, id);
  const s = (await repo.subjectsOf(ctx.db, id)).find((x) => x.id === subjectId);
  if (!s) throw notFound('问责对象不存在');
  const rules = await readCaseRules(ctx);
  const past = await repo.comparableDecisions(ctx.db, viewerOf(ctx), c.situation, c.kind, c.id);
  return {
    // Every precedent counts for the median; one the caller may not read is shown anonymised (decision 013).
    comparable: past
      .slice(0, 20)
      .map(({ readable, ...p }) => (readable ? p : { ...p, caseId: null, code: null, title: null, name: null })),
    flags: await consistencyFlags(ctx, c, s, forms, rules),
  };
}
