import { LockMode, raw, ReferenceKind } from '@mikro-orm/core';
import type { Context } from '../context';
import { FieldNode, GraphQLResolveInfo, Kind, SelectionNode } from 'graphql';
import { Image, Product, ProductOption, ProductOptionValue } from '../entities/products';
import { ProductTag } from '../entities/product-tags';
import { ProductType } from '../entities/product-types';
import { MoneyAmount, ProductVariant } from '../entities/variants';
import { ProductCollection } from '../entities/collections';
import { ProductCategory } from '../entities/categories';
import { SalesChannel } from '../entities/sales-channels';
import { ShippingProfile, ShippingProfileType } from '../entities/shipping-profiles';
import { AppError, duplicate, invalid, notFound } from '../lib/errors';
import { ListSpec, PageArgs, parseOrder, whereOf } from '../lib/list';
import { mergeMetadata } from '../lib/metadata';
import { retrieveStore } from './store';
// Products make handles from titles as collections do (Medusa uses lodash's kebabCase for both).
import { kebabCase } from './collections';
import { addVariant, changeVariant, live, orderedId, productForVariants, removeVariant } from './variants';
import { unlinkVariants } from './inventory-items';
import type { CreateProductInput, IdInput, ProductFieldsInput, ProductFilter, ProductOptionInput, UpdateProductInput, ValueInput } from '../../schema/products';
import { DeleteResponse, Page } from '../../schema/common';
import type { CreateVariantInput, UpdateVariantInput } from '../../schema/variants';
import { timestampText } from '../lib/timestamps';
import { rawReaders } from '../lib/raw-rows';

/**
 * Medusa orders the product list by any of its allowed columns (allowedAdminProductFields). The
 * usual ones are indexed; the rest sort a filtered page and are rarely asked.
 */
const LIST: ListSpec = {
  orderable: [
    // Every orderable column has an index; long free text (description, thumbnail) is not orderable.
    'id', 'title', 'subtitle', 'status', 'externalId', 'handle', 'isGiftcard', 'discountable',
    'profileId', 'collectionId', 'typeId', 'weight', 'length', 'height', 'width', 'hsCode', 'originCountry', 'midCode',
    'material', 'createdAt', 'updatedAt', 'deletedAt',
  ],
};

// ---------------------------------------------------------------- list and get

/** `alias.id in (select <col> from <table> where <match> in (...))`, with the values as parameters. */
function idIn(table: string, col: string, match: string, values: string[]): Record<string, unknown> {
  const marks = values.map(() => '?').join(', ');
  return { [raw((a: string) => `${a}."id" in (select "${col}" from "${table}" where "${match}" in (${marks}))`, values)]: [] };
}

/**
 * `q` as Medusa searches products: title, description, the title or sku of a live variant, or the
 * title of the product's collection (not the handle).
 */
function productSearch(q: string): Record<string, unknown> {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const byVariant = raw((a: string) => `${a}."id" in (select "product_id" from "product_variant" where "deleted_at" is null and ("title" ilike ? or "sku" ilike ?))`, [pattern, pattern]);
  const byCollection = raw((a: string) => `${a}."collection_id" in (select "id" from "product_collection" where "deleted_at" is null and "title" ilike ?)`, [pattern]);
  return { $or: [{ title: { $ilike: pattern } }, { description: { $ilike: pattern } }, { [byVariant]: [] }, { [byCollection]: [] }] };
}

