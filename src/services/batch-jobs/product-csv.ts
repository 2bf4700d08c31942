/**
 * Medusa v1's product CSV (its product export and import strategies): one line per variant; the
 * product's columns repeat on each of its variant lines. Fixed columns, then columns that depend
 * on the data: a price column per currency (`Price EUR`) and per region (`Price Europe [EUR]`),
 * `Option N Name`/`Option N Value`, `Image N Url`, `Sales Channel N Id/Name/Description` and
 * `Product Category N Handle/Name/Description`. Amounts are in major units (`17.5`).
 */

/** A product with what its lines show. */
export interface CsvProduct {
  id: string; handle: string | null; title: string; subtitle: string | null; description: string | null; status: string;
  thumbnail: string | null; weight: number | null; length: number | null; width: number | null; height: number | null;
  hs_code: string | null; origin_country: string | null; mid_code: string | null; material: string | null;
  collection_title: string | null; collection_handle: string | null; type_value: string | null; tags: string[];
  discountable: boolean; external_id: string | null; profile_name: string | null; profile_type: string | null;
  options: { id: string; title: string }[]; images: string[];
  channels: { id: string; name: string; description: string | null }[];
  categories: { handle: string; name: string; description: string | null }[];
  variants: CsvVariant[];
}

export interface CsvVariant {
  id: string; title: string; sku: string | null; barcode: string | null; inventory_quantity: number; allow_backorder: boolean;
  manage_inventory: boolean; weight: number | null; length: number | null; width: number | null; height: number | null;
  hs_code: string | null; origin_country: string | null; mid_code: string | null; material: string | null;
  prices: { currency_code: string; region_id: string | null; amount: number }[];
  /** Option id → value. */
  values: Map<string, string>;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The fixed columns, in Medusa's order; `variant` columns read the line's variant. */
export const FIXED_COLUMNS: [string, (p: CsvProduct, v: CsvVariant) => string][] = [
  ['Product Id', (p) => p.id],
  ['Product Handle', (p) => text(p.handle)],
  ['Product Title', (p) => p.title],
  ['Product Subtitle', (p) => text(p.subtitle)],
  ['Product Description', (p) => text(p.description)],
  ['Product Status', (p) => p.status],
  ['Product Thumbnail', (p) => text(p.thumbnail)],
  ['Product Weight', (p) => text(p.weight)],
  ['Product Length', (p) => text(p.length)],
  ['Product Width', (p) => text(p.width)],
  ['Product Height', (p) => text(p.height)],
  ['Product HS Code', (p) => text(p.hs_code)],
  ['Product Origin Country', (p) => text(p.origin_country)],
  ['Product MID Code', (p) => text(p.mid_code)],
  ['Product Material', (p) => text(p.material)],
  ['Product Collection Title', (p) => text(p.collection_title)],
  ['Product Collection Handle', (p) => text(p.collection_handle)],
  ['Product Type', (p) => text(p.type_value)],
  ['Product Tags', (p) => p.tags.join(',')],
  ['Product Discountable', (p) => String(p.discountable)],
  ['Product External Id', (p) => text(p.external_id)],
  ['Product Profile Name', (p) => text(p.profile_name)],
  ['Product Profile Type', (p) => text(p.profile_type)],
  ['Variant Id', (_, v) => v.id],
  ['Variant Title', (_, v) => v.title],
  ['Variant SKU', (_, v) => text(v.sku)],
  ['Variant Barcode', (_, v) => text(v.barcode)],
  ['Variant Inventory Quantity', (_, v) => text(v.inventory_quantity)],
  ['Variant Allow Backorder', (_, v) => String(v.allow_backorder)],
  ['Variant Manage Inventory', (_, v) => String(v.manage_inventory)],
  ['Variant Weight', (_, v) => text(v.weight)],
  ['Variant Length', (_, v) => text(v.length)],
  ['Variant Width', (_, v) => text(v.width)],
  ['Variant Height', (_, v) => text(v.height)],
  ['Variant HS Code', (_, v) => text(v.hs_code)],
  ['Variant Origin Country', (_, v) => text(v.origin_country)],
  ['Variant MID Code', (_, v) => text(v.mid_code)],
  ['Variant Material', (_, v) => text(v.material)],
];

/** How many of each repeated column an export needs, and its price columns (found by pre-processing). */
export interface ExportShape {
  prices: { currency_code: string; region: { id: string; name: string; currency_code: string } | null }[];
  dynamicOptionColumnCount: number;
  dynamicImageColumnCount: number;
  dynamicSalesChannelsColumnCount: number;
  dynamicProductCategoriesColumnCount: number;
}

/** The columns of an export with this shape: names, and how each line's cell is read. */
export function exportColumns(shape: ExportShape): [string, (p: CsvProduct, v: CsvVariant) => string][] {
  const columns = [...FIXED_COLUMNS];
  for (const price of shape.prices) {
    const code = price.currency_code;
    if (price.region) {
      const region = price.region;
      columns.push([`Price ${region.name} [${region.currency_code.toUpperCase()}]`, (_, v) => amountText(v.prices.find((x) => x.region_id === region.id)?.amount, region.currency_code)]);
    } else {
      columns.push([`Price ${code.toUpperCase()}`, (_, v) => amountText(v.prices.find((x) => !x.region_id && x.currency_code === code)?.amount, code)]);
    }
  }
  for (let i = 0; i < shape.dynamicOptionColumnCount; i++) {
    columns.push([`Option ${i + 1} Name`, (p) => text(p.options[i]?.title)]);
    columns.push([`Option ${i + 1} Value`, (p, v) => text(p.options[i] && v.values.get(p.options[i].id))]);
  }
  for (let i = 0; i < shape.dynamicImageColumnCount; i++) columns.push([`Image ${i + 1} Url`, (p) => text(p.images[i])]);
  for (let i = 0; i < shape.dynamicSalesChannelsColumnCount; i++) {
    columns.push([`Sales Channel ${i + 1} Id`, (p) => text(p.channels[i]?.id)]);
    columns.push([`Sales Channel ${i + 1} Name`, (p) => text(p.channels[i]?.name)]);
    columns.push([`Sales Channel ${i + 1} Description`, (p) => text(p.channels[i]?.description)]);
  }
  for (let i = 0; i < shape.dynamicProductCategoriesColumnCount; i++) {
    columns.push([`Product Category ${i + 1} Handle`, (p) => text(p.categories[i]?.handle)]);
    columns.push([`Product Category ${i + 1} Name`, (p) => text(p.categories[i]?.name)]);
    columns.push([`Product Category ${i + 1} Description`, (p) => text(p.categories[i]?.description)]);
  }
  return columns;
}

// ---------------------------------------------------------------- amounts

/** Currencies without minor units (Medusa's list): their amounts are stored as they are written. */
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);

