import { LockMode } from '@mikro-orm/core';
import type { Context } from '../context';
import {
  ClaimFulfillmentStatus, ClaimImage, ClaimItem, ClaimOrder, ClaimPaymentStatus, ClaimReason, ClaimTag, ClaimType,
} from '../entities/claims';
import { Return, ReturnItem, ReturnStatus } from '../entities/returns';
import { Fulfillment, LineItem, LineItemAdjustment, LineItemTaxLine, Order, RefundReason, ShippingMethod } from '../entities/orders';
import { Region } from '../entities/regions';
import { ShippingOption } from '../entities/shipping-options';
import { Swap } from '../entities/swaps';
import { ProductVariant } from '../entities/variants';
import { AppError, invalid, notAllowed } from '../lib/errors';
import { mergeMetadata } from '../lib/metadata';
import { StateMachine } from '../lib/state-machine';
import * as T from '../lib/totals';
import { addressFor, AddressRef, toTotalsItem, totalsDiscount, variantPrice } from './carts';
import { cancelUnshipped, fulfillLines, shipFulfillment } from './fulfillments';
import { takeFromStock } from './order-inventory';
import { ALL, refundPayments, retrieveOrder } from './orders';
import { createReturn } from './returns';
import { releaseLineItems, reserveVariant } from './reservations';
import { orderedId, productRates } from './variants';

/**
 * Claims on an order, as Medusa v1's claim service: claimed quantities of shipped (or fulfilled)
 * lines with a reason, answered with a refund (made at once, recorded with reason `claim`) or with
 * replacement lines that are fulfilled and shipped through the order fulfilment code. Every
 * workflow locks the order row first, so concurrent claims (and returns) on one order are taken one
 * after the other and never claim more than was fulfilled.
 */

export interface ClaimItemInput {
  itemId: string; quantity: number; reason?: string | null; note?: string | null; tags?: string[] | null; images?: string[] | null;
  metadata?: Record<string, unknown> | null;
}
export interface ReturnShippingInput { optionId?: string | null; price?: number | null }
export interface ClaimShippingMethodInput { id?: string | null; optionId?: string | null; price?: number | null; data?: Record<string, unknown> | null }
export interface AdditionalItemInput { variantId: string; quantity: number }
export interface CreateClaimInput {
  type: string; claimItems: ClaimItemInput[]; returnShipping?: ReturnShippingInput | null; additionalItems?: AdditionalItemInput[] | null;
  shippingMethods?: ClaimShippingMethodInput[] | null; refundAmount?: number | null; shippingAddress?: AddressRef | null;
  noNotification?: boolean | null; returnLocationId?: string | null; metadata?: Record<string, unknown> | null;
}
export interface UpdateClaimItemInput {
  id?: string | null; note?: string | null; reason?: string | null; tags?: { id?: string | null; value?: string | null }[] | null;
  images?: { id?: string | null; url?: string | null }[] | null; metadata?: Record<string, unknown> | null;
}
export interface UpdateClaimInput {
  claimItems?: UpdateClaimItemInput[] | null; shippingMethods?: ClaimShippingMethodInput[] | null; noNotification?: boolean | null;
  metadata?: Record<string, unknown> | null;
}
export interface ClaimFulfillInput { metadata?: Record<string, unknown> | null; noNotification?: boolean | null; locationId?: string | null }
export interface ClaimShipInput { fulfillmentId: string; trackingNumbers?: string[] | null }

// ---------------------------------------------------------------- lifecycle

/** A claim's state for the transition table: its fulfillment status, or `closed` once the claim is canceled. */
export type ClaimState = ClaimFulfillmentStatus | 'closed';
export const claimState = (claim: ClaimOrder): ClaimState => (claim.canceledAt ? 'closed' : claim.fulfillmentStatus);

