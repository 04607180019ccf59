import type { RuleCitation, RuleSetKey } from '../../../common/rules.js';
import type { Executor } from '../../platform/db/client.js';
import { badRequest, ruleViolation } from '../../platform/errors.js';
import * as rules from '../rules/rules.service.js';

/** The rule sets a decision is made under and cites (SPEC 2b: decisions cite the version they were made under). */
export const DECISION_RULE_SETS: RuleSetKey[] = [
  'situations',
  'forms',
  'circumstances',
  'clocks',
  'tolerance_positive',
  'tolerance_negative',
];

/** The versions in force for the case's region on the decision date. */
export async function rulesInForce(db: Executor, regionId: string, on: string) {
  const entries = await Promise.all(
    DECISION_RULE_SETS.map(async (k) => [k, await rules.ruleInForce(db, k, regionId, on)] as const),
  );
  return new Map<RuleSetKey, rules.ResolvedRules>(entries);
}

/**
 * The versions a decided case cites, exactly as published. A case decided before rules were versioned
 * cites version 1 of the province (the rules then built into the code).
 */
export async function citedRules(db: Executor, cited: unknown) {
  const list = (cited as RuleCitation[] | null) ?? [];
  const entries = await Promise.all(
    DECISION_RULE_SETS.map(async (key) => {
      const c = list.find((x) => x.key === key) ?? { key, scope: rules.PROVINCE, version: 1 };
      return [key, await rules.citedVersion(db, c)] as const;
    }),
  );
  return new Map<RuleSetKey, rules.ResolvedRules>(entries);
}

/** A situation must be one of the version in force (第七条第一至十一项, 第二十一条). */
export async function checkSituation(db: Executor, regionId: string, on: string, situation: number) {
  const set = await rules.ruleInForce(db, 'situations', regionId, on);
  if (!rules.itemsOf(set).some((i) => i.key === String(situation))) {
    throw badRequest('SITUATION_INVALID', '问责情形应为第七条第（一）至（十一）项或第二十一条', 'situation');
  }
}

/** Forms must be listed in the forms version in force (第八条). */
export function checkFormsListed(set: rules.ResolvedRules, forms: readonly { form: string }[]) {
  const listed = new Set(rules.itemsOf(set).map((i) => i.key));
  const missing = forms.find((f) => !listed.has(f.form));
  if (missing) throw ruleViolation('FORM_NOT_IN_FORCE', `“${missing.form}”不在现行问责方式中`, 'decisions');
}

export const checkToleranceLists = rules.checkToleranceClaim;
