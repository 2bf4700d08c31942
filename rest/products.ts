import { finishType, type Route } from './executor';

/** Medusa v1's default relations of the admin product routes (defaultAdminProductRelations, with its sales channels and categories flags on). */
export const PRODUCT_RELATIONS = [
  'variants', 'variants.prices', 'variants.options', 'profiles', 'images', 'options', 'options.values',
  'tags', 'type', 'collection', 'sales_channels', 'categories',
];

/**
 * Medusa's product entity sets `profile` (the last of `profiles`) and `profile_id` when it loads
 * the profiles, and has neither key otherwise: wherever a product is answered.
 */
finishType('Product', (product) => {
  const profiles = product.profiles as { id: string }[] | undefined;
  const last = Array.isArray(profiles) ? profiles[profiles.length - 1] : undefined;
  delete product.profile_id;
  // The categories a product carries are read with their listed columns, which leave out `mpath`.
  for (const category of Array.isArray(product.categories) ? product.categories : []) delete category.mpath;
  if (last) Object.assign(product, { profile: last, profile_id: last.id });
  else if (profiles) delete product.profile;
});

/** The keys Medusa's pricing adds to a variant (setAdminProductPricing and the like). */
export const PRICING_KEYS = [
  'original_price', 'calculated_price', 'original_price_incl_tax', 'calculated_price_incl_tax', 'original_tax', 'calculated_tax',
  'tax_rates', 'original_price_includes_tax', 'calculated_price_includes_tax',
];

type Row = Record<string, any>;

/**
 * A variant as the handler leaves it: priced (the pricing keys, and prices as the price selection
 * reads them, with `variant_id` and `price_list`) or not (the prices as loaded); with
 * `purchasable` only where the handler sets availability.
 */
export function variantAnswer(variant: Row | null | undefined, priced: boolean, available: boolean): void {
  if (!variant) return;
  if (variant.calculated_price_type === null || !priced) delete variant.calculated_price_type;
  if (!available) delete variant.purchasable;
  if (priced) return;
  for (const key of PRICING_KEYS) delete variant[key];
  for (const price of Array.isArray(variant.prices) ? variant.prices : []) {
    delete price.variant_id;
    delete price.price_list;
  }
}

/** The relations answered: `expand`, else the defaults (the handlers price and check availability by them). */
const relationsOf = (query: Record<string, unknown>) => (typeof query.expand === 'string' ? query.expand.split(',').map((s) => s.trim()) : PRODUCT_RELATIONS);
const pricedBy = (relations: string[]) => relations.includes('variants') && relations.includes('variants.prices');

/** Medusa prices a product's variants when it loads them with their prices; its price selection loads each price's list. */
const pricedPrices = (relations: string[]) => (pricedBy(relations) ? ['variants.prices.price_list'] : []);

/**
 * A reshape for a product answer (or a page, or a deletion answer with its `product`): GET routes
 * price and set availability when they load the variants; writes price them, except where
 * `priced` is false (the option deletion).
 */
function products(mode: 'read' | 'write' | 'unpriced') {
  return (result: any, query: Record<string, unknown>) => {
    if (!result) return result;
    const relations = relationsOf(query);
    const priced = mode !== 'unpriced' && pricedBy(relations);
    const available = mode === 'read' && relations.includes('variants');
    const list: Row[] = Array.isArray(result.items) ? result.items : [result.product ?? result];
    for (const product of list) for (const variant of Array.isArray(product?.variants) ? product.variants : []) variantAnswer(variant, priced, available);
    return result;
  };
}

const under = (prefix: string) => PRODUCT_RELATIONS.map((r) => `${prefix}.${r}`);
const write = { envelope: { one: 'product' }, relations: PRODUCT_RELATIONS, always: pricedPrices, reshape: products('write') } as const;
/** GET routes also set the availability of the variants they load (`purchasable`). */
const readAlways = (relations: string[]) => [...pricedPrices(relations), ...(relations.includes('variants') ? ['variants.purchasable'] : [])];
const read = { relations: PRODUCT_RELATIONS, always: readAlways, reshape: products('read') } as const;

/** Medusa's default product columns (defaultAdminProductFields). */
const PRODUCT_COLUMNS = [
  'id', 'title', 'subtitle', 'status', 'external_id', 'description', 'handle', 'is_giftcard', 'discountable', 'thumbnail', 'collection_id',
  'type_id', 'weight', 'length', 'height', 'width', 'hs_code', 'origin_country', 'mid_code', 'material', 'created_at', 'updated_at', 'deleted_at', 'metadata',
];

/** A search (`q`) runs Medusa's own query, which reads every default column whatever `fields` says. */
const listAlways = (relations: string[], query: Record<string, unknown>) => [...readAlways(relations), ...(query.q ? PRODUCT_COLUMNS : [])];
const deletion = (operation: string, priced: boolean): Pick<Route, 'operation' | 'envelope' | 'relations' | 'always' | 'reshape'> => ({
  operation, envelope: 'raw', relations: ['product', ...under('product')],
  always: priced ? () => ['product.variants.prices.price_list'] : undefined, reshape: products(priced ? 'write' : 'unpriced'),
});

export const routes: Route[] = [
  { method: 'GET', path: '/admin/products', operation: 'products', envelope: { list: 'products' }, ...read, always: listAlways },
  { method: 'POST', path: '/admin/products', operation: 'createProduct', ...write },
  { method: 'GET', path: '/admin/products/tag-usage', operation: 'productTagUsage', envelope: { all: 'tags' }, ignoresQuery: true },
  { method: 'GET', path: '/admin/products/types', operation: 'allProductTypes', envelope: { all: 'types' }, ignoresQuery: true },
  { method: 'GET', path: '/admin/products/:id', operation: 'product', envelope: { one: 'product' }, ...read },
  { method: 'POST', path: '/admin/products/:id', operation: 'updateProduct', ...write },
  { method: 'DELETE', path: '/admin/products/:id', operation: 'deleteProduct', envelope: 'raw' },
  { method: 'POST', path: '/admin/products/:id/metadata', operation: 'setProductMetadata', ...write },
  { method: 'POST', path: '/admin/products/:id/options', operation: 'addProductOption', ...write },
  { method: 'POST', path: '/admin/products/:id/options/:option_id', operation: 'updateProductOption', ...write },
  { method: 'DELETE', path: '/admin/products/:id/options/:option_id', ...deletion('deleteProductOption', false) },
  {
    // Medusa lists a product's variants as loaded: neither priced nor with availability.
    method: 'GET', path: '/admin/products/:id/variants', operation: 'productVariants', envelope: { list: 'variants' },
    relations: ['prices', 'options'], params: { id: 'productId' },
    reshape: (page: { items: Row[] }) => (page.items.forEach((v) => variantAnswer(v, false, false)), page),
  },
  { method: 'POST', path: '/admin/products/:id/variants', operation: 'createProductVariant', ...write },
  { method: 'POST', path: '/admin/products/:id/variants/:variant_id', operation: 'updateProductVariant', ...write },
  { method: 'DELETE', path: '/admin/products/:id/variants/:variant_id', ...deletion('deleteProductVariant', true) },
];
