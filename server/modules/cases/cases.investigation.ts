import { today } from '../../platform/context.js';
import { badRequest, ruleViolation } from '../../platform/errors.js';
import { type ResolvedRules, citationOf } from '../rules/rules.service.js';
import { checkToleranceLists, rulesInForce } from './cases.citations.js';
import { type CaseHandler, type FiredEvent, investigatorsOf, need, subjectOf } from './cases.events.js';
import { readiness } from './cases.preconditions.js';
import * as repo from './cases.repository.js';
import { prereviewReasons } from './cases.review.js';
import { officersOf } from './cases.opening.js';

/** 调查: the four facts, the written statement shown to the subjects, their defences, the determination. */
export const investigationHandlers = {
  record_facts: ({ c, input }) => {
    const facts = input.facts ?? {};
    if (!Object.values(facts).some((v) => v?.trim())) throw badRequest('FACTS_REQUIRED', '请至少填写一项事实', 'facts');
    return {
      patch: { facts: { ...(c.facts as object), ...facts } },
      payload: { facts: Object.keys(facts) },
    };
  },

  // Facts complete and not shown before: blockerOf (cases.preconditions.ts).
  issue_statement: async ({ ctx, subjects }) => {
    for (const s of subjects) await repo.updateSubject(ctx.db, s.id, { statementShownAt: ctx.now });
    return { patch: { statementIssuedAt: ctx.now } };
  },

  record_defense: async ({ ctx, c, input, subjects }) => {
    const s = subjectOf(subjects, input.subjectId);
    if (!c.statementIssuedAt) throw ruleViolation('STATEMENT_NOT_ISSUED', '请先向问责对象出示书面事实材料');
    const defense = need(input.defense, '陈述和申辩意见', 'defense');
    await repo.updateSubject(ctx.db, s.id, { defense, signedAt: input.signed ? ctx.now : null });
    return {
      payload: { subjectId: s.id, signed: !!input.signed },
      comment: `${s.name}${input.signed ? '已签字确认' : '未签字'}`,
    };
  },

  /** 责任认定 for every subject; the case goes to review and the three offices' officers join it. */
  determine: async ({ ctx, c, input, rules, members, subjects }) => {
    const r = readiness(c, subjects);
    if (r.missing.length) throw ruleViolation('DEFENSE_MISSING', `尚不能认定责任：${r.missing.join('；')}`);
    const given = new Map((input.determinations ?? []).map((d) => [d.subjectId, d]));
    const lists = await rulesInForce(ctx.db, c.regionId, today(ctx));
    for (const s of subjects) {
      const d = given.get(s.id);
      if (!d) throw badRequest('DETERMINATION_MISSING', `请认定${s.name}的责任`, 'determinations');
      const positive = lists.get('tolerance_positive') as ResolvedRules;
      const negative = lists.get('tolerance_negative') as ResolvedRules;
      if (d.tolerance) checkToleranceLists(positive, negative, d.tolerance, s.name);
      await repo.updateSubject(ctx.db, s.id, {
        responsibility: d.responsibility,
        duty: d.duty,
        circumstances: d.circumstances,
        tolerance: d.tolerance
          ? { ...d.tolerance, lists: { positive: citationOf(positive), negative: citationOf(negative) } }
          : null,
        determinedAt: ctx.now,
      });
    }
    const reasons = prereviewReasons(c, rules);
    // 联审: the signers of the three offices may now see the case to sign it; investigators never review their own.
    const { signers } = await officersOf(ctx, c.regionId);
    const team = new Set(investigatorsOf(members).map((m) => m.userId));
    await repo.addMembers(
      ctx.db,
      c.id,
      [...signers.keys()].filter((u) => !team.has(u)),
      'reviewer',
    );
    return { patch: { prereviewRequired: reasons.length > 0 }, payload: { prereviewReasons: reasons } };
  },
} satisfies Partial<Record<FiredEvent, CaseHandler>>;