const factorOf = (currency: string) => (ZERO_DECIMAL.has(currency.toLowerCase()) ? 1 : 100);

/** `1750` EUR → `17.5`; empty when there is no price (or it is 0, as in Medusa's export). */
export function amountText(amount: number | undefined, currency: string): string {
  return amount ? String(amount / factorOf(currency)) : '';
}

/** `17.5` EUR → `1750`; null when the text is not a non-negative number. */
export function amountOf(value: string, currency: string): number | null {
  const v = value.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(v)) return null;
  return Math.round(Number(v) * factorOf(currency));
}

// ---------------------------------------------------------------- reading a line

/** The columns an import understands, by name or pattern (Medusa's import schema). */
const PRODUCT_FIELDS: Record<string, string> = {
  'Product Id': 'id', 'Product Handle': 'handle', 'Product Title': 'title', 'Product Subtitle': 'subtitle',
  'Product Description': 'description', 'Product Status': 'status', 'Product Thumbnail': 'thumbnail',
  'Product Weight': 'weight', 'Product Length': 'length', 'Product Width': 'width', 'Product Height': 'height',
  'Product HS Code': 'hsCode', 'Product Origin Country': 'originCountry', 'Product MID Code': 'midCode', 'Product Material': 'material',
  'Product Collection Title': 'collectionTitle', 'Product Collection Handle': 'collectionHandle', 'Product Type': 'type',
  'Product Tags': 'tags', 'Product Discountable': 'discountable', 'Product External Id': 'externalId',
  'Product Profile Name': '', 'Product Profile Type': '',
};
const VARIANT_FIELDS: Record<string, string> = {
  'Variant Id': 'id', 'Variant Title': 'title', 'Variant SKU': 'sku', 'Variant Barcode': 'barcode',
  'Variant Inventory Quantity': 'inventoryQuantity', 'Variant Allow Backorder': 'allowBackorder', 'Variant Manage Inventory': 'manageInventory',
  'Variant Weight': 'weight', 'Variant Length': 'length', 'Variant Width': 'width', 'Variant Height': 'height',
  'Variant HS Code': 'hsCode', 'Variant Origin Country': 'originCountry', 'Variant MID Code': 'midCode', 'Variant Material': 'material',
};
const INT_FIELDS = new Set(['weight', 'length', 'width', 'height', 'inventoryQuantity']);
const BOOL_FIELDS = new Set(['discountable', 'allowBackorder', 'manageInventory']);
const STATUSES = ['draft', 'proposed', 'published', 'rejected'];

/** A line of a product import, read and checked for its own sake (references are checked later). */
export interface ImportLine {
  line: number;
  /** Product columns present in the file: null for an empty cell. */
  product: Record<string, unknown> & { handle: string; id?: string | null };
  variant: Record<string, unknown> & { id?: string | null; sku?: string | null; title?: string | null };
  /** `Option N Name` → titles, `Option N Value` → values, by N. */
  optionTitles: string[];
  optionValues: string[];
  images: string[] | undefined;
  prices: { currency: string; region?: string; amount: number }[];
  channels: { id?: string; name?: string }[] | undefined;
  categories: string[] | undefined;
}

