import type { Context } from '../context';
import { lockRow } from '../lib/locks';
import { ProductCollection } from '../entities/collections';
import { Product } from '../entities/products';
import { notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { mergeMetadata } from '../lib/metadata';
import { DeleteResponse } from '../../schema/common';
import { existingProducts } from './sales-channels';
import type {
  CreateProductCollectionInput, ProductCollectionFilter, RemovedCollectionProducts, UpdateProductCollectionInput,
} from '../../schema/collections';

const LIST: ListSpec = {
  orderable: ['id', 'title', 'handle', 'createdAt', 'updatedAt', 'deletedAt'],
  searchable: ['title', 'handle'],
};

/**
 * Medusa's handles come from lodash's kebabCase: words split at anything that is not a letter or
 * digit, at lower→upper case changes (`fooBar`, `HTMLPage`) and between letters and digits
 * (`Summer2024`), lower-cased and joined with dashes; accents are dropped and apostrophes
 * removed first (`Men's Öl` → `mens-ol`).
 */
export function kebabCase(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/['\u2019]/g, '')
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w.toLowerCase())
    .join('-');
}

export async function listCollections(ctx: Context, filter: ProductCollectionFilter | undefined, args: PageArgs) {
  const where = whereOf(filter, ['discountConditionId']);
  if (filter?.discountConditionId) where.id = { $in: await collectionIdsOfCondition(ctx, filter.discountConditionId) };
  return findPage(ctx, ProductCollection, where, args, LIST);
}

/** The collections a discount condition names (its link table belongs to the discounts domain). */
async function collectionIdsOfCondition(ctx: Context, conditionId: string): Promise<string[]> {
  const rows: { product_collection_id: string }[] = await ctx.em.execute(
    'select product_collection_id from discount_condition_product_collection where condition_id = ?',
    [conditionId],
  );
  return rows.map((r) => r.product_collection_id);
}

export async function retrieveCollection(ctx: Context, id: string, lock = false): Promise<ProductCollection> {
  const collection = await ctx.em.findOne(ProductCollection, { id }, lock ? lockRow() : {});
  if (!collection) throw notFound('Product collection', id);
  return collection;
}

/**
 * The handle is made from the title when absent or empty (Medusa's model fills any falsy
 * handle); a taken handle is a duplicate_error (422).
 */
export async function createCollection(ctx: Context, input: CreateProductCollectionInput): Promise<ProductCollection> {
  const collection = ctx.em.create(ProductCollection, {
    title: input.title,
    handle: input.handle || kebabCase(input.title),
    metadata: mergeMetadata(null, input.metadata ?? undefined),
  });
  await ctx.em.flush();
  ctx.events.emit('product-collection.created', { id: collection.id });
  return collection;
}

export async function updateCollection(ctx: Context, id: string, input: UpdateProductCollectionInput): Promise<ProductCollection> {
  const collection = await retrieveCollection(ctx, id, true); // locked: concurrent metadata merges must not be lost
  if (input.title) collection.title = input.title;
  if (input.handle) collection.handle = input.handle;
  if (input.metadata !== undefined) collection.metadata = mergeMetadata(collection.metadata, input.metadata);
  await ctx.em.flush();
  ctx.events.emit('product-collection.updated', { id });
  return collection;
}

/** Soft delete, as Medusa: the handle becomes free again. */
export async function deleteCollection(ctx: Context, id: string): Promise<DeleteResponse> {
  const collection = await retrieveCollection(ctx, id);
  collection.deletedAt = new Date();
  await ctx.em.flush();
  ctx.events.emit('product-collection.deleted', { id });
  return DeleteResponse.of(id, 'product-collection');
}

/** Puts the products in the collection (moving them out of any other one). */
export async function addProductsToCollection(ctx: Context, id: string, productIds: string[]): Promise<ProductCollection> {
  const collection = await retrieveCollection(ctx, id);
  for (const product of await existingProducts(ctx, productIds)) product.collection = collection;
  await ctx.em.flush();
  ctx.events.emit('product-collection.products_added', { id, product_ids: productIds });
  return collection;
}

/**
 * Takes the products out of the collection; those in another collection (or none), and unknown
 * ids, are left alone, as Medusa does.
 */
export async function removeProductsFromCollection(ctx: Context, id: string, productIds: string[]): Promise<RemovedCollectionProducts> {
  await retrieveCollection(ctx, id);
  for (const product of await existingProducts(ctx, productIds, [], false)) if (product.collectionId === id) product.collection = null;
  await ctx.em.flush();
  ctx.events.emit('product-collection.products_removed', { id, product_ids: productIds });
  return { id, object: 'product-collection', removedProducts: productIds };
}

/** The live products of the collection, oldest first (batched across the request). */
export function productsOf(ctx: Context, collection: ProductCollection): Promise<Product[]> {
  return ctx.loaders.children(Product, 'collection', collection.id, { createdAt: 'asc', id: 'asc' } as any);
}
