import {
  CIRCUMSTANCES,
  type CircumstanceGroup,
  DUTIES,
  FACTS,
  type FormKey,
  RESPONSIBILITIES,
  TOLERANCE_OUTCOMES,
} from '../../../common/cases.js';
import type { Ctx } from '../../platform/context.js';
import { issuedCopy, registerDocument } from '../../platform/documents/document-copies.js';
import { chineseDay } from '../../platform/documents/document-registry.js';
import { type DocBlock, chineseNumber, renderOfficialDocument } from '../../platform/documents/official-document.js';
import { ruleViolation } from '../../platform/errors.js';
import { documentKind } from '../org/org.directory.js';
import { type ResolvedRules, itemsOf, scopeName } from '../rules/rules.service.js';
import { citedRules } from './cases.citations.js';
import { getCase } from './cases.read.js';
import type { CaseRow } from './cases.repository.js';

type Form = { form: FormKey; mode: 'impose' | 'propose' };
type CaseView = Awaited<ReturnType<typeof getCase>>;
type Subject = CaseView['subjects'][number];

/** 党内问责 comes from the 纪委 under 问责条例; 监察问责/政务处分 from the 监委 under 监察法 and 政务处分法. */
const DECISIONS = {
  party: documentKind({ kind: 'case_decision', objectType: 'case', issuer: 'commission', suffix: '问决' }),
  supervision: documentKind({ kind: 'case_decision', objectType: 'case', issuer: 'supervision', suffix: '政决' }),
};
const decisionOf = (c: Pick<CaseRow, 'kind'>) => (c.kind === 'supervision' ? DECISIONS.supervision : DECISIONS.party);

/** Numbers the 决定书 when the decision is taken (the `decide` event's transaction), dated the decision day. */
export const issueDecisionDocument = (ctx: Ctx, c: CaseRow, decisionDate: string) =>
  decisionOf(c).issue(ctx, c, { issuedOn: decisionDate });

const isUnit = (s: Subject) => s.subjectType === 'unit';

/** What the subject answers for: a person's responsibility type, an organisation's duty only. */
function responsibilityLine(s: Subject, i: number) {
  const duty = DUTIES[s.duty as keyof typeof DUTIES] ?? '';
  const who = `（${chineseNumber(i + 1)}）${s.name}${s.post && !isUnit(s) ? `（${s.post}）` : ''}`;
  if (isUnit(s)) {
    return `${who}，作为责任组织，对上述问题负有${duty || '组织领导责任'}。${s.defense ? `该组织的申辩意见：${s.defense}。` : ''}`;
  }
  const resp = RESPONSIBILITIES[s.responsibility as keyof typeof RESPONSIBILITIES] ?? '';
  return `${who}，对上述问题负有${resp}${duty ? `（${duty}）` : ''}。${s.defense ? `本人陈述申辩意见：${s.defense}。` : ''}`;
}

type Cited = Map<string, ResolvedRules>;
/** An item of a cited version: its wording and source as published in that version. */
const itemOf = (cited: Cited, key: string, item: string) =>
  itemsOf(cited.get(key) as ResolvedRules).find((i) => i.key === item);

function circumstanceLines(s: Subject, cited: Cited) {
  const circ = s.circumstances as Partial<Record<CircumstanceGroup, string[]>>;
  return (Object.keys(CIRCUMSTANCES) as CircumstanceGroup[])
    .filter((g) => circ[g]?.length)
    .map(
      (g) =>
        `具有${CIRCUMSTANCES[g].label}规定的情形（${circ[g]?.map((k) => itemOf(cited, 'circumstances', `${g}.${k}`)?.text ?? k).join('；')}）。`,
    );
}

function decisionLine(s: Subject) {
  const forms = (s.forms as Form[]) ?? [];
  const tolerance = s.tolerance as { outcome?: keyof typeof TOLERANCE_OUTCOMES; reasons?: string } | null;
  if (forms.length === 0) {
    return tolerance?.outcome === 'exempt'
      ? `经容错纠错认定，决定对${s.name}免予问责。${tolerance.reasons ?? ''}`
      : `决定对${s.name}不予问责。`;
  }
  const imposed = forms.filter((f) => f.mode === 'impose').map((f) => formWording(f.form));
  const proposed = forms.filter((f) => f.mode === 'propose').map((f) => formWording(f.form));
  const toleranceNote =
    tolerance?.outcome === 'lighter' ? `经容错纠错认定，${TOLERANCE_OUTCOMES.lighter}。${tolerance.reasons ?? ''}` : '';
  return `${toleranceNote}${imposed.length ? `决定给予${s.name}${imposed.join('、')}` : `对${s.name}`}${proposed.length ? `${imposed.length ? '；' : ''}建议有关党组织、组织部门给予${proposed.join('、')}` : ''}。`;
}

