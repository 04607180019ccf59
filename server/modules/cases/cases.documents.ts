import {
  ARTICLE_7,
  CIRCUMSTANCES,
  type CircumstanceGroup,
  DUTIES,
  FACTS,
  FORMS_OF_FOUR,
  type FormKey,
  RESPONSIBILITIES,
  TOLERANCE_OUTCOMES,
} from '../../../common/cases.js';
import type { Ctx } from '../../platform/context.js';
import { chineseNumber, renderOfficialDocument } from '../../platform/documents/official-document.js';
import { ruleViolation } from '../../platform/errors.js';
import { getCase } from './cases.read.js';

type Form = { form: FormKey; mode: 'impose' | 'propose' };

/** 问责决定书 (.docx, GB/T 9704): facts, responsibility, circumstances and the articles applied. */
export async function decisionDocument(ctx: Ctx, id: string) {
  const c = await getCase(ctx, id);
  if (!c.decisionDate) throw ruleViolation('NOT_DECIDED', '案件尚未作出决定，不能生成问责决定书');
  const facts = c.facts as Record<string, string>;
  const body = [
    `经调查，${c.title}一案，事实如下：`,
    ...Object.entries(FACTS).map(([k, label]) => `${label}：${facts[k] ?? ''}`),
    { heading: '一、责任认定与处理' },
    ...c.subjects.flatMap((s, i) => {
      const forms = (s.forms as Form[]) ?? [];
      const circ = s.circumstances as Partial<Record<CircumstanceGroup, string[]>>;
      const circText = (Object.keys(CIRCUMSTANCES) as CircumstanceGroup[])
        .filter((g) => circ[g]?.length)
        .map(
          (g) =>
            `具有${CIRCUMSTANCES[g].label}规定的情形（${circ[g]?.map((k) => (CIRCUMSTANCES[g].items as Record<string, string>)[k]).join('；')}）`,
        );
      const tolerance = s.tolerance as { outcome?: keyof typeof TOLERANCE_OUTCOMES; reasons?: string } | null;
      const imposed = forms.filter((f) => f.mode === 'impose').map((f) => f.form);
      const proposed = forms.filter((f) => f.mode === 'propose').map((f) => f.form);
      const lines = [
        `（${chineseNumber(i + 1)}）${s.name}${s.post ? `（${s.post}）` : ''}，对上述问题负有${RESPONSIBILITIES[s.responsibility as keyof typeof RESPONSIBILITIES] ?? ''}（${DUTIES[s.duty as keyof typeof DUTIES] ?? ''}）。${s.defense ? `本人陈述申辩意见：${s.defense}。` : ''}`,
        ...circText,
        ...(tolerance?.outcome
          ? [`容错纠错认定：${TOLERANCE_OUTCOMES[tolerance.outcome]}。${tolerance.reasons ?? ''}`]
          : []),
        forms.length === 0
          ? '决定：不予问责（免予问责）。'
          : `依据《中国共产党问责条例》第八条${imposed.length ? `，决定给予${imposed.join('、')}` : ''}${proposed.length ? `；建议有关党组织给予${proposed.join('、')}` : ''}。${s.formOfFour ? `（${FORMS_OF_FOUR[s.formOfFour as 1 | 2 | 3 | 4]}）` : ''}`,
      ];
      return lines;
    }),
    { heading: '二、依据' },
    `《中国共产党问责条例》第七条第（${chineseNumber(c.situation)}）项：${ARTICLE_7[c.situation as keyof typeof ARTICLE_7]}。`,
    { heading: '三、权利告知' },
    c.kind === 'party'
      ? '问责对象对问责决定不服的，可以自收到本决定之日起一个月内，向作出问责决定的党组织提出书面申诉。申诉期间，不停止问责决定的执行。'
      : '被处分人对政务处分决定不服的，可以依法自收到本决定之日起一个月内申请复审；对复审决定仍不服的，可以自收到复审决定之日起一个月内申请复核。复审、复核期间，不停止原决定的执行。',
    `本决定应于${c.executionDeadline ?? ''}前执行到位。`,
  ];
  return {
    name: `问责决定书-${c.code}.docx`,
    body: await renderOfficialDocument({
      issuer: '中共示范县纪律检查委员会',
      docNumber: c.decisionNumber ?? undefined,
      title: `关于${c.title}问责的决定`,
      recipients: c.subjects.map((s) => s.name),
      body,
      signature: '中共示范县纪律检查委员会',
      date: new Date(`${c.decisionDate}T00:00:00+08:00`),
      copyTo: ['县委组织部'],
    }),
  };
}
