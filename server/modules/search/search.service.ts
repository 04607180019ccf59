/**
 * The header's search: the same query over problems, findings, cases, units and people, each through its own
 * module's list — so each answers with exactly what the caller may read there (its permission and its scope),
 * and a kind the caller may not read is not searched at all.
 */
import type { Permission } from '../../../common/roles.js';
import { SEARCH_KINDS, type SearchKind, type TSearchResult } from '../../../common/search.schema.js';
import type { Ctx } from '../../platform/context.js';
import { listCases } from '../cases/cases.read.js';
import { listPeople, listUnits } from '../org/org.service.js';
import { listFindings } from '../patrol/patrol.findings.js';
import { listProblems } from '../problems/problems.queries.js';

/** Hits shown per kind; the group links to its list for the rest. */
const HITS = 5;

type Hit = TSearchResult['groups'][number]['items'][number];
interface Searcher {
  permission: Permission;
  /** The list page showing every match. */
  more: (q: string) => string;
  find: (ctx: Ctx, q: string) => Promise<{ items: Hit[]; total: number }>;
}

const page = { page: 1, pageSize: HITS };
const query = (q: string) => encodeURIComponent(q);

const SEARCHERS: Record<SearchKind, Searcher> = {
  problem: {
    permission: 'problems:read',
    more: (q) => `/problems?q=${query(q)}`,
    async find(ctx, q) {
      const { items, total } = await listProblems(ctx, { ...page, q, sort: 'attention' });
      return {
        total,
        items: items.map((p) => ({
          id: p.id,
          title: `${p.code ?? '（未编号）'} ${p.title}`,
          detail: `${p.unitName} · ${p.stateLabel}`,
          link: `/problems/${p.id}`,
        })),
      };
    },
  },
  finding: {
    permission: 'patrol:read',
    // state= clears the office's default filter (待审核), so the list holds every match like the count.
    more: (q) => `/supervision/findings?q=${query(q)}&state=`,
    async find(ctx, q) {
      const { items, total } = await listFindings(ctx, { ...page, q });
      return {
        total,
        items: items.map((f) => ({
          id: f.id,
          title: `${f.code} ${f.title}`,
          detail: `${f.unitName} · ${f.groupName} · ${f.stateLabel}`,
          link: `/supervision/findings/${f.id}`,
        })),
      };
    },
  },
  case: {
    permission: 'cases:read',
    more: (q) => `/cases?q=${query(q)}`,
    async find(ctx, q) {
      const { items, total } = await listCases(ctx, { ...page, q });
      return {
        total,
        items: items.map((c) => ({
          id: c.id,
          title: `${c.code} ${c.title}`,
          detail: `${c.kindLabel} · ${c.stateLabel}`,
          link: `/cases/${c.id}`,
        })),
      };
    },
  },
  unit: {
    permission: 'org:read',
    more: () => '/org',
    async find(ctx, q) {
      const { items, total } = await listUnits(ctx, { ...page, q });
      return {
        total,
        items: items.map((u) => ({
          id: u.id,
          title: u.name,
          detail: `${u.typeLabel} · ${u.code}`,
          link: `/org?unit=${u.id}`,
        })),
      };
    },
  },
  person: {
    permission: 'org:read',
    more: (q) => `/org/people?q=${query(q)}`,
    async find(ctx, q) {
      const { items, total } = await listPeople(ctx, { ...page, q });
      return {
        total,
        items: items.map((p) => ({
          id: p.id,
          title: p.name,
          detail: [p.unitName, p.post].filter(Boolean).join(' · '),
          link: `/org/people?q=${query(p.name)}`,
        })),
      };
    },
  },
};

export async function search(ctx: Ctx, q: string): Promise<TSearchResult> {
  const permissions = ctx.actor?.permissions ?? new Set<Permission>();
  const groups: TSearchResult['groups'] = [];
  // One after another: the request's connection serves one statement at a time.
  for (const kind of Object.keys(SEARCHERS) as SearchKind[]) {
    const searcher = SEARCHERS[kind];
    if (!permissions.has(searcher.permission)) continue;
    const { items, total } = await searcher.find(ctx, q);
    if (total > 0) groups.push({ kind, label: SEARCH_KINDS[kind], total, more: searcher.more(q), items });
  }
  return { groups };
}
