/**
 * The message policy (SPEC 2b 减负): which messages leave the building at once, which wait for the
 * daily digest, and through which channels, given the admin's configuration and people's opt-outs.
 */
import { type TChannel, classOf } from '../../../common/notifications.channels.js';
import type { Executor } from '../../platform/db/client.js';
import * as repo from './channels.repository.js';

/**
 * Outbound channels per recipient for a message of `kind`. `explicit` channels (a password reset)
 * are always used and cannot be refused; otherwise the enabled channels configured for the class,
 * minus the channels a recipient refused where the channel allows it.
 */
export async function channelsFor(
  db: Executor,
  userIds: string[],
  kind: string,
  explicit: TChannel[] = [],
): Promise<Map<string, TChannel[]>> {
  const result = new Map<string, TChannel[]>();
  if (explicit.length > 0) {
    for (const u of userIds) result.set(u, explicit);
    return result;
  }
  const cls = classOf(kind);
  if (!cls || userIds.length === 0) return result;
  const configs = (await repo.listConfigs(db)).filter((c) => c.enabled && c.classes.includes(cls));
  if (configs.length === 0) return result;
  const refused = await repo.optOutsOf(db, userIds);
  for (const u of userIds) {
    result.set(
      u,
      configs
        .filter((c) => cls === 'account' || !c.optOutAllowed || !refused.has(`${u}:${c.channel}`))
        .map((c) => c.channel),
    );
  }
  return result;
}
