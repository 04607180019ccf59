import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { browserSession, choose, label } from './browser';

const MATTER = `E2E片区更新容缺审批试点${Date.now().toString(36)}`;
const REASON = 'E2E 工程质量问题整改迟缓，提醒谈话';

const app = browserSession();
const signIn = app.signIn;

const openMenu = async (page: Page, name: string, url: string) => {
  await page.getByRole('menu', { name: '主菜单' }).getByRole('link', { name, exact: true }).click();
  await page.waitForURL(`**${url}`);
};

const pickDate = async (page: Page, name: string, value: string) => {
  const input = page.getByLabel(name, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
};

let filingUrl = '';

describe('容错免责备案与谈话', () => {
  it('zhujian.head 填报事前备案并提交', async () => {
    const page = await signIn('zhujian.head');
    await openMenu(page, '容错免责备案', '/tolerance-filings');
    await page.getByRole('button', { name: '新建备案' }).click();
    await page.waitForURL('**/tolerance-filings/new');
    // The unit is the signed-in head's own.
    await page.getByText('示范县住房和城乡建设局').first().waitFor();
    await page.getByLabel('备案事项').fill(MATTER);
    await page.getByLabel('决策内容').fill('对城东片区更新项目实行容缺审批，非核心要件开工前补齐。');
    await page.getByLabel('政策依据').fill('《优化营商环境条例》第四十条。');
    await page.getByLabel('集体决策会议纪要').fill('局党组会议集体研究同意。');
    await page.getByLabel('反对意见').fill('一名副局长建议先小范围试行，意见已记录。');
    await page.getByLabel('风险评估').fill('补件不及时可能停工，建立补件台账。');
    await pickDate(page, '决策日期', '2026-11-20');
    await pickDate(page, '复核日期', '2027-05-20');
    const people = page
      .locator('.ant-form-item')
      .filter({ has: page.locator('label[for="filing_personIds"]') })
      .getByRole('combobox');
    await choose(page, people);
    await page.keyboard.press('Escape');
    // The 容错情形 the filing meets, from the list in force (rules as data).
    await choose(page, page.getByRole('combobox', { name: '符合的容错情形' }), '先行先试出现失误');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '提交备案' }).click();

    await page.waitForURL(/\/tolerance-filings\/[0-9a-f-]{36}$/);
    filingUrl = page.url();
    await page.getByText('待审批', { exact: true }).first().waitFor();
    await page.getByTestId('filing-detail').getByText('《优化营商环境条例》第四十条。').waitFor();
    await page.context().close();
  });

  it('leader 审批同意备案', async () => {
    const page = await signIn('leader');
    await openMenu(page, '容错免责备案', '/tolerance-filings');
    await page.getByLabel('关键词').fill(MATTER);
    await page.getByLabel('关键词').press('Enter');
    await page.getByTestId('filing-table').getByRole('link', { name: MATTER }).click();
    await page.waitForURL(filingUrl);
    await page.getByRole('button', { name: '同意备案' }).click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: label('确定') })
      .click();
    await page.getByText('已备案', { exact: true }).first().waitFor();
    await page
      .getByTestId('filing-detail')
      .getByText(/同意备案（/)
      .waitFor();
    await page.context().close();
  });

  it('paizhu1 安排谈话并记录谈话内容', async () => {
    const page = await signIn('paizhu1');
    await openMenu(page, '谈话管理', '/talks');
    await page.getByTestId('talk-table').waitFor();
    await page.getByRole('button', { name: '安排谈话' }).click();
    await page.waitForURL('**/talks/new');
    const subjects = page
      .locator('.ant-form-item')
      .filter({ has: page.locator('label[for="talk_subjectPersonIds"]') })
      .getByRole('combobox');
    await choose(page, subjects);
    await page.keyboard.press('Escape');
    await page.getByLabel('其他谈话人').fill('派驻第一纪检监察组组长');
    await page.getByLabel('谈话事由').fill(REASON);
    await page.getByLabel('谈话地点').fill('派驻第一组谈话室');
    await page.getByLabel('整改要求').fill('十个工作日内报送整改报告');
    await page.getByRole('button', { name: label('保存') }).click();

    await page.waitForURL(/\/talks\/[0-9a-f-]{36}$/);
    await page.getByText('待谈话', { exact: true }).first().waitFor();
    await page.getByLabel('谈话记录').fill('指出工程质量问题整改迟缓，谈话对象表示接受，承诺十个工作日内整改到位。');
    await page.getByRole('button', { name: '保存谈话记录' }).click();
    await page.getByText('已谈话', { exact: true }).first().waitFor();
    await page.getByLabel('跟踪情况').waitFor();
    await page.context().close();
  });
});
