/**
 * Demo 签字承诺 (seed 002's 主体责任签字承诺制度), through the real service functions as the demo users: this year's
 * texts for 单位主要负责人 and 班子成员, signatures by some, a revised members' text that some signed before (需重签),
 * and others not signed at all — zhujian.head and fuxianzhang among them, so their accounts have one to sign.
 */
import type { Ctx } from '../platform/context.js';
import { publishCommitment, signCommitment } from '../modules/responsibility/responsibility.commitments.js';
import { asDemoUser } from './demo-cases.js';

const PRINCIPAL = `为切实履行党风廉政建设第一责任人职责，本人郑重承诺：
一、坚决贯彻落实党中央和上级党委关于全面从严治党的决策部署，对本单位党风廉政建设负总责，重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要案件亲自督办。
二、每季度至少专题研究一次党风廉政建设工作，按期完成主体责任清单事项并如实记录履责纪实。
三、严格执行民主集中制和“三重一大”集体决策制度，带头遵守中央八项规定及其实施细则精神。
四、管好班子、带好队伍，对班子成员和下属干部的苗头性、倾向性问题及时提醒谈话。
五、自觉接受监督，对承诺事项落实不力、弄虚作假的，愿意接受组织处理。`;

const MEMBER = `为切实履行“一岗双责”，本人郑重承诺：
一、对分管领域的党风廉政建设负直接领导责任，把党风廉政建设与业务工作同部署、同落实、同检查、同考核。
二、每半年至少听取一次分管部门（科室）党风廉政建设情况汇报，按期完成主体责任清单事项。
三、严守政治纪律和政治规矩，带头遵守中央八项规定及其实施细则精神，不插手干预工程项目、人事安排等事项。
四、对分管领域发现的问题及时督促整改，发现违纪违法线索及时报告。
五、对承诺事项落实不力的，愿意接受组织处理。`;

const MEMBER_REVISED = `${MEMBER}
六、每季度与分管部门（科室）负责人开展一次廉政谈话，谈话情况纳入履责纪实。`;

export async function seedDemoCommitments(ctx: Ctx) {
  const year = ctx.now.getFullYear();
  const on = (c: Ctx, month: number, day: number) => {
    const at = new Date(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00+08:00`);
    return { ...c, now: at < ctx.now ? at : ctx.now };
  };
  const office = await asDemoUser(ctx, 'office');
  const principal = await publishCommitment(on(office, 1, 6), {
    year,
    signerKind: 'principal',
    title: `${year}年度党风廉政建设主体责任承诺书`,
    body: PRINCIPAL,
    baseRevision: null,
  });
  const member = await publishCommitment(on(office, 1, 6), {
    year,
    signerKind: 'member',
    title: `${year}年度党风廉政建设“一岗双责”承诺书`,
    body: MEMBER,
    baseRevision: null,
  });
  // One after another: the seed runs in one transaction, on one connection.
  let day = 8;
  for (const username of ['office', 'caseoffice', 'anguan', 'paizhu1', 'bianban']) {
    await signCommitment(on(await asDemoUser(ctx, username), 1, day++), principal.id);
  }
  for (const username of ['wenze1', 'wenze2', 'zuzhibu', 'group2']) {
    await signCommitment(on(await asDemoUser(ctx, username), 1, day++), member.id);
  }
  // The members' text revised after they signed: they must sign again; one has already.
  const revised = await publishCommitment(on(office, 3, 2), {
    year,
    signerKind: 'member',
    title: member.title,
    body: MEMBER_REVISED,
    baseRevision: member.revision,
  });
  await signCommitment(on(await asDemoUser(ctx, 'wenze1'), 3, 5), revised.id);
}
