import crypto from 'node:crypto';
import dayjs from 'dayjs';
import { PROBLEM_SOURCES } from '../../common/problems.js';
import { isoDate } from '../platform/calendar/working-days.js';
import type { Ctx } from '../platform/context.js';
import * as orgRepo from '../modules/org/org.repository.js';
import { runEscalation } from '../modules/problems/problems.escalation.js';
import { problemEvents, problemMeasures, problems } from '../modules/problems/problems.tables.js';

/** Problem texts by category: [category, problem, measure]. */
const TEXTS: [string, string, string][] = [
  ['安全生产', '在建工地脚手架未按规定设置连墙件，存在坍塌隐患', '责令停工整改，逐项复查脚手架搭设'],
  ['安全生产', '危险化学品仓库消防通道被占用', '清理通道杂物，建立每日巡查台账'],
  ['安全生产', '自建房安全隐患排查整治进度滞后', '完成剩余房屋排查鉴定并分类处置'],
  ['营商环境', '企业开办“一窗通办”未落实，群众反映多头跑', '梳理办事流程，实行一窗受理、限时办结'],
  ['营商环境', '涉企行政检查频次过高、重复检查', '制定检查计划，推行“综合查一次”'],
  ['营商环境', '拖欠中小企业账款未按期清偿', '制定清偿计划，按季度报送清偿进度'],
  ['食品药品', '校园食堂食材进货查验记录不全', '完善进货查验制度，开展专项检查'],
  ['食品药品', '农贸市场快检室未正常运行', '配齐快检人员设备，每日公示检测结果'],
  ['生态环境', '河道两岸垃圾长期堆放未清理', '组织集中清理，落实河长巡河制度'],
  ['生态环境', '餐饮油烟扰民投诉整改不到位', '督促安装油烟净化设施并定期清洗'],
  ['教育', '义务教育阶段校外培训治理不彻底', '开展联合执法，建立长效监管机制'],
  ['民生', '农村饮水安全工程部分管网老化漏水', '更换老化管网，建立维护责任制'],
  ['民生', '低保动态管理不及时，存在“人情保”', '开展低保对象全面复核，清退不符合条件对象'],
  ['作风建设', '窗口单位工作人员上班时间脱岗', '建立考勤巡查制度，对相关人员批评教育'],
  ['作风建设', '文山会海问题反弹，基层报表负担重', '清理规范报表，合并同类会议'],
  ['廉政风险', '公务用车使用管理不规范，存在公车私用', '完善派车登记制度，安装定位系统'],
  ['廉政风险', '廉政风险防控点排查流于形式', '重新梳理岗位廉政风险点，制定防控措施'],
  ['廉政风险', '工程项目结算审核把关不严，廉政风险突出', '开展结算复审，建立廉政风险预警机制'],
  ['项目推进', '县重点项目征地拆迁进度滞后', '成立专班，倒排工期，每周调度'],
  ['项目推进', '职能交叉导致老旧小区改造项目推诿扯皮', '明确牵头单位和配合单位职责分工'],
];
const SOURCES = Object.keys(PROBLEM_SOURCES);

/**
 * 县交通运输局 is slow on purpose: a quarter of the dispatched problems go to it and wait weeks unsigned, while every
 * other unit signs within the 3-day limit — so 统计大屏's 梗阻点 view has a unit to point at (e2e/home.e2e.ts).
 */
export const SLOW_UNIT_CODE = 'JTJ';