/** What may happen to a claim in each state, with Medusa's refusals. */
export const CLAIM_MACHINE = new StateMachine<ClaimState, 'update' | 'fulfill' | 'fulfillLines' | 'ship' | 'refund' | 'cancel'>('claim', {
  update: { except: ['closed'], refusal: 'Canceled claim cannot be updated' },
  fulfill: { except: ['closed'], refusal: 'Canceled claim cannot be fulfilled' },
  // Fulfilled once: again only after its fulfillment was canceled.
  fulfillLines: { from: [ClaimFulfillmentStatus.not_fulfilled, ClaimFulfillmentStatus.canceled], refusal: 'The claim has already been fulfilled.' },
  ship: { except: ['closed'], refusal: 'Canceled claim cannot be fulfilled as shipped' },
  refund: { except: ['closed'], refusal: 'Canceled claim cannot be processed' },
  cancel: { except: ['closed'], to: 'closed', refusal: 'Claim cannot be canceled', repeated: ['closed'] },
});

const REASONS = Object.values(ClaimReason) as string[];

// ---------------------------------------------------------------- reading

/** The claim, which must be the order's (Medusa's words for one of another order). */
export async function claimOfOrder(ctx: Context, order: Order, claimId: string, lock = false): Promise<ClaimOrder> {
  const claim = await ctx.em.findOne(ClaimOrder, { id: claimId }, { filters: false, lockMode: lock ? LockMode.PESSIMISTIC_WRITE : undefined });
  if (!claim || claim.deletedAt) throw new AppError('not_found', `Claim with ${claimId} was not found`);
  if (claim.order.id !== order.id) throw new AppError('not_found', `no claim was found with the id: ${claimId} related to order: ${order.id}`);
  return claim;
}

/**
 * The lines a claim or swap may name: the order's own, and the new lines of its claims and swaps
 * (Medusa looks for claimed lines in all three places).
 */
export async function linesOfOrderFamily(ctx: Context, order: Order): Promise<LineItem[]> {
  const [claims, swaps] = await Promise.all([
    ctx.em.find(ClaimOrder, { order }, { fields: ['id'], ...ALL }),
    ctx.em.find(Swap, { order }, { fields: ['id'], ...ALL }),
  ]);
  return ctx.em.find(LineItem, {
    $or: [{ order }, { claimOrderId: { $in: claims.map((c) => c.id) } }, { swapId: { $in: swaps.map((s) => s.id) } }],
  }, { orderBy: { createdAt: 'asc', id: 'asc' }, ...ALL });
}

/**
 * What live claims hold of these lines beyond what their own returns already count (a claim with a
 * return is counted by the return, open or received): for the returns domain's returnable check,
 * so that a return never takes what a claim took.
 */
export async function claimHeldQuantities(ctx: Context, lines: LineItem[], exceptClaim?: string): Promise<Map<string, number>> {
  const items = (await ctx.em.find(ClaimItem, { item: { $in: lines.map((l) => l.id) }, claimOrder: { canceledAt: null } }, ALL))
    .filter((ci) => ci.claimOrder.id !== exceptClaim);
  const withReturn = new Set((await ctx.em.find(Return, {
    claimOrderId: { $in: [...new Set(items.map((i) => i.claimOrder.id))] }, status: { $ne: ReturnStatus.canceled },
  }, { fields: ['claimOrderId'], ...ALL })).map((r) => r.claimOrderId));
  const out = new Map<string, number>();
  for (const ci of items) if (!withReturn.has(ci.claimOrder.id)) out.set(ci.item.id, (out.get(ci.item.id) ?? 0) + ci.quantity);
  return out;
}

/** Quantities of each line already claimed by live claims of the order. */
async function claimedQuantities(ctx: Context, order: Order): Promise<Map<string, number>> {
  const items = await ctx.em.find(ClaimItem, { claimOrder: { order, canceledAt: null } }, ALL);
  const out = new Map<string, number>();
  for (const ci of items) out.set(ci.item.id, (out.get(ci.item.id) ?? 0) + ci.quantity);
  return out;
}

// ---------------------------------------------------------------- creating

