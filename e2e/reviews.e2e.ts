import { describe, expect, it } from 'vitest';
import { browserSession, chooseUnit, choose, label } from './browser';

const app = browserSession();
const TITLE = `E2E督导评估${Date.now().toString(36)}`;

describe('督导评估', () => {
  it('office evaluates a township, publishes the report and hands two rectification items to the ledger', async () => {
    const page = await app.signIn('office');
    await page.goto(app.url('/assessment'));
    await page.locator('.ant-segmented').getByText('督导评估', { exact: true }).click();
    await page.waitForURL(/\/assessment\/reviews$/);
    // The demo county's review of 城关镇, waiting for its 复查.
    await page.getByTestId('review-table').getByText('待复查').first().waitFor();

    await page.getByRole('button', { name: '新建督导评估' }).click();
    const unit = page
      .locator('.ant-form-item')
      .filter({ has: page.locator('label[for="review_unitId"]') })
      .getByRole('combobox');
    await chooseUnit(page, unit, '东城', '示范县东城街道');
    await choose(page, page.locator('.ant-modal').getByRole('combobox', { name: '指标体系' }), '乡镇教育工作督导评估');
    await page.getByLabel('评估名称').fill(TITLE);
    await page.getByRole('button', { name: label('建立') }).click();
    await page.waitForURL(/\/assessment\/reviews\/[0-9a-f-]{36}$/);
    await page.getByTestId('review-state').getByText('评估中').waitFor();

    const scores = {
      领导职责: '13',
      教育经费投入: '18',
      办学条件: '12',
      教师队伍建设: '12',
      教育管理: '17',
      教育发展水平: '13',
    };
    for (const [name, score] of Object.entries(scores)) await page.getByLabel(`${name}得分`).fill(score);
    await page.getByLabel('教师队伍建设评估意见').fill('编制缺口较大');
    await page.getByRole('button', { name: '保存评分' }).click();
    await page.getByText('评估得分：85分').waitFor();

    await page.getByRole('button', { name: '发布评估报告' }).click();
    await page.getByLabel('评估结论（公开部分）').fill('履行教育职责总体到位，评估等次为良好。');
    await page.getByLabel('存在问题（不予公开部分）').fill('两所小学教师编制缺口。');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: label('发布') })
      .click();
    await page.getByTestId('review-state').getByText('已发布报告').waitFor();
    await page.getByText('不予公开', { exact: true }).waitFor();

    await page.getByRole('button', { name: '下达整改' }).click();
    await page.getByLabel('整改事项1').fill('补齐小学教师编制');
    await page.getByRole('button', { name: '增加整改事项' }).click();
    await page.getByLabel('整改事项2').fill('完善教育经费使用台账');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: label('下达整改') })
      .click();
    await page.getByTestId('review-state').getByText('限期整改').waitFor();
    const items = page.getByTestId('review-items');
    await items.getByText('补齐小学教师编制').waitFor();
    expect(await items.getByRole('link').count()).toBe(2);
    await items.getByText('已交办').first().waitFor();
    await page.getByRole('button', { name: '安排复查' }).waitFor();
  });
});
