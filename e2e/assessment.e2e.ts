import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, choose, label } from './browser';

const SYSTEM = 'E2E两个责任考核';
const RUN = `2026年度${SYSTEM}`;

const app = browserSession();

const openMenu = async (page: Page, name: string, url: string) => {
  await page.getByRole('menu', { name: '主菜单' }).getByRole('link', { name, exact: true }).click();
  await page.waitForURL(`**${url}`);
};
const confirm = (page: Page) =>
  page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: label('确定') })
    .click();
const fire = async (page: Page, action: string | RegExp, state: string) => {
  await page.getByRole('button', { name: action }).click();
  await confirm(page);
  await page.getByText(state, { exact: true }).first().waitFor();
};

let runUrl = '';

describe('考核评价', () => {
  it('office 从模板建指标体系，新建考核，计算并冻结', async () => {
    const page = await app.signIn('office');
    await openMenu(page, '考核评价', '/assessment');
    await page.locator('.ant-segmented').getByText('指标体系', { exact: true }).click();
    await page.waitForURL('**/assessment/systems');
    await page.getByRole('button', { name: '新建指标体系' }).click();
    await choose(page, page.getByRole('combobox', { name: '模板' }), '两个责任');
    await page.locator('.ant-modal').getByLabel('体系名称').fill(SYSTEM);
    await page.locator('.ant-modal').getByLabel('年度').fill('2026');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: label('创建') })
      .click();
    await page.waitForURL(/\/assessment\/systems\/[0-9a-f-]{36}$/);
    const tree = page.getByTestId('indicator-tree');
    await tree.getByText('主体责任落实').waitFor();
    await tree.getByText('整改逾期', { exact: true }).waitFor();

    await page.locator('.ant-segmented').getByText('考核', { exact: true }).click();
    await page.waitForURL('**/assessment');
    await page.getByRole('button', { name: '新建考核' }).click();
    await choose(page, page.getByRole('combobox', { name: '指标体系' }), SYSTEM);
    await expect.poll(() => page.getByLabel('考核名称').inputValue()).toBe(RUN);
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: label('创建') })
      .click();
    await page.waitForURL(/\/assessment\/[0-9a-f-]{36}$/);
    runUrl = page.url();
    await page.getByText('待计算', { exact: true }).first().waitFor();

    await fire(page, label('计算'), '已计算');
    // 考核组 scores 述责述廉 from the keyboard: Enter saves the row and moves on; the next 计算 counts it.
    await page.getByRole('button', { name: '评价人打分' }).click();
    await page.waitForURL(/\/ratings$/);
    await choose(page, page.getByRole('combobox', { name: '评分指标' }), '述责述廉（10分）');
    await expect.poll(() => decodeURIComponent(page.url())).toContain('evaluator=考核组');
    const sheet = page.getByTestId('rating-sheet');
    const firstScore = sheet.getByRole('spinbutton').first();
    await firstScore.fill('85');
    await firstScore.press('Enter');
    await page.getByText(/^已保存：/).waitFor();
    await sheet
      .getByText(/^已评 /)
      .first()
      .waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rating-score-1');
    await page.goto(runUrl);
    await fire(page, label('计算'), '已计算');
    const scores = page.getByTestId('assessment-scores');
    await scores.getByRole('link', { name: '县住建局' }).waitFor();
    await fire(page, label('冻结'), '已冻结');
    await expect(page.getByRole('button', { name: label('计算') }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('leader 审批发布', async () => {
    const page = await app.signIn('leader');
    await page.goto(runUrl);
    await fire(page, '审批发布', '已发布');
    await page.context().close();
  });

  it('zuzhibu 查看已发布的考核结果', async () => {
    const page = await app.signIn('zuzhibu');
    await openMenu(page, '考核评价', '/assessment');
    await page.getByTestId('assessment-table').getByRole('link', { name: RUN }).click();
    await page.waitForURL(runUrl);
    await page.getByTestId('assessment-scores').getByRole('link', { name: '县住建局' }).waitFor();
    // The 考核结果通报 was numbered when it was published, and downloads as issued.
    const publications = page.getByTestId('assessment-publications');
    await expect.poll(() => publications.textContent()).toMatch(/第1版 示纪考〔\d{4}〕\d+号/);
    const download = page.waitForEvent('download');
    await publications.getByRole('link', { name: '下载' }).click();
    expect((await download).suggestedFilename()).toBe(`${RUN}-考核结果通报.docx`);
    await page.context().close();
  });

  it('zhujian 只看到本单位得分，并能查到扣分的来源', async () => {
    const page = await app.signIn('zhujian');
    await openMenu(page, '考核评价', '/assessment');
    await page.getByTestId('assessment-table').getByRole('link', { name: RUN }).click();
    await page.waitForURL(runUrl);
    const scores = page.getByTestId('assessment-scores');
    await scores.getByRole('link', { name: '县住建局' }).waitFor();
    // The unit's own row only, and not the 通报 that lists every unit.
    await expect.poll(() => scores.locator('tr.ant-table-row').count()).toBe(1);
    await expect(page.getByRole('link', { name: /考核通报/ }).count()).resolves.toBe(0);
    await scores.getByRole('link', { name: '县住建局' }).click();
    await page.waitForURL(/\/units\/[0-9a-f-]{36}$/);
    const items = page.getByTestId('score-items');
    await items
      .getByText(/^问题整改逾期，每件扣1分/)
      .first()
      .waitFor();
    const cause = items.getByRole('link', { name: /^WT/ }).first();
    const code = (await cause.textContent()) ?? '';
    await cause.click();
    await page.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    await page.getByText(code).first().waitFor();
    await page.context().close();
  });

  it('office 在考核设置中调整扣分规则和等次分数线', async () => {
    const page = await app.signIn('office');
    await openMenu(page, '考核评价', '/assessment');
    await page.locator('.ant-segmented').getByText('考核设置', { exact: true }).click();
    await page.waitForURL('**/assessment/settings');
    const first = page.getByTestId('assessment-rule').first();
    await expect.poll(() => first.getByLabel('依据').inputValue()).toBe('问题整改逾期，每件扣1分');
    await first.getByLabel('分值').fill('-1.5');
    await first.getByLabel('依据').fill('问题整改逾期，每件扣1.5分（县纪委常委会2026年第5次会议）');
    // 良好 above 优秀 is refused before anything is sent.
    await page.getByLabel('良好（不低于）').fill('95');
    await page.getByRole('button', { name: label('保存设置') }).click();
    await page.getByText('等次分数线应依次降低（优秀 > 良好 > 一般）').waitFor();
    await page.getByLabel('良好（不低于）').fill('85');
    await page.getByRole('button', { name: label('保存设置') }).click();
    await page.getByText('考核设置已保存，下次计算时生效').waitFor();
    await page.reload();
    const saved = page.getByTestId('assessment-rule').first();
    await expect.poll(() => saved.getByLabel('分值').inputValue()).toBe('-1.5');
    await expect.poll(() => page.getByLabel('良好（不低于）').inputValue()).toBe('85');
    await page.context().close();
  });

  it('office 从领导干部模板建按人考核的指标体系', async () => {
    const page = await app.signIn('office');
    await page.goto(app.url('/assessment/systems'));
    await page.getByRole('button', { name: '新建指标体系' }).click();
    await choose(page, page.getByRole('combobox', { name: '模板' }), '领导干部履行全面从严治党责任考核');
    const modal = page.locator('.ant-modal');
    await modal.getByText('领导干部', { exact: true }).waitFor();
    await modal.getByLabel('体系名称').fill('E2E领导干部考核');
    await modal.getByLabel('年度').fill('2027');
    await modal.getByRole('button', { name: label('创建') }).click();
    await page.waitForURL(/\/assessment\/systems\/[0-9a-f-]{36}$/);
    await page.locator('.ant-descriptions').getByText('领导干部', { exact: true }).waitFor();
    const tree = page.getByTestId('indicator-tree');
    await tree.getByText('本人责任清单按期履职率', { exact: true }).first().waitFor();
    await tree.getByText('本人受组织处理或处分', { exact: true }).first().waitFor();
    await page.context().close();
  });

  it('fuxianzhang 只看到本人的领导干部考核得分，并能查到每项扣（得）分的来源', async () => {
    const page = await app.signIn('fuxianzhang');
    await openMenu(page, '考核评价', '/assessment');
    await page
      .getByTestId('assessment-table')
      .getByRole('link', { name: /领导干部履行全面从严治党责任考核/ })
      .click();
    await page.waitForURL(/\/assessment\/[0-9a-f-]{36}$/);
    const scores = page.getByTestId('assessment-scores');
    await scores.getByRole('columnheader', { name: '职务' }).waitFor();
    await expect.poll(() => scores.locator('tr.ant-table-row').count()).toBe(1);
    await scores.getByRole('cell', { name: '副县长' }).waitFor();
    await scores.locator('tr.ant-table-row').getByRole('link').first().click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await page.getByText('领导干部排名').waitFor();
    const items = page.getByTestId('score-items');
    await items.getByText(/评价人打分平均.*县纪委书记/).waitFor();
    await items.getByText('本人责任清单按期履职率').first().waitFor();
    await page.context().close();
  });
});
