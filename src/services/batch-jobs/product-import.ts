import type { Context } from '../../context';
import { Product, ProductOption } from '../../entities/products';
import { ProductVariant } from '../../entities/variants';
import { ProductCollection } from '../../entities/collections';
import { ProductCategory } from '../../entities/categories';
import { SalesChannel } from '../../entities/sales-channels';
import { Region } from '../../entities/regions';
import { Currency } from '../../entities/currencies';
import { AppError, invalid } from '../../lib/errors';
import { checkKey } from '../../lib/storage';
import type { PriceInput } from '../../../schema/variants';
import { createProduct, createProductVariant, updateProduct, updateProductVariant } from '../products';
import type { JobRun, Strategy } from '../batch-jobs';
import { readCsv } from './csv';
import { checkProductHeader, ImportLine, LineError, readProductLine } from './product-csv';

/** Progress is recorded every this many lines. */
const PROGRESS_EVERY = 100;

const OPS = { productCreate: 'PRODUCT_CREATE', productUpdate: 'PRODUCT_UPDATE', variantCreate: 'VARIANT_CREATE', variantUpdate: 'VARIANT_UPDATE' } as const;

/** The uploaded file (`fileKey` in the context) is required and must be a plain key. */
export function checkFileKey(context: Record<string, unknown>): void {
  if (typeof context.fileKey !== 'string') throw invalid('fileKey must be given in the context: the key of the uploaded CSV file');
  checkKey(context.fileKey);
}

/** The lines of the job's file, each read and checked alone; a bad one is a 400 naming its line. */
export async function* importLines<T>(run: JobRun, read: (line: number, cells: Record<string, string>) => T, checkHeader: (h: string[]) => void): AsyncGenerator<T> {
  const stream = await run.deps.files.read(run.context.fileKey as string);
  let checked = false;
  for await (const { line, cells, header } of readCsv(stream)) {
    try {
      if (!checked) { checkHeader(header); checked = true; }
      yield read(line, cells);
    } catch (err) {
      if (err instanceof LineError) throw invalid(line === 1 || !checked ? err.message : `Line ${line}: ${err.message}`);
      throw err;
    }
  }
  if (!checked) throw invalid('The CSV file has no lines to import');
}

/**
 * `product-import`: Medusa's product CSV, line by line. A line's product is found by `Product Id`,
 * else by `Product Handle`, else created (from its first line: title, options, images…); its
 * variant is found by `Variant Id`, else by `Variant SKU`, else created. Ids of another store (a
 * file exported from another Medusa) thus fall back on handles and SKUs. Pre-processing reads the
 * whole file and checks every reference, so a dry run tells what would happen; processing applies
 * it in one transaction: any error (named by its line) leaves nothing imported.
 */
export const productImport: Strategy = {
  async prepare(_ctx, context) {
    checkFileKey(context);
    return context;
  },

  async preProcess(run) {
    const plan = new ImportPlan(run.contextFor(run.deps.em() as any), false);
    for await (const line of importLines(run, readProductLine, checkProductHeader)) await plan.line(line);
    const ops = plan.counts;
    return {
      result: {
        advancement_count: 0,
        count: plan.lines,
        operations: { [OPS.productCreate]: ops.productCreate, [OPS.productUpdate]: ops.productUpdate, [OPS.variantCreate]: ops.variantCreate, [OPS.variantUpdate]: ops.variantUpdate },
        stat_descriptors: [{
          key: 'product-import-count',
          name: 'Products/variants to import',
          message: `There will be ${ops.productCreate} products created (${ops.productUpdate} updated). ${ops.variantCreate} variants will be created and ${ops.variantUpdate} updated`,
        }],
      },
    };
  },

  async process(run) {
    const count = typeof run.result.count === 'number' ? run.result.count : 0;
    await run.inTransaction(async (ctx) => {
      const plan = new ImportPlan(ctx, true);
      for await (const line of importLines(run, readProductLine, checkProductHeader)) {
        await plan.line(line);
        if (plan.lines % (run.deps.progressEvery ?? PROGRESS_EVERY) === 0) await run.progress(plan.lines, count);
      }
      await run.complete(ctx, { result: { advancement_count: plan.lines, count: plan.lines, progress: 1 } });
    });
    // As Medusa, the imported file is removed once its content is in.
    await run.deps.files.delete(run.context.fileKey as string);
  },
};

