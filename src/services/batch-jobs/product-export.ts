import { PassThrough } from 'stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context';
import { invalid } from '../../lib/errors';
import { newKey } from '../../lib/storage';
import { toCamel } from '../../lib/naming';
import type { ProductFilter } from '../../../schema/products';
import { productWhere } from '../products';
import { Product } from '../../entities/products';
import type { JobRun, Strategy } from '../batch-jobs';
import { csvWriter, writeRecord } from './csv';
import { CsvProduct, CsvVariant, exportColumns, ExportShape } from './product-csv';

/** Products read per round while exporting. */
const PAGE = 500;

/** The product list filters an export may name in `filterable_fields` (as the product list's query). */
const FILTERS = ['id', 'status', 'collection_id', 'tags', 'price_list_id', 'sales_channel_id', 'type_id', 'category_id', 'include_category_children', 'title', 'description', 'handle', 'is_giftcard', 'q'];
const ORDERS = ['id', 'title', 'handle', 'status', 'created_at', 'updated_at'];

/**
 * `product-export`: every product the filters match, one CSV line per variant, in Medusa's format.
 * Pre-processing counts them and finds the shape of the file (price, option, image, channel and
 * category columns) with a few aggregate queries; processing streams the file into the store a
 * page of products at a time, so memory stays flat whatever the catalogue's size.
 */
export const productExport: Strategy = {
  async prepare(_ctx, context) {
    const { limit, offset, order, fields: _fields, expand: _expand, filterable_fields: filters, ...rest } = context as Record<string, any>;
    if (filters !== undefined && (typeof filters !== 'object' || filters === null || Array.isArray(filters))) throw invalid('filterable_fields must be an object');
    for (const key of Object.keys(filters ?? {})) if (!FILTERS.includes(key)) throw invalid(`filterable_fields.${key} is not a product filter`);
    const desc = typeof order === 'string' && order.startsWith('-');
    const orderField = typeof order === 'string' ? order.replace(/^-/, '') : 'created_at';
    if (!ORDERS.includes(orderField)) throw invalid(`Order field ${orderField} is not valid`);
    for (const [name, value] of [['limit', limit], ['offset', offset]] as const) {
      if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw invalid(`${name} must be a whole number`);
    }
    return {
      ...rest,
      list_config: { skip: offset ?? 0, take: limit ?? 50, order: { [orderField]: typeof order === 'string' ? (desc ? 'DESC' : 'ASC') : 'DESC' } },
      filterable_fields: filters ?? {},
    };
  },

  async preProcess(run) {
    const em = run.deps.em();
    const ctx = run.contextFor(em);
    const ids = await matchingIds(ctx, run.context);
    const count = Number((await em.getConnection().execute(`select count(*) as n from (${ids.sql}) m`, ids.params))[0].n);
    const shape = await shapeOf(em, ids);
    return {
      context: { shape },
      result: { stat_descriptors: [{ key: 'product-export-count', name: 'Product count to export', message: `There will be ${count} products exported by this action` }] },
    };
  },

  async process(run) {
    const em = run.deps.em();
    const ctx = run.contextFor(em);
    const ids = await matchingIds(ctx, run.context);
    const count = Number((await em.getConnection().execute(`select count(*) as n from (${ids.sql}) m`, ids.params))[0].n);
    const shape = run.context.shape as ExportShape;
    const columns = exportColumns(shape);
    const key = newKey(`product-export-${Date.now()}.csv`, 'exports/products');
    const csv = csvWriter();
    const body = new PassThrough();
    csv.pipe(body);
    const saved = run.deps.files.save(key, body, 'private', 'text/csv');
    saved.catch(() => undefined); // awaited below; an early failure must not go unhandled meanwhile
    let done = 0;
    try {
      await writeRecord(csv, columns.map(([name]) => name));
      for (let offset = 0; offset < count; offset += PAGE) {
        const page = await loadPage(em, ids, offset, Math.min(PAGE, count - offset));
        if (!page.length) break;
        for (const product of page) for (const variant of product.variants) await writeRecord(csv, columns.map(([, cell]) => cell(product, variant)));
        done += page.length;
        await run.progress(done, count);
        em.clear();
      }
      csv.end();
      const { size } = await saved;
      await completeExport(run, { file_key: key, file_size: size, count, advancement_count: done, progress: 1 });
    } catch (err) {
      csv.destroy();
      body.destroy();
      await saved.catch(() => undefined);
      await run.deps.files.delete(key);
      throw err;
    }
  },
};

