import { ZId, ZPage, ZTimestamp, z } from './zod.js';

/** Kinds of message shown with a tag in the inbox (and its export); the others carry no label. */
export const NOTIFICATION_KIND_LABELS: Readonly<Record<string, string>> = { digest: '每日待办' };

// ---------- requests

export const ZListNotifications = z.object({
  ...ZPage,
  unread: z
    .enum(['true', 'false'], { message: 'unread 应为 true 或 false' })
    .optional()
    .transform((v) => v === 'true'),
});
export type TListNotifications = z.infer<typeof ZListNotifications>;

export const ZIdParam = z.object({ id: ZId });

export const ZStreamQuery = z.object({
  /** `once=1` ends the stream right after the initial `: connected` comment (tests, health checks). */
  once: z.enum(['0', '1'], { message: 'once 应为 0 或 1' }).optional(),
});

// ---------- responses

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: ZTimestamp,
  readAt: ZTimestamp.nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

/** Unread messages, or messages just marked read. */
export const ZNotificationCount = z.object({ count: z.number() });
