import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, choose, confirmPopup, label, chooseUnit } from './browser';

const TITLE = `E2E住建工地扬尘整改${Date.now().toString(36)}`;
const UNIT_NAME = '示范县住房和城乡建设局';

let problemUrl = '';

const app = browserSession();
const signIn = app.signIn;

const stateIs = (page: Page, state: string) =>
  page.getByTestId('problem-state').getByText(state, { exact: true }).waitFor();

const confirmPopover = confirmPopup;

/** Search the ledger by the problem's title and return the matching rows. */
async function searchLedger(page: Page, title: string) {
  await page.goto(app.url(`/problems?q=${encodeURIComponent(title)}`));
  await page.getByTestId('problem-stats').waitFor();
  await page.locator('.ant-table-tbody').waitFor();
  await page.waitForLoadState('networkidle');
  return page.locator('.ant-table-tbody tr.ant-table-row');
}

describe('问题清单与整改台账', () => {
  it('office 新建问题并交办给县住建局', async () => {
    const page = await signIn('office');
    await page.getByRole('menu', { name: '主菜单' }).getByRole('link', { name: '问题清单·整改台账' }).click();
    await page.waitForURL('**/problems');
    await page.getByRole('button', { name: '新建问题' }).click();
    await page.waitForURL('**/problems/new');

    // Pasted text past the limit (200, from the shared schema) stays whole, is counted, and is refused on submit.
    const title = page.getByLabel('问题标题');
    await title.fill('扬'.repeat(205));
    expect((await title.inputValue()).length).toBe(205);
    await page.getByText('超出 5 字 · 205 / 200').waitFor();
    await page.getByRole('button', { name: '保存并交办' }).click();
    await page.getByText('最多 200 字，已输入 205 字，请删减 5 字后再提交').waitFor();
    expect(new URL(page.url()).pathname).toBe('/problems/new');
    await title.fill(TITLE);
    await page.getByText(`${TITLE.length} / 200`).waitFor();
    await page.getByLabel('问题描述').fill('施工工地扬尘防控措施落实不到位。');
    // The shared UnitSelect does not forward the form item's id, so find its combobox by the label.
    const unitBox = page
      .locator('.ant-form-item')
      .filter({ has: page.locator('label[for="problem_unitId"]') })
      .getByRole('combobox');
    await chooseUnit(page, unitBox, '住房和城乡', UNIT_NAME);
    await page.getByLabel('措施1内容').fill('开展工地扬尘专项检查并督促整改');
    expect(await page.getByLabel('措施1天数').inputValue()).toBe('10');
    await page.getByRole('button', { name: '保存并交办' }).click();

    await page.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    problemUrl = page.url();
    await stateIs(page, '已交办');
    await page.getByText(TITLE).first().waitFor();
    await page.context().close();
  });

  it('zhujian 签收、报告进展（含佐证材料）并申请销号；office 打开的详情页和台账随之更新，无需刷新', async () => {
    // The office watches the record and the ledger while the unit works on it.
    const watcher = await signIn('office');
    await watcher.goto(problemUrl);
    await stateIs(watcher, '已交办');
    const ledger = await watcher.context().newPage();
    const watched = (await searchLedger(ledger, TITLE)).first();
    await watched.getByText('已交办').waitFor();

    const page = await signIn('zhujian');
    const rows = await searchLedger(page, TITLE);
    await rows.first().getByRole('link', { name: TITLE }).click();
    await page.waitForURL(problemUrl);
    await stateIs(page, '已交办');

    await page.getByRole('button', { name: label('签收') }).click();
    await stateIs(page, '整改中');
    await stateIs(watcher, '整改中');
    await watcher.locator('.ant-notification').getByText('数据已更新').waitFor();
    await watched.getByText('整改中').waitFor();
    // The unit's own page changed by its own hand: no notice there.
    expect(await page.locator('.ant-notification').getByText('数据已更新').count()).toBe(0);
    await watcher.context().close();

    await page.getByRole('button', { name: '报告进展' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '报告进展' });
    await modal.getByLabel('整改进展').fill('已完成全部在建工地检查，问题工地全部整改到位。');
    await modal.getByText('该措施已整改完成').click();
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/files') && r.request().method() === 'POST');
    await modal.locator('input[type=file]').setInputFiles({
      name: '整改佐证.png',
      mimeType: 'image/png',
      buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    });
    expect((await uploaded).status()).toBe(201);
    await modal.getByText('整改佐证.png').waitFor();
    await page.waitForTimeout(200);
    await modal.getByTestId('event-submit').click();
    await modal.waitFor({ state: 'detached' });
    await page.getByTestId('measure-table').getByText('已完成', { exact: true }).waitFor();
    await page.getByTestId('problem-files').getByText('整改佐证.png').waitFor();

    await page.getByRole('button', { name: '申请销号' }).click();
    const closeModal = page.locator('.ant-modal').filter({ hasText: '申请销号' });
    await closeModal.getByLabel('整改情况说明').fill('整改措施均已完成，申请销号。');
    // A double click on 提交 sends one request: no "数据已被他人修改" beside the success.
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/events')) posts.push(r.url());
    });
    await closeModal.getByTestId('event-submit').dblclick();
    await stateIs(page, '申请销号');
    await page.waitForTimeout(500);
    expect(posts).toHaveLength(1);
    expect(await page.getByText('数据已被他人修改').count()).toBe(0);
    await page.getByText('待单位主要负责人审核').waitFor();
    await page.context().close();
  });

  it('zhujian.head 同意销号申请', async () => {
    const page = await signIn('zhujian.head');
    await page.goto(problemUrl);
    await stateIs(page, '申请销号');
    await page.getByRole('button', { name: '同意（单位审核）' }).click();
    await confirmPopover(page);
    await page.getByText('待纪委监委审核销号').waitFor();
    expect(await page.getByRole('button', { name: '同意（单位审核）' }).count()).toBe(0);
    await page.context().close();
  });

  it('office 销号', async () => {
    const page = await signIn('office');
    await page.goto(problemUrl);
    await page.getByText('待纪委监委审核销号').waitFor();
    await page.getByRole('button', { name: label('销号') }).click();
    await confirmPopover(page);
    await stateIs(page, '已销号');
    await page.getByTestId('problem-timeline').getByText('整改佐证.png').waitFor();
    await page.context().close();
  });

  it('fuxianzhang 在台账中看到该问题，yingji 看不到', async () => {
    const leader = await signIn('fuxianzhang');
    const rows = await searchLedger(leader, TITLE);
    await rows.first().getByText('已销号').waitFor();
    expect(await rows.count()).toBe(1);
    await leader.context().close();

    const other = await signIn('yingji');
    const none = await searchLedger(other, TITLE);
    await other.locator('.ant-table-tbody .ant-empty-description').getByText('暂无数据').waitFor();
    expect(await none.count()).toBe(0);
    await other.context().close();
  });

  it('office 在台账筛选栏按关键词和状态筛选（条件在地址栏中），重置后清空', async () => {
    const page = await signIn('office');
    await page.goto(app.url('/problems'));
    const bar = page.getByTestId('problem-filters');
    const keyword = bar.getByRole('searchbox', { name: '关键词' });
    await keyword.fill(TITLE);
    await keyword.press('Enter');
    await page.waitForURL(/[?&]q=/);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: TITLE }).first().waitFor();
    await choose(page, bar.getByRole('combobox', { name: '状态' }), '已交办');
    await page.waitForURL(/[?&]state=dispatched/);
    await page.locator('.ant-table-tbody .ant-empty-description').getByText('暂无数据').waitFor();
    await choose(page, bar.getByRole('combobox', { name: '状态' }), '已销号');
    await page.waitForURL(/[?&]state=closed/);
    await rows.filter({ hasText: TITLE }).first().waitFor();
    await bar.getByRole('button', { name: label('重置') }).click();
    await page.waitForURL((url) => url.search === '');
    await expect.poll(() => keyword.inputValue()).toBe('');
    await page.context().close();
  });

  it('台账打开时只取表格所需：未读数随消息推送一次到达，责任单位和分管县领导的选项在用到时才加载，筛选照常', async () => {
    const page = await signIn('office');
    const asked: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) asked.push(url.pathname);
    });
    await page.goto(app.url('/problems'));
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    const unread = (await page.evaluate(
      async () => (await (await fetch('/api/notifications/unread-count')).json()).count,
    )) as number;
    await expect.poll(() => bell.getAttribute('aria-label')).toBe(unread ? `消息提醒，${unread} 条未读` : '消息提醒');
    // The count came with the event stream; the page fetched it once above, itself.
    expect(asked.filter((p) => p === '/api/notifications/unread-count')).toHaveLength(1);
    expect(asked).toContain('/api/notifications/stream');
    expect(asked.filter((p) => p === '/api/units' || p === '/api/people')).toEqual([]);

    const bar = page.getByTestId('problem-filters');
    const listedBy = (filter: string) =>
      page.waitForResponse((r) => r.url().includes('/api/problems?') && r.url().includes(`${filter}=`));
    const byUnit = listedBy('unitId');
    await chooseUnit(page, bar.getByRole('combobox', { name: '责任单位' }), '住房和城乡', UNIT_NAME);
    await page.waitForURL(/[?&]unitId=/);
    expect((await byUnit).status()).toBe(200);
    const byLeader = listedBy('leaderPersonId');
    await choose(page, bar.getByRole('combobox', { name: '分管县领导' }));
    await page.waitForURL(/[?&]leaderPersonId=/);
    expect((await byLeader).status()).toBe(200);
    const shown = (name: string) =>
      bar
        .getByRole('combobox', { name })
        .locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]')
        .textContent();
    const chosen = async () => [await shown('责任单位'), await shown('分管县领导')];
    const before = await chosen();
    expect(before[0]).toContain(UNIT_NAME);
    expect(before[1]?.trim()).not.toBe('');
    // On an address that names them, both filters show their choice (not an id) after a reload.
    await page.reload();
    await expect.poll(chosen).toEqual(before);
    await page.context().close();
  });

  it('台账默认先列需关注的问题；office 用内置视图筛选，保存自己的视图，刷新后仍在，删除前确认', async () => {
    const page = await signIn('office');
    await page.goto(app.url('/problems'));
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    // The first page is open problems, nearest deadline first: no 已销号 among them.
    expect(await rows.filter({ hasText: '已销号' }).count()).toBe(0);
    const views = page.getByTestId('saved-views');
    await expect.poll(() => views.getByRole('button', { name: '需关注' }).getAttribute('aria-pressed')).toBe('true');

    const overdue = views.getByRole('button', { name: '逾期未改' });
    await overdue.click();
    await page.waitForURL(/[?&]overdue=true/);
    // Pressed as soon as it is clicked, and again when the page opens on its address.
    await expect.poll(() => overdue.getAttribute('aria-pressed')).toBe('true');
    expect(await views.getByRole('button', { name: '需关注' }).getAttribute('aria-pressed')).toBe('false');
    await page.reload();
    await expect.poll(() => overdue.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => overdue.evaluate((b) => b.classList.contains('ant-btn-primary'))).toBe(true);
    await choose(page, page.getByTestId('problem-filters').getByRole('combobox', { name: '状态' }), '整改中');
    await page.waitForURL(/[?&]state=rectifying/);

    await views.getByRole('button', { name: '保存当前视图' }).click();
    const dialog = page.getByRole('dialog');
    const name = dialog.getByLabel('视图名称');
    // The dialog opens with an animation: type once the box holds what was typed, then save and see it close.
    await expect
      .poll(async () => {
        await name.fill('我的待办');
        return name.inputValue();
      })
      .toBe('我的待办');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await dialog.waitFor({ state: 'detached' });
    await views.getByRole('button', { name: '我的待办', exact: true }).waitFor();

    // Kept with the account: another browser signed in as office has it too.
    const elsewhere = await signIn('office');
    await elsewhere.goto(app.url('/problems'));
    await elsewhere.getByTestId('saved-views').getByRole('button', { name: '我的待办', exact: true }).waitFor();
    await elsewhere.context().close();

    await page.reload();
    await views.getByRole('button', { name: '需关注' }).click();
    await page.waitForURL((url) => url.search === '');
    await views.getByRole('button', { name: '我的待办', exact: true }).click();
    await page.waitForURL(/overdue=true/);
    expect(new URL(page.url()).searchParams.get('state')).toBe('rectifying');

    await views.getByRole('button', { name: '删除视图「我的待办」' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('删除') })
      .click();
    await expect.poll(() => views.getByRole('button', { name: '我的待办', exact: true }).count()).toBe(0);

    // A view saved in this browser before views were kept per account moves to the account, and nothing is lost.
    const userId = await page.evaluate(async () => (await (await fetch('/api/me')).json()).user.id as string);
    await page.evaluate(
      (key) => localStorage.setItem(key, JSON.stringify([{ label: '旧视图', search: 'overdue=true' }])),
      `zelian:views:${userId}:problems`,
    );
    await page.reload();
    await views.getByRole('button', { name: '旧视图', exact: true }).waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), `zelian:views:${userId}:problems`)).toBeNull();
    await page.context().close();
  });

  it('挂图作战按状态分列显示', async () => {
    const page = await signIn('office');
    await page.goto(app.url('/problems/board'));
    for (const state of ['draft', 'dispatched', 'rectifying', 'close_requested', 'closed']) {
      await page.getByTestId(`board-column-${state}`).waitFor();
    }
    await page.getByTestId('board-card').first().waitFor();
    await page.context().close();

    const unit = await signIn('zhujian');
    await unit.goto(app.url('/problems/board'));
    await unit.getByTestId('board-column-closed').waitFor();
    expect(await unit.getByTestId('board-column-draft').count()).toBe(0);
    await unit.context().close();
  });

  it('office 确认系统建议的升级督办；fuxianzhang 在消息提醒中收到抄告', async () => {
    const page = await signIn('office');
    await page.goto(app.url('/problems'));
    const pending = await page.evaluate(async () => {
      const res = await fetch('/api/problems?color=red&pageSize=200');
      const body = (await res.json()) as { items: { id: string; pendingEscalation: number | null }[] };
      return body.items.find((p) => p.pendingEscalation === 1)?.id;
    });
    expect(pending).toBeTruthy();
    await page.goto(app.url(`/problems/${pending}`));
    await page.getByText('系统建议升级督办为「通报」').waitFor();
    await page.getByRole('button', { name: '升级督办' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('说明').fill('逾期未改，予以通报');
    await dialog.getByRole('button', { name: label('提交') }).click();
    await page.getByText('督办级别：通报').waitFor();
    await page.context().close();

    const leader = await signIn('fuxianzhang');
    await leader.goto(app.url('/notifications'));
    await leader
      .getByText(/【抄告】问题交办/)
      .first()
      .waitFor();
    await leader.context().close();
  });

  it('office 批量导入：先列出有误的行，改正后导入，显示进度', async () => {
    const header = ['问题标题', '问题描述', '问题来源', '问题类别', '严重程度', '责任单位编码', '整改措施', '整改时限'];
    const file = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('问题清单').addRows([header, ...rows]);
      return {
        name: '问题清单.xlsx',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(await wb.xlsx.writeBuffer()),
      };
    };
    const tag = `E2E导入${Date.now().toString(36)}`;
    const rows = Array.from({ length: 3000 }, (_, i) => [
      `${tag}-${i}`,
      '',
      '审计',
      '财务',
      '',
      'ZJJ',
      '整改；复查',
      '20个工作日',
    ]);
    const page = await signIn('office');
    await page.goto(app.url('/problems'));
    await page.getByRole('button', { name: '批量导入' }).click();
    const modal = page.getByRole('dialog');
    const input = modal.locator('input[type=file]');

    await input.setInputFiles(
      await file([...rows.slice(0, 2), [`${tag}-x`, '', '审计', '', '', 'NOPE', '整改', '20个工作日']]),
    );
    await modal.getByText('有 1 处错误，未导入任何数据，请修改后重新上传').waitFor();
    await modal.getByRole('cell', { name: '单位编码 NOPE 不存在或无权操作' }).waitFor();

    await input.setInputFiles(await file(rows));
    await modal.getByText('写入数据').waitFor();
    await modal.getByText('导入成功').waitFor();
    await modal.getByText('共导入问题 3,000 个（待交办），请核对后交办。').waitFor();
    expect(await (await searchLedger(page, `${tag}-2999`)).count()).toBe(1);
    await page.context().close();
  });
});
