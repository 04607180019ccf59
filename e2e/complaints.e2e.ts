import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, choose, chooseUnit, label } from './browser';

const app = browserSession();
const MARK = `E2E${Date.now().toString(36)}`;

/** A member of the public on a 390 px phone screen, no account, on the public report page. */
async function phone(): Promise<Page> {
  const page = await app.phone();
  await page.goto(app.url('/report'));
  return page;
}

const pick = (page: Page, field: string, option: string) =>
  choose(page, page.getByLabel(field, { exact: true }), option);

async function file(page: Page, anonymous: boolean, content: string) {
  if (anonymous) await page.getByText('匿名举报', { exact: true }).click();
  else {
    await page.getByLabel('您的姓名').fill('王实名');
    await page.getByLabel('联系电话').fill('13811112222');
  }
  await page.getByLabel('被反映人姓名').fill('赵某');
  await page.getByLabel('被反映人单位').fill('县住建局');
  await page.getByLabel('反映的主要问题').fill(content);
  await page.getByTestId('file-submit').click();
  await page.getByTestId('complaint-receipt').waitFor();
  const code = ((await page.getByTestId('receipt-code').textContent()) ?? '').trim();
  const password = ((await page.getByTestId('receipt-password').textContent()) ?? '').trim();
  return { code, password };
}

async function status(page: Page, code: string, password: string) {
  await page.goto(app.url('/report'));
  await page.getByRole('tab', { name: '查询办理情况' }).click();
  await page.getByLabel('受理编号').fill(code);
  await page.getByLabel('查询密码').fill(password);
  await page.getByTestId('status-submit').click();
  const found = page.getByTestId('status-result').or(page.getByText('受理编号或查询密码不正确'));
  return (await found.first().textContent()) ?? '';
}

let realName = { code: '', password: '' };

describe('信访举报', () => {
  it('the public files an anonymous and a real-name report at 390 px and checks the status', async () => {
    const page = await phone();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const anon = await file(page, true, `${MARK} 匿名反映赵某收受红包`);
    expect(anon.code).toMatch(/^XF/);
    expect(await status(page, anon.code, anon.password)).toContain('已收到');
    await page.goto(app.url('/report'));
    realName = await file(page, false, `${MARK} 实名反映赵某违规发放补贴`);
    expect(await status(page, realName.code, 'wrong-password')).toBe('受理编号或查询密码不正确');
  }, 180_000);

  it('staff receive, accept, notify, decide, complete and answer; the filer reads the answer', async () => {
    const page = await app.signIn('office');
    await page.goto(app.url(`/complaints?q=${realName.code}`));
    // The quarter's feedback of results downloads as a workbook named after the quarter.
    await page.getByRole('button', { name: '季度办理结果反馈表' }).hover();
    const download = page.waitForEvent('download');
    await page.locator('.ant-dropdown:visible').getByRole('menuitem').first().click();
    expect((await download).suggestedFilename()).toMatch(/^\d{4}年第[1-4]季度信访举报办理结果反馈\.xlsx$/);
    await page.getByRole('link', { name: realName.code }).click();
    await page.getByTestId('complaint-detail').getByText('王实名').waitFor();
    const act = async (name: string, fill?: () => Promise<void>) => {
      await page
        .getByTestId('complaint-actions')
        .getByRole('button', { name: label(name) })
        .click();
      await fill?.();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    };
    await act('接收（首问负责）');
    await act('受理');
    await act('告知受理情况', () => pick(page, '告知方式', '电话'));
    await act('集体研究处置', async () => {
      await pick(page, '处置方式', '初步核实');
      await page.getByLabel('批准人（集体研究后报批）').fill('县纪委书记');
    });
    // Handling hands work on: a problem the unit must fix, and a proposal of accountability for the case office.
    await act('交办问题台账', async () => {
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('问题标题').fill(`${MARK} 补贴发放不规范`);
      await chooseUnit(page, dialog.getByLabel('责任单位'), '住房和城乡', '示范县住房和城乡建设局');
      await dialog.getByLabel('整改措施').fill('清理补贴发放台账，建立审批制度');
      const deadline = dialog.getByLabel('整改期限');
      await deadline.fill('2027-01-29');
      await deadline.press('Enter');
    });
    const problemLink = page.getByTestId('complaint-detail').getByRole('link', { name: /^WT\d{4}-\d{5}$/ });
    await problemLink.waitFor();
    await act('提出问责建议', async () => {
      await page.getByRole('dialog').getByLabel('建议理由').fill('违规发放补贴问题经初步核实部分属实，建议问责');
      await choose(page, page.getByRole('dialog').getByLabel('建议问责人员'));
      // Close the open person list (a multiple select stays open after a pick).
      await page.getByRole('dialog').getByLabel('建议理由').click();
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    });
    await page
      .getByTestId('proposal-outcome')
      .getByText(/待受理/)
      .first()
      .waitFor();
    await act('办结', async () => {
      await pick(page, '核查结论', '部分属实');
      await page.getByLabel('办理结果').fill('经初步核实，反映问题部分属实，已责令整改。');
    });
    await act('反馈处理结果', async () => {
      await pick(page, '反馈方式', '电话');
      // The draft answer says what became of the problem, in words the filer may read.
      expect(await page.getByLabel('答复内容（举报人凭受理编号可见）').inputValue()).toContain('已交相关单位整改');
    });
    await page.getByText('已反馈').first().waitFor();
    await page.getByTestId('complaint-clocks').getByText('按时完成').first().waitFor();
    const pub = await phone();
    expect(await status(pub, realName.code, realName.password)).toContain('部分属实');
    // The problem's page leads back to the complaint, for those who may read complaints.
    await problemLink.click();
    await page.getByTestId('complaint-of-problem').getByRole('link', { name: realName.code }).waitFor();
  }, 240_000);

  it('the unit complained about sees nothing', async () => {
    const page = await app.signIn('zhujian.head');
    await page.goto(app.url('/complaints'));
    await page
      .getByText(/无权|没有权限/)
      .first()
      .waitFor();
    expect(await page.getByText(MARK).count()).toBe(0);
  });
});
