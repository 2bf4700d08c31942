import type { Route } from './executor';

/** Medusa v1's default relations of the admin product routes (defaultAdminProductRelations). */
export const PRODUCT_RELATIONS = [
  'variants', 'variants.prices', 'variants.options', 'profiles', 'images', 'options', 'options.values',
  'tags', 'type', 'collection', 'sales_channels',
];

const under = (prefix: string) => PRODUCT_RELATIONS.map((r) => `${prefix}.${r}`);
const product = { envelope: { one: 'product' }, relations: PRODUCT_RELATIONS } as const;

export const routes: Route[] = [
  { method: 'GET', path: '/admin/products', operation: 'products', envelope: { list: 'products' }, relations: PRODUCT_RELATIONS },
  { method: 'POST', path: '/admin/products', operation: 'createProduct', ...product },
  { method: 'GET', path: '/admin/products/tag-usage', operation: 'productTagUsage', envelope: { all: 'tags' }, ignoresQuery: true },
  { method: 'GET', path: '/admin/products/types', operation: 'allProductTypes', envelope: { all: 'types' }, ignoresQuery: true },
  { method: 'GET', path: '/admin/products/:id', operation: 'product', ...product },
  { method: 'POST', path: '/admin/products/:id', operation: 'updateProduct', ...product },
  { method: 'DELETE', path: '/admin/products/:id', operation: 'deleteProduct', envelope: 'raw' },
  { method: 'POST', path: '/admin/products/:id/metadata', operation: 'setProductMetadata', ...product },
  { method: 'POST', path: '/admin/products/:id/options', operation: 'addProductOption', ...product },
  { method: 'POST', path: '/admin/products/:id/options/:option_id', operation: 'updateProductOption', ...product },
  { method: 'DELETE', path: '/admin/products/:id/options/:option_id', operation: 'deleteProductOption', envelope: 'raw', relations: ['product', ...under('product')] },
  {
    method: 'GET', path: '/admin/products/:id/variants', operation: 'productVariants', envelope: { list: 'variants' },
    relations: ['prices', 'options'], params: { id: 'productId' },
  },
  { method: 'POST', path: '/admin/products/:id/variants', operation: 'createProductVariant', ...product },
  { method: 'POST', path: '/admin/products/:id/variants/:variant_id', operation: 'updateProductVariant', ...product },
  { method: 'DELETE', path: '/admin/products/:id/variants/:variant_id', operation: 'deleteProductVariant', envelope: 'raw', relations: ['product', ...under('product')] },
];
