/**
 * Rules as data (SPEC 2b): the rule sets, which of them a region may vary, and the law text of version 1.
 * The law text lives here once; the server stores each published version as an immutable row
 * (server/modules/rules), and decisions cite the version they were made under.
 */

/** 《中国共产党问责条例》 as revised in 2019 (在施行版本), the source every article below cites. */
export const ACCOUNTABILITY_RULES_2019 = '《中国共产党问责条例》（2019年修订）';
export const ACCOUNTABILITY_RULES_2019_FROM = '2019-09-01';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五, 110 → 一百一十 (1–999), as the regulations number. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail =
    rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

/**
 * The one way an article of a regulation is cited (issue #20): 第十一条, 第十一条第二款, 第十一条第二款第（十一）项 —
 * 条, 款 and 项 in Chinese numerals, the 项 in full-width brackets, as the legal texts print them. Any part may be
 * left out (`{ item: 9 }` → 第（九）项).
 */
export function formatArticle(at: { article?: number | null; clause?: number | null; item?: number | null }): string {
  return [
    at.article ? `第${chineseNumber(at.article)}条` : '',
    at.clause ? `第${chineseNumber(at.clause)}款` : '',
    at.item ? `第（${chineseNumber(at.item)}）项` : '',
  ].join('');
}

/** 第（九）项 */
export const itemNumeral = (n: number) => formatArticle({ item: n });

/** A situation's article: 第七条第（n）项, or 第二十一条 for abuse of accountability (number 21). */
export const ABUSE_SITUATION = 21;
export const situationArticle = (n: number) =>
  n === ABUSE_SITUATION ? formatArticle({ article: 21 }) : formatArticle({ article: 7, item: n });

/**
 * 问责情形: the eleven of 第七条, and 第二十一条 (滥用问责、问责工作严重不负责任) as a situation of its own —
 * abuse of accountability is itself held to account.
 */
export const SITUATIONS = {
  1: '党的领导弱化，“两个维护”不到位',
  2: '党的政治建设抓得不实',
  3: '党的思想建设缺失',
  4: '党的组织建设薄弱',
  5: '党的作风建设松懈，落实中央八项规定精神不力',
  6: '党的纪律建设抓得不严',
  7: '推进党风廉政建设和反腐败斗争不坚决、不扎实',
  8: '全面从严治党主体责任、监督责任落实不到位',
  9: '履行管理、监督职责不力，职责范围内发生重特大事故、事件、案件',
  10: '在教育医疗、生态环境、食品药品安全、社会保障等民生问题上不作为、乱作为、慢作为、假作为',
  11: '其他应当问责的失职失责情形',
  21: '滥用问责，或者在问责工作中严重不负责任，造成不良影响',
} as const;
export type SituationNo = keyof typeof SITUATIONS;
export const SITUATION_NUMBERS = Object.keys(SITUATIONS).map(Number) as SituationNo[];

/** 第七条第（n）项 / 第二十一条 with the edition of the regulation. */
export const situationSource = (n: number) => `${ACCOUNTABILITY_RULES_2019}${situationArticle(n)}`;

/** The rule sets; `local`: the law leaves room for a region to set its own (province default otherwise). */
export const RULE_SETS = {
  situations: { label: '问责情形（第七条、第二十一条）', local: false },
  forms: { label: '问责方式（第八条）', local: false },
  circumstances: { label: '不予、从轻、从重问责情形（第十七至十九条）', local: false },
  clocks: { label: '问责期限与影响期', local: true },
  tolerance_positive: { label: '容错情形清单（正面清单）', local: true },
  tolerance_negative: { label: '不予容错情形清单（负面清单）', local: true },
} as const;
export type RuleSetKey = keyof typeof RULE_SETS;
export const RULE_SET_KEYS = Object.keys(RULE_SETS) as [RuleSetKey, ...RuleSetKey[]];

/** 容错情形 (正面清单), version 1: 三个区分开来 and 问责条例 第十七条, as the province default. */
export const TOLERANCE_POSITIVE_V1 = [
  {
    key: 'reform_pilot',
    text: '在推进改革中因缺乏经验、先行先试出现失误，而非明知故犯的',
    source: `《关于进一步激励广大干部新时代新担当新作为的意见》（2018年）“三个区分开来”；${ACCOUNTABILITY_RULES_2019}第十七条第（一）项`,
  },
  {
    key: 'exploration',
    text: '在上级尚无明确限制的探索性试验中出现失误，而非上级明令禁止后依然我行我素的',
    source: `《关于进一步激励广大干部新时代新担当新作为的意见》（2018年）“三个区分开来”；${ACCOUNTABILITY_RULES_2019}第十七条第（一）项`,
  },
  {
    key: 'development',
    text: '为推动发展出现无意过失，而非为谋取私利违纪违法的',
    source: '《关于进一步激励广大干部新时代新担当新作为的意见》（2018年）“三个区分开来”',
  },
  {
    key: 'dissent',
    text: '在集体决策中对错误决策提出明确反对意见或者保留意见的',
    source: `${ACCOUNTABILITY_RULES_2019}第十七条第（二）项`,
  },
  {
    key: 'force_majeure',
    text: '在决策实施中已经履职尽责，但因不可抗力、难以预见等因素造成损失的',
    source: `${ACCOUNTABILITY_RULES_2019}第十七条第（三）项`,
  },
] as const;

/** 不予容错情形 (负面清单), version 1: the counterparts of 三个区分开来 and 第十九条. */
export const TOLERANCE_NEGATIVE_V1 = [
  {
    key: 'knowing_violation',
    text: '明知故犯、违反法律法规和党纪规定的',
    source: '《关于进一步激励广大干部新时代新担当新作为的意见》（2018年）“三个区分开来”',
  },
  {
    key: 'defied_ban',
    text: '上级明令禁止后依然我行我素的',
    source: '《关于进一步激励广大干部新时代新担当新作为的意见》（2018年）“三个区分开来”',
  },
  {
    key: 'private_gain',
    text: '为谋取私利或者为他人谋取不正当利益的',
    source: '《关于进一步激励广大干部新时代新担当新作为的意见》（2018年）“三个区分开来”',
  },
  {
    key: 'no_collective_decision',
    text: '重大事项未经集体决策、个人独断专行的',
    source: '《中国共产党重大事项请示报告条例》（2019年）；本地容错纠错实施办法',
  },
  {
    key: 'repeat_obstruction',
    text: '屡禁不止、屡问屡犯，或者干扰、阻碍调查、弄虚作假的',
    source: `${ACCOUNTABILITY_RULES_2019}第十九条`,
  },
] as const;

export type RuleItem = { key: string; text: string; source: string };

/** How a rule version is cited: 问责情形 省级第1版（2019年9月1日起施行）. */
export interface RuleCitation {
  key: RuleSetKey;
  scope: string;
  version: number;
  effectiveFrom: string;
}
export const citationLabel = (c: RuleCitation, scopeName: string) =>
  `${RULE_SETS[c.key].label}${scopeName}第${c.version}版`;
