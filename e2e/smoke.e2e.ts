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

    await menu.getByRole('link', { name: '组织与人员' }).click();
    await page.waitForURL('**/org');
    const tree = page.getByTestId('unit-tree');
    await tree.getByText('县住建局', { exact: true }).first().waitFor();
    expect(await tree.getByText('县住建局', { exact: true }).count()).toBeGreaterThan(0);
    await page.context().close();
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
