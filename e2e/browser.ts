import { type Browser, type Locator, type Page, type Request, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { type RunningServer, startServer } from './server-harness';

export const PASSWORD = 'Zelian@2026';

/** antd puts a space between the two characters of a two-character button label. */
export const label = (text: string) => new RegExp(`^${text.split('').join('\\s*')}$`);

/**
 * Starts the product (fresh data, demo county) for one test file and Debian's Chromium for each test, and signs
 * demo users in. Call once at the top of an e2e file; `env` adds to the server's environment (e.g. a database).
 * A browser per test, not per file: after a few contexts, Chromium's headless mode stopped running a page's
 * animation frames and deferred its re-renders until the next DevTools call, so a button that had long stopped
 * loading still showed its spinner to every wait (measured: 29 frames in 10 s; state settled in 0.1 s).
 */
export function browserSession(options: { env?: () => Promise<Record<string, string>> } = {}) {
  let server: RunningServer;
  let browser: Browser;
  // What the pages met during the current test: answers ≥ 400 and script errors, printed if it fails.
  let seen: string[] = [];
  // The API calls of the current test, in order (ms since its start, method, path, status, duration), and those
  // still unanswered: a write whose refresh never came back leaves its dialog open with no error to show.
  let started = Date.now();
  let calls: string[] = [];
  const open = new Map<Request, number>();
  const watch = (page: Page) => {
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) open.set(r, Date.now());
    });
    const settle = (r: Request, outcome: string) => {
      const since = open.get(r);
      if (since === undefined) return;
      open.delete(r);
      calls.push(
        `+${since - started} ms ${r.method()} ${new URL(r.url()).pathname} ${outcome} ${Date.now() - since} ms`,
      );
    };
    page.on('response', (r) => {
      if (r.status() >= 400) seen.push(`${r.status()} ${r.request().method()} ${r.url()}`);
      settle(r.request(), String(r.status()));
    });

    // Requests that got no answer at all (network, aborts): a page that lost its data this way shows no 4xx.
    page.on('requestfailed', (r) => {
      seen.push(`${r.failure()?.errorText} ${r.method()} ${r.url()}`);
      settle(r, r.failure()?.errorText ?? 'failed');
    });
    page.on('pageerror', (e) => seen.push(`页面脚本错误：${e.message}`));
    return page;
  };
  const unanswered = () =>
    [...open]
      .filter(([r]) => !r.url().includes('/stream'))
      .map(
        ([r, since]) =>
          `未应答：+${since - started} ms ${r.method()} ${new URL(r.url()).pathname}（已等 ${Date.now() - since} ms）`,
      );
  beforeEach(async () => {
    seen = [];
    calls = [];
    open.clear();
    started = Date.now();
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await report(ctx.task.name);
    await browser.close();
  });
  const report = async (test: string) => {
    const pages = browser.contexts().flatMap((c) => c.pages());
    const shown = await Promise.all(pages.map((p) => visibleMessages(p).catch(() => [])));
    const health = await Promise.all(pages.map((p) => renderingHealth(p).catch((e) => `${p.url()} ${e}`)));
    console.error(
      [
        `— ${test}: what the browser met —`,
        ...seen,
        ...shown.flat().map((m) => `页面提示：${m}`),
        ...health,
        ...unanswered(),
        '— API calls (last 25) —',
        ...calls.slice(-25),
        '— server log (tail) —',
        server.logTail().slice(-4000),
      ].join('\n'),
    );
  };
  beforeAll(async () => {
    // A file with its own environment (another database, other settings) seeds its own county.
    const env = await options.env?.();
    server = await startServer(env, { template: env ? undefined : inject('e2eTemplateDir') || undefined });
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    /** The running product's data directory (its audit key lives beside it; the operators' tools need it). */
    dataDir: () => server.dataDir,
    /** http://127.0.0.1:<port> of the running product. */
    url: (path: string) => `${server.baseUrl}${path}`,
    /** A phone-sized page (390 × 844) of someone without an account: the public, a party member with a ballot. */
    async phone(): Promise<Page> {
      const context = await browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 390, height: 844 },
      });
      const page = watch(await context.newPage());
      page.setDefaultTimeout(30_000);
      return page;
    },
    async signIn(username: string): Promise<Page> {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = watch(await context.newPage());
      page.setDefaultTimeout(30_000);
      await page.goto(`${server.baseUrl}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByTestId('user-menu').waitFor();
      return page;
    },
  };
}

/** The antd select around a combobox input: what shows the chosen value. */
const selectOf = (combobox: Locator) =>
  combobox.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');

/**
 * Picks an option of the antd Select whose input is `combobox` — the one whose text contains `option`, else the
 * first — and checks that the select shows it: a click landing while the dropdown animates can be lost (a CI run
 * submitted a form without its 处置方式 that way). `search` types `option` first (remote searches need it).
 */
export async function choose(page: Page, combobox: Locator, option?: string, { search = false } = {}) {
  const select = selectOf(combobox);
  let chosen = '';
  for (let attempt = 1; ; attempt++) {
    // A multiple select drops an option clicked twice: never click again what already shows.
    if (chosen && (await select.filter({ hasText: chosen }).count()) > 0) return;
    await combobox.click();
    if (option && search && (await combobox.isEditable())) await combobox.fill(option);
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    const target = option ? options.filter({ hasText: option }).first() : options.first();
    await target.waitFor();
    chosen = ((await target.locator('.ant-select-item-option-content').textContent()) ?? '').trim();
    await target.click();
    try {
      await select.filter({ hasText: chosen }).waitFor({ timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Picks the unit named `unit` in the shared UnitSelect (a tree select) after typing `search`, and checks that the
 * select shows it — the tree's click can be lost while its dropdown animates, as with `choose`.
 */
export async function chooseUnit(page: Page, combobox: Locator, search: string, unit: string) {
  const select = selectOf(combobox);
  for (let attempt = 1; ; attempt++) {
    await combobox.click();
    await combobox.fill(search);
    await page.locator(`.ant-select-tree-node-content-wrapper[title="${unit}"]`).click();
    try {
      await select.filter({ hasText: unit }).waitFor({ timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Answers 确定 in the open confirmation dialog (modal.confirm) and checks that it closed, retrying a click lost while
 * the dialog animates in.
 */
export async function confirmModal(page: Page) {
  const dialog = page.locator('.ant-modal-confirm:visible');
  for (let attempt = 1; ; attempt++) {
    await dialog.getByRole('button', { name: label('确定') }).click();
    try {
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      if ((await dialog.count()) === 0) return;
    }
  }
}

/**
 * Answers 确定 in the open Popconfirm and checks that it closed: like a select's option, a click landing while the
 * popup animates in can be lost, and the action then never happens.
 */
export async function confirmPopup(page: Page) {
  const popup = page.locator('.ant-popover:visible').filter({ has: page.getByRole('button', { name: label('确定') }) });
  for (let attempt = 1; ; attempt++) {
    await popup.getByRole('button', { name: label('确定') }).click();
    try {
      await popup.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

/**
 * Whether the page still renders: Playwright's waits poll on animation frames, so a page whose frames stopped
 * (a headless Chromium stall) fails every wait however right its DOM is.
 */
async function renderingHealth(page: Page): Promise<string> {
  const h = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const t0 = performance.now();
        const state = `visibility=${document.visibilityState} focus=${document.hasFocus()}`;
        const timer = setTimeout(() => resolve(`${state} 动画帧：2 s 内没有一帧`), 2000);
        requestAnimationFrame(() => {
          clearTimeout(timer);
          resolve(`${state} 动画帧：${Math.round(performance.now() - t0)} ms 后到来`);
        });
      }),
  );
  return `${page.url()} ${h}`;
}

/** Form errors, messages, notifications, result pages and open dialogs on screen: why a step did not go through. */
async function visibleMessages(page: Page): Promise<string[]> {
  const boxes = page.locator(
    '.ant-form-item-explain-error:visible, .ant-message-notice:visible, .ant-notification-notice:visible, .ant-alert-error:visible, .ant-result-title:visible, .ant-modal-title:visible',
  );
  return (await boxes.allTextContents()).map((t) => `${page.url()} ${t.trim()}`);
}

/** A JSON call from inside the signed-in page (session cookie + CSRF token), as the web client makes it. */
export async function call(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/me')).json();
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}