/** ~300 demo problems in every state, source and colour, so the ledger is alive on first start. */
export async function seedDemoProblems(ctx: Ctx, regionId: string) {
  const all = await orgRepo.allUnitsOfRegion(ctx.db, regionId);
  const government = all.find((u) => u.code === 'ZF')?.id;
  // Government departments, townships and state-owned firms: the units problems are dispatched to.
  const units = all.filter((u) => u.type === 'township' || u.type === 'soe' || u.parentId === government);
  const today = dayjs(isoDate(ctx.now));
  const year = today.year();
  const rows: (typeof problems.$inferInsert)[] = [];
  const measures: (typeof problemMeasures.$inferInsert)[] = [];
  const events: (typeof problemEvents.$inferInsert)[] = [];
  const at = (d: dayjs.Dayjs) => d.hour(9).toDate();
  // State plan: 20 drafts, 40 dispatched, 150 rectifying, 30 close requested, 60 closed.
  const plan = [
    ...Array(20).fill('draft'),
    ...Array(40).fill('dispatched'),
    ...Array(150).fill('rectifying'),
    ...Array(30).fill('close_requested'),
    ...Array(60).fill('closed'),
  ] as string[];
  plan.forEach((state, i) => {
    const unit = units[(i * 7) % units.length];
    // Every unit of the 副县长's portfolio and 县住建局 get a good share.
    const slow = state === 'dispatched' && i % 4 === 1 ? units.find((x) => x.code === SLOW_UNIT_CODE) : undefined;
    const u = slow ?? (i % 5 === 0 ? (units.find((x) => x.code === 'ZJJ') ?? unit) : unit);
    const [category, text, measure] = TEXTS[i % TEXTS.length];
    const id = crypto.randomUUID();
    // Waiting to be signed: within the limit (0–2 days), except at the slow unit.
    const dispatched =
      state === 'dispatched' && !slow ? today.subtract(i % 3, 'day') : today.subtract(10 + (i % 60), 'day');
    // Deadlines spread from 40 days ago to 60 days ahead: red, yellow, blue and quiet items.
    const deadline = today.add(((i * 13) % 100) - 40, 'day');
    const open = state !== 'draft' && state !== 'closed';
    rows.push({
      id,
      regionId,
      code: `WT${year}-${String(90000 + i).padStart(5, '0')}`,
      title: `${u.shortName || u.name}${text}`,
      description: `${SOURCES[i % SOURCES.length] === 'complaint' ? '群众来信反映，' : ''}经核查，${u.name}${text}，需限期整改。`,
      source: SOURCES[i % SOURCES.length],
      category,
      severity: i % 11 === 0 ? 'critical' : i % 4 === 0 ? 'serious' : 'general',
      unitId: u.id,
      // 职能交叉: the cross-functional items have a second unit and no agreed lead (for the joint meeting).
      coUnitIds: i % TEXTS.length === 19 ? [units[(i * 7 + 3) % units.length].id] : [],
      leadUnitConfirmed: i % TEXTS.length !== 19 || state === 'closed',
      responsiblePersonId: u.principalPersonId,
      leaderPersonId: u.leaderInChargePersonId,
      state,
      closeStage: state === 'close_requested' ? (i % 2 ? 'office' : 'unit_head') : null,
      deadline: deadline.format('YYYY-MM-DD'),
      urgent: i % 23 === 0,
      reopenCount: state === 'rectifying' && i % 17 === 0 ? 1 : 0,
      dispatchedAt: state === 'draft' ? null : at(dispatched),
      receivedAt:
        open && state !== 'dispatched'
          ? at(dispatched.add(1, 'day'))
          : state === 'closed'
            ? at(dispatched.add(1, 'day'))
            : null,
      lastProgressAt: state === 'rectifying' && i % 3 ? at(today.subtract(i % 25, 'day')) : null,
      closedAt: state === 'closed' ? at(today.subtract(i % 9, 'day')) : null,
    });
    measures.push({
      problemId: id,
      seq: 1,
      content: measure,
      ownerPersonId: u.liaisonPersonId,
      deadlineType: 'date',
      deadline: deadline.format('YYYY-MM-DD'),
      done: state === 'closed' || state === 'close_requested',
      progress: state === 'rectifying' && i % 3 ? '已制定整改方案，正在推进' : state === 'closed' ? '已整改到位' : '',
    });
    const ev = (type: string, from: string | null, to: string, when: dayjs.Dayjs, comment = '') =>
      events.push({ problemId: id, type, fromState: from, toState: to, actorName: '演示数据', at: at(when), comment });
    if (state !== 'draft') ev('dispatch', 'draft', 'dispatched', dispatched);
    if (state !== 'draft' && state !== 'dispatched')
      ev('receive', 'dispatched', 'rectifying', dispatched.add(1, 'day'));
    if (state === 'rectifying' && i % 29 === 0) {
      // 形式主义: the same report twice.
      for (const d of [12, 5]) {
        events.push({
          problemId: id,
          type: 'report_progress',
          fromState: 'rectifying',
          toState: 'rectifying',
          actorName: '演示数据',
          at: at(today.subtract(d, 'day')),
          payload: { progress: '按照整改方案稳步推进，已完成阶段性任务' },
        });
      }
    }
    if (state === 'close_requested' || state === 'closed')
      ev('request_close', 'rectifying', 'close_requested', today.subtract(10, 'day'));
    if (state === 'closed')
      ev('close', 'close_requested', 'closed', today.subtract(i % 9, 'day'), '经复查整改到位，准予销号');
  });
  await ctx.db.insert(problems).values(rows);
  await ctx.db.insert(problemMeasures).values(measures);
  await ctx.db.insert(problemEvents).values(events);
  // Colours and escalation proposals come from the same scan the scheduled job runs.
  await runEscalation(ctx);
}
