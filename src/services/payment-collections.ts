import type { Context } from '../context';
import { OrderEdit } from '../entities/order-edits';
import { PaymentCollection, PaymentCollectionStatus, PaymentCollectionType } from '../entities/payment-collections';
import type { Region } from '../entities/regions';
import { AppError } from '../lib/errors';
import { lockRow } from '../lib/locks';
import { mergeMetadata } from '../lib/metadata';
import { StateMachine } from '../lib/state-machine';
import { DeleteResponse } from '../../schema/common';
import type { UpdatePaymentCollectionInput } from '../../schema/payment-collections';

/**
 * Payment collections: money to gather for one purpose (an order edit's positive difference), in
 * a region's currency. The admin gets, describes, deletes (while nothing is paid) and marks one
 * authorized (the manual way: the whole amount).
 */

/** What may happen to a collection in each status, with Medusa's refusals. */
export const PAYMENT_COLLECTION_MACHINE = new StateMachine<PaymentCollectionStatus, 'delete' | 'authorize'>('payment collection', {
  delete: { from: [PaymentCollectionStatus.not_paid, PaymentCollectionStatus.canceled], refusal: 'Cannot delete payment collection with status {status}' },
  // As in Medusa, marking authorized is allowed from any status (a manual confirmation).
  authorize: { except: [], to: PaymentCollectionStatus.authorized, refusal: '' },
});

const missing = (id: string) => new AppError('not_found', `Payment collection with id ${id} was not found`);

export async function retrievePaymentCollection(ctx: Context, id: string, lock = false): Promise<PaymentCollection> {
  const found = await ctx.em.findOne(PaymentCollection, { id }, lock ? lockRow() : {});
  if (!found) throw missing(id);
  return found;
}

export interface NewPaymentCollection { amount: number; region: Region; description?: string | null; createdBy: string }

/** A collection of an order edit's difference, not paid yet. */
export function createPaymentCollection(ctx: Context, input: NewPaymentCollection): PaymentCollection {
  const collection = ctx.em.create(PaymentCollection, {
    type: PaymentCollectionType.order_edit, status: PaymentCollectionStatus.not_paid, amount: input.amount,
    region: input.region, currency: input.region.currency, description: input.description ?? null, createdBy: input.createdBy, metadata: null,
  } as any);
  ctx.events.emit('payment-collection.created', { id: collection.id });
  return collection;
}

/** Description and metadata (merged: a key set to "" is removed). */
export async function updatePaymentCollection(ctx: Context, id: string, input: UpdatePaymentCollectionInput): Promise<PaymentCollection> {
  const collection = await retrievePaymentCollection(ctx, id, true);
  if (input.description != null) collection.description = input.description;
  if (input.metadata) collection.metadata = mergeMetadata(collection.metadata, input.metadata);
  await ctx.em.flush();
  ctx.events.emit('payment-collection.updated', { id });
  return collection;
}

/** Deletes a collection with nothing paid; an unknown one answers as deleted, as in Medusa. */
export async function deletePaymentCollection(ctx: Context, id: string): Promise<DeleteResponse> {
  const collection = await ctx.em.findOne(PaymentCollection, { id }, lockRow());
  if (collection) {
    if (!PAYMENT_COLLECTION_MACHINE.can('delete', collection.status)) {
      throw new AppError('not_allowed', PAYMENT_COLLECTION_MACHINE.table.delete.refusal.replace('{status}', collection.status));
    }
    collection.deletedAt = new Date();
    // The edit it was made for keeps none (the row stays, deleted softly, so no foreign key does it).
    await ctx.em.nativeUpdate(OrderEdit, { paymentCollection: collection }, { paymentCollection: null });
    await ctx.em.flush();
    ctx.events.emit('payment-collection.deleted', { id });
  }
  return DeleteResponse.of(id, 'payment_collection');
}

/** Marks the whole amount authorized (Medusa's manual authorization). */
export async function authorizePaymentCollection(ctx: Context, id: string): Promise<PaymentCollection> {
  const collection = await retrievePaymentCollection(ctx, id, true);
  collection.status = PAYMENT_COLLECTION_MACHINE.check('authorize', collection.status).to;
  collection.authorizedAmount = collection.amount;
  await ctx.em.flush();
  ctx.events.emit('payment-collection.payment_authorized', { id });
  return collection;
}