function checkClaimInput(input: CreateClaimInput): ClaimType {
  if (input.type !== ClaimType.refund && input.type !== ClaimType.replace) throw invalid('Claim type must be one of "refund" or "replace".');
  const type = input.type as ClaimType;
  if (type === ClaimType.replace && !input.additionalItems?.length) throw invalid('Claims with type "replace" must have at least one additional item.');
  if (!input.claimItems?.length) throw invalid('Claims must have at least one claim item.');
  if (input.refundAmount && type !== ClaimType.refund) throw invalid(`Claim has type "${type}" but must be type "refund" to have a refund_amount.`);
  if (input.refundAmount != null && input.refundAmount < 0) throw invalid('refund_amount must not be less than 0');
  for (const ci of input.claimItems) if (ci.quantity < 1) throw invalid('quantity must not be less than 1');
  for (const ai of input.additionalItems ?? []) if (!Number.isInteger(ai.quantity) || ai.quantity < 1) throw invalid('quantity must not be less than 1');
  return type;
}

/**
 * The claimed lines, checked in Medusa's order and words: a known reason, a line of this order
 * (Medusa takes any line), a variant line, and no more than is left of what was fulfilled, less
 * what returns hold or got back and what live claims already took (Medusa checks each claim alone).
 */
async function claimedLines(ctx: Context, order: Order, items: ClaimItemInput[]): Promise<LineItem[]> {
  const lines = await linesOfOrderFamily(ctx, order);
  const [claimed, returned] = await Promise.all([claimedQuantities(ctx, order), returnedOrHeld(ctx, lines)]);
  const taken = new Map<string, number>();
  return items.map((ci) => {
    if (!ci.reason || !REASONS.includes(ci.reason)) {
      throw invalid('Claim Item reason must be one of "missing_item", "wrong_item", "production_failure" or "other".');
    }
    const line = lines.find((l) => l.id === ci.itemId);
    if (!line) throw new AppError('not_found', `Line item with ${ci.itemId} was not found`);
    if (!line.variant) throw notAllowed('Cannot claim a custom line item');
    const already = (claimed.get(line.id) ?? 0) + (taken.get(line.id) ?? 0) + (returned.get(line.id) ?? 0);
    if ((line.fulfilledQuantity ?? 0) - already < ci.quantity) throw notAllowed('Cannot claim more of an item than has been fulfilled.');
    taken.set(line.id, (taken.get(line.id) ?? 0) + ci.quantity);
    return line;
  });
}

/**
 * Medusa's default refund of a refund claim: what refunding the claimed quantity of each shipped
 * line gives back (its price less its discount, plus tax), through the totals engine.
 */
async function claimRefundTotal(ctx: Context, order: Order, items: ClaimItemInput[], lines: LineItem[]): Promise<number> {
  await ctx.em.populate(order, ['discounts.rule'] as never, ALL);
  const ids = lines.map((l) => l.id);
  const [taxLines, adjustments] = await Promise.all([
    ctx.em.find(LineItemTaxLine, { item: { $in: ids } }, ALL),
    ctx.em.find(LineItemAdjustment, { item: { $in: ids } }, ALL),
  ]);
  const totalsItems = lines.map((l) => toTotalsItem(l, taxLines.filter((t) => t.item.id === l.id), adjustments.filter((a) => a.item.id === l.id)));
  const allocations = T.allocationMap(totalsItems, order.discounts.getItems().filter((d) => d.rule).map(totalsDiscount));
  let total = 0;
  items.forEach((ci, i) => {
    const line = lines[i];
    if (!((line.shippedQuantity ?? 0) > 0 && ci.quantity <= (line.shippedQuantity ?? 0))) return;
    total += T.lineItemRefund({ ...totalsItems[i], quantity: ci.quantity }, allocations.get(line.id));
  });
  return Math.round(total);
}

/**
 * New lines of a claim (or swap): each variant at its price in the order's region; a claim's
 * with the tax lines Medusa stores for them and their quantity reserved in the order's sales channel.
 */