/** The given categories, plus their descendants when asked (found by materialized path). */
async function categoryIds(ctx: Context, ids: string[], withChildren: boolean | undefined): Promise<string[]> {
  if (!withChildren) return ids;
  const roots = await ctx.em.find(ProductCategory, { id: { $in: ids } });
  const paths = roots.map((r) => r.mpath).filter((p): p is string => !!p);
  if (!paths.length) return ids;
  const below = await ctx.em.find(ProductCategory, { $or: paths.map((p) => ({ mpath: { $like: `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } })) });
  return [...new Set([...ids, ...below.map((c) => c.id)])];
}

const RELATION_FILTERS = ['collectionId', 'tags', 'priceListId', 'salesChannelId', 'typeId', 'categoryId', 'includeCategoryChildren', 'discountConditionId'];

/** `id in (the ids a discount condition lists in its pivot table)`, for the lists that filter by condition. */
export function inDiscountCondition(pivot: string, column: string, conditionId: string): Record<string, unknown> {
  return idIn(pivot, column, 'condition_id', [conditionId]);
}

/**
 * The conditions of a product list, as a function: raw SQL fragments are spent when a query uses
 * them, so the page and the count each build their own copy.
 */
export async function productWhere(ctx: Context, filter: ProductFilter | undefined, q: string | undefined): Promise<() => Record<string, unknown>> {
  const categories = filter?.categoryId?.length ? await categoryIds(ctx, filter.categoryId, filter.includeCategoryChildren) : undefined;
  return () => {
    const conditions: Record<string, unknown>[] = [whereOf(filter, RELATION_FILTERS)];
    if (filter?.collectionId) conditions.push({ collection: { $in: filter.collectionId } });
    if (filter?.typeId) conditions.push({ type: { $in: filter.typeId } });
    // Relations to many go through sub-queries, so a product matching twice is still listed once.
    if (filter?.tags?.length) conditions.push(idIn('product_tags', 'product_id', 'product_tag_id', filter.tags));
    if (filter?.salesChannelId?.length) conditions.push(idIn('product_sales_channel', 'product_id', 'sales_channel_id', filter.salesChannelId));
    if (categories) conditions.push(idIn('product_category_product', 'product_id', 'product_category_id', categories));
    if (filter?.priceListId?.length) {
      const marks = filter.priceListId.map(() => '?').join(', ');
      conditions.push({
        [raw((a: string) => `${a}."id" in (select v."product_id" from "product_variant" v join "money_amount" ma on ma."variant_id" = v."id" where ma."price_list_id" in (${marks}) and ma."deleted_at" is null)`, filter.priceListId)]: [],
      });
    }
    if (filter?.discountConditionId) conditions.push(inDiscountCondition('discount_condition_product', 'product_id', filter.discountConditionId));
    if (q) conditions.push(productSearch(q));
    // Deleted products only when a deleted_at range asks for them, as the platform's lists do.
    if (!filter?.deletedAt) conditions.push({ deletedAt: null });
    return { $and: conditions };
  };
}

/**
 * The product list: the platform's list semantics (filters, order with the id as tie-breaker,
 * offset, limit, count, deleted rows only when a `deleted_at` range asks), with the page read as
 * rows and mapped onto entity views like its relations, as the list is the catalogue's hot path.
 */
export async function listProducts(ctx: Context, filter: ProductFilter | undefined, args: PageArgs): Promise<Page<Product>> {
  const where = await productWhere(ctx, filter, args.q);
  const qb = () => ctx.em.createQueryBuilder(Product, 'p').where(where());
  // The id breaks ties, unless it is the order itself.
  const asked = foreignKeyOrder(parseOrder(args.order, LIST));
  const order = 'id' in asked ? asked : { ...asked, id: 'asc' as const };
  const [rows, count] = await Promise.all([
    qb().select('p.*').orderBy(order).offset(args.offset).limit(args.limit).execute<Record<string, unknown>[]>('all', false),
    qb().getCount(),
  ]);
  return { items: rows.map((row) => fromRow(ctx, Product, row)), count, offset: args.offset, limit: args.limit };
}

/** `collection_id` and the like are getters of the entity: order by the reference (its column) instead. */
function foreignKeyOrder(order: Record<string, 'asc' | 'desc'>): Record<string, 'asc' | 'desc'> {
  const refs: Record<string, string> = { collectionId: 'collection', typeId: 'type', profileId: 'profile' };
  return Object.fromEntries(Object.entries(order).map(([k, v]) => [refs[k] ?? k, v]));
}

export async function retrieveProduct(ctx: Context, id: string, lock = false): Promise<Product> {
  const product = await ctx.em.findOne(Product, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!product) throw notFound('Product', id);
  return product;
}

/**
 * One product for a read (the `product` query): its row mapped onto a view, and the relations the
 * query selects loaded together right after it (`loadPageAhead`), as for a page: two rounds of
 * statements instead of the ORM's find and three dependent rounds of relation loads.
 */
export async function readProduct(ctx: Context, id: string, info: GraphQLResolveInfo): Promise<Product> {
  if (!rawReaders(ctx)) return retrieveProduct(ctx, id);
  const [row] = await ctx.em.execute<Row[]>('select * from "product" where "id" = ? and "deleted_at" is null', [id]);
  if (!row) throw notFound('Product', id);
  const product = fromRow(ctx, Product, row);
  await loadPageAhead(ctx, [product], info, []);
  return product;
}

// ---------------------------------------------------------------- links found or created

/** A product type is found by value, or created. */
async function upsertType(ctx: Context, input: ValueInput): Promise<ProductType> {
  return (await ctx.em.findOne(ProductType, { value: input.value })) ?? ctx.em.create(ProductType, { value: input.value });
}

/** Tags are found by value, or created; the same value twice is one tag. */
async function upsertTags(ctx: Context, inputs: ValueInput[]): Promise<ProductTag[]> {
  const values = [...new Set(inputs.map((t) => t.value))];
  const existing = await ctx.em.find(ProductTag, { value: { $in: values } }, { orderBy: { createdAt: 'asc' } });
  return values.map((value) => existing.find((t) => t.value === value) ?? ctx.em.create(ProductTag, { id: orderedId('ptag'), value }));
}

/** Images are rows of their own; a URL already stored is reused, as Medusa does. */
async function upsertImages(ctx: Context, urls: string[]): Promise<Image[]> {
  const unique = [...new Set(urls)];
  const existing = await ctx.em.find(Image, { url: { $in: unique } }, { orderBy: { createdAt: 'asc' } });
  return unique.map((url) => existing.find((i) => i.url === url) ?? ctx.em.create(Image, { id: orderedId('img'), url }));
}

async function findAll<T extends object>(ctx: Context, entity: new () => T, label: string, inputs: IdInput[]): Promise<T[]> {
  const ids = [...new Set(inputs.map((i) => i.id))];
  const rows = await ctx.em.find(entity as any, { id: { $in: ids } });
  const missing = ids.filter((id) => !rows.some((r: any) => r.id === id));
  if (missing.length) throw notFound(label, missing[0]);
  return rows as T[];
}

async function collectionOf(ctx: Context, id: string | null): Promise<ProductCollection | null> {
  if (id === null) return null;
  const collection = await ctx.em.findOne(ProductCollection, { id });
  // Medusa's words: those of the foreign-key violation its update runs into.
  if (!collection) throw new AppError('not_found', `Product_collection with collection_id ${id} does not exist.`);
  return collection;
}

/** New products ship with the default profile; gift cards with the gift card profile. */
async function profileFor(ctx: Context, isGiftcard: boolean): Promise<ShippingProfile | null> {
  const type = isGiftcard ? ShippingProfileType.gift_card : ShippingProfileType.default;
  return ctx.em.findOne(ShippingProfile, { type }, { orderBy: { createdAt: 'asc' } });
}

/** The columns and links that create and update share. */
async function applyFields(ctx: Context, product: Product, input: ProductFieldsInput & { title?: string }): Promise<void> {
  const { images, type, tags, salesChannels, categories, collectionId, metadata, ...plain } = input as ProductFieldsInput & Record<string, unknown>;
  for (const key of ['title', 'subtitle', 'description', 'discountable', 'thumbnail', 'handle', 'status', 'weight', 'length', 'height', 'width', 'hsCode', 'originCountry', 'midCode', 'material'] as const) {
    if ((plain as any)[key] !== undefined) (product as any)[key] = (plain as any)[key];
  }
  if (input.handle !== undefined && !input.handle) throw invalid('handle must not be empty');
  if (type !== undefined) product.type = type ? await upsertType(ctx, type) : null;
  if (collectionId !== undefined) product.collection = await collectionOf(ctx, collectionId);
  if (tags) product.tags.set(await upsertTags(ctx, tags));
  if (images) {
    product.images.set(await upsertImages(ctx, images));
    if (!product.thumbnail && images.length) product.thumbnail = images[0];
  }
  if (salesChannels) product.salesChannels.set(await findAll(ctx, SalesChannel, 'Sales channel', salesChannels));
  if (categories) product.categories.set(await findAll(ctx, ProductCategory, 'Product category', categories));
  if (metadata !== undefined) product.metadata = mergeMetadata(product.metadata, metadata);
}

// ---------------------------------------------------------------- create, update, delete

export async function createProduct(ctx: Context, input: CreateProductInput): Promise<Product> {
  const isGiftcard = input.isGiftcard ?? false;
  const product = ctx.em.create(Product, { id: orderedId('prod'), title: input.title, handle: input.handle ?? kebabCase(input.title), isGiftcard });
  // Gift cards are never discountable in Medusa.
  if (isGiftcard) product.discountable = false;
  await applyFields(ctx, product, { ...input, discountable: isGiftcard ? false : input.discountable });
  if (!product.handle) throw invalid('A handle could not be made from the title; give one');
  product.profile = await profileFor(ctx, isGiftcard);
  if (!input.salesChannels) {
    const store = await retrieveStore(ctx);
    if (store.defaultSalesChannelId) product.salesChannels.add(ctx.em.getReference(SalesChannel, store.defaultSalesChannelId));
  }
  const options = (input.options ?? []).map((o) => ctx.em.create(ProductOption, { id: orderedId('opt'), title: o.title, product }));
  product.options.set(options);
  for (const variant of input.variants ?? []) {
    const values = variant.options ?? [];
    if (values.length > options.length) throw invalid(`Product options length does not match variant options length. Product has ${options.length} and variant has ${values.length}.`);
    await addVariant(ctx, product, variant, values.map((v, i) => ({ optionId: options[i].id, value: v.value })));
  }
  await ctx.em.flush();
  ctx.events.emit('product.created', { id: product.id });
  return product;
}

export async function updateProduct(ctx: Context, id: string, input: UpdateProductInput): Promise<Product> {
  const product = await retrieveProduct(ctx, id, true);
  await ctx.em.populate(product, ['tags', 'images', 'salesChannels', 'categories'] as any);
  await applyFields(ctx, product, input);
  if (input.variants) await replaceVariants(ctx, product, input.variants);
  await ctx.em.flush();
  ctx.events.emit('product.updated', { id: product.id, fields: Object.keys(input) });
  return product;
}

/**
 * Medusa's product update with `variants`: listed variants with an id are updated (and ranked by
 * their position), those without are created, and the product's other variants are deleted.
 */
async function replaceVariants(ctx: Context, product: Product, inputs: NonNullable<UpdateProductInput['variants']>): Promise<void> {
  await ctx.em.populate(product, ['options', 'variants.options'] as any);
  const listed = new Set(inputs.map((v) => v.id).filter(Boolean));
  const strangers = [...listed].filter((id) => !product.variants.getItems().some((v) => v.id === id));
  if (strangers.length) throw new AppError('not_found', `Variants with id: ${strangers.join(', ')} are not associated with this product`);
  for (const variant of product.variants.getItems()) {
    if (!listed.has(variant.id)) {
      await removeVariant(ctx, variant);
    }
  }
  for (const [rank, input] of inputs.entries()) {
    if (input.id) {
      const variant = product.variants.getItems().find((v) => v.id === input.id);
      if (!variant) throw new AppError('not_found', `Variant with id: ${input.id} is not associated with this product`);
      await changeVariant(ctx, product, variant, input);
      variant.variantRank = rank;
    } else {
      if (!input.title) throw invalid('A new variant needs a title');
      const variant = await addVariant(ctx, product, { ...input, title: input.title }, input.options ?? []);
      variant.variantRank = rank;
    }
  }
}

/** Soft delete of the product with its options, variants and their option values. */
export async function deleteProduct(ctx: Context, id: string): Promise<DeleteResponse> {
  // Medusa's product delete is idempotent: an unknown or already deleted product answers 200 too.
  const product = await ctx.em.findOne(Product, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!product) return DeleteResponse.of(id, 'product');
  const now = new Date();
  product.deletedAt = now;
  const variants = await ctx.em.find(ProductVariant, { product });
  const options = await ctx.em.find(ProductOption, { product });
  await ctx.em.nativeUpdate(ProductOptionValue, { option: { $in: options.map((o) => o.id) } }, { deletedAt: now });
  await ctx.em.nativeUpdate(ProductVariant, { product: product.id }, { deletedAt: now });
  await ctx.em.nativeUpdate(ProductOption, { product: product.id }, { deletedAt: now });
  for (const entity of [...variants, ...options]) entity.deletedAt = now;
  await unlinkVariants(ctx, variants.map((v) => v.id));
  await ctx.em.flush();
  ctx.events.emit('product.deleted', { id });
  return DeleteResponse.of(id, 'product');
}

/** `POST /admin/products/{id}/metadata`: sets one key (an empty value removes it). */
export async function setProductMetadata(ctx: Context, id: string, key: string, value: string): Promise<Product> {
  if (!key) throw invalid('key must not be empty');
  const product = await retrieveProduct(ctx, id, true);
  product.metadata = mergeMetadata(product.metadata, { [key]: value });
  await ctx.em.flush();
  ctx.events.emit('product.updated', { id, fields: ['metadata'] });
  return product;
}

// ---------------------------------------------------------------- options

export async function addProductOption(ctx: Context, productId: string, input: ProductOptionInput): Promise<Product> {
  const product = await productForVariants(ctx, productId);
  if (product.options.getItems().some((o) => o.title === input.title)) throw duplicate(`An option with the title: ${input.title} already exists`);
  const option = ctx.em.create(ProductOption, { id: orderedId('opt'), title: input.title, product });
  product.options.add(option);
  // Every variant needs a value for every option; Medusa gives existing ones a placeholder.
  for (const variant of live(product.variants.getItems())) {
    variant.options.add(ctx.em.create(ProductOptionValue, { id: orderedId('optval'), option, variant, value: 'Default Value' }));
  }
  await ctx.em.flush();
  return product;
}

export async function updateProductOption(ctx: Context, productId: string, optionId: string, input: ProductOptionInput): Promise<Product> {
  const product = await productForVariants(ctx, productId);
  const options = live(product.options.getItems());
  // Medusa compares titles ignoring case here, and answers a clash as not_found (404).
  const title = input.title.toUpperCase();
  if (options.some((o) => o.id !== optionId && o.title.toUpperCase() === title)) throw new AppError('not_found', `An option with title ${input.title} already exists`);
  const option = options.find((o) => o.id === optionId);
  if (!option) throw new AppError('not_found', `Option with id: ${optionId} does not exist`);
  option.title = input.title;
  await ctx.em.flush();
  return product;
}

/**
 * Deleting an option removes its value from every variant. As in Medusa, every variant must have
 * the same value for it (so that no two variants become identical); an option the product does
 * not have is "deleted" already (200).
 */
export async function deleteProductOption(ctx: Context, productId: string, optionId: string) {
  const product = await productForVariants(ctx, productId);
  const option = live(product.options.getItems()).find((o) => o.id === optionId);
  if (option) {
    const variants = live(product.variants.getItems());
    const valueOf = (v: ProductVariant) => live(v.options.getItems()).find((o) => o.option.id === optionId)?.value;
    if (variants.some((v) => valueOf(v) !== valueOf(variants[0]))) {
      throw invalid('To delete an option, first delete all variants, such that when an option is deleted, no duplicate variants will exist.');
    }
    const now = new Date();
    option.deletedAt = now;
    for (const variant of product.variants.getItems()) {
      for (const value of variant.options.getItems()) if (value.option.id === optionId) value.deletedAt = now;
    }
    await ctx.em.flush();
  }
  return { optionId, object: 'option', deleted: true, product };
}

// ---------------------------------------------------------------- variants of a product

export async function createProductVariant(ctx: Context, productId: string, input: CreateVariantInput): Promise<Product> {
  const product = await productForVariants(ctx, productId);
  await addVariant(ctx, product, input, input.options);
  await ctx.em.flush();
  return product;
}

function variantOf(product: Product, variantId: string): ProductVariant {
  const variant = live(product.variants.getItems()).find((v) => v.id === variantId);
  if (!variant) throw notFound('Variant', variantId);
  return variant;
}

export async function updateProductVariant(ctx: Context, productId: string, variantId: string, input: UpdateVariantInput): Promise<Product> {
  const product = await productForVariants(ctx, productId);
  await changeVariant(ctx, product, variantOf(product, variantId), input);
  await ctx.em.flush();
  return product;
}

export async function deleteProductVariant(ctx: Context, productId: string, variantId: string) {
  const product = await productForVariants(ctx, productId);
  // As Medusa's variant delete, a variant that is not there (any more) is deleted already: 200.
  const variant = live(product.variants.getItems()).find((v) => v.id === variantId);
  if (variant) {
    await removeVariant(ctx, variant);
    await ctx.em.flush();
  }
  return { variantId, object: 'product-variant', deleted: true, product };
}

// ---------------------------------------------------------------- types (deprecated route)

/** `GET /admin/products/types`: every live product type, by value. */
export function listAllProductTypes(ctx: Context): Promise<ProductType[]> {
  return ctx.em.find(ProductType, {}, { orderBy: { value: 'asc', id: 'asc' } });
}

// ---------------------------------------------------------------- batched reads of the hot path

/*
 * A page of products with Medusa's default relations touches some 1,300 rows. Hydrating them as
 * managed ORM entities costs several times the SQL itself, so the relations of the read path are
 * loaded with hand-written batched queries (one per relation and page, through ctx.loaders) and
 * mapped onto instances of the entity classes without the unit of work. They are read-only views:
 * writes always load managed entities first.
 */

type Row = Record<string, unknown>;
interface Column { col: string; prop: string; ref?: string; date?: boolean }
interface Mapping { table: string; softDelete: boolean; columns: Column[]; view: object }

const mappings = new Map<Function, Mapping>();

/** Table, soft-delete flag and column → property map of an entity, from the ORM's metadata. */
function mappingOf(ctx: Context, entity: Function): Mapping {
  let mapping = mappings.get(entity);
  if (!mapping) {
    const meta = ctx.em.getMetadata().get(entity.name);
    const columns: Column[] = [];
    for (const prop of meta.props) {
      if (prop.persist === false || prop.fieldNames?.length !== 1) continue;
      if (prop.kind === ReferenceKind.SCALAR) columns.push({ col: prop.fieldNames[0], prop: prop.name, date: prop.runtimeType === 'Date' });
      // A reference becomes `{<pk>: value}`: enough for the entity's `xxxId` getters and resolvers.
      else if (prop.kind === ReferenceKind.MANY_TO_ONE) columns.push({ col: prop.fieldNames[0], prop: prop.name, ref: prop.targetMeta!.primaryKeys[0] });
    }
    mapping = { table: meta.tableName, softDelete: !!meta.properties.deletedAt, columns, view: viewPrototype(entity, columns) };
    mappings.set(entity, mapping);
  }
  return mapping;
}

/**
 * The prototype of read-only views: the entity's prototype (so `instanceof`, which the GraphQL
 * layer checks, and the class's getters such as `productId` hold) under plain writable slots for
 * the mapped columns, which shadow the ORM's change-tracking setters: assigning a column then
 * makes an ordinary own property instead of a unit-of-work entry.
 */
function viewPrototype(entity: Function, columns: Column[]): object {
  return Object.create(entity.prototype, Object.fromEntries(columns.map((c) => [c.prop, { value: undefined, writable: true, configurable: true }])));
}

export function fromRow<T>(ctx: Context, entity: new () => T, row: Row): T {
  const mapping = mappingOf(ctx, entity);
  const out = Object.create(mapping.view);
  for (const c of mapping.columns) {
    const value = row[c.col];
    if (c.ref) out[c.prop] = value === null || value === undefined ? null : { [c.ref]: value };
    else out[c.prop] = c.date && typeof value === 'string' ? timestampText(value) : value;
  }
  return out;
}

const marks = (n: number) => new Array(n).fill('?').join(', ');

/** Live rows of `entity` whose column `fk` is one of `parentIds`, in `order`, grouped by parent. */
async function rowsByParent<T>(ctx: Context, entity: new () => T, fk: string, order: string, parentIds: readonly string[]): Promise<Map<string, T[]>> {
  const { table, softDelete } = mappingOf(ctx, entity);
  const byParent = new Map<string, T[]>(parentIds.map((id) => [id, []]));
  if (!parentIds.length) return byParent;
  const rows: Row[] = await ctx.em.execute(
    `select * from "${table}" where "${fk}" in (${marks(parentIds.length)})${softDelete ? ' and "deleted_at" is null' : ''} order by ${order}`,
    [...parentIds],
  );
  for (const row of rows) byParent.get(row[fk] as string)?.push(fromRow(ctx, entity, row));
  return byParent;
}

/** Live rows of `entity` whose column `fk` is the parent's id, batched per request, in `order`. */
export function childRows<T>(ctx: Context, entity: new () => T, fk: string, order: string, parentId: string): Promise<T[]> {
  const { table } = mappingOf(ctx, entity);
  return ctx.loaders.load<string, T[]>(`rows:${table}:${fk}:${order}`, async (ids) => {
    const byParent = await rowsByParent(ctx, entity, fk, order, ids);
    return ids.map((id) => byParent.get(id)!);
  }, parentId);
}

/** A relation loaded one level ahead: which rows, by which column, in what order. */
export interface Nested { entity: new () => { id: string }; fk: string; order: string }

/**
 * Rows loaded ahead of their field resolvers, per request: relation key → parent id → rows. Kept
 * with the loaders, so a root mutation's fresh loaders never answer rows read before it.
 */
const ahead = (ctx: Context) => ctx.loaders.state('rows-ahead', () => new Map<string, Map<string, unknown[]>>());
const nestedKey = (ctx: Context, n: Nested) => `${mappingOf(ctx, n.entity).table}:${n.fk}:${n.order}`;

/**
 * `childRows`, and in the same round the `nested` relations of the rows found (a page's variants
 * and their prices, say). The nested rows are then at hand when their fields resolve
 * (`childRowsAhead`), so those fields complete without a promise each: for a page's hundreds of
 * variants that saves more than the extra query would cost if a field were not asked after all.
 */
export function childRowsWith<T extends { id: string }>(ctx: Context, entity: new () => T, fk: string, order: string, parentId: string, nested: Nested[]): Promise<T[]> {
  const { table } = mappingOf(ctx, entity);
  const key = `rows:${table}:${fk}:${order}:${nested.map((n) => nestedKey(ctx, n)).join('+')}`;
  return ctx.loaders.load<string, T[]>(key, async (ids) => {
    const byParent = await rowsByParent(ctx, entity, fk, order, ids);
    const childIds = [...byParent.values()].flat().map((row) => row.id);
    const stash = ahead(ctx);
    await Promise.all(nested.map(async (n) => {
      const rows = await rowsByParent(ctx, n.entity, n.fk, n.order, childIds);
      const known = stash.get(nestedKey(ctx, n)) ?? new Map<string, unknown[]>();
      for (const [id, list] of rows) known.set(id, list);
      stash.set(nestedKey(ctx, n), known);
    }));
    return ids.map((id) => byParent.get(id)!);
  }, parentId);
}

/** The rows `childRowsWith` loaded ahead for this parent, or a batched load when there are none. */
export function childRowsAhead<T>(ctx: Context, entity: new () => T, fk: string, order: string, parentId: string): T[] | Promise<T[]> {
  const hit = ahead(ctx).get(`${mappingOf(ctx, entity).table}:${fk}:${order}`)?.get(parentId);
  return (hit as T[] | undefined) ?? childRows(ctx, entity, fk, order, parentId);
}

/** Live rows of `entity` linked to `parentIds` through a pivot table (a many-to-many), by parent. */
async function linkedByParent<T>(ctx: Context, entity: new () => T, pivot: string, ownColumn: string, targetColumn: string, parentIds: readonly string[]): Promise<Map<string, T[]>> {
  const { table, softDelete } = mappingOf(ctx, entity);
  const byParent = new Map<string, T[]>(parentIds.map((id) => [id, []]));
  if (!parentIds.length) return byParent;
  const rows: Row[] = await ctx.em.execute(
    `select t.*, p."${ownColumn}" as "__parent" from "${table}" t join "${pivot}" p on p."${targetColumn}" = t."id"
      where p."${ownColumn}" in (${marks(parentIds.length)})${softDelete ? ' and t."deleted_at" is null' : ''} order by t."created_at", t."id"`,
    [...parentIds],
  );
  for (const row of rows) byParent.get(row.__parent as string)?.push(fromRow(ctx, entity, row));
  return byParent;
}

/** Live rows of `entity` linked to the parent through a pivot table (a many-to-many), batched. */
export function linkedRows<T>(ctx: Context, entity: new () => T, pivot: string, ownColumn: string, targetColumn: string, parentId: string): Promise<T[]> {
  return ctx.loaders.load<string, T[]>(`links:${pivot}:${ownColumn}`, async (ids) => {
    const byParent = await linkedByParent(ctx, entity, pivot, ownColumn, targetColumn, ids);
    return ids.map((id) => byParent.get(id)!);
  }, parentId);
}

/** Live rows of `entity` by id. */
async function rowsByIds<T>(ctx: Context, entity: new () => T, ids: readonly string[]): Promise<Map<string, T>> {
  const { table, softDelete } = mappingOf(ctx, entity);
  if (!ids.length) return new Map();
  const rows: Row[] = await ctx.em.execute(`select * from "${table}" where "id" in (${marks(ids.length)})${softDelete ? ' and "deleted_at" is null' : ''}`, [...ids]);
  return new Map(rows.map((r) => [r.id as string, fromRow(ctx, entity, r)]));
}

/** One live row of `entity` by id (null when missing), batched per request. */
export function rowById<T>(ctx: Context, entity: new () => T, id: string): Promise<T | null> {
  const { table } = mappingOf(ctx, entity);
  return ctx.loaders.load<string, T | null>(`row:${table}`, async (ids) => {
    const found = await rowsByIds(ctx, entity, ids);
    return ids.map((i) => found.get(i) ?? null);
  }, id);
}

// ---------------------------------------------------------------- a page's relations in one round

/** Orders of the relation queries (column lists; the id breaks ties). */
export const BY_CREATION = '"created_at", "id"';
export const VARIANT_ORDER = '"variant_rank", "created_at", "id"';

/** Stash keys: the same relation asked through a field resolver finds what was loaded ahead. */
export const aheadKey = {
  children: (ctx: Context, entity: Function, fk: string, order: string) => `${mappingOf(ctx, entity).table}:${fk}:${order}`,
  links: (pivot: string, ownColumn: string) => `links:${pivot}:${ownColumn}`,
  row: (ctx: Context, entity: Function) => `row:${mappingOf(ctx, entity).table}`,
};

/** What `key` loaded ahead for `id` in this request, if anything. */
export function loadedAhead<T>(ctx: Context, key: string, id: string): T | undefined {
  return ahead(ctx).get(key)?.get(id) as T | undefined;
}

function putAhead(ctx: Context, key: string, values: Map<string, unknown>): void {
  const store = ahead(ctx);
  const known = store.get(key) ?? new Map<string, unknown>();
  for (const [id, value] of values) known.set(id, value as unknown[]);
  store.set(key, known as Map<string, unknown[]>);
}

/** The fields selected under `path` (field names, e.g. `['items', 'variants']`) of the resolver's field. */
export function selectedUnder(info: GraphQLResolveInfo, path: string[]): Set<string> {
  let level: readonly SelectionNode[] = info.fieldNodes.flatMap((n) => n.selectionSet?.selections ?? []);
  const expand = (selections: readonly SelectionNode[]): FieldNode[] => selections.flatMap((sel) =>
    sel.kind === Kind.FIELD ? [sel]
      : sel.kind === Kind.INLINE_FRAGMENT ? expand(sel.selectionSet.selections)
        : expand(info.fragments[sel.name.value]?.selectionSet.selections ?? []));
  for (const name of path) level = expand(level).filter((f) => f.name.value === name).flatMap((f) => f.selectionSet?.selections ?? []);
  return new Set(expand(level).map((f) => f.name.value));
}

/**
 * The relations a page of products selects, loaded together right after the page (one query
 * each, all at once) and stashed for the field resolvers, which then answer without waiting:
 * the page completes in one round of queries instead of three, and without a promise per field.
 */
export async function loadPageAhead(ctx: Context, page: Product[], info: GraphQLResolveInfo, path: string[]): Promise<void> {
  if (!page.length) return;
  const wanted = selectedUnder(info, path);
  const ids = page.map((p) => p.id);
  const jobs: Promise<void>[] = [];
  const children = async (entity: new () => { id: string }, fk: string, order: string, parents: string[], nested: Nested[]) => {
    const byParent = await rowsByParent(ctx, entity, fk, order, parents);
    putAhead(ctx, aheadKey.children(ctx, entity, fk, order), byParent);
    const childIds = [...byParent.values()].flat().map((row) => row.id);
    await Promise.all(nested.map(async (n) => putAhead(ctx, aheadKey.children(ctx, n.entity, n.fk, n.order), await rowsByParent(ctx, n.entity, n.fk, n.order, childIds))));
  };
  if (wanted.has('variants')) {
    const under = selectedUnder(info, [...path, 'variants']);
    const nested: Nested[] = [];
    if (under.has('prices')) nested.push({ entity: MoneyAmount, fk: 'variant_id', order: BY_CREATION });
    if (under.has('options')) nested.push({ entity: ProductOptionValue, fk: 'variant_id', order: BY_CREATION });
    jobs.push(children(ProductVariant, 'product_id', VARIANT_ORDER, ids, nested));
  }
  if (wanted.has('options')) {
    const nested = selectedUnder(info, [...path, 'options']).has('values') ? [{ entity: ProductOptionValue, fk: 'option_id', order: BY_CREATION }] : [];
    jobs.push(children(ProductOption, 'product_id', BY_CREATION, ids, nested));
  }
  const links: [string, new () => unknown, string, string, string][] = [
    ['images', Image, 'product_images', 'product_id', 'image_id'],
    ['tags', ProductTag, 'product_tags', 'product_id', 'product_tag_id'],
    ['categories', ProductCategory, 'product_category_product', 'product_id', 'product_category_id'],
    ['salesChannels', SalesChannel, 'product_sales_channel', 'product_id', 'sales_channel_id'],
  ];
  for (const [field, entity, pivot, own, target] of links) {
    if (wanted.has(field)) jobs.push(linkedByParent(ctx, entity, pivot, own, target, ids).then((m) => putAhead(ctx, aheadKey.links(pivot, own), m)));
  }
  const refs: [string[], new () => unknown, (p: Product) => string | null][] = [
    [['type'], ProductType, (p) => p.typeId],
    [['collection'], ProductCollection, (p) => p.collectionId],
    [['profile', 'profiles'], ShippingProfile, (p) => p.profileId],
  ];
  for (const [fields, entity, fk] of refs) {
    if (!fields.some((f) => wanted.has(f))) continue;
    const refIds = [...new Set(page.map(fk).filter((x): x is string => !!x))];
    jobs.push(rowsByIds(ctx, entity, refIds).then((found) => putAhead(ctx, aheadKey.row(ctx, entity), new Map(refIds.map((id) => [id, found.get(id) ?? null])))));
  }
  await Promise.all(jobs);
}
