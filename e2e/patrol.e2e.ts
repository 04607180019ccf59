import { describe, expect, it } from 'vitest';
import { browserSession, call, label } from './browser';

const SUFFIX = Date.now().toString(36);
const FINDING = `E2E工地脚手架未设连墙件${SUFFIX}`;
const PLACE = `城北棚户区改造项目工地${SUFFIX}`;
const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

const app = browserSession();

let taskId = '';
let findingId = '';
let problemId = '';

describe('督导巡查', () => {
  it('office 向第一督导巡查组下达交办单', async () => {
    const page = await app.signIn('office');
    const groups = await call(page, 'GET', '/api/groups?pageSize=200');
    const group1 = groups.json.items.find((g: { name: string }) => g.name === '第一督导巡查组');
    const units = await call(page, 'GET', '/api/units?q=ZJJ');
    const zjj = units.json.items.find((u: { code: string }) => u.code === 'ZJJ');
    const created = await call(page, 'POST', '/api/tasks', {
      groupId: group1.id,
      title: `E2E安全生产暗访督导${SUFFIX}`,
      targetUnitIds: [zjj.id],
      projects: ['城北棚户区改造项目'],
      focus: '在建工地安全防护措施落实情况',
      method: 'unannounced',
      periodStart: day(0),
      periodEnd: day(10),
      deadline: day(15),
      issue: true,
    });
    expect(created.status).toBe(201);
    taskId = created.json.id;
    await page.goto(app.url(`/supervision/tasks/${taskId}`));
    await page.getByTestId('task-state').getByText('已交办').waitFor();
    await page.getByRole('link', { name: /交办单/ }).waitFor();
    await page.context().close();
  });

  it('第一组组长在手机（390px）上记录督导情况和发现的问题', async () => {
    const page = await app.signIn('group1');
    await page.setViewportSize({ width: 390, height: 844 });
    // The home page opens on the field work: one tap on the task reaches its visit form.
    await page.goto(app.url('/'));
    const recordTask = page.getByTestId('field-work').getByRole('button', { name: /E2E安全生产暗访督导/ });
    await recordTask.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await recordTask.click();
    await page.waitForURL(`**/supervision/record?taskId=${taskId}`);
    const form = page.getByTestId('inspection-form');
    await form.waitFor();
    await form
      .locator('.ant-form-item')
      .filter({ has: page.locator('label', { hasText: '督导任务' }) })
      .getByText(/E2E安全生产暗访督导/)
      .waitFor();
    await page.getByLabel('督导地点').fill(PLACE);
    const units = page
      .locator('.ant-form-item')
      .filter({ has: page.locator('label', { hasText: '被督导单位' }) })
      .getByRole('combobox');
    await units.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '县住建局' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('接触人员').fill('项目经理、安全员');
    await page.getByLabel('督导情况').fill('不打招呼直奔现场，查看脚手架搭设和安全防护措施。');
    await form.locator('input[type="file"]').setInputFiles({
      name: '现场照片.png',
      mimeType: 'image/png',
      buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    });
    await page.getByRole('button', { name: '保存督导记录' }).click();

    const findingForm = page.getByTestId('finding-form');
    await findingForm.waitFor();
    await page.getByLabel('问题概述').fill(FINDING);
    await page.getByLabel('问题详情').fill('脚手架未按规定设置连墙件，存在坍塌隐患。');
    await page.getByLabel('整改建议').fill('责令立即整改，逐项复查脚手架搭设');
    await page.getByRole('button', { name: '报送发现问题' }).click();
    const recorded = page.getByTestId('recorded-findings').getByRole('link', { name: FINDING });
    await recorded.waitFor();
    findingId = ((await recorded.getAttribute('href')) ?? '').split('/').pop() ?? '';
    expect(findingId).toMatch(/^[0-9a-f-]{36}$/);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const inspections = await call(page, 'GET', `/api/inspections?taskId=${taskId}`);
    expect(inspections.json.items[0]).toMatchObject({ place: PLACE, method: 'unannounced' });
    const detail = await call(page, 'GET', `/api/inspections/${inspections.json.items[0].id}`);
    expect(detail.json.files.map((f: { name: string }) => f.name)).toEqual(['现场照片.png']);
    await page.context().close();
  });

  it('被督导单位在交办前看不到督导发现', async () => {
    const page = await app.signIn('zhujian');
    expect((await call(page, 'GET', `/api/findings/${findingId}`)).status).toBe(404);
    await page.context().close();
  });

  it('office 审核后将发现交办为问题', async () => {
    const page = await app.signIn('office');
    await page.goto(app.url('/supervision/findings'));
    await page.getByTestId('finding-table').getByRole('link', { name: FINDING }).click();
    await page.getByTestId('finding-state').getByText('待审核').waitFor();
    await page.getByRole('button', { name: '交办为问题' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '整改时限' });
    expect(await modal.getByLabel('整改措施').inputValue()).toBe('责令立即整改，逐项复查脚手架搭设');
    await modal.getByLabel('整改时限').click();
    await modal.getByLabel('整改时限').fill(day(30));
    await modal.getByLabel('整改时限').press('Enter');
    await modal.getByRole('button', { name: label('确定') }).click();
    await page.getByTestId('finding-state').getByText('已交办').waitFor();
    const link = page.getByTestId('finding-problems').getByRole('link').first();
    problemId = ((await link.getAttribute('href')) ?? '').split('/').pop() ?? '';
    expect(problemId).toMatch(/^[0-9a-f-]{36}$/);
    await page.context().close();
  });

  it('县住建局联络员看到交办的问题', async () => {
    const page = await app.signIn('zhujian');
    await page.goto(app.url(`/problems/${problemId}`));
    await page.getByTestId('problem-state').getByText('已交办', { exact: true }).waitFor();
    await page.getByText(FINDING).first().waitFor();
    await page.getByText('督导巡查').first().waitFor();
    // The finding itself stays with the office and the group.
    expect((await call(page, 'GET', `/api/findings/${findingId}`)).status).toBe(404);
    await page.context().close();
  });
});