function completeExport(run: JobRun, result: Record<string, unknown>): Promise<void> {
  return run.inTransaction((ctx) => run.complete(ctx, { result }));
}

interface IdQuery { sql: string; params: unknown[] }

/** The ids of the products to export, in the export's order, as SQL (the product list's own filters). */
async function matchingIds(ctx: Context, context: Record<string, unknown>): Promise<IdQuery> {
  const filters = (context.filterable_fields ?? {}) as Record<string, unknown>;
  const { q, ...rest } = filters;
  const filter: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) {
    const name = toCamel(k);
    filter[name] = ['id', 'status', 'collectionId', 'tags', 'priceListId', 'salesChannelId', 'typeId', 'categoryId'].includes(name) && !Array.isArray(v) ? [v] : v;
  }
  const where = await productWhere(ctx, filter as ProductFilter, typeof q === 'string' ? q : undefined);
  const listConfig = (context.list_config ?? {}) as { skip?: number; take?: number; order?: Record<string, string> };
  const [field, dir] = Object.entries(listConfig.order ?? { created_at: 'DESC' })[0];
  const qb = ctx.em.createQueryBuilder(Product, 'p').select('p.id').where(where())
    .orderBy({ [toCamel(field)]: dir.toLowerCase() === 'asc' ? 'asc' : 'desc', id: 'asc' } as any);
  // Medusa's list_config pages the export only when a limit was asked (`take` 50 is its default page).
  if (context.list_config && (listConfig.skip ?? 0) > 0) qb.offset(listConfig.skip!);
  const { sql, bindings } = qb.getKnexQuery().toSQL().toNative();
  return { sql: sql.replace(/\$(\d+)/g, '?'), params: bindings as unknown[] };
}

/** How many option, image, channel and category columns, and which price columns, the export needs. */
async function shapeOf(em: EntityManager, ids: IdQuery): Promise<ExportShape> {
  const run = (sql: string) => em.getConnection().execute(sql.replace('$IDS', `select id from (${ids.sql}) m`), ids.params);
  const maxOf = async (table: string, fk: string, soft: boolean) =>
    Number((await run(`select coalesce(max(n), 0) as n from (select count(*) as n from "${table}" where "${fk}" in ($IDS)${soft ? ' and "deleted_at" is null' : ''} group by "${fk}") c`))[0].n);
  const [options, images, channels, categories, prices] = await Promise.all([
    maxOf('product_option', 'product_id', true),
    maxOf('product_images', 'product_id', false),
    maxOf('product_sales_channel', 'product_id', false),
    maxOf('product_category_product', 'product_id', false),
    run(`select distinct ma."currency_code", r."id" as region_id, r."name" as region_name, r."currency_code" as region_currency
           from "money_amount" ma join "product_variant" v on v."id" = ma."variant_id" and v."deleted_at" is null
           left join "region" r on r."id" = ma."region_id"
          where v."product_id" in ($IDS) and ma."price_list_id" is null and ma."deleted_at" is null
          order by r."id" nulls first, ma."currency_code"`),
  ]);
  return {
    prices: (prices as any[]).map((p) => ({ currency_code: p.currency_code, region: p.region_id ? { id: p.region_id, name: p.region_name, currency_code: p.region_currency } : null })),
    dynamicOptionColumnCount: options,
    dynamicImageColumnCount: images,
    dynamicSalesChannelsColumnCount: channels,
    dynamicProductCategoriesColumnCount: categories,
  };
}

