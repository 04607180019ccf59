import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from './browser';

const app = browserSession();
const signIn = app.signIn;

describe('浏览器冒烟测试', () => {
  it('office 登录后看到模块菜单，并在组织与人员中看到县住建局', async () => {
    const page = await signIn('office');
    const menu = page.getByRole('menu', { name: '主菜单' });
    await menu.getByText('组织与人员').waitFor();
    await menu.getByText('督导巡查').waitFor();
    await menu.getByText('问题清单·整改台账').waitFor();
    expect(await menu.getByText('审计与安全').count()).toBe(0);
    // 联席会议 is a tab of 模拟问责·联席会议 for the office, not a second menu entry.
    expect(await menu.getByText('联席会议', { exact: true }).count()).toBe(0);

    await menu.getByRole('link', { name: '组织与人员' }).click();
    await page.waitForURL('**/org');
    const tree = page.getByTestId('unit-tree');
    await tree.getByText('县住建局', { exact: true }).first().waitFor();
    expect(await tree.getByText('县住建局', { exact: true }).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('office 用页头搜索找到问题并打开；标签页标题随页面变化，详情页有返回模块的路径', async () => {
    const page = await signIn('office');
    await expect.poll(() => page.title()).toMatch(/ · 责链$/);
    const box = page.getByTestId('global-search');
    await box.fill('住建');
    const popup = page.locator('.ant-select-dropdown:visible');
    await popup.getByText(/^问题（\d+）$/).waitFor();
    await popup.getByText(/^单位（\d+）$/).waitFor();
    // Arrow keys and Enter choose, as in any search box.
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    const code = (await page.getByTestId('problem-code').textContent()) ?? '';
    expect(code).toMatch(/^WT\d{4}-\d+$/);
    // The tab reads as the heading: the problem's code and title first.
    await expect.poll(() => page.title()).toMatch(new RegExp(`^${code} .+ · 责链$`));
    const trail = page.locator('.ant-breadcrumb');
    await trail.getByRole('link', { name: '问题清单·整改台账' }).click();
    await page.waitForURL((url) => url.pathname === '/problems');
    await expect.poll(() => page.title()).toBe('问题清单 · 整改台账 · 责链');

    await box.fill('查无此项内容');
    await page.getByText('未找到与“查无此项内容”相关的内容').waitFor();
    await page.context().close();

    // The audit administrator reads no business records: no search box at all.
    const admin = await signIn('auditadmin');
    await admin.getByTestId('user-menu').waitFor();
    expect(await admin.getByTestId('global-search').count()).toBe(0);
    await admin.context().close();
  });

  it('auditadmin 打开审计日志并校验审计链', async () => {
    const page = await signIn('auditadmin');
    await page.getByRole('menu', { name: '主菜单' }).getByRole('link', { name: '审计与安全' }).click();
    await page.waitForURL('**/audit');
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await page.getByRole('button', { name: '校验审计链' }).click();
    await page.getByText('审计链完整').waitFor();
    expect(await page.getByText(/已校验 \d+ 条审计记录/).count()).toBe(1);
    await page.context().close();
  });
});

describe('手机（390 × 844）上的导航', () => {
  it('group1 从页头打开菜单：菜单盖在页面上而不挤压内容，选择后收起', async () => {
    const page = await signIn('group1');
    await page.setViewportSize({ width: 390, height: 844 });
    const content = page.locator('.zl-content');
    const width = async () => (await content.boundingBox())?.width ?? 0;
    const before = await width();
    expect(before).toBeGreaterThan(340);
    const menu = page.getByRole('menu', { name: '主菜单' });
    await page.getByRole('button', { name: '菜单' }).click();
    await menu.getByRole('link', { name: '督导巡查' }).waitFor();
    expect(await width()).toBe(before);
    await menu.getByRole('link', { name: '督导巡查' }).click();
    await page.waitForURL('**/supervision**');
    await page.getByTestId('menu-mask').waitFor({ state: 'detached' });
    const sider = page.getByTestId('main-menu');
    // The menu slides shut (antd animates the width): wait for it to be gone.
    await expect.poll(async () => (await sider.boundingBox())?.width).toBe(0);
    expect(await menu.count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // A tap beside the open menu closes it as well.
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByTestId('menu-mask').click({ position: { x: 370, y: 400 } });
    await page.getByTestId('menu-mask').waitFor({ state: 'detached' });
    await page.context().close();
  });
});

/**
 * The walk: every business role of the demo county opens a record of every kind it may read — the first its own list
 * offers — and meets no refused request (4xx), no script error and no error page: a list never links to a page
 * the role cannot open, and a detail page asks only for what the role may read (pickers, figures, links).
 */
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

/** Buttons that only move, read or fetch (no action on the record), and uploads, which open the system's file dialog. */
const NOT_ACTIONS = /^(返回|导出.*|下载.*|打印.*|刷新|查看.*|预览|展开|收起|.*\.docx)$/;
const REFUSED = new Set([403, 404, 409, 422]);

/** Follows a link inside the app, as a user does (a full reload per page would cost a second each). */
async function goInApp(page: Page, path: string) {
  await page.evaluate((p) => {
    window.history.pushState({}, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForURL((url) => url.pathname === path);
}

/** Waits until nothing is loading on the page (spinners, skeletons, buttons in their loading state). */
const settled = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-btn-loading'));

/**
 * Presses every action button the detail page offers, as a user who accepts each dialog as it opens (the defaults
 * it brings; a dialog whose required fields are empty stays open with its field messages and is cancelled). A
 * refused answer (403, 404, 409, 422) or a 500 after a press is a button that should not have been offered (issue
 * #20: `actions` carries every guard). Answers the number of buttons pressed.
 */
async function pressEveryAction(
  page: Page,
  path: string,
  record: string,
  refused: (what: string) => void,
): Promise<number> {
  const content = page.locator('.zl-content');
  const candidates = content.locator(
    'button:not([disabled]):not(.ant-pagination button):not(.ant-upload button):not(.ant-tabs button):not(.ant-picker button)',
  );
  const labels = [...new Set((await candidates.allInnerTexts()).map((t) => t.trim()))].filter(
    (t) => t && !NOT_ACTIONS.test(t.replace(/\s+/g, '')),
  );
  const heading = await page
    .locator('.zl-content h4, .zl-content .print-sheet h2')
    .first()
    .textContent({ timeout: 5_000 })
    .catch(() => null);
  let pressed = 0;
  for (const text of labels) {
    const button = candidates.filter({ hasText: text }).first();
    if (!(await button.isVisible().catch(() => false))) continue;
    const answers: string[] = [];
    const listen = (r: import('playwright-core').Response) => {
      if (process.env.E2E_WALK_DEBUG) {
        console.log(`  ${r.status()} ${r.request().method()} ${r.url()} ${r.request().postData() ?? ''}`);
        if (r.status() >= 400) void r.text().then((t) => console.log(`  → ${t}`));
      }
      if (r.url().includes('/api/') && r.request().method() !== 'GET' && (REFUSED.has(r.status()) || r.status() >= 500))
        answers.push(`按下「${text}」后 ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    };
    page.on('response', listen);
    if (process.env.E2E_WALK_DEBUG) console.log(`${path} 按下「${text}」`);
    try {
      await button.click({ timeout: 10_000 });
    } catch (error) {
      refused(`「${text}」按不下去：${(error as Error).message.split('\n')[0]}`);
      page.off('response', listen);
      continue;
    }
    pressed++;
    await page.waitForTimeout(150);
    const confirm = page.locator('.ant-popconfirm:visible .ant-popconfirm-buttons .ant-btn-primary');
    const dialog = page.locator('.ant-modal-wrap:visible .ant-modal').last();
    // A confirmation that closes by itself before it is pressed (the record refreshed under it) asks nothing more.
    if (await confirm.count())
      await confirm
        .first()
        .click({ timeout: 10_000 })
        .catch(() => undefined);
    else if (await dialog.count()) {
      const ok = dialog.locator('.ant-modal-footer .ant-btn-primary, .ant-modal-confirm-btns .ant-btn-primary');
      // A dialog that closes by itself (its content swapped as the data arrived) has nothing left to accept.
      if (await ok.count())
        await ok
          .last()
          .click({ timeout: 10_000 })
          .catch(() => undefined);
      await page.waitForTimeout(300);
      await settled(page);
      // Still open: the form asked for what a user would type; the walk does not type, it cancels.
      if (await dialog.isVisible().catch(() => false)) await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    }
    await page.keyboard.press('Escape'); // a dropdown menu the button opened
    await settled(page);
    page.off('response', listen);
    for (const a of answers) refused(a);
    // A button that led to another page (编辑, 问责立项): back to the record for the next one — unless the record
    // is gone or out of reach (删除, 报送上级), which is why the page left it. Asked outside the page, so the
    // expected 404 is not one of the page's requests.
    if (new URL(page.url()).pathname !== path) {
      if ((await page.request.get(new URL(record, page.url()).toString())).status() === 404) return pressed;
      await goInApp(page, path);
      await page
        .waitForFunction(
          (h) => document.querySelector('.zl-content h4, .zl-content .print-sheet h2')?.textContent === h,
          heading,
          {
            timeout: 15_000,
          },
        )
        .catch(() => undefined);
      await settled(page);
    }
  }
  return pressed;
}

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
  it.each(ROLES)(
    '%s：能看到的每类记录都能打开，没有被拒绝的请求、脚本错误或错误页',
    async (role) => {
      const page = await signIn(role);
      const problems: string[] = [];
      // Only what the opened page asks for counts; the probes of the lists (403 for kinds the role may not read) do not.
      let where: string | null = null;
      const bodies: Promise<unknown>[] = [];
      page.on('response', (r) => {
        if (where && r.status() >= 400 && r.url().includes('/api/')) {
          const what = `${where}: ${r.status()} ${r.request().method()} ${r.url()}`;
          // A dialog accepted with its defaults that the server finds incomplete (400) is a form asking too little:
          // its own checks must keep it open with the field messages, before any request. The server's message
          // says which field.
          if (r.status() === 400 && r.request().method() !== 'GET') {
            const body = r.text().catch(() => '');
            bodies.push(body.then((b) => problems.push(`表单默认值未通过服务器校验：${what} ${b}`)));
          } else problems.push(what);
        }
      });
      page.on('pageerror', (e) => problems.push(`${where ?? ''}: 页面脚本错误 ${e.message}`));
      let opened = 0;
      let pressed = 0;
      for (const kind of KINDS) {
        const id = await firstOf(page, kind.list);
        if (!id) continue;
        where = `${kind.label} ${kind.page(id)}`;
        // The record's own answer, not the page before it still on screen, is what the checks below look at.
        const answered = page.waitForResponse((r) => r.url().includes(`/${id}`), { timeout: 15_000 }).catch(() => null);
        await goInApp(page, kind.page(id));
        try {
          await answered;
          await page
            .locator('.zl-content h4, .zl-content .print-sheet h2, .zl-content .ant-result-title')
            .first()
            .waitFor({ timeout: 15_000 });
          await settled(page);
          await page.waitForTimeout(50);
        } catch {
          problems.push(`${where}: 页面未显示标题`);
        }
        const errorPage = await page.locator('.zl-content .ant-result-title').allTextContents();
        if (errorPage.length) problems.push(`${where}: 错误页 ${errorPage.join(' ')}`);
        else {
          pressed += await pressEveryAction(page, kind.page(id), `${kind.list}/${id}`, (refusal) =>
            problems.push(`${where}: ${refusal}`),
          );
        }
        where = null;
        opened++;
      }
      await Promise.all(bodies);
      console.log(`${role}: ${opened} 个详情页，按下 ${pressed} 个操作按钮`);
      if (problems.length) console.log(problems.join('\n'));
      expect(problems).toEqual([]);
      expect(opened).toBeGreaterThan(0);
      await page.context().close();
    },
    240_000,
  );
});
