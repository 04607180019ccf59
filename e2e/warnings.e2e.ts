import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, confirmPopup, label } from './browser';

let target: { id: string; code: string; problemId: string } | undefined;

const app = browserSession();
const signIn = app.signIn;

const stateIs = (page: Page, state: string) =>
  page.getByTestId('warning-state').getByText(state, { exact: true }).waitFor();

type Found = { id: string; code: string; problemId: string } | undefined;

/** A pending_review warning of 县住建局 (ZJJ), read through the API as the signed-in user. */
const findPending = (page: Page) =>
  page.evaluate(async (): Promise<Found> => {
    const units = (await (await fetch('/api/units?q=ZJJ&pageSize=5')).json()) as {
      items: { id: string; code: string }[];
    };
    const unitId = (units.items.find((u) => u.code === 'ZJJ') ?? units.items[0])?.id;
    if (!unitId) return undefined;
    const res = await fetch(`/api/warnings?unitId=${unitId}&state=pending_review&pageSize=50`);
    const body = (await res.json()) as { items: { id: string; code: string; problemId: string }[] };
    const w = body.items[0];
    return w ? { id: w.id, code: w.code, problemId: w.problemId } : undefined;
  });

describe('模拟问责', () => {
  it('office 在模拟问责单中研判并发出提醒函', async () => {
    let page = await signIn('office');
    target = await findPending(page);
    if (!target) {
      // No demo warning of 县住建局 waiting for review: run the scan as the system administrator.
      await page.context().close();
      const admin = await signIn('sysadmin');
      const status = await admin.evaluate(async () => {
        const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
        const res = await fetch('/api/jobs/warning-scan/run', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: '{}',
        });
        return res.status;
      });
      expect(status).toBeLessThan(300);
      await admin.context().close();
      page = await signIn('office');
      target = await findPending(page);
    }
    expect(target).toBeTruthy();
    const w = target as NonNullable<Found>;

    await page.getByRole('menu', { name: '主菜单' }).getByRole('link', { name: '模拟问责·联席会议' }).click();
    await page.waitForURL('**/warnings');
    await page.getByTestId('warning-table').locator('.ant-table-row').first().waitFor();

    await page.goto(app.url('/warnings?state=pending_review&pageSize=100'));
    const link = page.getByTestId('warning-table').getByRole('link', { name: w.code, exact: true });
    await link.click();
    await page.waitForURL(`**/warnings/${w.id}`);
    await stateIs(page, '待研判');
    await page.getByText('问责条例依据').waitFor();
    await page.getByTestId('warning-facts').locator('.ant-table-row').first().waitFor();
    expect(await page.getByRole('link', { name: '下载提醒函' }).getAttribute('href')).toBe(
      `/api/warnings/${w.id}/documents/reminder.docx`,
    );

    await page.getByRole('button', { name: '发出提醒函' }).click();
    await confirmPopup(page);
    await stateIs(page, '已发提醒函');
    await page.getByTestId('warning-timeline').getByText('发出提醒函').waitFor();
    await page.context().close();
  });

  it('zhujian 从列表打开提醒函并报送整改方案', async () => {
    const w = target as NonNullable<Found>;
    const page = await signIn('zhujian');
    await page.getByRole('menu', { name: '主菜单' }).getByRole('link', { name: '模拟问责·联席会议' }).click();
    await page.waitForURL('**/warnings');
    await page.goto(app.url('/warnings?state=issued&pageSize=100'));
    await page.getByTestId('warning-table').getByRole('link', { name: w.code, exact: true }).click();
    await page.waitForURL(`**/warnings/${w.id}`);
    await stateIs(page, '已发提醒函');
    // A unit cannot review, issue or close warnings.
    expect(await page.getByRole('button', { name: '风险化解' }).count()).toBe(0);

    await page.getByRole('button', { name: '报送整改方案' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '报送整改方案' });
    await modal.getByTestId('warning-submit').click();
    await modal.getByText('请填写整改方案').waitFor();
    await modal.getByLabel('整改方案').fill('由局长牵头，十个工作日内完成全部整改，每周报送进展。');
    await modal.getByTestId('warning-submit').click();
    await modal.waitFor({ state: 'detached' });
    await stateIs(page, '整改中');
    await page.getByTestId('warning-answer').getByText('由局长牵头').waitFor();
    await page.context().close();
  });

  it('office 确认风险化解，并在问题详情看到模拟问责推演', async () => {
    const w = target as NonNullable<Found>;
    const page = await signIn('office');
    await page.goto(app.url(`/warnings/${w.id}`));
    await stateIs(page, '整改中');
    await page.getByRole('button', { name: '风险化解' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '风险化解' });
    await modal.getByLabel('风险化解情况').fill('整改方案已落实，风险已化解。');
    await modal.getByTestId('warning-submit').click();
    await stateIs(page, '已化解');
    await page.getByTestId('warning-outcome').getByText('整改方案已落实，风险已化解。').waitFor();
    expect(await page.getByTestId('warning-actions').count()).toBe(0);

    await page.getByRole('link', { name: '查看问题' }).click();
    await page.waitForURL(`**/problems/${w.problemId}`);
    const card = page.getByTestId('what-if-card');
    await card.getByText(/若至\d{4}年\d{1,2}月\d{1,2}日仍无变化/).waitFor();
    await page.context().close();
  });

  it('office 在情形目录中预览规则，并看到未知字段的中文错误', async () => {
    const page = await signIn('office');
    await page.goto(app.url('/warnings'));
    await page.getByText('情形目录', { exact: true }).click();
    await page.waitForURL('**/warnings/situations');
    await page.getByTestId('situation-table').getByRole('link', { name: '问题整改逾期超过10个工作日' }).click();
    await page.waitForURL(/\/warnings\/situations\/[0-9a-f-]{36}$/);

    await page.getByTestId('rule-condition').first().waitFor();
    await page.getByRole('button', { name: /预\s*览/ }).click();
    await page
      .getByTestId('preview-total')
      .getByText(/当前将触发 \d+ 个问题/)
      .waitFor();

    await page.getByTestId('rule-editor').getByText('JSON', { exact: true }).click();
    await page.getByLabel('规则 JSON').fill('{"field": "no_such_field", "op": ">=", "value": 1}');
    await page.getByRole('button', { name: label('保存') }).click();
    await page.getByText(/规则中的字段“no_such_field”不存在/).waitFor();

    // Bad JSON never reaches the server.
    await page.getByLabel('规则 JSON').fill('{"field": ');
    await page
      .getByText(/JSON 格式不正确/)
      .first()
      .waitFor();
    await page.context().close();
  });
});
