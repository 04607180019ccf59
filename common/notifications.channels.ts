import { ZPage, ZTimestamp, z } from './zod.js';

/** Outbound channels: SMS gateway, e-mail over SMTP, and a group robot (政务钉钉 / 企业微信 style webhook). */
export const CHANNELS = ['sms', 'email', 'robot'] as const;
export type TChannel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<TChannel, string> = { sms: '短信', email: '电子邮件', robot: '群机器人' };

/**
 * Message classes (SPEC 2b 减负): `action` needs action today and leaves at once; `digest` is the one
 * daily summary of everything else; `campaign` is a key-date campaign; `account` is a password reset.
 */
export const MESSAGE_CLASSES = ['action', 'digest', 'campaign', 'account'] as const;
export type TMessageClass = (typeof MESSAGE_CLASSES)[number];
export const MESSAGE_CLASS_LABELS: Record<TMessageClass, string> = {
  action: '需当日处理的即时消息',
  digest: '每日汇总',
  campaign: '关键节点提醒',
  account: '账号安全',
};

/** Adapters per channel; `log` writes to the server log only (the default). */
export const CHANNEL_ADAPTERS: Record<TChannel, readonly string[]> = {
  sms: ['log', 'http'],
  email: ['log', 'smtp'],
  robot: ['log', 'dingtalk', 'wecom'],
};
export const SIGN_ALGORITHMS = ['hmac-sha256', 'hmac-sm3'] as const;

const ZSettings = z.record(z.string().max(60), z.string().max(500));

export const ZChannelConfig = z.object({
  channel: z.enum(CHANNELS),
  enabled: z.boolean(),
  adapter: z.string(),
  /** Non-secret settings: url, algorithm, templateIds (SMS); host, port, secure, user, from (SMTP). */
  settings: ZSettings,
  /** Whether a secret (signing key, SMTP password) is stored; the secret itself is never returned. */
  secretSet: z.boolean(),
  classes: z.array(z.enum(MESSAGE_CLASSES)),
  optOutAllowed: z.boolean(),
  version: z.number(),
});
export type TChannelConfig = z.infer<typeof ZChannelConfig>;

export const ZChannelParam = z.object({ channel: z.enum(CHANNELS, { message: '没有这个通道' }) });

export const ZSaveChannel = z
  .object({
    enabled: z.boolean(),
    adapter: z.string().max(20),
    settings: ZSettings.default({}),
    /** Omitted or empty: keep the stored secret. */
    secret: z.string().max(500).optional(),
    clearSecret: z.boolean().optional(),
    classes: z.array(z.enum(MESSAGE_CLASSES)).max(4),
    optOutAllowed: z.boolean(),
    version: z.number().int().min(0),
  })
  .superRefine((v, c) => {
    const url = v.settings.url;
    if (url !== undefined && url !== '' && !/^https?:\/\/[^\s]+$/.test(url))
      c.addIssue({ code: 'custom', path: ['settings', 'url'], message: '地址应以 http:// 或 https:// 开头' });
    const alg = v.settings.algorithm;
    if (alg !== undefined && !(SIGN_ALGORITHMS as readonly string[]).includes(alg))
      c.addIssue({ code: 'custom', path: ['settings', 'algorithm'], message: '签名算法应为 hmac-sha256 或 hmac-sm3' });
  });
export type TSaveChannel = z.infer<typeof ZSaveChannel>;

export const ZTestChannel = z.object({
  /** Phone number (SMS), e-mail address (e-mail); ignored by the robot. */
  to: z.string().trim().max(100).default(''),
});
export const ZTestResult = z.object({ ok: z.boolean(), error: z.string().nullable() });

// ---------- deliveries (admin view: no business content, decision 013)

/** Kinds that need action today: a dispatch, a rejected closure, a talk (the notice names its day). */
export const ACTION_KINDS = new Set(['problem.dispatch', 'problem.reject_close', 'talk.scheduled']);

/** The class of a message kind; `null`: in-app only now, summarised in tomorrow's digest. */
export function classOf(kind: string): TMessageClass | null {
  if (kind === 'digest') return 'digest';
  if (kind.startsWith('campaign.')) return 'campaign';
  if (kind.startsWith('account.')) return 'account';
  return ACTION_KINDS.has(kind) ? 'action' : null;
}

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type TDeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_STATUS_LABELS: Record<TDeliveryStatus, string> = {
  pending: '待发送/重试中',
  sent: '已发送',
  failed: '失败',
};
export const ZListDeliveries = z.object({
  ...ZPage,
  status: z.enum(DELIVERY_STATUSES, { message: '状态不正确' }).optional(),
  channel: z.enum(CHANNELS, { message: '通道不正确' }).optional(),
});
export type TListDeliveries = z.infer<typeof ZListDeliveries>;
export const ZDelivery = z.object({
  id: z.string(),
  channel: z.enum(CHANNELS),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  /** The message kind (e.g. `digest`, `problem.dispatch`), never its title or text. */
  kind: z.string(),
  userId: z.string(),
  createdAt: ZTimestamp,
  nextAttemptAt: ZTimestamp,
  sentAt: ZTimestamp.nullable(),
});

// ---------- a person's own channels

export const ZMyChannel = z.object({
  channel: z.enum(CHANNELS),
  enabled: z.boolean(),
  optOutAllowed: z.boolean(),
  optedOut: z.boolean(),
  /** The message classes the administrator routes through this channel. */
  classes: z.array(z.enum(MESSAGE_CLASSES)),
});
export const ZSetOptOut = z.object({ channel: z.enum(CHANNELS), optOut: z.boolean() });
