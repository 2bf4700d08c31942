import type { EntityName, FilterQuery, FindOptions } from '@mikro-orm/core';
import type { Context } from '../context';
import type { Page } from '../../schema/common';
import { invalid } from './errors';
import { toCamel } from './naming';

export interface ListSpec {
  /** Fields (camelCase) a client may order by; each has an index. */
  orderable: string[];
  /** Used when the client gives no order. */
  defaultOrder?: Record<string, 'asc' | 'desc'>;
  /** Fields (camelCase) that `q` searches, case-insensitively. */
  searchable?: string[];
}

export interface PageArgs {
  offset: number;
  limit: number;
  order?: string;
  q?: string;
}

/**
 * The one list mechanism: filters, free-text search, order, paging and count, in two queries
 * (page and count). A `deletedAt` filter lifts the soft-delete filter so deleted rows can be found.
 */
export async function findPage<T extends object>(
  ctx: Context,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  spec: ListSpec,
  options: FindOptions<T> = {},
): Promise<Page<T>> {
  const conditions: any[] = [where];
  if (args.q && spec.searchable?.length) conditions.push(textSearch(args.q, spec.searchable));
  const withDeleted = JSON.stringify(where).includes('"deletedAt"');
  const [items, count] = await ctx.em.findAndCount(entity, { $and: conditions } as FilterQuery<T>, {
    ...(options as object),
    orderBy: withTieBreak(parseOrder(args.order, spec), primaryKeyOf(ctx, entity)) as any,
    offset: args.offset,
    limit: args.limit,
    filters: withDeleted ? { softDelete: false } : (options as { filters?: unknown }).filters,
  } as any);
  return { items: items as T[], count, offset: args.offset, limit: args.limit };
}

/** The primary key breaks ties, so pages never overlap or skip rows. */
function withTieBreak(order: Record<string, 'asc' | 'desc'>, pk: string): Record<string, 'asc' | 'desc'> {
  return pk in order ? order : { ...order, [pk]: 'asc' };
}

function primaryKeyOf(ctx: Context, entity: EntityName<any>): string {
  return ctx.em.getMetadata().get(entity as any).primaryKeys[0];
}

/** `-created_at` → `{createdAt: 'desc'}`; an order the list does not offer is a 400, as in Medusa. */
export function parseOrder(order: string | undefined, spec: ListSpec): Record<string, 'asc' | 'desc'> {
  if (!order) return spec.defaultOrder ?? { createdAt: 'desc' };
  const desc = order.startsWith('-');
  const name = desc ? order.slice(1) : order;
  const field = toCamel(name);
  if (!spec.orderable.includes(field)) throw invalid(`Order field ${name} is not valid`);
  return { [field]: desc ? 'desc' : 'asc' };
}

/** `q` as a case-insensitive substring match over the given fields; LIKE wildcards are escaped. */
export function textSearch(q: string, fields: string[]): Record<string, unknown> {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return { $or: fields.map((f) => nest(f, { $ilike: pattern })) };
}

function nest(path: string, value: unknown): Record<string, unknown> {
  return path.split('.').reduceRight<unknown>((acc, key) => ({ [key]: acc }), value) as Record<string, unknown>;
}

/**
 * A filter input as MikroORM conditions: lists become `$in`, ranges `$lt/$gt/$lte/$gte`, other
 * values equality. Keys the service handles itself are passed in `skip`.
 */
export function whereOf(filter: object | undefined | null, skip: string[] = []): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === undefined || skip.includes(key)) continue;
    if (Array.isArray(value)) where[key] = { $in: value };
    else if (value !== null && typeof value === 'object' && !(value instanceof Date)) where[key] = rangeOf(value);
    else where[key] = value;
  }
  return where;
}

function rangeOf(range: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const op of ['lt', 'gt', 'lte', 'gte'] as const) if (range[op] !== undefined && range[op] !== null) out[`$${op}`] = range[op];
  return out;
}
