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
