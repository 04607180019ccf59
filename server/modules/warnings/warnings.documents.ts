import { factSentences } from '../../../common/warning-facts.js';
import { situationArticle } from '../../../common/rules.js';
import { RESPONSIBLE_WHO, type ResponsibleWho } from '../../../common/warnings.js';
import type { Ctx } from '../../platform/context.js';
import { issuedCopy, registerDocument } from '../../platform/documents/document-copies.js';
import { chineseDay } from '../../platform/documents/document-registry.js';
import { renderOfficialDocument } from '../../platform/documents/official-document.js';
import { getUnit } from '../org/org.service.js';
import { REMINDER } from './warnings.numbering.js';
import { getWarning } from './warnings.service.js';

type Person = { name: string; post: string; who: ResponsibleWho; responsibility: string; duty: string };

/** 模拟问责提醒函 (.docx, GB/T 9704) for one warning: a 草稿 until the warning is issued. */
export async function reminderDocument(ctx: Ctx, id: string) {
  const w = await getWarning(ctx, id);
  return issuedCopy(ctx.db, REMINDER.kind, w.id, () => renderReminderDocument(ctx, w));
}
registerDocument(REMINDER.kind, reminderDocument);

async function renderReminderDocument(ctx: Ctx, w: Awaited<ReturnType<typeof getWarning>>) {
  const unit = await getUnit(ctx, w.unitId).catch(() => null);
  const people = (w.people as Person[]) ?? [];
  const { stamp } = await REMINDER.stamp(ctx, w.regionId, w.id);
  const facts = factSentences(w.facts as Record<string, unknown>);
  return {
    name: `模拟问责提醒函-${w.code}.docx`,
    body: await renderOfficialDocument({
      issuer: stamp.issuer,
      docNumber: stamp.docNumber,
      draft: stamp.draft,
      title: `模拟问责提醒函${stamp.titleMark}`,
      recipients: [unit?.name ?? '责任单位'],
      body: [
        `经模拟问责研判，你单位存在“${w.situationName}”的情形。如不及时整改，根据《中国共产党问责条例》${situationArticle(w.article ?? 0)}“${w.articleText}”的规定，可能对有关责任人员予以${w.forms.join('、')}等问责。现予提醒，请于${chineseDay(w.deadline)}前整改到位，并于收到本函之日起5个工作日内报送整改方案。`,
        { heading: '一、研判依据的事实' },
        ...(facts.length ? facts : ['详见模拟问责单。']),
        { heading: '二、可能承担责任的人员' },
        {
          table: {
            columns: ['姓名', '职务', '身份', '责任类型'],
            rows: people.map((p) => [
              p.name,
              p.post,
              RESPONSIBLE_WHO[p.who] ?? p.who,
              `${p.responsibility}（${p.duty}）`,
            ]),
          },
        },
        { heading: '三、整改要求' },
        '本提醒函不是问责决定，是对可能发生的问责情形的事前预警。请单位主要负责人亲自研究部署，明确整改措施、责任人和时限；整改情况将作为年度考核的参考。',
      ],
      signature: stamp.signature,
      date: stamp.date,
    }),
  };
}
