import { describe, expect, it } from 'vitest';
import { browserSession, call, choose, label, chooseUnit } from './browser';

const app = browserSession();
const UNIT_NAME = '示范县住房和城乡建设局';
const TITLE = `E2E民主测评${Date.now().toString(36)}`;

let surveyUrl = '';
let ballotLink = '';
/** 县住建局's principal, assessed in person (a leader's 民主测评). */
let principal = '';

describe('民主测评', () => {
  it('office issues a survey to a unit and gets one printable ballot slip per party member', async () => {
    const page = await app.signIn('office');
    await page.goto(app.url('/assessment/surveys'));
    await page.getByTestId('survey-table').getByText('县住建局领导班子民主测评').first().waitFor();
    await page.getByRole('button', { name: '新建民主测评' }).click();
    const unitBox = page
      .locator('.ant-form-item')
      .filter({ has: page.locator('label[for="survey_unitId"]') })
      .getByRole('combobox');
    await chooseUnit(page, unitBox, '住房和城乡', UNIT_NAME);
    const units = await call(page, 'GET', '/api/units?q=ZJJ');
    principal = units.json.items.find((u: { code: string }) => u.code === 'ZJJ').principalName;
    await choose(page, page.getByLabel('被测评人（可选）'), principal, { search: true });
    await page.getByLabel('测评名称').fill(TITLE);
    await page.getByRole('button', { name: label('创建') }).click();
    await page.waitForURL(/\/assessment\/surveys\/[0-9a-f-]{36}$/);
    surveyUrl = page.url();
    await page.getByText('未发放', { exact: true }).waitFor();
    await page.getByText(new RegExp(`^${principal}（县住建局`)).waitFor();

    await page.getByRole('button', { name: '发放选票' }).click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: label('发放') })
      .click();
    await page.getByTestId('ballot-slip').first().waitFor();
    await page.getByText('选票只显示这一次', { exact: true }).waitFor();
    const links = await page.getByTestId('ballot-link').allTextContents();
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links).size).toBe(links.length);
    expect(await page.getByTestId('ballot-slip').count()).toBe(links.length);
    ballotLink = links[0];
    expect(ballotLink).toMatch(/\/ballot\/[A-Za-z0-9_-]{20,}$/);
  });

  it('a party member answers the ballot on a 390 px phone', async () => {
    const page = await app.phone();
    await page.goto(ballotLink);
    await page.getByText(TITLE).waitFor();
    await page.getByText(`被测评人：${principal}（县住建局`, { exact: false }).waitFor();
    const questions = page.getByTestId('ballot-question');
    const n = await questions.count();
    expect(n).toBeGreaterThan(1);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Submitting with a question left open names it in Chinese.
    for (let i = 0; i < n - 1; i++) await questions.nth(i).getByText('好', { exact: true }).click();
    await page.getByRole('button', { name: label('提交') }).click();
    await page.getByText(`还有1道题未作答（第${n}题）`).waitFor();
    await questions
      .nth(n - 1)
      .getByText('一般', { exact: true })
      .click();
    await page.getByRole('button', { name: label('提交') }).click();
    await page.getByTestId('ballot-done').getByText('已提交', { exact: true }).waitFor();
  });

  it('the same slip a second time, or a made-up one, is refused in Chinese', async () => {
    const again = await app.phone();
    await again.goto(ballotLink);
    await again.getByTestId('ballot-refused').getByText('选票无效、已使用或测评已结束').waitFor();
    // A made-up token too.
    await again.goto(ballotLink.replace(/[^/]{6}$/, 'xxxxxx'));
    await again.getByTestId('ballot-refused').getByText('选票无效、已使用或测评已结束').waitFor();
  });

  it('office sees the participation and the answer counted', async () => {
    const page = await app.signIn('office');
    await page.goto(surveyUrl);
    await page.getByTestId('survey-answered').getByText('1张').waitFor();
    const results = page.getByTestId('survey-results');
    await results.getByRole('row').nth(1).waitFor();
    // First question: one 好 (column 3), average 100.00.
    expect(await results.getByRole('row').nth(1).getByRole('cell').nth(2).textContent()).toBe('1');
    await results.getByText('100.00').first().waitFor();
    await page.goto(app.url('/assessment/surveys'));
    await page.getByTestId('survey-table').getByRole('row').filter({ hasText: TITLE }).getByText(/^1\//).waitFor();
  });
});