/** One page of products with everything their lines show: one query per relation. */
async function loadPage(em: EntityManager, ids: IdQuery, offset: number, limit: number): Promise<CsvProduct[]> {
  const conn = em.getConnection();
  const pageIds = ((await conn.execute(`${ids.sql} limit ? offset ?`, [...ids.params, limit, offset])) as { id: string }[]).map((r) => r.id);
  if (!pageIds.length) return [];
  const marks = pageIds.map(() => '?').join(', ');
  const q = (sql: string) => conn.execute(sql.replace('$IDS', marks), pageIds) as Promise<any[]>;
  const [products, variants, prices, values, options, images, tags, channels, categories] = await Promise.all([
    q(`select p.*, c."title" as collection_title, c."handle" as collection_handle, t."value" as type_value, sp."name" as profile_name, sp."type" as profile_type
         from "product" p left join "product_collection" c on c."id" = p."collection_id" left join "product_type" t on t."id" = p."type_id"
         left join "shipping_profile" sp on sp."id" = p."profile_id" where p."id" in ($IDS)`),
    q(`select * from "product_variant" where "product_id" in ($IDS) and "deleted_at" is null order by "variant_rank", "created_at", "id"`),
    q(`select ma."variant_id", ma."currency_code", ma."region_id", ma."amount" from "money_amount" ma join "product_variant" v on v."id" = ma."variant_id"
        where v."product_id" in ($IDS) and v."deleted_at" is null and ma."price_list_id" is null and ma."deleted_at" is null order by ma."created_at", ma."id"`),
    q(`select ov."variant_id", ov."option_id", ov."value" from "product_option_value" ov join "product_variant" v on v."id" = ov."variant_id"
        where v."product_id" in ($IDS) and v."deleted_at" is null and ov."deleted_at" is null`),
    q(`select "id", "title", "product_id" from "product_option" where "product_id" in ($IDS) and "deleted_at" is null order by "created_at", "id"`),
    q(`select pi."product_id", i."url" from "product_images" pi join "image" i on i."id" = pi."image_id" where pi."product_id" in ($IDS) and i."deleted_at" is null order by i."created_at", i."id"`),
    q(`select pt."product_id", t."value" from "product_tags" pt join "product_tag" t on t."id" = pt."product_tag_id" where pt."product_id" in ($IDS) order by t."created_at", t."id"`),
    q(`select ps."product_id", s."id", s."name", s."description" from "product_sales_channel" ps join "sales_channel" s on s."id" = ps."sales_channel_id"
        where ps."product_id" in ($IDS) and s."deleted_at" is null order by s."created_at", s."id"`),
    q(`select pc."product_id", c."handle", c."name", c."description" from "product_category_product" pc join "product_category" c on c."id" = pc."product_category_id"
        where pc."product_id" in ($IDS) order by c."created_at", c."id"`),
  ]);
  const group = <T>(rows: any[], key: string, map: (r: any) => T) => {
    const out = new Map<string, T[]>();
    for (const r of rows) out.set(r[key], [...(out.get(r[key]) ?? []), map(r)]);
    return out;
  };
  const pricesOf = group(prices, 'variant_id', (r) => ({ currency_code: r.currency_code, region_id: r.region_id, amount: r.amount }));
  const valuesOf = group(values, 'variant_id', (r) => [r.option_id, r.value] as [string, string]);
  const variantsOf = group(variants, 'product_id', (v): CsvVariant => ({ ...v, prices: pricesOf.get(v.id) ?? [], values: new Map(valuesOf.get(v.id) ?? []) }));
  const optionsOf = group(options, 'product_id', (r) => ({ id: r.id, title: r.title }));
  const imagesOf = group(images, 'product_id', (r) => r.url as string);
  const tagsOf = group(tags, 'product_id', (r) => r.value as string);
  const channelsOf = group(channels, 'product_id', (r) => ({ id: r.id, name: r.name, description: r.description }));
  const categoriesOf = group(categories, 'product_id', (r) => ({ handle: r.handle, name: r.name, description: r.description }));
  const byId = new Map(products.map((p) => [p.id, p]));
  return pageIds.map((id) => {
    const p = byId.get(id);
    return {
      ...p,
      tags: tagsOf.get(id) ?? [], options: optionsOf.get(id) ?? [], images: imagesOf.get(id) ?? [],
      channels: channelsOf.get(id) ?? [], categories: categoriesOf.get(id) ?? [], variants: variantsOf.get(id) ?? [],
    } as CsvProduct;
  });
}
