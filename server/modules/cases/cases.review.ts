import { JOINT_REVIEW_OFFICES } from '../../../common/cases.js';
import { forbidden, ruleViolation } from '../../platform/errors.js';
import { type CaseHandler, type FiredEvent, need } from './cases.events.js';
import type * as repo from './cases.repository.js';
import type { CaseOfficeRules } from './cases.rules.js';

/** 提级预审 criteria met by the case (settings `cases.rules.prereview`). */
export function prereviewReasons(c: repo.CaseRow, rules: CaseOfficeRules) {
  const reasons: string[] = [];
  if (rules.prereview.highAttention && c.highAttention) reasons.push('社会关注度高');
  if (rules.prereview.importantPost && c.importantPost) reasons.push('涉及重要岗位人员');
  if (c.field && rules.prereview.sensitiveFields.includes(c.field)) reasons.push(`敏感领域（${c.field}）`);
  return reasons;
}

/** 审理: pre-review by the commission above when required or asked for, and 联审 by the three offices. */
export const reviewHandlers = {
  request_prereview: ({ ctx, input }) => {
    const comment = need(input.comment, '提请提级预审的理由');
    return { patch: { prereviewRequired: true, prereview: { requestedAt: ctx.now, reasons: comment } }, comment };
  },

  record_prereview: ({ ctx, actor, c, input }) => {
    const pre = c.prereview as { requestedAt?: string } | null;
    if (!pre?.requestedAt) throw ruleViolation('PREREVIEW_NOT_REQUESTED', '尚未提请上级纪委监委提级预审');
    const comment = need(input.comment, '上级纪委监委的预审意见');
    return { patch: { prereview: { ...pre, opinion: comment, by: actor.displayName, at: ctx.now } }, comment };
  },

  /** A reviewer signs for their own office only, once. */
  sign_joint_review: ({ ctx, actor, c, input, reviewerOffice }) => {
    const office = input.office ?? reviewerOffice;
    if (!office || office !== reviewerOffice) {
      throw forbidden(`只能以本部门（${reviewerOffice ? JOINT_REVIEW_OFFICES[reviewerOffice] : '—'}）名义签署联审意见`);
    }
    // Not signed yet by this office: blockerOf (cases.preconditions.ts).
    const signed = c.jointReview as Record<string, unknown>;
    const comment = need(input.comment, '联审意见');
    return {
      patch: {
        jointReview: {
          ...signed,
          [office]: { userId: actor.userId, name: actor.displayName, opinion: comment, at: ctx.now },
        },
      },
      payload: { office },
      comment,
    };
  },
} satisfies Partial<Record<FiredEvent, CaseHandler>>;
