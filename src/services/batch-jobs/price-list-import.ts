import { ProductVariant } from '../../entities/variants';
import { Region } from '../../entities/regions';
import { invalid } from '../../lib/errors';
import type { PriceListPriceInput } from '../../../schema/price-lists';
import { addPriceListPrices, retrievePriceList } from '../price-lists';
import type { Context } from '../../context';
import type { Strategy } from '../batch-jobs';
import { amountOf, LineError } from './product-csv';
import { checkFileKey, importLines } from './product-import';

interface PriceLine {
  line: number;
  variantId?: string;
  sku?: string;
  prices: { currency: string; region?: string; amount: number }[];
}

function checkHeader(header: string[]): void {
  if (!header.includes('Product Variant ID') && !header.includes('SKU')) throw new LineError('Missing column(s) "Product Variant ID" or "SKU" from the given csv file');
  for (const name of header) {
    if (['Product Variant ID', 'SKU'].includes(name) || /^Price (.+ \[[A-Z]{3}\]|[A-Za-z]{3})$/.test(name)) continue;
    throw new LineError(`Unable to treat column ${name} from the csv file. No target column found in the provided schema`);
  }
}

function readLine(line: number, cells: Record<string, string>): PriceLine {
  const out: PriceLine = { line, variantId: cells['Product Variant ID']?.trim() || undefined, sku: cells.SKU?.trim() || undefined, prices: [] };
  if (!out.variantId && !out.sku) throw new LineError('SKU or ID is required');
  for (const [column, value] of Object.entries(cells)) {
    const m = column.match(/^Price (.+) \[([A-Z]{3})\]$/) ?? column.match(/^Price ([A-Za-z]{3})$/);
    if (!m || !value?.trim()) continue;
    const currency = (m[2] ?? m[1]).toLowerCase();
    const amount = amountOf(value, currency);
    if (amount === null) throw new LineError(`${column} must be an amount such as 12.5, got "${value}"`);
    out.prices.push(m[2] ? { currency, region: m[1], amount } : { currency, amount });
  }
  return out;
}

/** The prices of all lines, with variants and regions found; a line naming an unknown one is refused. */
async function pricesOf(ctx: Context, lines: AsyncIterable<PriceLine>): Promise<{ prices: PriceListPriceInput[]; lines: number }> {
  const prices: PriceListPriceInput[] = [];
  const regions = new Map<string, Region | null>();
  let count = 0;
  for await (const line of lines) {
    count++;
    const variant = line.variantId
      ? await ctx.em.findOne(ProductVariant, { id: line.variantId })
      : await ctx.em.findOne(ProductVariant, { sku: line.sku! });
    const who = `Line ${line.line} (variant ID: ${line.variantId ?? ''}, variant SKU: ${line.sku ?? ''})`;
    if (!variant) throw invalid(`${who}: Variant with ${line.variantId ? `id ${line.variantId}` : `sku ${line.sku}`} was not found`);
    for (const p of line.prices) {
      if (!p.region) { prices.push({ variantId: variant.id, currencyCode: p.currency, amount: p.amount } as PriceListPriceInput); continue; }
      if (!regions.has(p.region)) regions.set(p.region, await ctx.em.findOne(Region, { name: p.region }));
      const region = regions.get(p.region);
      if (!region) throw invalid(`${who}: Trying to set a price for a region ${p.region} that doesn't exist`);
      prices.push({ variantId: variant.id, regionId: region.id, amount: p.amount } as PriceListPriceInput);
    }
  }
  return { prices, lines: count };
}

/**
 * `price-list-import`: a CSV of `Product Variant ID` or `SKU` and price columns (`Price EUR`,
 * `Price Europe [EUR]`) becomes the price list's prices: as in Medusa, the list's prices are
 * replaced by the file's, in one transaction.
 */
export const priceListImport: Strategy = {
  async prepare(ctx, context) {
    if (!context.price_list_id) throw invalid('Price list id is required');
    await retrievePriceList(ctx, String(context.price_list_id));
    checkFileKey(context);
    return context;
  },

  async preProcess(run) {
    const ctx = run.contextFor(run.deps.em() as any);
    await retrievePriceList(ctx, String(run.context.price_list_id));
    const { lines } = await pricesOf(ctx, importLines(run, readLine, checkHeader));
    // As Medusa, the count is of lines (one per variant), each adding its prices.
    return {
      result: {
        advancement_count: 0,
        count: lines,
        operations: { PRICE_LIST_PRICE_CREATE: lines },
        stat_descriptors: [{ key: 'price-list-import-count', name: 'PriceList to import', message: `${lines} prices will be added` }],
      },
    };
  },

  async process(run) {
    await run.inTransaction(async (ctx) => {
      const { prices, lines } = await pricesOf(ctx, importLines(run, readLine, checkHeader));
      await run.progress(lines, lines);
      await addPriceListPrices(ctx, String(run.context.price_list_id), prices, true);
      await run.complete(ctx, { result: { advancement_count: lines, count: lines, progress: 1 } });
    });
    await run.deps.files.delete(run.context.fileKey as string);
  },
};
