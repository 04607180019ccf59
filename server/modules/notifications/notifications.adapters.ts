/**
 * Provider adapters of the outbound channels, built from the admin's configuration at send time:
 * an HTTP SMS gateway (signed HMAC-SHA256 or HMAC-SM3), SMTP through nodemailer, and group robots
 * (政务钉钉 / 企业微信 style JSON). Each throws on failure so the delivery loop retries.
 */
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import type { TChannel } from '../../../common/notifications.channels.js';
import type { ChannelConfigRow } from './channels.repository.js';

export interface ChannelRecipient {
  userId: string;
  phone?: string;
  email?: string;
}

export interface ChannelMessage {
  kind: string;
  title: string;
  body: string;
}

export interface NotificationChannel {
  name: TChannel;
  send(to: ChannelRecipient, message: ChannelMessage): Promise<void>;
}

/** A delivery that can never succeed (no phone number, no address): failed at once, not retried. */
export class PermanentDeliveryError extends Error {}

const TIMEOUT_MS = 10_000;

/** Hex HMAC of `payload` with SHA-256 or SM3 (OpenSSL 3 provides SM3). */
export function hmacHex(algorithm: string, secret: string, payload: string): string {
  return crypto
    .createHmac(algorithm === 'hmac-sm3' ? 'sm3' : 'sha256', secret)
    .update(payload)
    .digest('hex');
}

/** POSTs JSON; a non-2xx answer or a timeout throws. Returns the status. */
export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new Error(`对方返回 HTTP ${res.status}`);
  return res.status;
}

/**
 * HTTP SMS gateway: `POST url` with `{ phone, templateId, params: { title, content } }`, headers
 * `X-Zelian-Timestamp` and `X-Zelian-Signature: <algorithm>=<hex HMAC of "timestamp.body">`.
 * `settings.templateIds` is a JSON object from message kind (or `*`) to the gateway's template id.
 */
export function httpSmsAdapter(config: ChannelConfigRow): NotificationChannel {
  const { url = '', algorithm = 'hmac-sha256', templateIds = '{}' } = config.settings;
  let templates: Record<string, string> = {};
  try {
    templates = JSON.parse(templateIds) as Record<string, string>;
  } catch {
    templates = {};
  }
  return {
    name: 'sms',
    async send(to, message) {
      if (!to.phone) throw new PermanentDeliveryError('收件人没有手机号码');
      if (!url) throw new Error('短信网关地址未配置');
      const cls = message.kind.split('.')[0];
      const templateId = templates[message.kind] ?? templates[cls] ?? templates['*'] ?? '';
      const body = JSON.stringify({
        phone: to.phone,
        templateId,
        params: { title: message.title, content: message.body },
      });
      const timestamp = String(Date.now());
      await postJson(url, body, {
        'x-zelian-timestamp': timestamp,
        'x-zelian-signature': `${algorithm}=${hmacHex(algorithm, config.secret, `${timestamp}.${body}`)}`,
      });
    },
  };
}

/** SMTP through nodemailer: host, port, secure ('true'), user, from; the password is the secret. */
export function smtpAdapter(config: ChannelConfigRow): NotificationChannel {
  const { host = '', port = '25', secure = 'false', user = '', from = '' } = config.settings;
  const transport = nodemailer.createTransport({
    host,
    port: Number(port),
    secure: secure === 'true',
    auth: user ? { user, pass: config.secret } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
  });
  return {
    name: 'email',
    async send(to, message) {
      if (!to.email) throw new PermanentDeliveryError('收件人没有电子邮箱');
      if (!host) throw new Error('邮件服务器未配置');
      await transport.sendMail({ from: from || user, to: to.email, subject: message.title, text: message.body });
    },
  };
}

/**
 * A group robot. DingTalk: `{ msgtype: 'text', text: { content } }`, signed when a secret is set
 * (`&timestamp=…&sign=` base64 HMAC-SHA256 of "timestamp\nsecret", as DingTalk robots expect).
 * WeCom: the same JSON body, the key is part of the URL.
 */
export function robotAdapter(config: ChannelConfigRow): NotificationChannel {
  const url = config.settings.url ?? '';
  return {
    name: 'robot',
    async send(_to, message) {
      if (!url) throw new Error('机器人地址未配置');
      let target = url;
      if (config.adapter === 'dingtalk' && config.secret) {
        const timestamp = String(Date.now());
        const sign = crypto
          .createHmac('sha256', config.secret)
          .update(`${timestamp}\n${config.secret}`)
          .digest('base64');
        target += `${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
      }
      await postJson(
        target,
        JSON.stringify({ msgtype: 'text', text: { content: `${message.title}\n${message.body}` } }),
      );
    },
  };
}
