import { CIRCUMSTANCES, type CircumstanceGroup, FORMS, type FormKey } from '../../../common/cases.js';
import {
  ACCOUNTABILITY_RULES_2019,
  ACCOUNTABILITY_RULES_2019_FROM,
  type RuleSetKey,
  SITUATIONS,
  TOLERANCE_NEGATIVE_V1,
  TOLERANCE_POSITIVE_V1,
  formatArticle,
  situationSource,
} from '../../../common/rules.js';
import type { ClockRules } from '../../../common/rules.schema.js';

const A = ACCOUNTABILITY_RULES_2019;
const SANCTIONS_LAW = '《中华人民共和国公职人员政务处分法》（2020年）';
const PARTY_DISCIPLINE = '《中国共产党纪律处分条例》（2023年修订）';

/** 第八条: 第一款 forms for organisations, 第二款 for leading cadres; sanctions under their own laws. */
function formSource(form: FormKey): string {
  if (form.startsWith('政务处分')) return `${SANCTIONS_LAW}${formatArticle({ article: 7 })}`;
  if (form.startsWith('党纪处分')) {
    return `${A}${formatArticle({ article: 8, clause: 2, item: 4 })}；${PARTY_DISCIPLINE}${formatArticle({ article: 8 })}`;
  }
  const organisation = ['检查', '通报', '改组'] as const;
  const cadre = { 通报: 1, 口头诫勉: 2, 书面诫勉: 2 } as Record<string, number>;
  if (cadre[form]) {
    const manner = form === '口头诫勉' ? '（以谈话方式进行）' : form === '书面诫勉' ? '（以书面方式进行）' : '';
    const org = form === '通报' ? `${formatArticle({ article: 8, clause: 1, item: 2 })}、` : '';
    return `${A}${org}${formatArticle({ article: 8, clause: 2, item: cadre[form] })}${manner}`;
  }
  const i = organisation.indexOf(form as (typeof organisation)[number]);
  if (i >= 0) return `${A}${formatArticle({ article: 8, clause: 1, item: i + 1 })}`;
  return `${A}${formatArticle({ article: 8, clause: 2, item: 3 })}（组织调整或者组织处理）`;
}

const CIRCUMSTANCE_ARTICLES: Record<CircumstanceGroup, number> = { exemption: 17, mitigating: 18, aggravating: 19 };

const month = (amount: number) => ({ amount, unit: 'months' as const });
const sanction = (months: number) => ({
  months,
  kind: 'sanction' as const,
  source: `${SANCTIONS_LAW}${formatArticle({ article: 8 })}`,
});
const noPromotion = (months: number, source: string) => ({ months, kind: 'no_promotion' as const, source });
const ADMONITION = '《关于对党员领导干部进行诫勉的规定》（以本地规定为准）';

export const CLOCKS_V1: ClockRules = {
  clocks: {
    appealFile: month(1),
    appealDecide: month(1),
    reexaminationFile: month(1),
    reexaminationDecide: month(1),
    recheckFile: month(1),
    recheckDecide: month(2),
    execution: month(1),
  },
  influence: {
    政务处分·警告: sanction(6),
    政务处分·记过: sanction(12),
    政务处分·记大过: sanction(18),
    政务处分·降级: sanction(24),
    政务处分·撤职: sanction(24),
    党纪处分·警告: noPromotion(12, PARTY_DISCIPLINE),
    党纪处分·严重警告: noPromotion(18, PARTY_DISCIPLINE),
    口头诫勉: noPromotion(6, ADMONITION),
    书面诫勉: noPromotion(6, ADMONITION),
  },
  sources: {
    appealFile: `${A}第二十条（以本地规定为准；2009年规定为15日）`,
    appealDecide: `${A}第二十条（以本地规定为准；2009年规定为30日）`,
    reexaminationFile: '《中华人民共和国监察法》（2018年）第四十九条',
    reexaminationDecide: '《中华人民共和国监察法》（2018年）第四十九条',
    recheckFile: '《中华人民共和国监察法》（2018年）第四十九条',
    recheckDecide: '《中华人民共和国监察法》（2018年）第四十九条',
    execution: A,
  },
};

/** Version 1 of every set: the law as it stood when the product was built (what the demo seeds as rows). */
export const RULES_V1: Record<RuleSetKey, { effectiveFrom: string; source: string; content: object }> = {
  situations: {
    effectiveFrom: ACCOUNTABILITY_RULES_2019_FROM,
    source: A,
    content: {
      items: Object.entries(SITUATIONS).map(([n, text]) => ({ key: n, text, source: situationSource(Number(n)) })),
    },
  },
  forms: {
    effectiveFrom: ACCOUNTABILITY_RULES_2019_FROM,
    source: `${A}；${SANCTIONS_LAW}；${PARTY_DISCIPLINE}`,
    content: {
      items: (Object.keys(FORMS) as FormKey[]).map((form) => ({ key: form, text: form, source: formSource(form) })),
    },
  },
  circumstances: {
    effectiveFrom: ACCOUNTABILITY_RULES_2019_FROM,
    source: A,
    content: {
      items: (Object.keys(CIRCUMSTANCES) as CircumstanceGroup[]).flatMap((g) =>
        Object.entries(CIRCUMSTANCES[g].items).map(([key, text], i) => ({
          key: `${g}.${key}`,
          text,
          source: `${A}${formatArticle({ article: CIRCUMSTANCE_ARTICLES[g], item: g === 'exemption' ? i + 1 : null })}`,
        })),
      ),
    },
  },
  clocks: {
    effectiveFrom: ACCOUNTABILITY_RULES_2019_FROM,
    source: `${A}；《中华人民共和国监察法》（2018年）`,
    content: CLOCKS_V1,
  },
  tolerance_positive: {
    effectiveFrom: '2018-05-20',
    source: '《关于进一步激励广大干部新时代新担当新作为的意见》（2018年）',
    content: { items: TOLERANCE_POSITIVE_V1 },
  },
  tolerance_negative: {
    effectiveFrom: '2018-05-20',
    source: '《关于进一步激励广大干部新时代新担当新作为的意见》（2018年）',
    content: { items: TOLERANCE_NEGATIVE_V1 },
  },
};
