import type { Context } from '../context';
import { ProductCategory } from '../entities/categories';
import { AppError, invalid, notAllowed, notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { mergeMetadata } from '../lib/metadata';
import { DeleteResponse } from '../../schema/common';
import type { CreateProductCategoryInput, ProductCategoryFilter, UpdateProductCategoryInput } from '../../schema/categories';
import { kebabCase } from './collections';
import { linkProducts, productsLinkedTo, unlinkProducts } from './sales-channels';
import type { Product } from '../entities/products';
import type { ProductRef } from '../../schema/sales-channels';

/** Reported by GET /admin/store: product categories are served. */
export const featureFlags = { product_categories: true };

/**
 * Medusa lists categories by rank, then handle (ranks repeat across parents, so the handle,
 * which is unique, decides between a top-level category and a child of the same rank).
 */
const LIST: ListSpec = {
  orderable: ['id', 'name', 'handle', 'rank', 'createdAt', 'updatedAt'],
  defaultOrder: { rank: 'asc', handle: 'asc' },
  searchable: ['name', 'handle'],
};

const notFoundCategory = (id: string) => notFound('ProductCategory', id);

export async function listCategories(ctx: Context, filter: ProductCategoryFilter | undefined, args: PageArgs, includeTree = false) {
  const where = whereOf(filter, ['parentCategoryId']);
  // The dashboard sends the text `null` for top-level categories.
  if (filter?.parentCategoryId !== undefined) where.parentCategory = filter.parentCategoryId === 'null' ? null : filter.parentCategoryId;
  const page = await findPage(ctx, ProductCategory, where, args, LIST);
  if (includeTree) await attachDescendants(ctx, page.items);
  return page;
}

export async function retrieveCategory(ctx: Context, id: string, includeTree = false): Promise<ProductCategory> {
  const category = await ctx.em.findOne(ProductCategory, { id });
  if (!category) throw notFoundCategory(id);
  if (includeTree) await attachDescendants(ctx, [category]);
  return category;
}

// ------------------------------------------------------------------ the tree

/**
 * Children attached by `attachDescendants`, so a whole tree is served from one query. Kept with
 * the request's loaders, so a root mutation that moves a category is not answered a stale tree.
 */
const treeChildren = (ctx: Context) => ctx.loaders.state('category-tree', () => new WeakMap<ProductCategory, ProductCategory[]>());

/** `pcat_a.pcat_b.` → a LIKE pattern for everything below it (ids contain `_`, a wildcard). */
const below = (mpath: string) => `${mpath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Loads every descendant of `roots` in one query and links each node to its children by rank. */
async function attachDescendants(ctx: Context, roots: ProductCategory[]): Promise<void> {
  const withPath = roots.filter((r) => r.mpath);
  if (!withPath.length) return;
  const rows = await ctx.em.find(
    ProductCategory,
    { $or: withPath.map((r) => ({ mpath: { $like: below(r.mpath!) } })) },
    { orderBy: { rank: 'asc', id: 'asc' } },
  );
  const byParent = new Map<string, ProductCategory[]>();
  for (const row of rows) {
    const parentId = row.parentCategoryId;
    if (parentId) byParent.set(parentId, [...(byParent.get(parentId) ?? []), row]);
  }
  for (const node of new Set([...roots, ...rows])) treeChildren(ctx).set(node, byParent.get(node.id) ?? []);
}

/** Direct children by rank: from an attached tree when there is one, else batched per request. */
export function childrenOf(ctx: Context, category: ProductCategory): Promise<ProductCategory[]> {
  const attached = treeChildren(ctx).get(category);
  if (attached) return Promise.resolve(attached);
  return ctx.loaders.children(ProductCategory, 'parentCategory', category.id, { rank: 'asc', id: 'asc' } as any);
}

/** Every category below `category`, in one query for all the categories asked in a request. */
export async function descendantsOf(ctx: Context, category: ProductCategory): Promise<ProductCategory[]> {
  if (!treeChildren(ctx).has(category)) {
    await ctx.loaders.load<ProductCategory, null>('categoryDescendants', async (roots) => {
      await attachDescendants(ctx, roots.filter((r) => !treeChildren(ctx).has(r)));
      return roots.map(() => null);
    }, category, (c) => c.id);
  }
  const out: ProductCategory[] = [];
  const walk = (node: ProductCategory) => (treeChildren(ctx).get(node) ?? []).forEach((child) => { out.push(child); walk(child); });
  walk(category);
  return out;
}

export function parentOf(ctx: Context, category: ProductCategory): Promise<ProductCategory | null> {
  const parentId = category.parentCategoryId;
  return parentId ? ctx.loaders.byId(ProductCategory, parentId) : Promise.resolve(null);
}

// ------------------------------------------------------------------ ranks

/**
 * Serializes the writes that touch the tree (creates, updates, deletes), so concurrent requests
 * keep ranks dense and paths right. Taken first, before any row lock, so it cannot deadlock;
 * category writes are rare, so one lock for the whole tree costs nothing in practice.
 */
async function lockTree(ctx: Context): Promise<void> {
  await ctx.em.execute("select pg_advisory_xact_lock(hashtext('product_category'))");
}

function countSiblings(ctx: Context, parentId: string | null, except?: string): Promise<number> {
  return ctx.em.count(ProductCategory, { parentCategory: parentId, ...(except ? { id: { $ne: except } } : {}) });
}

/** Upper bound of a rank range (the column is a 4-byte integer). */
const MAX_RANK = 2_147_483_647;

/** Adds `delta` to the rank of the siblings under `parentId` whose rank is within [from, to]. */
async function shiftRanks(ctx: Context, parentId: string | null, from: number, to: number, delta: 1 | -1, except: string): Promise<void> {
  await ctx.em.execute(
    `update "product_category" set "rank" = "rank" + ? where "parent_category_id" is not distinct from ? and "rank" between ? and ? and "id" <> ?`,
    [delta, parentId, from, to, except],
  );
}

async function existingParent(ctx: Context, parentId: string): Promise<ProductCategory> {
  const parent = await ctx.em.findOne(ProductCategory, { id: parentId });
  if (!parent) throw notFoundCategory(parentId);
  return parent;
}

// ------------------------------------------------------------------ writes

/**
 * Medusa's validator refuses an explicit `description: null` (it must be a string when given;
 * the column is not nullable). The input layer skips nulls, so the rule lives here.
 */
function checkDescription(description: string | null | undefined): void {
  if (description === null) throw invalid('description must be a string');
}

/** Medusa's body validator reads the text `null` as no parent (top level). */
const parentIdOf = (value: string | null | undefined) => (value === 'null' ? null : value);

/**
 * A new category goes last among its siblings; its handle comes from the name when absent or
 * empty (Medusa's model fills any falsy handle).
 */
export async function createCategory(ctx: Context, input: CreateProductCategoryInput): Promise<ProductCategory> {
  checkDescription(input.description);
  const parentId = parentIdOf(input.parentCategoryId) ?? null;
  await lockTree(ctx);
  const parent = parentId ? await existingParent(ctx, parentId) : null;
  const category = ctx.em.create(ProductCategory, {
    name: input.name,
    handle: input.handle || kebabCase(input.name),
    description: input.description ?? '',
    isActive: input.isActive ?? false,
    isInternal: input.isInternal ?? false,
    parentCategory: parent,
    rank: await countSiblings(ctx, parentId),
    metadata: mergeMetadata(null, input.metadata ?? undefined),
  });
  category.mpath = `${parent?.mpath ?? ''}${category.id}.`;
  await ctx.em.flush();
  ctx.events.emit('product-category.created', { id: category.id });
  return category;
}

export async function updateCategory(ctx: Context, id: string, input: UpdateProductCategoryInput): Promise<ProductCategory> {
  checkDescription(input.description);
  await lockTree(ctx);
  const category = await ctx.em.findOne(ProductCategory, { id });
  if (!category) throw notFoundCategory(id);
  const { parentCategoryId, rank, metadata, ...plain } = input;
  for (const [key, value] of Object.entries(plain)) if (value !== undefined && value !== null) (category as any)[key] = value;
  if (metadata !== undefined) category.metadata = mergeMetadata(category.metadata, metadata);
  const from = category.parentCategoryId;
  const to = parentCategoryId === undefined ? from : parentIdOf(parentCategoryId) ?? null;
  if (to !== from) await moveCategory(ctx, category, to, rank);
  else if (rank !== undefined && rank !== null) await rerank(ctx, category, rank);
  await ctx.em.flush();
  ctx.events.emit('product-category.updated', { id });
  return category;
}

/** Changes the position among the same siblings; the others close up or make room. */
async function rerank(ctx: Context, category: ProductCategory, wanted: number): Promise<void> {
  const parentId = category.parentCategoryId;
  const target = Math.min(wanted, await countSiblings(ctx, parentId, category.id));
  const current = category.rank;
  if (target < current) await shiftRanks(ctx, parentId, target, current - 1, 1, category.id);
  else if (target > current) await shiftRanks(ctx, parentId, current + 1, target, -1, category.id);
  category.rank = target;
}

/**
 * Moves a category (with its subtree) under another parent, at `wanted` rank or last. A category
 * cannot go under itself or its own descendants.
 */
async function moveCategory(ctx: Context, category: ProductCategory, parentId: string | null, wanted?: number | null): Promise<void> {
  const oldParentId = category.parentCategoryId;
  const parent = parentId ? await existingParent(ctx, parentId) : null;
  if (parent && (parent.id === category.id || (parent.mpath ?? '').startsWith(category.mpath ?? '\0'))) {
    throw invalid(`ProductCategory ${category.id} cannot be moved under itself or one of its descendants`);
  }
  await shiftRanks(ctx, oldParentId, category.rank + 1, MAX_RANK, -1, category.id);
  const siblings = await countSiblings(ctx, parentId, category.id);
  const target = Math.min(wanted ?? siblings, siblings);
  await shiftRanks(ctx, parentId, target, MAX_RANK, 1, category.id);
  const oldPath = category.mpath ?? `${category.id}.`;
  const newPath = `${parent?.mpath ?? ''}${category.id}.`;
  await ctx.em.execute(
    `update "product_category" set "mpath" = ? || substr("mpath", ?) where "mpath" like ? and "id" <> ?`,
    [newPath, oldPath.length + 1, below(oldPath), category.id],
  );
  category.parentCategory = parent;
  category.mpath = newPath;
  category.rank = target;
}

/**
 * Deletes for good, as Medusa: a category with children is refused; an unknown id answers as
 * if it had just been deleted. The siblings after it close up.
 */
export async function deleteCategory(ctx: Context, id: string): Promise<DeleteResponse> {
  await lockTree(ctx);
  const category = await ctx.em.findOne(ProductCategory, { id });
  if (category) {
    if (await ctx.em.count(ProductCategory, { parentCategory: id })) {
      throw notAllowed(`Deleting ProductCategory (${id}) with category children is not allowed`);
    }
    const parentId = category.parentCategoryId;
    ctx.em.remove(category);
    await ctx.em.flush();
    await shiftRanks(ctx, parentId, category.rank + 1, MAX_RANK, -1, id);
    ctx.events.emit('product-category.deleted', { id });
  }
  return DeleteResponse.of(id, 'product-category');
}

// ------------------------------------------------------------------ products

/** Adds products to the category (those already in it stay as they are). */
export async function addProductsToCategory(ctx: Context, id: string, refs: ProductRef[]): Promise<ProductCategory> {
  // Medusa's words here are those of the foreign-key violation its insert runs into.
  const category = await ctx.em.findOne(ProductCategory, { id });
  if (!category) throw new AppError('not_found', `Product_category with product_category_id ${id} does not exist.`);
  await linkProducts(ctx, refs.map((r) => r.id), 'categories', category);
  return category;
}

export async function removeProductsFromCategory(ctx: Context, id: string, refs: ProductRef[]): Promise<ProductCategory> {
  const category = await retrieveCategory(ctx, id);
  await unlinkProducts(ctx, refs.map((r) => r.id), 'categories', category, true);
  return category;
}

export function productsOf(ctx: Context, category: ProductCategory): Promise<Product[]> {
  return productsLinkedTo(ctx, 'categories', category.id);
}