/** Reads lines in order; checks (and with `apply`, writes) each one through the product services. */
class ImportPlan {
  lines = 0;
  counts = { productCreate: 0, productUpdate: 0, variantCreate: 0, variantUpdate: 0 };
  /** Handle → the product's id (null: created by this import, not yet known when only checking). */
  private products = new Map<string, string | null>();
  /** SKUs of variants created by this import (so a repeated SKU is an update, or refused). */
  private newSkus = new Map<string, string>();
  private cache = new Map<string, Promise<unknown>>();

  constructor(private ctx: Context, private apply: boolean) {}

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.cache.has(key)) this.cache.set(key, load());
    return this.cache.get(key) as Promise<T>;
  }

  async line(line: ImportLine): Promise<void> {
    this.lines++;
    try {
      const productId = await this.product(line);
      await this.variant(line, productId);
      // Each line is flushed by the services; forgetting its entities keeps every flush as cheap
      // as the first, whatever the file's length (only ids are kept between lines).
      if (this.apply) this.ctx.em.clear();
    } catch (err) {
      if (err instanceof AppError || err instanceof LineError) {
        const who = [`product handle ${line.product.handle}`, line.variant.sku ? `variant sku ${line.variant.sku}` : '', line.variant.id ? `variant id ${line.variant.id}` : ''].filter(Boolean).join(', ');
        throw invalid(`Line ${line.line} (${who}): ${err.message}`);
      }
      throw err;
    }
  }

  /** The line's product: found, or created from its first line; its columns applied once. */
  private async product(line: ImportLine): Promise<string | null> {
    const { handle, id } = line.product;
    if (this.products.has(handle)) return this.products.get(handle)!;
    // An id of another store (a file exported elsewhere) finds nothing: the handle decides then.
    const existing = (id ? await this.ctx.em.findOne(Product, { id: String(id) }) : null) ?? (await this.ctx.em.findOne(Product, { handle }));
    const fields = await this.productFields(line);
    let productId: string | null = existing?.id ?? null;
    if (existing) {
      this.counts.productUpdate++;
      if (this.apply) {
        const { title, ...rest } = fields;
        await updateProduct(this.ctx, existing.id, { ...rest, ...(title ? { title } : {}), ...(existing.handle !== handle ? { handle } : {}) } as any);
        if ('externalId' in line.product) existing.externalId = (line.product.externalId as string | null) ?? null;
      }
    } else {
      if (!fields.title) throw new LineError(`Product Title is required to create the product ${handle}`);
      this.counts.productCreate++;
      if (this.apply) {
        const created = await createProduct(this.ctx, { ...fields, handle, title: fields.title as string, options: line.optionTitles.map((title) => ({ title })) } as any);
        if (line.product.externalId) created.externalId = String(line.product.externalId);
        await this.ctx.em.flush();
        productId = created.id;
      }
    }
    this.products.set(handle, productId);
    return productId;
  }

  /** The product columns present in the file, as the product services take them (empty cells clear). */
  private async productFields(line: ImportLine): Promise<Record<string, unknown>> {
    const p = line.product;
    const out: Record<string, unknown> = {};
    for (const key of ['title', 'subtitle', 'description', 'status', 'thumbnail', 'weight', 'length', 'width', 'height', 'hsCode', 'originCountry', 'midCode', 'material', 'discountable']) {
      if (key in p && !(p[key] === null && ['status', 'discountable', 'title'].includes(key))) out[key] = p[key];
    }
    if ('type' in p) out.type = p.type ? { value: String(p.type) } : null;
    if ('tags' in p) out.tags = ((p.tags as string[] | null) ?? []).map((value) => ({ value }));
    if (line.images) out.images = line.images;
    if (p.collectionHandle) {
      const handle = String(p.collectionHandle);
      const found = await this.once(`collection:${handle}`, () => this.ctx.em.findOne(ProductCollection, { handle }));
      if (!found) throw new LineError(`Product collection with handle ${handle} was not found`);
      out.collectionId = found.id;
    }
    if (line.categories) {
      out.categories = await Promise.all(line.categories.map(async (handle) => {
        const found = await this.once(`category:${handle}`, () => this.ctx.em.findOne(ProductCategory, { handle }));
        if (!found) throw new LineError(`Product category with handle ${handle} was not found`);
        return { id: found.id };
      }));
    }
    if (line.channels) out.salesChannels = await Promise.all(line.channels.map((c) => this.channel(c)));
    return out;
  }

  /** A sales channel by id, else by name (Medusa's own exports write the name in the Id column too). */
  private async channel(ref: { id?: string; name?: string }): Promise<{ id: string }> {
    for (const [by, value] of [['id', ref.id], ['name', ref.id], ['name', ref.name]] as const) {
      if (!value) continue;
      const found = await this.once(`channel:${by}:${value}`, () => this.ctx.em.findOne(SalesChannel, { [by]: value }));
      if (found) return { id: found.id };
    }
    throw new LineError(`Sales channel ${ref.name ?? ref.id} was not found`);
  }

  private async prices(line: ImportLine): Promise<PriceInput[]> {
    return Promise.all(line.prices.map(async (p) => {
      if (!p.region) {
        const known = await this.once(`currency:${p.currency}`, () => this.ctx.em.findOne(Currency, { code: p.currency }));
        if (!known) throw new LineError(`Currency with code ${p.currency} does not exist`);
        return { currencyCode: p.currency, amount: p.amount } as PriceInput;
      }
      const region = await this.once(`region:${p.region}`, () => this.ctx.em.findOne(Region, { name: p.region! }));
      if (!region) throw new LineError(`Trying to set a price for a region ${p.region} that doesn't exist`);
      return { regionId: region.id, amount: p.amount } as PriceInput;
    }));
  }

  /** The line's variant: found by id or SKU and updated, or created. */
  private async variant(line: ImportLine, productId: string | null): Promise<void> {
    const v = line.variant;
    let existing: ProductVariant | null = null;
    if (v.id) existing = await this.ctx.em.findOne(ProductVariant, { id: String(v.id) });
    if (!existing && v.sku) {
      existing = await this.ctx.em.findOne(ProductVariant, { sku: String(v.sku) });
      if (!existing && this.newSkus.has(String(v.sku))) throw new LineError(`The SKU ${v.sku} is given to two variants of this file`);
    }
    if (existing && productId && existing.product.id !== productId) throw new LineError(`Variant ${existing.id} belongs to another product`);
    const prices = await this.prices(line);
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(v)) if (key !== 'id' && !(value === null && ['title', 'inventoryQuantity', 'allowBackorder', 'manageInventory'].includes(key))) fields[key] = value;
    if (existing) {
      this.counts.variantUpdate++;
      if (!this.apply) return;
      const options = await this.optionValues(line, existing.product.id, false);
      await updateProductVariant(this.ctx, existing.product.id, existing.id, { ...fields, ...(prices.length ? { prices } : {}), ...(options.length ? { options } : {}) } as any);
    } else {
      if (!v.title) throw new LineError('Variant Title is required to create a variant');
      this.counts.variantCreate++;
      if (v.sku) this.newSkus.set(String(v.sku), line.product.handle);
      if (!this.apply) return;
      const options = await this.optionValues(line, productId!, true);
      await createProductVariant(this.ctx, productId!, { ...fields, title: String(v.title), prices, options } as any);
    }
  }

  /** The line's option values by the product's option ids, matched on `Option N Name`. */
  private async optionValues(line: ImportLine, productId: string, all: boolean): Promise<{ optionId: string; value: string }[]> {
    const options = await this.ctx.em.find(ProductOption, { product: productId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const out: { optionId: string; value: string }[] = [];
    line.optionTitles.forEach((title, i) => {
      const option = options.find((o) => o.title === title);
      if (!option) throw new LineError(`The product has no option ${title}`);
      if (line.optionValues[i] !== undefined) out.push({ optionId: option.id, value: line.optionValues[i] });
    });
    if (all && out.length < options.length) {
      const missing = options.find((o) => !out.some((x) => x.optionId === o.id));
      throw new LineError(`Variant options do not contain value for ${missing!.title}`);
    }
    return out;
  }
}
