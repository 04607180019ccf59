/**
 * Every business role of the demo county opens a record of every kind it may read — the first its own list
 * offers — and meets no refused request (4xx), no script error and no error page: a list never links to a page
 * the role cannot open, and a detail page asks only for what the role may read (pickers, figures, links).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from './browser';

const app = browserSession();

const ROLES = [
  'leader',
  'office',
  'caseoffice',
  'wenze1',
  'group1',
  'paizhu1',
  'zhujian',
  'zhujian.head',
  'fuxianzhang',
  'zuzhibu',
  'bianban',
];

/** Each kind: the list API (the role's own, scoped) and the web page of one record. */
const KINDS: { label: string; list: string; page: (id: string) => string }[] = [
  { label: '问题', list: '/api/problems', page: (id) => `/problems/${id}` },
  { label: '模拟问责单', list: '/api/warnings', page: (id) => `/warnings/${id}` },
  { label: '联席会议', list: '/api/meetings', page: (id) => `/meetings/${id}` },
  { label: '督导任务', list: '/api/tasks', page: (id) => `/supervision/tasks/${id}` },
  { label: '督导发现', list: '/api/findings', page: (id) => `/supervision/findings/${id}` },
  { label: '问责案件', list: '/api/cases', page: (id) => `/cases/${id}` },
  { label: '问责建议', list: '/api/accountability-proposals', page: (id) => `/cases/proposals/${id}` },
  { label: '容错免责备案', list: '/api/tolerance-filings', page: (id) => `/tolerance-filings/${id}` },
  { label: '谈话', list: '/api/talks', page: (id) => `/talks/${id}` },
  { label: '信访举报', list: '/api/complaints', page: (id) => `/complaints/${id}` },
  { label: '责任交办', list: '/api/dispatches', page: (id) => `/responsibility/dispatches/${id}` },
  { label: '履责报告', list: '/api/responsibility-reports', page: (id) => `/responsibility/reports/${id}` },
  { label: '定期抽查', list: '/api/spot-checks', page: (id) => `/responsibility/spot-checks/${id}` },
  { label: '考核', list: '/api/assessments', page: (id) => `/assessment/${id}` },
  { label: '述职评议', list: '/api/evaluations', page: (id) => `/assessment/evaluations/${id}` },
  { label: '督导评估', list: '/api/supervision-reviews', page: (id) => `/assessment/reviews/${id}` },
  { label: '民主测评', list: '/api/surveys', page: (id) => `/assessment/surveys/${id}` },
  { label: '指标体系', list: '/api/indicator-systems', page: (id) => `/assessment/systems/${id}` },
];

/** The first record of a list as the signed-in role sees it, or null (no permission, or nothing listed). */
async function firstOf(page: Page, list: string): Promise<string | null> {
  return page.evaluate(async (url) => {
    const res = await fetch(`${url}?page=1&pageSize=1`);
    if (!res.ok) return null;
    const body = (await res.json()) as { items?: { id?: string }[] };
    return body.items?.[0]?.id ?? null;
  }, list);
}

describe('每个演示角色打开各类记录的详情页', () => {
  it.each(ROLES)('%s：能看到的每类记录都能打开，没有被拒绝的请求、脚本错误或错误页', async (role) => {
    const page = await app.signIn(role);
    const problems: string[] = [];
    // Only what the opened page asks for counts; the probes of the lists (403 for kinds the role may not read) do not.
    let where: string | null = null;
    page.on('response', (r) => {
      if (where && r.status() >= 400 && r.url().includes('/api/')) {
        problems.push(`${where}: ${r.status()} ${r.request().method()} ${r.url()}`);
      }
    });
    page.on('pageerror', (e) => problems.push(`${where ?? ''}: 页面脚本错误 ${e.message}`));
    let opened = 0;
    for (const kind of KINDS) {
      const id = await firstOf(page, kind.list);
      if (!id) continue;
      where = `${kind.label} ${kind.page(id)}`;
      // Inside the app, as a user follows a link (a full reload per page would cost a second each).
      await page.evaluate((path) => {
        window.history.pushState({}, '', path);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, kind.page(id));
      await page.waitForURL((url) => url.pathname === kind.page(id));
      try {
        await page
          .locator('.zl-content h4, .zl-content .print-sheet h2, .zl-content .ant-result-title')
          .first()
          .waitFor({ timeout: 15_000 });
        // Settled: nothing is loading any more (cheaper than network idle, which waits half a second per page).
        await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'));
        await page.waitForTimeout(150);
      } catch {
        problems.push(`${where}: 页面未显示标题`);
      }
      const errorPage = await page.locator('.zl-content .ant-result-title').allTextContents();
      if (errorPage.length) problems.push(`${where}: 错误页 ${errorPage.join(' ')}`);
      where = null;
      opened++;
    }
    expect(problems).toEqual([]);
    expect(opened).toBeGreaterThan(0);
    await page.context().close();
  });
});
