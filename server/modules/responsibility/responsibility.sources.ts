/**
 * Sources of a 增派单 (问题、督导巡查发现、预警、案件), read through each module's service in the caller's scope:
 * an unreadable or missing source answers the same 422 (issue #21), and what it names pre-fills the list.
 */
import type { TSourceSummary } from '../../../common/responsibility.schema.js';
import { SOURCE_TYPES, type SourceType } from '../../../common/responsibility.js';
import type { Ctx } from '../../platform/context.js';
import { ruleViolation } from '../../platform/errors.js';
import { getCase } from '../cases/cases.service.js';
import { findingForLink } from '../patrol/patrol.service.js';
import { loadProblem } from '../problems/problems.service.js';
import { getWarning } from '../warnings/warnings.service.js';

export type SourceSummary = TSourceSummary;

async function read(ctx: Ctx, type: SourceType, id: string): Promise<SourceSummary> {
  switch (type) {
    case 'problem': {
      const { problem: p } = await loadProblem(ctx, id);
      return {
        sourceType: type,
        sourceId: id,
        code: p.code,
        title: p.title,
        unitId: p.unitId,
        leaderPersonId: p.leaderPersonId,
        content: p.description || p.title,
      };
    }
    case 'finding': {
      const f = await findingForLink(ctx, id);
      return {
        sourceType: type,
        sourceId: id,
        code: f.code,
        title: f.title,
        unitId: f.unitId,
        leaderPersonId: null,
        content: [f.description || f.title, f.suggestion].filter(Boolean).join('。'),
      };
    }
    case 'warning': {
      const w = await getWarning(ctx, id);
      return {
        sourceType: type,
        sourceId: id,
        code: w.code,
        title: `${w.code}预警`,
        unitId: w.unitId,
        leaderPersonId: w.leaderPersonId,
        content: `针对模拟问责预警${w.code}反映的问题，落实主体责任、堵塞管理漏洞。`,
      };
    }
    case 'case': {
      const c = await getCase(ctx, id);
      return {
        sourceType: type,
        sourceId: id,
        code: c.code,
        title: c.title,
        unitId: null,
        leaderPersonId: null,
        content: `针对${c.title}暴露的管理缺失、制度缺位问题，开展以案促改。`,
      };
    }
  }
}

export async function readSource(ctx: Ctx, type: SourceType, id: string): Promise<SourceSummary> {
  try {
    return await read(ctx, type, id);
  } catch {
    throw ruleViolation('SOURCE_NOT_FOUND', `${SOURCE_TYPES[type]}不存在或无权查看`, 'sourceId');
  }
}
