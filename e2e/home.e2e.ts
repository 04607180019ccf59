import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, confirmModal, label } from './browser';

const app = browserSession();

/** The home entry titled `title`: its count badge, then a click on its title opens the list. */
async function openEntry(page: Page, title: string): Promise<number> {
  const link = page.getByRole('link', { name: new RegExp(`^${title}，共 \\d+ 项$`) });
  await link.waitFor();
  const count = Number((await link.getAttribute('aria-label'))?.match(/共 (\d+) 项/)?.[1]);
  await page.getByRole('link', { name: title, exact: true }).click();
  return count;
}

describe('今日工作', () => {
  it('office sees the findings to review; the entry opens the list with the same count', async () => {
    const page = await app.signIn('office');
    await page.getByRole('region', { name: '待我处理' }).waitFor();
    const count = await openEntry(page, '待审核的督导发现');
    expect(count).toBeGreaterThan(0);
    await page.waitForURL('**/supervision/findings?state=submitted');
    await page.getByText(`共 ${count} 条`).waitFor();
    await page.context().close();
  });

  it('zhujian sees overdue problems of 县住建局 and opens one of them', async () => {
    const page = await app.signIn('zhujian');
    const due = page.getByRole('region', { name: '临期与逾期' });
    await due.waitFor();
    const first = due.locator('.ant-list-item a').first();
    const label = (await first.textContent()) ?? '';
    await first.click();
    await page.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    await page.getByText(label.split(' ')[0]).first().waitFor();
    await page.context().close();
  });

  it('zuzhibu has nothing to act on and is told so plainly', async () => {
    const page = await app.signIn('zuzhibu');
    await page.getByText('今天没有需要您处理的事项').waitFor();
    await page.getByRole('region', { name: '关注数据' }).waitFor();
    // A missing holiday schedule is the calendar administrator's to fix: no banner for everyone else.
    await expect(page.getByText(/节假日安排尚未录入/).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('the calendar administrator is told of a year without a holiday schedule', async () => {
    const page = await app.signIn('sysadmin');
    const status = await page.evaluate(async () => (await fetch('/api/calendar/status')).json());
    if (status.missingYears.length) {
      await page.getByText(`${status.missingYears[0]}年`, { exact: false }).first().waitFor();
      await page.getByRole('link', { name: /前往工作日历/ }).waitFor();
    } else {
      await expect(page.getByText(/节假日安排尚未录入/).count()).resolves.toBe(0);
    }
    await page.context().close();
  });
});

describe('今日工作 of every other role', () => {
  /** Each role's home from the demo county: its first entry opens the list it counts, or it is told plainly. */
  const ROLES: [string, string][] = [
    ['leader', '委领导'],
    ['caseoffice', '案管/审理室'],
    ['paizhu1', '派驻纪检组'],
    ['group1', '督导巡查组'],
    ['zhujian.head', '单位主要负责人'],
    ['fuxianzhang', '县级领导'],
    ['bianban', '联席会议成员'],
    ['sysadmin', '系统管理员'],
    ['secadmin', '安全保密管理员'],
    ['auditadmin', '安全审计员'],
  ];
  it.each(ROLES)('%s (%s)', async (username) => {
    const page = await app.signIn(username);
    const home = await page.evaluate(async () => (await fetch('/api/home')).json());
    const sections = home.sections as { title: string; count: number; path: string }[];
    if (sections.length === 0) {
      await page.getByText('今天没有需要您处理的事项').waitFor();
    } else {
      const first = sections[0];
      const count = await openEntry(page, first.title);
      expect(count).toBe(first.count);
      await page.waitForURL((u) => `${u.pathname}${u.search}` === first.path);
      await page.getByText(`共 ${count} 条`).first().waitFor();
    }
    await page.context().close();
  });
});

describe('统计大屏', () => {
  /** The overview's link `label，共 N 项` inside the figure `testId`: its count, then a click opens the list. */
  async function openFigure(page: Page, testId: string, label: RegExp): Promise<number> {
    const link = page.getByTestId(testId).getByRole('link', { name: label }).first();
    await link.waitFor();
    const count = Number((await link.getAttribute('aria-label'))?.match(/共 (\d+) 项/)?.[1]);
    await link.click();
    return count;
  }

  it('leader clicks a figure of the problems and of the warnings; each list shows the same count', async () => {
    const page = await app.signIn('leader');
    await page.getByRole('menu', { name: '主菜单' }).getByRole('link', { name: '统计大屏', exact: true }).click();
    await page.waitForURL('**/dashboard');
    await page
      .getByTestId('overreach')
      .getByText(/^全区域/)
      .waitFor();
    await page
      .getByTestId('burden')
      .getByText(/季度报告复用履责纪实/)
      .waitFor();
    // Both monitors export what they show.
    for (const [testId, name] of [
      ['overreach', '问责泛化监测'],
      ['burden', '基层负担监测'],
    ]) {
      const [sheet] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(testId).getByRole('link', { name: /导出/ }).click(),
      ]);
      expect(sheet.suggestedFilename()).toMatch(
        new RegExp(`^${name}-\\d{4}-\\d{2}-\\d{2}至\\d{4}-\\d{2}-\\d{2}\\.xlsx$`),
      );
    }
    // The year's report: downloaded as a 草稿, then 签发 numbers and dates it once.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /年度工作报告/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/年度全面从严治党责任链条工作报告（草稿）\.docx$/);
    await page.getByRole('button', { name: label('签发') }).click();
    await confirmModal(page);
    // Lasting beside the button (the toast may be gone before a slow page is looked at).
    await page
      .getByTestId('annual-report-issued')
      .getByText(/^已签发：.+报〔\d{4}〕\d+号$/)
      .waitFor();
    const rectifying = await openFigure(page, 'overview-problems.state', /^整改中，共 \d+ 项$/);
    expect(rectifying).toBeGreaterThan(0);
    await page.waitForURL('**/problems?state=rectifying');
    await page.getByText(`共 ${rectifying} 条`).waitFor();
    await page.goBack();
    await page.waitForURL('**/dashboard');
    const warnings = await openFigure(page, 'overview-warnings.state', /，共 \d+ 项$/);
    expect(warnings).toBeGreaterThan(0);
    await page.waitForURL(/\/warnings\?state=\w+$/);
    await page.getByText(`共 ${warnings} 条`).waitFor();
    await page.context().close();
  });

  it('the stall view points at the unit the demo makes slow: 县交通运输局 leaves problems unsigned', async () => {
    const page = await app.signIn('leader');
    await page.goto(app.url('/dashboard'));
    const receive = page.getByTestId('stalls-problem.receive');
    const first = receive.locator('tr.ant-table-row').first();
    await first.getByText('示范县交通运输局').waitFor();
    const stuck = Number(await first.locator('td').last().textContent());
    expect(stuck).toBeGreaterThan(5);
    // Nobody else is stuck at 签收.
    await expect.poll(() => receive.locator('tr.ant-table-row .ant-typography-danger').count()).toBe(1);
    await first.click();
    await page.waitForURL(/\/problems\?unitId=[0-9a-f-]{36}&state=dispatched$/);
    // The unit's problems waiting to be signed: the stuck ones and any dispatched within the limit.
    const total = page.locator('.ant-pagination-total-text');
    await total.waitFor();
    await expect
      .poll(async () => Number((await total.textContent())?.match(/共 (\d+) 条/)?.[1]))
      .toBeGreaterThanOrEqual(stuck);
    // The unit as the command centre's filter: every figure narrows to it and opens its lists.
    const unitId = new URL(page.url()).searchParams.get('unitId') ?? '';
    await page.goto(app.url(`/dashboard?unitId=${unitId}`));
    await page.getByTestId('dashboard-filters').getByText('县交通运输局').waitFor();
    const rows = page.getByTestId('stalls-problem.receive').locator('tr.ant-table-row');
    await rows.first().getByText('示范县交通运输局').waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    const figure = page.getByTestId('overview-problems.state').getByRole('link').first();
    expect(await figure.getAttribute('href')).toContain(`unitId=${unitId}`);
    // By 分管县领导: the slow unit's leader is the one stuck at 签收, and the row opens his units' problems.
    await page.goto(app.url('/dashboard'));
    await page.locator('.ant-segmented').getByText('按分管县领导', { exact: true }).click();
    const byLeader = page.getByTestId('stalls-problem.receive');
    await byLeader.getByRole('columnheader', { name: '分管县领导' }).waitFor();
    await expect.poll(() => byLeader.locator('tr.ant-table-row .ant-typography-danger').count()).toBe(1);
    await byLeader.locator('tr.ant-table-row').first().click();
    await page.waitForURL(/\/problems\?leaderPersonId=[0-9a-f-]{36}&state=dispatched$/);
    await page.context().close();
  });
});