/** The basis as the situations version the decision cites words it (source included): a later version changes nothing. */
function basisLines(c: CaseView, cited: Cited): string[] {
  const item = itemOf(cited, 'situations', String(c.situation));
  const situation = item?.text ?? '';
  return c.kind === 'supervision'
    ? [
        `上述行为属于公职人员不履行或者不正确履行职责（${situation}）的情形。依据《中华人民共和国监察法》《中华人民共和国公职人员政务处分法》的有关规定，作出本决定。`,
      ]
    : [`上述行为属于${item?.source ?? ''}“${situation}”所列情形。依据《中国共产党问责条例》第八条的规定，作出本决定。`];
}

/** 本决定适用的问责规则版本: the versions the decision was made under, by name, scope and effective date. */
async function versionLine(ctx: Ctx, cited: Cited) {
  const parts = await Promise.all(
    [...cited.values()].map(
      async (r) =>
        `${RULE_SET_SHORT[r.key]}${await scopeName(ctx.db, r.scope)}第${r.version}版（${chineseDay(r.effectiveFrom)}起施行）`,
    ),
  );
  return `本决定适用的问责规则版本：${parts.join('；')}。`;
}
const RULE_SET_SHORT: Record<string, string> = {
  situations: '问责情形',
  forms: '问责方式',
  circumstances: '从轻从重情形',
  clocks: '问责期限',
  tolerance_positive: '容错情形清单',
  tolerance_negative: '不予容错情形清单',
};

/** '党纪处分·警告' → '党内警告处分', '政务处分·记过' → '记过处分'; other forms as they are named. */
function formWording(form: FormKey): string {
  const [group, name] = form.split('·');
  if (!name) return form;
  if (group === '党纪处分') return name === '警告' || name === '严重警告' ? `党内${name}处分` : `${name}处分`;
  return `${name}处分`;
}

const APPEAL = {
  party:
    '问责对象对本决定不服的，可以自收到本决定书之日起一个月内，向作出问责决定的党组织提出书面申诉（《中国共产党问责条例》第二十条）。申诉期间，不停止本决定的执行。',
  supervision:
    '被处理人对本决定不服的，可以自收到本决定之日起一个月内，向作出决定的监察机关申请复审；对复审决定仍不服的，可以自收到复审决定之日起一个月内，向上一级监察机关申请复核（《中华人民共和国公职人员政务处分法》第五十五条）。复审、复核期间，不停止本决定的执行。',
} as const;

/** 问责决定书 / 政务处分决定 (.docx, GB/T 9704): facts, basis, decision per subject, appeal route. */
export async function decisionDocument(ctx: Ctx, id: string) {
  const c = await getCase(ctx, id);
  return issuedCopy(ctx.db, decisionOf(c).kind, c.id, () => renderDecisionDocument(ctx, c));
}
registerDocument(DECISIONS.party.kind, decisionDocument);

async function renderDecisionDocument(ctx: Ctx, c: CaseView) {
  if (!c.decisionDate) throw ruleViolation('NOT_DECIDED', '案件尚未作出决定，不能生成问责决定书');
  const facts = c.facts as Record<string, string>;
  const cited = await citedRules(ctx.db, c.rulesCited);
  const anyForm = c.subjects.some((s) => ((s.forms as Form[]) ?? []).length > 0);
  const anyPerson = c.subjects.some((s) => !isUnit(s));
  const body: DocBlock[] = [
    `经调查，${c.title}一案，事实如下：`,
    ...Object.entries(FACTS).map(([k, label]) => `${label}：${facts[k] ?? ''}`),
    { heading: '一、责任认定' },
    ...c.subjects.flatMap((s, i) => [responsibilityLine(s, i), ...circumstanceLines(s, cited)]),
    { heading: '二、处理依据' },
    ...basisLines(c, cited),
    await versionLine(ctx, cited),
    { heading: '三、处理决定' },
    ...(c.decisionBody ? [`经${c.decisionBody}集体研究，决定如下：`] : []),
    ...c.subjects.map(decisionLine),
    ...(anyForm && anyPerson ? [{ heading: '四、权利告知' } as DocBlock, APPEAL[c.kind as keyof typeof APPEAL]] : []),
    ...(anyForm && c.executionDeadline ? [`本决定应于${chineseDay(c.executionDeadline)}前执行到位。`] : []),
  ];
  const { stamp } = await decisionOf(c).stamp(ctx, c.regionId, c.id);
  const what = !anyForm ? '的处理决定' : c.kind === 'supervision' ? '的政务处分（问责）决定' : '问责的决定';
  return {
    name: `问责决定书-${c.code}.docx`,
    body: await renderOfficialDocument({
      issuer: stamp.issuer,
      docNumber: stamp.docNumber,
      draft: stamp.draft,
      sealed: true,
      title: `关于${c.title}${what}${stamp.titleMark}`,
      recipients: c.subjects.map((s) => s.name),
      body,
      signature: stamp.signature,
      date: stamp.docNumber ? stamp.date : new Date(`${c.decisionDate}T12:00:00+08:00`),
    }),
  };
}
