/**
 * Demo 定期抽查制: one concluded spot check of the first quarter's reports, driven through the real service as the
 * office — drawn with a fixed seed, every item judged (one 不到位, left for the user to turn into a problem).
 */
import type { Ctx } from '../platform/context.js';
import {
  createSpotCheck,
  fireSpotCheckEvent,
  getSpotCheck,
  recordVerdict,
} from '../modules/responsibility/responsibility.spot-checks.js';
import { asDemoUser } from './demo-cases.js';

export async function seedDemoSpotCheck(ctx: Ctx, year: number) {
  const office = await asDemoUser(ctx, 'office');
  const created = await createSpotCheck(office, {
    year,
    quarter: 1,
    sampleSize: null,
    samplePercent: 100,
    seed: `demo${year}q1`,
    title: '',
    note: '按照定期抽查制，对第1季度已报送的主体责任落实情况报告逐项核查履责纪实和佐证材料。',
  });
  const drawn = await fireSpotCheckEvent(office, created.id, {
    type: 'draw',
    version: created.version,
    comment: '',
  });
  const verdicts = drawn.sample.flatMap((s) => s.verdicts);
  for (const [i, v] of verdicts.entries()) {
    const short = i === 1 || (verdicts.length === 1 && i === 0);
    await recordVerdict(
      office,
      created.id,
      v.id,
      short
        ? {
            verdict: 'inadequate',
            comment: '专题研究会议记录未体现研究结论和具体措施，量化指标未完全达到。',
            evidenceRef: '现场核查记录第1号',
          }
        : { verdict: 'accurate', comment: '', evidenceRef: '' },
    );
  }
  const before = await getSpotCheck(office, created.id);
  await fireSpotCheckEvent(office, created.id, {
    type: 'conclude',
    version: before.version,
    comment: '抽查报告履责纪实总体属实，1项落实不到位，责成限期整改。',
  });
}