export async function newLines(ctx: Context, order: Order, items: AdditionalItemInput[], owner: { claimOrderId?: string; swapId?: string }): Promise<LineItem[]> {
  const region = await ctx.em.findOneOrFail(Region, { id: order.region.id }, ALL);
  const out: LineItem[] = [];
  for (const input of items) {
    const variant = await ctx.em.findOne(ProductVariant, { id: input.variantId }, { populate: ['product'] });
    if (!variant) throw invalid(`Unable to generate the line items, some variant has not been found: ${input.variantId}`);
    const { unitPrice, includesTax } = await variantPrice(ctx, variant, region, order.customer.id, 1);
    const line = ctx.em.create(LineItem, {
      id: orderedId('item'), claimOrderId: owner.claimOrderId ?? null, swapId: owner.swapId ?? null, variant, unitPrice, includesTax,
      title: variant.product.title, description: variant.title, thumbnail: variant.product.thumbnail ?? null, quantity: input.quantity,
      allowDiscounts: variant.product.discountable, isGiftcard: variant.product.isGiftcard, metadata: {}, shouldMerge: true, hasShipping: null,
    } as any);
    if (owner.claimOrderId) {
      const context = { regionId: region.id, currencyCode: region.currencyCode, automaticTaxes: region.automaticTaxes, regionRate: region.taxRate, customerId: null };
      for (const r of await productRates(ctx, context, variant.product.id)) {
        ctx.em.create(LineItemTaxLine, { item: line, rate: r.rate ?? 0, name: r.name, code: r.code ?? null } as any);
      }
      // A swap's lines are reserved when the customer completes its cart (Medusa), a claim's at once.
      await reserveVariant(ctx, { variantId: variant.id, quantity: input.quantity, lineItemId: line.id, salesChannelId: order.salesChannel?.id ?? null });
    }
    out.push(line);
  }
  return out;
}

/** Shipping methods given to a claim: existing ones are moved to it, others made from their option at the given price. */
async function attachShippingMethods(ctx: Context, claimId: string, methods: ClaimShippingMethodInput[]): Promise<void> {
  for (const m of methods) {
    if (m.id) {
      const method = await ctx.em.findOne(ShippingMethod, { id: m.id }, ALL);
      if (!method) throw new AppError('not_found', `Shipping method with id: ${m.id} was not found`);
      method.claimOrderId = claimId;
      continue;
    }
    if (!m.optionId) throw invalid('option_id must be a string');
    const option = await ctx.em.findOne(ShippingOption, { id: m.optionId });
    if (!option) throw new AppError('not_found', `Shipping Option with ${m.optionId} was not found`);
    ctx.em.create(ShippingMethod, {
      id: orderedId('sm'), shippingOption: option, claimOrderId: claimId, price: m.price ?? option.amount ?? 0, data: m.data ?? {}, includesTax: option.includesTax,
    } as any);
  }
}

/** Tags by value, trimmed and lower-cased, shared with earlier claims (Medusa's claim tags). */
async function tagsFor(ctx: Context, values: string[]): Promise<ClaimTag[]> {
  const out: ClaimTag[] = [];
  for (const raw of values) {
    const value = raw.trim().toLowerCase();
    const tag = out.find((t) => t.value === value)
      ?? await ctx.em.findOne(ClaimTag, { value })
      ?? ctx.em.create(ClaimTag, { value } as any);
    if (!out.includes(tag)) out.push(tag);
  }
  return out;
}

/** What a claim with `return_shipping` asks of the returns domain. */
export interface ClaimReturnRequest {
  orderId: string; claimOrderId: string; items: { itemId: string; quantity: number; metadata?: Record<string, unknown> | null }[];
  shippingMethod: ReturnShippingInput; refundAmount: number | null; noNotification: boolean | null; locationId: string | null;
}

/**
 * Creates a claim on the order (locked first): Medusa's checks in its order and words, the new
 * lines and shipping methods, the claimed items with tags and images, a return of the claimed items
 * when `return_shipping` is given; a refund claim is refunded at once (reason `claim`).
 */
