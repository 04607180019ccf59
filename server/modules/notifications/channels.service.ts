/** Channel configuration (system administrator), test sends, the delivery log, and people's opt-outs. */
import {
  CHANNEL_ADAPTERS,
  CHANNELS,
  type TChannel,
  type TChannelConfig,
  type TListDeliveries,
  type TSaveChannel,
} from '../../../common/notifications.channels.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Ctx } from '../../platform/context.js';
import { badRequest, conflict, ruleViolation, unauthenticated } from '../../platform/errors.js';
import * as repo from './channels.repository.js';
import { adapterOf } from './notifications.channels.js';

const DEFAULT_CLASSES: Record<TChannel, TChannelConfig['classes']> = {
  sms: ['action', 'campaign', 'account'],
  email: ['action', 'digest', 'campaign', 'account'],
  robot: [],
};

/** The secret never leaves the server: only whether one is set. */
function present(channel: TChannel, row: repo.ChannelConfigRow | undefined): TChannelConfig {
  return {
    channel,
    enabled: row?.enabled ?? false,
    adapter: row?.adapter ?? 'log',
    settings: row?.settings ?? {},
    secretSet: !!row?.secret,
    classes: (row?.classes ?? DEFAULT_CLASSES[channel]) as TChannelConfig['classes'],
    optOutAllowed: row?.optOutAllowed ?? true,
    version: row?.version ?? 0,
  };
}

export async function listChannels(ctx: Ctx): Promise<TChannelConfig[]> {
  const rows = new Map((await repo.listConfigs(ctx.db)).map((r) => [r.channel, r]));
  return CHANNELS.map((c) => present(c, rows.get(c)));
}

export async function saveChannel(ctx: Ctx, channel: TChannel, input: TSaveChannel): Promise<TChannelConfig> {
  if (!CHANNEL_ADAPTERS[channel].includes(input.adapter))
    throw badRequest('VALIDATION', `该通道不支持适配器 ${input.adapter}`, 'adapter');
  const before = await repo.findConfig(ctx.db, channel);
  const secret = input.clearSecret ? '' : input.secret ? input.secret : (before?.secret ?? '');
  const row = await repo.saveConfig(ctx.db, channel, input.version || 1, {
    enabled: input.enabled,
    adapter: input.adapter,
    settings: input.settings,
    secret,
    classes: input.classes,
    optOutAllowed: input.optOutAllowed,
  });
  if (!row || (before && before.version !== input.version)) throw conflict();
  const { secretSet: _b, ...beforeShown } = present(channel, before);
  const { secretSet: _a, ...afterShown } = present(channel, row);
  await recordAudit(ctx, {
    type: 'channel.configured',
    entity: 'settings',
    entityId: null,
    before: beforeShown,
    after: { ...afterShown, secretChanged: secret !== (before?.secret ?? '') },
  });
  return present(channel, row);
}

/** Sends a test message through the stored configuration right now; answers the error, if any. */
export async function testChannel(ctx: Ctx, channel: TChannel, to: string) {
  const adapter = adapterOf(await repo.findConfig(ctx.db, channel), channel);
  let error: string | null = null;
  try {
    await adapter.send(
      { userId: ctx.actor?.userId ?? '', phone: to, email: to },
      { kind: 'channel.test', title: '【测试】责链平台消息通道', body: '这是一条测试消息，收到即表示通道配置正确。' },
    );
  } catch (err) {
    error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
  }
  await recordAudit(ctx, {
    type: 'channel.tested',
    entity: 'settings',
    entityId: null,
    after: { channel, ok: !error, error },
  });
  return { ok: !error, error };
}

export const listDeliveries = (ctx: Ctx, f: TListDeliveries) => repo.listDeliveries(ctx.db, f);

export async function myChannels(ctx: Ctx) {
  if (!ctx.actor) throw unauthenticated();
  const rows = new Map((await repo.listConfigs(ctx.db)).map((r) => [r.channel, r]));
  const refused = await repo.optOutsOf(ctx.db, [ctx.actor.userId]);
  return CHANNELS.map((c) => ({
    channel: c,
    enabled: rows.get(c)?.enabled ?? false,
    optOutAllowed: rows.get(c)?.optOutAllowed ?? true,
    optedOut: refused.has(`${ctx.actor?.userId}:${c}`),
    classes: (rows.get(c)?.classes ?? DEFAULT_CLASSES[c]) as TChannelConfig['classes'],
  }));
}

export async function setOptOut(ctx: Ctx, channel: TChannel, optOut: boolean) {
  if (!ctx.actor) throw unauthenticated();
  const config = await repo.findConfig(ctx.db, channel);
  if (optOut && config && !config.optOutAllowed) throw ruleViolation('OPT_OUT_NOT_ALLOWED', '该通道按规定不可退订');
  await repo.setOptOut(ctx.db, ctx.actor.userId, channel, optOut);
  await recordAudit(ctx, {
    type: 'notification.opt_out',
    entity: 'user',
    entityId: ctx.actor.userId,
    after: { channel, optOut },
  });
  return myChannels(ctx);
}
