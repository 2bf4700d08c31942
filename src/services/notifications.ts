import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import type { DomainEvent, EventHandler, Subscriber } from '../lib/events';
import { Notification, NotificationProvider } from '../entities/notifications';
import { AppError } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import type { NotificationFilter, ResendNotificationInput } from '../../schema/notifications';

/** The built-in provider: it records each notification instead of delivering it. */
export const LOCAL_PROVIDER = 'local';

/** Stored in place of a secret, so neither the database nor a response ever holds it. */
export const REDACTED = '[redacted]';

interface RecordedEvent {
  /** Who the notification is for, read from the event's data (or, for order events, from the database). */
  to: (data: Record<string, unknown>, em: EntityManager) => string | Promise<string>;
  /** Keys of the data that are secrets: a password-reset token would let anyone reset the password. */
  secrets?: string[];
}

/**
 * The events the built-in provider reacts to. Invite tokens are kept: admins already see them on
 * the invite (to share the link). Gift cards have no recipient until orders exist, so their `to`
 * is empty.
 */
const RECORDED: Record<string, RecordedEvent> = {
  'invite.created': { to: (d) => String(d.user_email ?? '') },
  'user.password_reset': { to: (d) => String(d.email ?? ''), secrets: ['token'] },
  'gift_card.created': { to: (d) => String(d.email ?? '') },
  ...orderEvents('order', 'select "email" from "order" where "id" = ?', [
    'placed', 'canceled', 'shipment_created', 'refund_created', 'return_requested', 'items_returned',
  ]),
  ...orderEvents('claim', 'select o."email" from "claim_order" c join "order" o on o."id" = c."order_id" where c."id" = ?', ['created', 'shipment_created']),
  ...orderEvents('swap', 'select o."email" from "swap" s join "order" o on o."id" = s."order_id" where s."id" = ?', ['created', 'shipment_created']),
  ...orderEvents('order-edit', 'select o."email" from "order_edit" e join "order" o on o."id" = e."order_id" where e."id" = ?', ['requested']),
};

/**
 * The customer-facing events of an order's life (those Medusa's notification providers send mail
 * for): the notification is for the order's email, found from the event's resource id.
 */
function orderEvents(resource: string, emailOf: string, names: string[]): Record<string, RecordedEvent> {
  const to = async (d: Record<string, unknown>, em: EntityManager) => {
    const [row] = await em.getConnection().execute<{ email: string | null }[]>(emailOf, [String(d.id ?? '')]);
    return row?.email ?? '';
  };
  return Object.fromEntries(names.map((name) => [`${resource}.${name}`, { to }]));
}

/** Medusa's convention: the resource is named by the event's first part, its id is `data.id`. */
async function recordOf(event: DomainEvent, spec: RecordedEvent, em: EntityManager) {
  const data = { ...event.data };
  for (const key of spec.secrets ?? []) if (key in data) data[key] = REDACTED;
  return {
    eventName: event.name,
    resourceType: event.name.split('.')[0],
    resourceId: String(event.data.id ?? ''),
    to: await spec.to(event.data, em),
    data,
  };
}

/**
 * Runs after the emitting transaction committed, on its own EntityManager. Delivery is at least
 * once, so the row is keyed on the event's id: a second delivery of one event records nothing.
 */
const record: EventHandler = async (event, { orm }) => {
  // Medusa's notification service sends nothing for an event of a resource marked `no_notification`.
  if (event.data.no_notification === true) return;
  const em = orm.em.fork();
  if (await em.count(Notification, { eventId: event.id })) return;
  em.create(Notification, { ...(await recordOf(event, RECORDED[event.name], em as EntityManager)), eventId: event.id, provider: em.getReference(NotificationProvider, LOCAL_PROVIDER) });
  try {
    await em.flush();
  } catch (err) {
    // Another delivery of the same event won the race: it is recorded, which is all that matters.
    if (!(err instanceof UniqueConstraintViolationException)) throw err;
  }
};

export const subscribers: Subscriber[] = Object.keys(RECORDED).map((event) => ({ event, handler: record }));

const LIST: ListSpec = { orderable: ['createdAt'] };

export function listNotifications(ctx: Context, filter: NotificationFilter | undefined, args: PageArgs) {
  const where: Record<string, unknown> = whereOf(filter, ['includeResends']);
  if (!filter?.includeResends) where.parentNotification = null;
  return findPage(ctx, Notification, where, args, LIST);
}

export async function retrieveNotification(ctx: Context, id: string): Promise<Notification> {
  const notification = await ctx.em.findOne(Notification, { id });
  // Medusa's notification service ends this message with a full stop.
  if (!notification) throw new AppError('not_found', `Notification with id: ${id} was not found.`);
  return notification;
}

/**
 * Sends the notification again (the built-in provider records it again), to `to` when given
 * (an empty `to` counts as none, as in Medusa): a new notification whose parent is this one.
 * Answers the original, as Medusa does.
 */
export async function resendNotification(ctx: Context, id: string, input: ResendNotificationInput = {}): Promise<Notification> {
  const original = await retrieveNotification(ctx, id);
  ctx.em.create(Notification, {
    eventName: original.eventName,
    resourceType: original.resourceType,
    resourceId: original.resourceId,
    customer: original.customer,
    to: input.to || original.to,
    data: original.data,
    provider: original.provider,
    parentNotification: original,
  });
  await ctx.em.flush();
  return original;
}