export async function createClaim(ctx: Context, orderId: string, input: CreateClaimInput): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  const type = checkClaimInput(input);
  if (order.canceledAt) throw invalid('Cannot create a claim on a canceled item.');
  const lines = await claimedLines(ctx, order, input.claimItems);
  let shippingAddress = order.shippingAddress ?? null;
  if (input.shippingAddress) {
    const region = await ctx.em.findOneOrFail(Region, { id: order.region.id }, ALL);
    await ctx.em.populate(region, ['countries'] as never);
    shippingAddress = await addressFor(ctx, input.shippingAddress, region.countries.getItems().map((c) => c.iso2), 'Shipping');
  }
  let refundAmount = input.refundAmount ?? null;
  if (type === ClaimType.refund && input.refundAmount == null) refundAmount = await claimRefundTotal(ctx, order, input.claimItems, lines);
  const noNotification = input.noNotification ?? order.noNotification ?? null;
  const claim = ctx.em.create(ClaimOrder, {
    type, order, shippingAddress, refundAmount, noNotification, metadata: input.metadata ?? null,
    paymentStatus: type === ClaimType.refund ? ClaimPaymentStatus.not_refunded : ClaimPaymentStatus.na,
  } as any);
  await newLines(ctx, order, input.additionalItems ?? [], { claimOrderId: claim.id });
  await attachShippingMethods(ctx, claim.id, input.shippingMethods ?? []);
  for (const [i, ci] of input.claimItems.entries()) {
    const item = ctx.em.create(ClaimItem, {
      claimOrder: claim, item: lines[i], variant: lines[i].variant!, reason: ci.reason as ClaimReason, note: ci.note ?? null,
      quantity: ci.quantity, metadata: ci.metadata ?? null,
    } as any);
    item.tags.set(await tagsFor(ctx, ci.tags ?? []));
    for (const url of ci.images ?? []) ctx.em.create(ClaimImage, { claimItem: item, url } as any);
  }
  await ctx.em.flush();
  if (input.returnShipping) {
    await requestClaimReturn(ctx, order, {
      orderId: order.id, claimOrderId: claim.id, refundAmount,
      items: input.claimItems.map((ci) => ({ itemId: ci.itemId, quantity: ci.quantity, metadata: ci.metadata ?? null })),
      shippingMethod: input.returnShipping, noNotification, locationId: input.returnLocationId ?? null,
    });
  }
  ctx.events.emit('claim.created', { id: claim.id, no_notification: claim.noNotification });
  if (type === ClaimType.refund) await processClaimRefund(ctx, order, claim);
  return order;
}

/**
 * Medusa's refund of a refund claim, made right after it is created: the amount (if any) given
 * back on the order's payments with reason `claim` (as Medusa, the order's payment status stays).
 */
async function processClaimRefund(ctx: Context, order: Order, claim: ClaimOrder): Promise<void> {
  CLAIM_MACHINE.check('refund', claimState(claim));
  if (claim.refundAmount) await refundPayments(ctx, order, claim.refundAmount, RefundReason.claim);
  claim.paymentStatus = ClaimPaymentStatus.refunded;
  await ctx.em.flush();
  ctx.events.emit('claim.refund_processed', { id: claim.id, no_notification: claim.noNotification });
}

// ---------------------------------------------------------------- changing

/** Metadata, notification setting, shipping methods (replacing the claim's) and the claimed items' note, reason, tags and images. */
export async function updateClaim(ctx: Context, orderId: string, claimId: string, input: UpdateClaimInput): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  const claim = await claimOfOrder(ctx, order, claimId, true);
  CLAIM_MACHINE.check('update', claimState(claim));
  if (input.metadata) claim.metadata = mergeMetadata(claim.metadata, input.metadata);
  if (input.shippingMethods) {
    for (const m of await ctx.em.find(ShippingMethod, { claimOrderId: claim.id }, ALL)) m.claimOrderId = null;
    await attachShippingMethods(ctx, claim.id, input.shippingMethods);
  }
  if (input.noNotification !== undefined && input.noNotification !== null) claim.noNotification = input.noNotification;
  for (const change of input.claimItems ?? []) if (change.id) await updateClaimItem(ctx, claim, change);
  await ctx.em.flush();
  ctx.events.emit('claim.updated', { id: claim.id, no_notification: claim.noNotification });
  return order;
}

