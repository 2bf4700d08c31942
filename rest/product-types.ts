import type { Route } from './executor';

/**
 * Medusa selects only id, value, created_at and updated_at for this list
 * (defaultAdminProductTypeFields), and its list takes neither `fields` nor `expand`.
 */
const DEFAULT_FIELDS = ['id', 'value', 'created_at', 'updated_at'];
const pick = (row: Record<string, unknown>) => Object.fromEntries(DEFAULT_FIELDS.filter((k) => k in row).map((k) => [k, row[k]]));

export const routes: Route[] = [
  {
    method: 'GET', path: '/admin/product-types', operation: 'productTypes', envelope: { list: 'product_types' },
    noControls: true,
    reshape: (page: { items: Record<string, unknown>[] }) => ({ ...page, items: page.items.map(pick) }),
  },
];
