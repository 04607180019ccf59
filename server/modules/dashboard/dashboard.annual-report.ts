import crypto from 'node:crypto';
import { FORMS_OF_FOUR } from '../../../common/cases.js';
import { type Ctx, actorOf, regionOf, today } from '../../platform/context.js';
import { forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import { issuedCopy, registerDocument } from '../../platform/documents/document-copies.js';
import { findIssued } from '../../platform/documents/document-registry.js';
import { type DocBlock, renderOfficialDocument } from '../../platform/documents/official-document.js';
import { listedByChannel } from '../complaints/complaints.figures.js';
import { documentStamp, issueAs } from '../org/org.directory.js';
import { patrolFigures } from '../patrol/patrol.performance.js';
import { responsibilityFigures } from '../responsibility/responsibility.figures.js';
import { burdenRows, overreachRows } from './dashboard.repository.js';
import { CATCH_ALL_SITUATION } from '../../../common/dashboard.js';

/** The registry's kind of the year's report; its object is `annualReportObjectId(region, year)`. */
export const ANNUAL_REPORT_KIND = 'report.annual';

/** What the report says, frozen into the registry when it is issued so that later downloads print the same. */
export interface AnnualFigures {
  year: number;
  from: string;
  to: string;
  warnings: { issued: number; catchAll: number };
  problems: { dispatched: number; progressReports: number };
  patrol: {
    inspections: number;
    unitsInspected: number;
    findings: number;
    problems: number;
    problemsClosed: number;
    circulars: number;
    positiveCases: number;
    negativeCases: number;
  };
  responsibility: {
    lists: number;
    items: number;
    extraLists: number;
    extraItems: number;
    fulfilmentRate: number | null;
    onTimeRate: number | null;
    /** 定期抽查: concluded checks, items checked, items found 不实 or 不到位, those turned into problems. */
    spotChecks: { checks: number; items: number; negative: number; problems: number };
  };
  complaints: { total: number; byChannel: { label: string; n: number }[] };
  accountability: { subjects: number; catchAll: number; talks: number; forms: number[] };
}

const pct = (r: number | null) => (r === null ? '—' : `${r}%`);

/** The year's figures over the caller's region, each from its owning module's service or read model. */
async function figuresOf(ctx: Ctx, year: number): Promise<AnnualFigures> {
  const regionId = regionOf(ctx);
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  const to = end < today(ctx) ? end : today(ctx);
  const acts = await overreachRows(ctx.db, regionId, from, to, CATCH_ALL_SITUATION);
  const sum = (f: (r: (typeof acts)[number]) => number) => acts.reduce((n, r) => n + f(r), 0);
  const burden = await burdenRows(ctx.db, regionId, from, to);
  const kind = (k: string) => burden.filter((b) => b.kind === k).reduce((n, b) => n + b.n, 0);
  const patrol = await patrolFigures(ctx, year);
  const resp = await responsibilityFigures(ctx, year);
  const complaints = await listedByChannel(ctx, from, to);
  return {
    year,
    from,
    to,
    warnings: { issued: sum((r) => r.warnings), catchAll: sum((r) => r.warningsCatchAll) },
    problems: { dispatched: kind('problems.received'), progressReports: kind('problems.progress') },
    patrol: {
      inspections: patrol.inspections,
      unitsInspected: patrol.unitsInspected,
      findings: patrol.findings,
      problems: patrol.problems,
      problemsClosed: patrol.problemsClosed,
      circulars: patrol.circulars,
      positiveCases: patrol.positiveCases,
      negativeCases: patrol.negativeCases,
    },
    responsibility: {
      lists: resp.total.lists,
      items: resp.total.items,
      extraLists: resp.extra.lists,
      extraItems: resp.extra.items,
      fulfilmentRate: resp.fulfilmentRate,
      onTimeRate: resp.onTimeRate,
      spotChecks: {
        checks: resp.spotChecks.checks,
        items: resp.spotChecks.items,
        negative: resp.spotChecks.negative,
        problems: resp.spotChecks.problems,
      },
    },
    complaints: {
      total: complaints.reduce((n, c) => n + c.n, 0),
      byChannel: complaints.map((c) => ({ label: c.label, n: c.n })),
    },
    accountability: {
      subjects: sum((r) => r.cases),
      catchAll: sum((r) => r.casesCatchAll),
      talks: sum((r) => r.talks),
      forms: [0, 1, 2, 3].map((i) => sum((r) => r.forms[i])),
    },
  };
}

function bodyOf(f: AnnualFigures): DocBlock[] {
  const a = f.accountability;
  const r = f.responsibility;
  const p = f.patrol;
  return [
    `${f.year}年，我们以责任清单明责、以督查督办督责、以模拟问责预警、以考核评价考责、以精准问责追责，推动全面从严治党责任链条落到实处。现将${f.year}年${f.to.endsWith('-12-31') ? '' : `（截至${Number(f.to.slice(5, 7))}月${Number(f.to.slice(8, 10))}日）`}工作情况报告如下。`,
    { heading: '一、明责：责任清单和派单' },
    `全年派发主体责任清单${r.lists}份，涉及责任事项${r.items}条；其中增派清单${r.extraLists}份，涉及责任事项${r.extraItems}条。责任事项履责率${pct(r.fulfilmentRate)}，按期履责率${pct(r.onTimeRate)}。${
      r.spotChecks.checks > 0
        ? `开展定期抽查${r.spotChecks.checks}次，抽查责任事项${r.spotChecks.items}条，发现不实或不到位${r.spotChecks.negative}条，转为问题交办${r.spotChecks.problems}个。`
        : ''
    }`,
    { heading: '二、督责：问题交办和督导巡查' },
    `向各单位交办问题${f.problems.dispatched}个，各单位报送整改进展${f.problems.progressReports}次。督导巡查${p.inspections}次，覆盖单位${p.unitsInspected}个，发现问题${p.findings}个，交办为问题${p.problems}个、已整改销号${p.problemsClosed}个；发出通报${p.circulars}期，选树正面典型${p.positiveCases}个、剖析反面典型${p.negativeCases}个。`,
    { heading: '三、模拟问责：事前预警' },
    `全年发出模拟问责提醒函${f.warnings.issued}份，其中适用第七条第（十一）项兜底情形的${f.warnings.catchAll}份。`,
    { heading: '四、问责：精准追责' },
    `作出问责决定涉及问责对象${a.subjects}个（人次），其中适用第七条第（十一）项的${a.catchAll}个；开展提醒谈话、诫勉谈话和约谈${a.talks}人次。按“四种形态”统计如下。`,
    {
      table: {
        columns: ['形态', '人次'],
        rows: (Object.values(FORMS_OF_FOUR) as string[]).map((label, i) => [label, String(a.forms[i])]),
      },
    },
    {
      chart: {
        type: 'column',
        title: `${f.year}年“四种形态”人次`,
        series: '人次',
        categories: Object.values(FORMS_OF_FOUR) as string[],
        values: a.forms,
      },
    },
    { heading: '五、信访举报' },
    `受理信访举报${f.complaints.total}件（含重复举报），来源渠道如下。`,
    ...(f.complaints.byChannel.length
      ? [
          { table: { columns: ['来源渠道', '件数'], rows: f.complaints.byChannel.map((c) => [c.label, String(c.n)]) } },
          {
            chart: {
              type: 'pie' as const,
              title: `${f.year}年信访举报来源渠道`,
              series: '件数',
              categories: f.complaints.byChannel.map((c) => c.label),
              values: f.complaints.byChannel.map((c) => c.n),
            },
          },
        ]
      : ['本年度未受理信访举报。']),
    { heading: '六、下一步工作' },
    '坚持把严的基调贯穿始终，针对上述数据反映的梗阻点和薄弱环节，进一步压实主体责任，提高问责精准度，防止问责泛化、简单化，切实为基层减负。',
  ];
}

/**
 * The registry keys a document by a uuid object: the report of (region, year) gets a name-based one (RFC 4122
 * version 5 layout over SHA-256 of the name), the same on every call, so the year's report is issued once.
 */
export function annualReportObjectId(regionId: string, year: number): string {
  const b = crypto.createHash('sha256').update(`annual-report:${regionId}:${year}`).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
const objectOf = (ctx: Ctx, year: number) => annualReportObjectId(regionOf(ctx), year);

/**
 * The report draws on every module, patrol performance included: those who may read all of it draft and read it
 * (委领导, 监督室 — the holders of `patrol:manage`); 组织部 reads the command centre, not the commission's report.
 */
function checkReader(ctx: Ctx) {
  if (!actorOf(ctx).permissions.has('patrol:manage')) throw forbidden('年度工作报告由委领导和监督室起草、签发和查阅');
}

function checkYear(ctx: Ctx, year: number) {
  checkReader(ctx);
  if (year > Number(today(ctx).slice(0, 4)))
    throw ruleViolation('YEAR_IN_FUTURE', `${year}年尚未开始，不能生成年度工作报告`);
}

/**
 * 年度工作报告 (.docx, GB/T 9704): the year's figures of the chain, as issued (number, date and figures frozen at
 * issue, so every download prints the same) or a 草稿 computed now.
 */
export async function annualReport(ctx: Ctx, year: number) {
  checkYear(ctx, year);
  const objectId = objectOf(ctx, year);
  return issuedCopy(ctx.db, ANNUAL_REPORT_KIND, objectId, () => renderAnnualReport(ctx, year, objectId));
}
registerDocument(ANNUAL_REPORT_KIND, async (ctx, objectId) => {
  const issued = await findIssued(ctx.db, ANNUAL_REPORT_KIND, objectId);
  if (!issued || issued.regionId !== regionOf(ctx)) throw notFound('文书不存在或无权查看');
  return annualReport(ctx, (issued.payload as AnnualFigures).year);
});

async function renderAnnualReport(ctx: Ctx, year: number, objectId: string) {
  const issued = await findIssued(ctx.db, ANNUAL_REPORT_KIND, objectId);
  const figures = (issued?.payload as AnnualFigures | null) ?? (await figuresOf(ctx, year));
  const { o, stamp } = await documentStamp(ctx, regionOf(ctx), 'commission', ANNUAL_REPORT_KIND, objectId);
  return {
    name: `${year}年度全面从严治党责任链条工作报告${stamp.draft ? '（草稿）' : ''}.docx`,
    body: await renderOfficialDocument({
      issuer: stamp.issuer,
      docNumber: stamp.docNumber,
      draft: stamp.draft,
      title: `关于${year}年度全面从严治党责任链条工作情况的报告${stamp.titleMark}`,
      recipients: [o.party_committee.name],
      body: bodyOf(figures),
      signature: stamp.signature,
      date: stamp.date,
    }),
  };
}

/** Issues the year's report once: numbered 某纪报〔年〕N号, dated today, its figures frozen. */
export async function issueAnnualReport(ctx: Ctx, year: number) {
  checkYear(ctx, year);
  const objectId = objectOf(ctx, year);
  const existing = await findIssued(ctx.db, ANNUAL_REPORT_KIND, objectId);
  const row =
    existing ??
    (await issueAs(ctx, 'commission', {
      regionId: regionOf(ctx),
      kind: ANNUAL_REPORT_KIND,
      objectType: 'annual_report',
      objectId,
      suffix: '报',
      payload: await figuresOf(ctx, year),
    }));
  return { year, number: row.number, issuedOn: row.issuedOn, alreadyIssued: !!existing };
}
