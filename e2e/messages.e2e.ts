import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReceiver, startSmtpReceiver } from '../server/test/receivers';
import { browserSession, call, choose, label } from './browser';
import { formatDate } from '../common/format';

// Real receivers on this machine: an HTTP SMS gateway and an SMTP server, started by the test.
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let gateway: Awaited<ReturnType<typeof startHttpReceiver>>;
/** The texts the gateway received. */
const texts = () =>
  gateway.hits.map((hit) => {
    const sent = JSON.parse(hit.body) as { phone: string; params: { title: string; content: string } };
    return {
      phone: sent.phone,
      title: sent.params.title,
      content: sent.params.content,
      signature: String(hit.headers['x-zelian-signature']),
    };
  });

const TODAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
/** As the screens show a day (common/format.ts). */
const TODAY_SHOWN = formatDate(TODAY);
const NAME = `E2E节前廉洁提醒${Date.now().toString(36)}`;
const HEAD_MAIL = 'zhujian.head@example.gov.cn';

const app = browserSession();

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  gateway = await startHttpReceiver();
});
afterAll(async () => {
  await smtp?.close();
  await gateway?.close();
});

describe('消息外发：通道配置与关键节点提醒', () => {
  it('sysadmin 配置 HTTP 短信网关和 SMTP 邮件服务器，测试消息送达', async () => {
    const page = await app.signIn('sysadmin');
    await page.goto(app.url('/admin/channels'));

    const sms = page.getByTestId('channel-sms');
    await sms.getByLabel('启用').click();
    await choose(page, sms.getByLabel('适配器'), 'HTTP 短信网关');
    await sms.getByLabel('网关地址').fill(`${gateway.url}/sms`);
    await sms.getByLabel('签名算法').fill('hmac-sm3');
    await sms.getByLabel('签名密钥').fill('e2e-sms-secret');
    await sms.getByLabel('关键节点提醒').check();
    await sms.getByRole('button', { name: label('保存') }).click();
    await page.getByText('短信通道已保存').waitFor();
    await sms.getByPlaceholder('测试手机号').fill('13900009999');
    await sms.getByRole('button', { name: '发送测试' }).click();
    await sms.getByText('测试消息已发出').waitFor();
    expect(texts().at(-1)).toMatchObject({ phone: '13900009999', signature: expect.stringMatching(/^hmac-sm3=/) });

    const email = page.getByTestId('channel-email');
    await email.getByLabel('启用').click();
    await choose(page, email.getByLabel('适配器'), 'SMTP 邮件服务器');
    await email.getByLabel('服务器').fill('127.0.0.1');
    await email.getByLabel('端口').fill(String(smtp.port));
    await email.getByLabel('发件人').fill('zelian@example.gov.cn');
    await email.getByLabel('关键节点提醒').check();
    await email.getByRole('button', { name: label('保存') }).click();
    await page.getByText('电子邮件通道已保存').waitFor();
    await email.getByPlaceholder('测试邮箱').fill('test@example.gov.cn');
    await email.getByRole('button', { name: '发送测试' }).click();
    await email.getByText('测试消息已发出').waitFor();
    expect(smtp.mails.at(-1)).toContain('test@example.gov.cn');

    // Saved for good: a reload shows the gateway, and the secret only as "已设置".
    await page.reload();
    await expect.poll(() => sms.getByLabel('网关地址').inputValue()).toBe(`${gateway.url}/sms`);
    await sms.getByText('已设置；留空则保持不变').waitFor();
    await page.context().close();
  });

  it('office 新建今天发送的提醒（各单位主要负责人和联络员），并启用', async () => {
    // 县住建局主要负责人 gets an e-mail address (the demo people have phones only).
    const head = await app.signIn('zhujian.head');
    const me = (await (await head.request.get(app.url('/api/me'))).json()).user as { personId: string };
    await head.context().close();

    const page = await app.signIn('office');
    const person = await call(page, 'GET', `/api/people/${me.personId}`);
    expect(person.status).toBe(200);
    const saved = await call(page, 'PATCH', `/api/people/${me.personId}`, {
      email: HEAD_MAIL,
      version: person.json.version,
    });
    expect(saved.status).toBe(200);

    await page.goto(app.url('/campaigns'));
    await page.getByRole('button', { name: '新建提醒' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('名称').fill(NAME);
    await modal.getByLabel('指定日期').check();
    await modal.getByLabel('发送日期').fill(TODAY);
    await modal.getByLabel('发送日期').press('Enter');
    // Recipients as proposed: 单位主要负责人 and 单位联络员.
    await modal.getByText('单位联络员').waitFor();
    await modal.getByLabel('标题').fill('廉洁提醒');
    await modal.getByLabel('正文').fill('{日期}起请严守中央八项规定精神，廉洁过节。');
    await modal.getByRole('button', { name: label('创建') }).click();
    await page.getByText('提醒活动已创建').waitFor();

    const row = page.getByTestId('campaign-table').getByRole('row').filter({ hasText: NAME });
    await row.getByText(TODAY_SHOWN).waitFor();
    // A second look: the text gets the campaign's date in front; the edit keeps everything else.
    await row.getByRole('button', { name: '修改' }).click();
    const edit = page.getByRole('dialog');
    await expect.poll(() => edit.getByLabel('正文').inputValue()).toBe('{日期}起请严守中央八项规定精神，廉洁过节。');
    await edit.getByLabel('标题').fill('节前廉洁提醒');
    await edit.getByRole('button', { name: label('保存') }).click();
    await page.getByText('提醒活动已保存').waitFor();
    await edit.waitFor({ state: 'hidden' });
    await row.getByRole('button', { name: label('启用') }).click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: label('启用') })
      .click();
    await row.getByText('已启用').waitFor();
    await page.context().close();
  });

  it('sysadmin 立即运行提醒和外发任务：短信网关和邮件服务器收到提醒', async () => {
    const page = await app.signIn('sysadmin');
    await page.goto(app.url('/admin/jobs'));
    await page.getByRole('button', { name: '立即运行：关键节点提醒' }).click();
    await page.getByText('已运行任务：关键节点提醒').waitFor();
    const before = texts().length;
    await page.getByRole('button', { name: '立即运行：短信/邮件外发与重试' }).click();
    await page.getByText('已运行任务：短信/邮件外发与重试').waitFor();

    const reminder = `${TODAY}起请严守中央八项规定精神，廉洁过节。`;
    const reached = texts()
      .slice(before)
      .filter((t) => t.content === reminder);
    expect(reached.length).toBeGreaterThan(1);
    expect(reached.every((t) => t.title === '节前廉洁提醒')).toBe(true);
    expect(new Set(reached.map((t) => t.phone)).size).toBe(reached.length);
    expect(smtp.mails.some((m) => m.includes(HEAD_MAIL) && m.includes('Subject:'))).toBe(true);

    // The log shows what left and that it arrived, never the text.
    await page.goto(app.url('/admin/channels'));
    const log = page.getByTestId('delivery-table');
    await log.getByText('关键节点提醒').first().waitFor();
    await log.getByText('已发送').first().waitFor();
    expect(await log.textContent()).not.toContain('廉洁过节');
    await page.context().close();
  });

  it('office 在发送情况中看到接收人数和送达数', async () => {
    const page = await app.signIn('office');
    await page.goto(app.url('/campaigns'));
    const row = page.getByTestId('campaign-table').getByRole('row').filter({ hasText: NAME });
    await row.getByRole('button', { name: '发送情况' }).click();
    const report = page.getByRole('dialog').getByRole('row').filter({ hasText: TODAY_SHOWN });
    await report.waitFor();
    const cells = await report.getByRole('cell').allTextContents();
    const [, recipients, delivered, pending, failed] = cells.map((c) => Number(c));
    expect(recipients).toBeGreaterThan(1);
    // One text per recipient and one e-mail for the only one with an address; the e-mails to those without one
    // fail at once (收件人没有电子邮箱, shown in the admin's log) instead of being retried.
    expect(delivered).toBe(recipients + 1);
    expect(pending).toBe(0);
    expect(failed).toBe(recipients - 1);
    await page.context().close();
  });
});
