import { LockMode, raw } from '@mikro-orm/core';
import type { Context } from '../context';
import { DraftOrder, DraftOrderStatus } from '../entities/draft-orders';
import { Cart, CartType, LineItem, Order } from '../entities/orders';
import { AppError, duplicate, invalid, notAllowed } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { DeleteResponse } from '../../schema/common';
import type {
  CreateDraftOrderInput, CreateDraftOrderLineItemInput, DraftOrderFilter, UpdateDraftOrderInput, UpdateDraftOrderLineItemInput,
} from '../../schema/draft-orders';
import {
  addLineItem, addShippingMethod, createCart, itemsOf, lineItemsChanged, newLineItem, refreshAdjustments, updateCart,
} from './carts';
import { placeOrderFromCart } from './orders';

const LIST: ListSpec = { orderable: ['createdAt', 'updatedAt', 'displayId', 'status'] };

const ONLY_OPEN = 'You are only allowed to update open draft orders';

/** Newest first; `q` matches the cart's email or the display id (as text), as in Medusa. */
export function listDraftOrders(ctx: Context, filter: DraftOrderFilter | undefined, args: PageArgs) {
  const where: Record<string, unknown>[] = [whereOf(filter)];
  if (args.q) {
    const pattern = `%${args.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push({ $or: [{ cart: { email: { $ilike: pattern } } }, { [raw('cast(display_id as text)')]: { $ilike: pattern } }] });
  }
  return findPage(ctx, DraftOrder, { $and: where }, { ...args, q: undefined }, LIST, { filters: false });
}

export async function retrieveDraftOrder(ctx: Context, id: string, lock = false): Promise<DraftOrder> {
  const draft = await ctx.em.findOne(DraftOrder, { id }, { lockMode: lock ? LockMode.PESSIMISTIC_WRITE : undefined, filters: false });
  if (!draft) throw new AppError('not_found', `Draft order with ${id} was not found`);
  return draft;
}

/** The draft (locked, open) and its cart, for every change of its content. */
async function openDraft(ctx: Context, id: string): Promise<{ draft: DraftOrder; cart: Cart }> {
  const draft = await retrieveDraftOrder(ctx, id, true);
  if (draft.status === DraftOrderStatus.completed) throw notAllowed(ONLY_OPEN);
  const cart = await ctx.em.findOneOrFail(Cart, { id: draft.cart!.id }, { populate: ['region'] });
  return { draft, cart };
}

/**
 * Medusa's draft order creation: a `draft_order` cart (customer from `customer_id` or `email`,
 * addresses), its lines (variants priced in the region, custom lines), its shipping methods, then
 * its discounts; `draft_order.created` announces it.
 */
export async function createDraftOrder(ctx: Context, input: CreateDraftOrderInput): Promise<DraftOrder> {
  const cart = await createCart(ctx, {
    regionId: input.regionId, email: input.email, customerId: input.customerId, type: CartType.draft_order,
    shippingAddress: input.shippingAddress ?? null, billingAddress: input.billingAddress ?? null, metadata: input.metadata ?? {},
  });
  const draft = ctx.em.create(DraftOrder, { cart, noNotificationOrder: input.noNotificationOrder ?? null, status: input.status ?? DraftOrderStatus.open } as any);
  await ctx.em.flush();
  ctx.events.emit('draft_order.created', { id: draft.id });
  // Medusa makes the variant lines first, then the custom ones (lines are listed in that order).
  const items = [...(input.items ?? [])].sort((a, b) => Number(!a.variantId) - Number(!b.variantId));
  for (const item of items) ctx.em.persist(await newLineItem(ctx, cart, item));
  await ctx.em.flush();
  for (const m of input.shippingMethods) await addShippingMethod(ctx, cart, m.optionId, m.price, m.data);
  if (input.discounts?.length) await updateCart(ctx, cart, { discounts: input.discounts });
  await ctx.em.flush();
  return draft;
}

/** Changes the draft's cart (customer, email, addresses, region, discounts) and `no_notification_order`. */
export async function updateDraftOrder(ctx: Context, id: string, input: UpdateDraftOrderInput): Promise<DraftOrder> {
  const { draft, cart } = await openDraft(ctx, id);
  if (input.noNotificationOrder != null) {
    draft.noNotificationOrder = input.noNotificationOrder;
    ctx.events.emit('draft_order.updated', { id: draft.id });
  }
  await updateCart(ctx, cart, input);
  await ctx.em.flush();
  return draft;
}

/**
 * Deletes an open draft and its cart. An unknown id answers as a deleted one (Medusa's 200); a
 * completed draft stays, since its order refers to it.
 */
export async function deleteDraftOrder(ctx: Context, id: string): Promise<DeleteResponse> {
  const draft = await ctx.em.findOne(DraftOrder, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (draft) {
    if (draft.status === DraftOrderStatus.completed) throw notAllowed('A completed draft order cannot be deleted');
    const cart = draft.cart ? await ctx.em.findOne(Cart, { id: draft.cart.id }) : null;
    ctx.em.remove(draft);
    await ctx.em.flush();
    if (cart) {
      for (const item of await itemsOf(ctx, cart)) ctx.em.remove(item);
      ctx.em.remove(cart);
      await ctx.em.flush();
    }
  }
  return DeleteResponse.of(id, 'draft-order');
}

export async function addDraftOrderLineItem(ctx: Context, id: string, input: CreateDraftOrderLineItemInput): Promise<DraftOrder> {
  const { draft, cart } = await openDraft(ctx, id);
  await addLineItem(ctx, cart, await newLineItem(ctx, cart, input));
  return draft;
}

async function lineOf(ctx: Context, cart: Cart, lineId: string): Promise<LineItem | null> {
  return ctx.em.findOne(LineItem, { id: lineId, cart }, { populate: ['variant', 'variant.product'] });
}

/** A quantity of 0 removes the line; otherwise title, price, quantity and metadata change (Medusa's update). */
export async function updateDraftOrderLineItem(ctx: Context, id: string, lineId: string, input: UpdateDraftOrderLineItemInput): Promise<DraftOrder> {
  const { draft, cart } = await openDraft(ctx, id);
  const line = await lineOf(ctx, cart, lineId);
  if (input.quantity === 0) {
    if (line) ctx.em.remove(line);
  } else {
    if (!line) throw invalid('Could not find the line item');
    if (input.title != null) line.title = input.title;
    if (input.unitPrice != null) line.unitPrice = input.unitPrice;
    if (input.quantity != null) line.quantity = input.quantity;
    if (input.metadata) line.metadata = { ...(line.metadata ?? {}), ...input.metadata };
  }
  await lineItemsChanged(ctx, cart);
  return draft;
}

export async function deleteDraftOrderLineItem(ctx: Context, id: string, lineId: string): Promise<DraftOrder> {
  const { draft, cart } = await openDraft(ctx, id);
  const line = await lineOf(ctx, cart, lineId);
  if (line) ctx.em.remove(line);
  await lineItemsChanged(ctx, cart);
  return draft;
}

/**
 * Marks the draft paid (Medusa's `register-payment`): the cart becomes an order with a captured
 * payment through the `system` provider, and the draft is completed. Paying again is refused as
 * Medusa refuses it: the cart's payment session exists already.
 */
export async function payDraftOrder(ctx: Context, id: string): Promise<Order> {
  const draft = await retrieveDraftOrder(ctx, id, true);
  const cart = await ctx.em.findOneOrFail(Cart, { id: draft.cart!.id }, { populate: ['region'] });
  if (draft.status === DraftOrderStatus.completed || cart.completedAt) {
    throw duplicate(`Payment_session with cart_id, provider_id ${cart.id}, system already exists.`);
  }
  await refreshAdjustments(ctx, cart);
  const order = await placeOrderFromCart(ctx, cart, draft);
  draft.status = DraftOrderStatus.completed;
  draft.completedAt = new Date();
  draft.order = order;
  await ctx.em.flush();
  return order;
}
