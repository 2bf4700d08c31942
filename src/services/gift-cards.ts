import { randomInt } from 'crypto';
import { LockMode } from '@mikro-orm/core';
import type { Context } from '../context';
import { GiftCard } from '../entities/gift-cards';
import { Region } from '../entities/regions';
import { invalid, notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs } from '../lib/list';
import { mergeMetadata } from '../lib/metadata';
import { DeleteResponse } from '../../schema/common';
import { retrieveRegion } from './regions';
import type { CreateGiftCardInput, UpdateGiftCardInput } from '../../schema/gift-cards';

const LIST: ListSpec = {
  orderable: ['code', 'value', 'balance', 'createdAt', 'updatedAt'],
  searchable: ['code'],
};

const CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Medusa's format: 16 random characters in four groups of four, e.g. `3RFT-MH2C-Y4YZ-XMN4`. */
export function generateCode(): string {
  const chars = Array.from({ length: 16 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** 36^16 codes make a clash unlikely; one is still checked for, and the unique index has the last word. */
async function uniqueCode(ctx: Context): Promise<string> {
  for (;;) {
    const code = generateCode();
    if (!(await ctx.em.count(GiftCard, { code }, { filters: false }))) return code;
  }
}

export function listGiftCards(ctx: Context, args: PageArgs) {
  return findPage(ctx, GiftCard, {}, args, LIST);
}

export async function retrieveGiftCard(ctx: Context, id: string, lock = false): Promise<GiftCard> {
  const card = await ctx.em.findOne(GiftCard, { id }, { lockMode: lock ? LockMode.PESSIMISTIC_WRITE : undefined });
  if (!card) throw notFound('Gift card', id);
  return card;
}

/** Medusa's rule: the region's tax rate applies when the region taxes gift cards; a rate of 0 is none (null). */
function taxRateOf(region: Region): number | null {
  return region.giftCardsTaxable ? region.taxRate || null : null;
}

/** A new card's balance is its whole value; `gift_card.created` announces it. */
export async function createGiftCard(ctx: Context, input: CreateGiftCardInput): Promise<GiftCard> {
  const region = await retrieveRegion(ctx, input.regionId);
  const card = Object.assign(new GiftCard(), {
    code: await uniqueCode(ctx),
    value: input.value,
    balance: input.value,
    region,
    isDisabled: input.isDisabled ?? false,
    endsAt: input.endsAt ?? null,
    taxRate: taxRateOf(region),
    metadata: mergeMetadata(null, input.metadata),
  });
  await ctx.em.persistAndFlush(card);
  ctx.events.emit('gift_card.created', { id: card.id });
  return card;
}

/** The row is locked, so concurrent balance changes (a redemption, an admin edit) apply one at a time. */
export async function updateGiftCard(ctx: Context, id: string, input: UpdateGiftCardInput): Promise<GiftCard> {
  const card = await retrieveGiftCard(ctx, id, true);
  // Medusa's order of checks: the region first, then the balance.
  if (input.regionId != null && input.regionId !== card.region.id) card.region = await retrieveRegion(ctx, input.regionId);
  if (input.balance != null) setBalance(card, input.balance);
  if (input.isDisabled != null) card.isDisabled = input.isDisabled;
  if (input.endsAt !== undefined) card.endsAt = input.endsAt;
  // Medusa ignores `metadata: null` (nothing to merge).
  if (input.metadata != null) card.metadata = mergeMetadata(card.metadata, input.metadata);
  await ctx.em.flush();
  return card;
}

function setBalance(card: GiftCard, balance: number): void {
  if (balance < 0 || balance > card.value) throw invalid(`new balance is invalid: it must be between 0 and the gift card's value (${card.value})`);
  card.balance = balance;
}

/** Soft delete. An unknown (or already deleted) card is deleted already: Medusa answers the same 200. */
export async function deleteGiftCard(ctx: Context, id: string): Promise<DeleteResponse> {
  const card = await ctx.em.findOne(GiftCard, { id });
  if (card) {
    card.deletedAt = new Date();
    await ctx.em.flush();
  }
  return DeleteResponse.of(id, 'gift-card');
}
