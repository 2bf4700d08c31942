import { LockMode } from '@mikro-orm/core';
import type { Context } from '../context';
import { Payment, Refund, RefundReason } from '../entities/orders';
import { AppError, notAllowed } from '../lib/errors';

/**
 * What a payment provider does for Aegis. The built-in ones (`manual`, and `system`, through
 * which draft orders are paid) move no money: capturing and refunding only record it. A real
 * provider implements the same calls and is registered with `registerPaymentProvider`.
 */
export interface PaymentProviderService {
  readonly id: string;
  /** Captures the authorized amount; answers the provider's data to keep on the payment. */
  capture(payment: Payment): Promise<Record<string, unknown>>;
  /** Gives `amount` back; answers the provider's data to keep on the payment. */
  refund(payment: Payment, amount: number): Promise<Record<string, unknown>>;
}

class RecordingProvider implements PaymentProviderService {
  constructor(readonly id: string) {}
  async capture(payment: Payment) { return payment.data; }
  async refund(payment: Payment) { return payment.data; }
}

const PROVIDERS = new Map<string, PaymentProviderService>([['manual', new RecordingProvider('manual')], ['system', new RecordingProvider('system')]]);

export function registerPaymentProvider(provider: PaymentProviderService): void {
  PROVIDERS.set(provider.id, provider);
}

export function providerOf(payment: Payment): PaymentProviderService {
  const provider = PROVIDERS.get(payment.providerId);
  if (!provider) throw new AppError('not_found', `Could not find a payment provider with id: ${payment.providerId}`);
  return provider;
}

export async function retrievePayment(ctx: Context, id: string, lock = false): Promise<Payment> {
  const payment = await ctx.em.findOne(Payment, { id }, { lockMode: lock ? LockMode.PESSIMISTIC_WRITE : undefined });
  if (!payment) throw new AppError('not_found', `Payment with id ${id} was not found`);
  return payment;
}

/** Captures the payment through its provider; a captured payment is answered as it is (Medusa). */
export async function capturePayment(ctx: Context, id: string): Promise<Payment> {
  const payment = await retrievePayment(ctx, id, true);
  return captureLocked(ctx, payment);
}

export async function captureLocked(ctx: Context, payment: Payment): Promise<Payment> {
  if (payment.capturedAt) return payment;
  payment.data = await providerOf(payment).capture(payment);
  payment.capturedAt = new Date();
  await ctx.em.flush();
  ctx.events.emit('payment.payment_captured', { id: payment.id });
  return payment;
}

/**
 * Refunds part of a captured payment, never more than captured minus refunded (the payment row
 * is locked, so concurrent refunds cannot both pass the check). The refund belongs to the payment
 * only: an order's payment status is left alone (only order refunds change it).
 */
export async function refundPayment(ctx: Context, id: string, input: { amount: number; reason: RefundReason; note?: string | null }): Promise<Refund> {
  const payment = await retrievePayment(ctx, id, true);
  return refundLocked(ctx, payment, input, null);
}

export async function refundLocked(
  ctx: Context, payment: Payment, input: { amount: number; reason: RefundReason; note?: string | null }, orderId: string | null,
): Promise<Refund> {
  if (!payment.capturedAt) throw notAllowed(`Payment ${payment.id} is not captured`);
  const refundable = payment.amount - payment.amountRefunded;
  if (input.amount > refundable) throw notAllowed(`Only ${refundable} can be refunded from Payment ${payment.id}`);
  payment.data = await providerOf(payment).refund(payment, input.amount);
  payment.amountRefunded += input.amount;
  const refund = ctx.em.create(Refund, {
    payment, order: orderId ? ctx.em.getReference('Order', orderId) : null, amount: input.amount, reason: input.reason, note: input.note ?? null,
  } as any);
  await ctx.em.flush();
  ctx.events.emit('payment.refund_created', { id: refund.id });
  return refund;
}