async function updateClaimItem(ctx: Context, claim: ClaimOrder, change: UpdateClaimItemInput): Promise<void> {
  const item = await ctx.em.findOne(ClaimItem, { id: change.id!, claimOrder: claim }, { populate: ['tags', 'images'] as never });
  if (!item) throw new AppError('not_found', `Claim item with id: ${change.id} was not found`);
  if (change.note) item.note = change.note;
  if (change.reason) {
    if (!REASONS.includes(change.reason)) throw invalid('Claim Item reason must be one of "missing_item", "wrong_item", "production_failure" or "other".');
    item.reason = change.reason as ClaimReason;
  }
  if (change.metadata) item.metadata = mergeMetadata(item.metadata, change.metadata);
  if (change.tags) {
    const byId = await ctx.em.find(ClaimTag, { id: { $in: change.tags.filter((t) => t.id).map((t) => t.id!) } });
    item.tags.set([...byId, ...await tagsFor(ctx, change.tags.filter((t) => !t.id && t.value).map((t) => t.value!))]);
  }
  if (change.images) {
    const kept = change.images.filter((i) => i.id).map((i) => i.id);
    for (const image of item.images.getItems()) if (!kept.includes(image.id)) ctx.em.remove(image);
    for (const i of change.images) if (!i.id && i.url) ctx.em.create(ClaimImage, { claimItem: item, url: i.url } as any);
  }
}

/**
 * Cancels a claim: refused once refunded, while a fulfillment is not canceled or its return is
 * not canceled; a canceled claim is left as it is (200).
 */
export async function cancelClaim(ctx: Context, orderId: string, claimId: string): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  const claim = await claimOfOrder(ctx, order, claimId, true);
  const move = CLAIM_MACHINE.check('cancel', claimState(claim));
  if (!move.changed) return order;
  if (claim.refundAmount) throw notAllowed('Claim with a refund cannot be canceled');
  if (await ctx.em.count(Fulfillment, { claimOrderId: claim.id, canceledAt: null })) {
    throw notAllowed('All fulfillments must be canceled before the claim can be canceled');
  }
  if (await claimReturnIsOpen(ctx, claim.id)) throw notAllowed('Return must be canceled before the claim can be canceled');
  claim.fulfillmentStatus = ClaimFulfillmentStatus.canceled;
  claim.canceledAt = new Date();
  await releaseClaimLines(ctx, claim.id);
  await ctx.em.flush();
  ctx.events.emit('claim.canceled', { id: claim.id, no_notification: claim.noNotification });
  return order;
}

async function releaseClaimLines(ctx: Context, claimId: string): Promise<void> {
  await releaseLineItems(ctx, (await ctx.em.find(LineItem, { claimOrderId: claimId }, { fields: ['id'], ...ALL })).map((l) => l.id));
}

// ---------------------------------------------------------------- fulfilment

/**
 * Fulfils all the new lines of a replacement claim through its shipping methods, as the order's
 * lines are fulfilled: `fulfilled`, or `requires_action` when a line could not be fulfilled whole.
 */
export async function fulfillClaim(ctx: Context, orderId: string, claimId: string, input: ClaimFulfillInput): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  const claim = await claimOfOrder(ctx, order, claimId, true);
  CLAIM_MACHINE.check('fulfill', claimState(claim));
  CLAIM_MACHINE.check('fulfillLines', claimState(claim));
  if (claim.type !== ClaimType.replace) throw notAllowed(`Claims with the type "${claim.type}" can not be fulfilled.`);
  const methods = await ctx.em.find(ShippingMethod, { claimOrderId: claim.id }, { orderBy: { createdAt: 'asc', id: 'asc' }, ...ALL });
  if (!methods.length) throw notAllowed('Cannot fulfill a claim without a shipping method.');
  const lines = await ctx.em.find(LineItem, { claimOrderId: claim.id }, { orderBy: { createdAt: 'asc', id: 'asc' }, ...ALL });
  const picked = lines.map((line) => ({ line, quantity: line.quantity - (line.fulfilledQuantity ?? 0) })).filter((p) => p.quantity > 0);
  const made = await fulfillLines(ctx, { claimOrderId: claim.id }, methods, picked, input);
  // As Medusa's route does with a location: the lines' stock is taken there (and their reservations consumed).
  if (input.locationId) await takeFromStock(ctx, picked, input.locationId);
  claim.fulfillmentStatus = lines.every((l) => l.quantity === (l.fulfilledQuantity ?? 0)) ? ClaimFulfillmentStatus.fulfilled : ClaimFulfillmentStatus.requires_action;
  await ctx.em.flush();
  for (const f of made) ctx.events.emit('claim.fulfillment_created', { id: claim.id, fulfillment_id: f.id, no_notification: claim.noNotification });
  return order;
}