/** Refusal of a line's content, naming the line. */
export class LineError extends Error {}

/** Checks the header: the handle column is required, and every column must be one the import knows. */
export function checkProductHeader(header: string[]): void {
  if (!header.includes('Product Handle')) throw new LineError('Missing column(s) "Product Handle" from the given csv file');
  for (const name of header) {
    if (name in PRODUCT_FIELDS || name in VARIANT_FIELDS) continue;
    if (/^Option \d+ (Name|Value)$/.test(name) || /^Image \d+ Url$/.test(name) || /^Price (.+ \[[A-Z]{3}\]|[A-Za-z]{3})$/.test(name)
      || /^Sales Channel \d+ (Id|Name|Description)$/.test(name) || /^Product Category \d+ (Handle|Name|Description)$/.test(name)) continue;
    throw new LineError(`Unable to treat column ${name} from the csv file. No target column found in the provided schema`);
  }
}

function typed(field: string, raw: string, column: string): unknown {
  const value = raw.trim();
  if (value === '') return null;
  if (INT_FIELDS.has(field)) {
    if (!/^-?\d+$/.test(value)) throw new LineError(`${column} must be a whole number, got "${value}"`);
    return Number(value);
  }
  if (BOOL_FIELDS.has(field)) {
    if (!/^(true|false)$/i.test(value)) throw new LineError(`${column} must be true or false, got "${value}"`);
    return value.toLowerCase() === 'true';
  }
  if (field === 'status' && !STATUSES.includes(value)) throw new LineError(`${column} must be one of ${STATUSES.join(', ')}, got "${value}"`);
  if (field === 'tags') return value.split(',').map((t) => t.trim()).filter(Boolean);
  return raw;
}

/** Reads one record of a product import into an ImportLine. */
export function readProductLine(line: number, cells: Record<string, string>): ImportLine {
  const product: Record<string, unknown> = {};
  const variant: Record<string, unknown> = {};
  const optionTitles: string[] = [];
  const optionValues: string[] = [];
  let images: string[] | undefined;
  const prices: ImportLine['prices'] = [];
  let channels: Map<number, { id?: string; name?: string }> | undefined;
  let categories: Map<number, string> | undefined;
  for (const [column, raw] of Object.entries(cells)) {
    const value = raw ?? '';
    let m: RegExpMatchArray | null;
    if (column in PRODUCT_FIELDS) {
      if (PRODUCT_FIELDS[column]) product[PRODUCT_FIELDS[column]] = typed(PRODUCT_FIELDS[column], value, column);
    } else if (column in VARIANT_FIELDS) {
      variant[VARIANT_FIELDS[column]] = typed(VARIANT_FIELDS[column], value, column);
    } else if ((m = column.match(/^Option (\d+) (Name|Value)$/))) {
      if (value.trim()) (m[2] === 'Name' ? optionTitles : optionValues)[Number(m[1]) - 1] = value;
    } else if ((m = column.match(/^Image (\d+) Url$/))) {
      images ??= [];
      if (value.trim()) images[Number(m[1]) - 1] = value.trim();
    } else if ((m = column.match(/^Price (.+) \[([A-Z]{3})\]$/)) || (m = column.match(/^Price ([A-Za-z]{3})$/))) {
      if (!value.trim()) continue;
      const currency = (m[2] ?? m[1]).toLowerCase();
      const amount = amountOf(value, currency);
      if (amount === null) throw new LineError(`${column} must be an amount such as 12.5, got "${value}"`);
      prices.push(m[2] ? { currency, region: m[1], amount } : { currency, amount });
    } else if ((m = column.match(/^Sales Channel (\d+) (Id|Name|Description)$/))) {
      channels ??= new Map();
      const n = Number(m[1]);
      if (!value.trim() || m[2] === 'Description') continue;
      channels.set(n, { ...channels.get(n), [m[2] === 'Id' ? 'id' : 'name']: value.trim() });
    } else if ((m = column.match(/^Product Category (\d+) Handle$/))) {
      categories ??= new Map();
      if (value.trim()) categories.set(Number(m[1]), value.trim());
    }
  }
  const handle = typeof product.handle === 'string' ? product.handle.trim() : '';
  if (!handle) throw new LineError('No value found for target column "Product Handle"');
  for (let i = 0; i < Math.max(optionTitles.length, optionValues.length); i++) {
    if (optionValues[i] !== undefined && optionTitles[i] === undefined) throw new LineError(`Option ${i + 1} Value is given without an Option ${i + 1} Name`);
  }
  return {
    line,
    product: { ...product, handle },
    variant,
    optionTitles: optionTitles.filter((t) => t !== undefined),
    optionValues,
    images: images?.filter(Boolean),
    prices,
    channels: channels && [...channels.entries()].sort(([a], [b]) => a - b).map(([, c]) => c),
    categories: categories && [...categories.entries()].sort(([a], [b]) => a - b).map(([, h]) => h),
  };
}
