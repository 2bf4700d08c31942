import type { Context } from '../context';
import { lockRow } from '../lib/locks';
import { ReturnReason } from '../entities/return-reasons';
import { AppError, duplicate, invalid } from '../lib/errors';
import { mergeMetadata } from '../lib/metadata';
import { DeleteResponse } from '../../schema/common';
import type { CreateReturnReasonInput, UpdateReturnReasonInput } from '../../schema/return-reasons';

/** The top-level reasons (children come nested under their parent), newest first, unpaged as in Medusa. */
export function listReturnReasons(ctx: Context): Promise<ReturnReason[]> {
  return ctx.em.find(ReturnReason, { parentReturnReason: null }, { orderBy: { createdAt: 'desc', id: 'asc' } });
}

export async function retrieveReturnReason(ctx: Context, id: string, lock = false): Promise<ReturnReason> {
  const reason = await ctx.em.findOne(ReturnReason, { id }, lock ? lockRow() : {});
  // Medusa's wording for return reasons ends with a full stop.
  if (!reason) throw new AppError('not_found', `Return Reason with id: ${id} was not found.`);
  return reason;
}

export async function createReturnReason(ctx: Context, input: CreateReturnReasonInput): Promise<ReturnReason> {
  await assertValueFree(ctx, input.value);
  const parent = input.parentReturnReasonId ? await parentReason(ctx, input.parentReturnReasonId) : null;
  const reason = ctx.em.create(ReturnReason, {
    value: input.value,
    label: input.label,
    description: input.description ?? null,
    parentReturnReason: parent,
    metadata: mergeMetadata(null, input.metadata),
  });
  await ctx.em.flush();
  return reason;
}

export async function updateReturnReason(ctx: Context, id: string, input: UpdateReturnReasonInput): Promise<ReturnReason> {
  const reason = await retrieveReturnReason(ctx, id, true); // locked: concurrent metadata merges must not be lost
  if (input.value !== undefined && input.value !== reason.value) await assertValueFree(ctx, input.value);
  if (input.value !== undefined) reason.value = input.value;
  if (input.label !== undefined) reason.label = input.label;
  if (input.description !== undefined) reason.description = input.description;
  if (input.metadata !== undefined) reason.metadata = mergeMetadata(reason.metadata, input.metadata);
  await ctx.em.flush();
  return reason;
}

/** Soft delete; the children go with their parent, as Medusa cascades them. */
export async function deleteReturnReason(ctx: Context, id: string): Promise<DeleteResponse> {
  const reason = await retrieveReturnReason(ctx, id);
  const now = new Date();
  reason.deletedAt = now;
  await ctx.em.nativeUpdate(ReturnReason, { parentReturnReason: id }, { deletedAt: now });
  await ctx.em.flush();
  return DeleteResponse.of(id, 'return_reason');
}

async function assertValueFree(ctx: Context, value: string): Promise<void> {
  if (await ctx.em.count(ReturnReason, { value })) throw duplicate(`Return_reason with value ${value} already exists.`);
}

/** Only one level of nesting: a child reason cannot be a parent. */
async function parentReason(ctx: Context, id: string): Promise<ReturnReason> {
  const parent = await retrieveReturnReason(ctx, id);
  if (parent.parentReturnReasonId) throw invalid('Doubly nested return reasons is not supported');
  return parent;
}