/** The claim's own fulfillment (another's is a 404, as Medusa's cancel route words it). */
async function claimFulfillment(ctx: Context, claim: ClaimOrder, fulfillmentId: string): Promise<Fulfillment> {
  const fulfillment = await ctx.em.findOne(Fulfillment, { id: fulfillmentId }, ALL);
  if (!fulfillment) throw new AppError('not_found', `Fulfillment with id: ${fulfillmentId} was not found`);
  if (fulfillment.claimOrderId !== claim.id) {
    throw new AppError('not_found', `no fulfillment was found with the id: ${fulfillmentId} related to claim: ${claim.id}`);
  }
  return fulfillment;
}

/** Cancels an unshipped fulfillment of the claim: its quantities can be fulfilled again; the claim's fulfillment status is `canceled`. */
export async function cancelClaimFulfillment(ctx: Context, orderId: string, claimId: string, fulfillmentId: string): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  const claim = await claimOfOrder(ctx, order, claimId, true);
  const fulfillment = await claimFulfillment(ctx, claim, fulfillmentId);
  if (!(await cancelUnshipped(ctx, fulfillment))) return order;
  claim.fulfillmentStatus = ClaimFulfillmentStatus.canceled;
  await ctx.em.flush();
  return order;
}

/** Ships a fulfillment of the claim: `shipped` once every new line is shipped whole, else `partially_shipped`. */
export async function shipClaim(ctx: Context, orderId: string, claimId: string, input: ClaimShipInput): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  const claim = await claimOfOrder(ctx, order, claimId, true);
  CLAIM_MACHINE.check('ship', claimState(claim));
  const fulfillment = await claimFulfillment(ctx, claim, input.fulfillmentId);
  await shipFulfillment(ctx, fulfillment, { trackingNumbers: input.trackingNumbers, noNotification: null });
  const lines = await ctx.em.find(LineItem, { claimOrderId: claim.id }, ALL);
  claim.fulfillmentStatus = lines.every((l) => l.quantity === (l.shippedQuantity ?? 0)) ? ClaimFulfillmentStatus.shipped : ClaimFulfillmentStatus.partially_shipped;
  await ctx.em.flush();
  ctx.events.emit('claim.shipment_created', { id: claim.id, fulfillment_id: fulfillment.id, no_notification: claim.noNotification });
  return order;
}

// ---------------------------------------------------------------- returns (through the returns domain)

/** Asks the returns domain for the claim's return of the claimed items (Medusa's claim `return_shipping`). */
async function requestClaimReturn(ctx: Context, order: Order, request: ClaimReturnRequest): Promise<Return> {
  return createReturn(ctx, order, {
    items: request.items, returnShipping: request.shippingMethod.optionId ? { optionId: request.shippingMethod.optionId, price: request.shippingMethod.price } : null,
    refundAmount: request.refundAmount, noNotification: request.noNotification, locationId: request.locationId,
  }, { claimOrderId: request.claimOrderId, lines: await linesOfOrderFamily(ctx, order) });
}

/** Whether the claim has a return that is not canceled. */
async function claimReturnIsOpen(ctx: Context, claimId: string): Promise<boolean> {
  return (await ctx.em.count(Return, { claimOrderId: claimId, status: { $ne: ReturnStatus.canceled } })) > 0;
}

/**
 * Quantities of each line that returns other than claims' hold (open or received): a claim's own
 * return holds what the claim already counts.
 */
async function returnedOrHeld(ctx: Context, lines: LineItem[]): Promise<Map<string, number>> {
  const held = await ctx.em.find(ReturnItem, {
    item: { $in: lines.map((l) => l.id) }, returnOrder: { claimOrderId: null, status: { $ne: ReturnStatus.canceled } },
  }, ALL);
  const out = new Map<string, number>();
  for (const h of held) out.set(h.item.id, (out.get(h.item.id) ?? 0) + h.quantity);
  return out;
}
