import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, call, label } from './browser';

const SUFFIX = Date.now().toString(36);
const app = browserSession();

/** The office records and dispatches a problem, then escalates it to the last rung: a 问责建议. */
async function escalatedProblem(page: Page, title: string) {
  const units = await call(page, 'GET', '/api/units?q=ZJJ');
  const zjj = units.json.items.find((u: { code: string }) => u.code === 'ZJJ');
  const created = await call(page, 'POST', '/api/problems', {
    title,
    description: '三处工地裸土未覆盖，多次督促仍未整改',
    source: 'patrol',
    category: '生态环境',
    unitId: zjj.id,
    responsiblePersonId: zjj.principalPersonId,
    measures: [{ content: '覆盖裸土并安装喷淋', deadlineType: 'working', days: 5 }],
    dispatch: true,
  });
  expect(created.status).toBe(201);
  const p = created.json as { id: string; version: number };
  const current = await call(page, 'GET', `/api/problems/${p.id}`);
  const escalated = await call(page, 'POST', `/api/problems/${p.id}/events`, {
    type: 'escalate',
    level: 4,
    comment: '逾期仍未整改',
    version: current.json.version,
  });
  expect(escalated.status).toBe(200);
  return p.id;
}

/** The intake opens the proposal from the queue by its 事由. */
async function openFromQueue(page: Page, title: string) {
  await page.goto(app.url('/cases/proposals'));
  await page.getByRole('link', { name: title }).click();
  await page.getByTestId('proposal-evidence').waitFor();
}

const outcome = (page: Page) => page.getByTestId('proposal-outcome');

describe('问责建议', () => {
  it('an escalated problem is proposed, accepted into a case, and its page shows the case', async () => {
    const title = `E2E问责建议受理${SUFFIX}`;
    const office = await app.signIn('office');
    const problemId = await escalatedProblem(office, title);
    await office.goto(app.url(`/problems/${problemId}`));
    await outcome(office).getByText('待受理').first().waitFor();

    const wenze = await app.signIn('wenze1');
    await openFromQueue(wenze, title);
    await expect(wenze.getByTestId('proposal-evidence').textContent()).resolves.toContain(title);
    await wenze.getByRole('button', { name: '受理立案' }).click();
    const accept = wenze.locator('.ant-modal').filter({ hasText: '受理立案' });
    await accept.waitFor();
    await accept.getByRole('button', { name: label('立案') }).click();
    await wenze.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = wenze.url().split('/').at(-1);

    await office.reload();
    await outcome(office).getByText('已立案', { exact: false }).first().waitFor();
    const caseLink = outcome(office).locator(`a[href="/cases/${caseId}"]`);
    await caseLink.waitFor();
    expect((await caseLink.textContent())?.trim()).not.toBe('');
  });

  it('a declined proposal shows the office why on the problem’s page', async () => {
    const title = `E2E问责建议不予立案${SUFFIX}`;
    const reason = `已在年度考核中处理，不再立案${SUFFIX}`;
    const office = await app.signIn('office');
    const problemId = await escalatedProblem(office, title);

    const wenze = await app.signIn('wenze1');
    await openFromQueue(wenze, title);
    await wenze.getByRole('button', { name: '不予立案' }).click();
    const decline = wenze.locator('.ant-modal').filter({ hasText: '不予立案的理由' });
    await decline.waitFor();
    await decline.getByLabel('不予立案的理由').fill(reason);
    await decline.getByRole('button', { name: label('确定') }).click();
    await decline.waitFor({ state: 'detached' });

    await office.goto(app.url(`/problems/${problemId}`));
    await outcome(office).getByText(reason, { exact: false }).waitFor();
    await expect(outcome(office).textContent()).resolves.toContain('不予立案');
  });
});
