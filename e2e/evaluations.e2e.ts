import { describe, expect, it } from 'vitest';
import { browserSession, chooseUnit, label } from './browser';

const app = browserSession();
const TITLE = `E2E述责述廉${Date.now().toString(36)}`;
const PNG = {
  name: '述责述廉报告.png',
  mimeType: 'image/png',
  buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
};

let meetingUrl = '';

describe('述职评议 / 述责述廉', () => {
  it('office arranges a meeting from the assessment switch; questions come from supervision', async () => {
    const page = await app.signIn('office');
    await page.goto(app.url('/assessment'));
    await page.locator('.ant-segmented').getByText('述职评议', { exact: true }).click();
    await page.waitForURL(/\/assessment\/evaluations$/);
    // The demo county's meeting two weeks ago, ended with its 纪要.
    await page.getByTestId('evaluation-table').getByText('部门主要负责人述责述廉会议').first().waitFor();

    await page.getByRole('button', { name: '安排评议会议' }).click();
    await page.getByLabel('会议名称').fill(TITLE);
    const units = page
      .locator('.ant-form-item')
      .filter({ has: page.locator('label[for="evaluation_unitIds"]') })
      .getByRole('combobox');
    await chooseUnit(page, units, '住房和城乡', '示范县住房和城乡建设局');
    await chooseUnit(page, units, '应急管理', '示范县应急管理局');
    await page.keyboard.press('Escape');
    // The principals report in person: their scores count in their own leader assessment too.
    await page.getByRole('switch', { name: '主要负责人本人述职' }).click();
    await page.getByRole('button', { name: label('安排') }).click();
    await page.waitForURL(/\/assessment\/evaluations\/[0-9a-f-]{36}$/);
    meetingUrl = page.url();
    await page.getByTestId('evaluation-state').getByText('待召开').waitFor();
    const reporters = page.getByTestId('evaluation-reporter');
    expect(await reporters.count()).toBe(2);
    expect(await reporters.getByText('本人述职·计入个人考核').count()).toBe(2);
  });

  it('the unit head sees only his unit’s part and hands in the written report once', async () => {
    const page = await app.signIn('zhujian.head');
    await page.goto(app.url('/assessment/evaluations'));
    await page.getByTestId('evaluation-table').getByText(TITLE).click();
    await page.getByTestId('evaluation-reporter').first().waitFor();
    expect(await page.getByTestId('evaluation-reporter').count()).toBe(1);
    await page
      .getByTestId('evaluation-reporter')
      .getByText(/^（一）县住建局/)
      .waitFor();
    expect(await page.getByRole('button', { name: '召开评议' }).count()).toBe(0);
    await page.getByTestId('evaluation-reporter').locator('input[type="file"]').setInputFiles(PNG);
    await page.getByText(`书面报告：${PNG.name}`).waitFor();
    expect(await page.getByRole('button', { name: '提交书面报告' }).count()).toBe(0);
  });

  it('office holds the meeting, records every answer and every attendee’s scores, and ends it with the 纪要', async () => {
    const page = await app.signIn('office');
    await page.goto(meetingUrl);
    await page.getByRole('button', { name: '召开评议' }).click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: label('确定') })
      .click();
    await page.getByTestId('evaluation-state').getByText('评议中').waitFor();

    // A unit with nothing open gets a question asked in the meeting; every question is then answered.
    const cards = page.getByTestId('evaluation-reporter');
    for (let i = 0; i < 2; i++) {
      const card = cards.nth(i);
      if ((await card.getByTestId('evaluation-question').count()) > 0) continue;
      await card.getByRole('textbox', { name: /补充质询/ }).fill('本单位落实“一岗双责”有哪些具体举措？');
      await card.getByRole('button', { name: '补充质询' }).click();
      await card.getByTestId('evaluation-question').first().waitFor();
    }
    const questions = page.getByTestId('evaluation-question');
    const n = await questions.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const q = questions.nth(i);
      await q.getByRole('textbox').fill('已制定整改方案，月底前完成。');
      await q.getByRole('button', { name: '记录答复' }).click();
      await q.getByText('已答复', { exact: true }).waitFor();
    }

    const scoring = page.getByTestId('evaluation-scoring');
    for (const [who, scores] of [
      ['县纪委书记', ['92', '85']],
      ['县委组织部部长', ['88', '81']],
      ['党员代表', ['90', '80']],
    ] as const) {
      await scoring.getByRole('combobox', { name: '评议人' }).click();
      await page.locator('.ant-select-dropdown:visible').getByTitle(who, { exact: false }).first().click();
      await scoring.getByLabel('县住建局得分').fill(scores[0]);
      await scoring.getByLabel('县应急管理局得分').fill(scores[1]);
      await scoring.getByRole('button', { name: '保存评分' }).click();
      await page.getByText(`已保存${who}的评分`).first().waitFor();
    }
    await page.getByTestId('reporter-score').first().getByText('平均分 90.00（3人评分）第1名').waitFor();

    await page.getByRole('button', { name: '结束评议' }).click();
    await page
      .getByLabel('评议意见（纪要“会议要求”部分）')
      .fill('各单位对照质询问题逐项整改，一个月内书面报告整改情况。');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: label('结束评议') })
      .click();
    await page.getByTestId('evaluation-state').getByText('已结束').waitFor();
    await page.getByRole('link', { name: /下载纪要/ }).waitFor();
    expect(await page.getByRole('button', { name: '记录答复' }).count()).toBe(0);
    // An answer that does not satisfy goes on to the ledger.
    await questions.first().getByRole('button', { name: '交办为问题' }).click();
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: label('交办') })
      .click();
    await questions
      .first()
      .getByRole('link', { name: /已交办为问题/ })
      .click();
    await page.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    await page.getByText('述责述廉质询').first().waitFor();
  });
});
