import type { Route } from './executor';
import { omit, without } from './_keys';

type Row = Record<string, any>;

/**
 * Medusa's item answers: GET routes carry its default item columns (not `deleted_at`), the item's
 * levels with `available_quantity`, and the sums of those levels' stocked and reserved quantities
 * (computed from the levels in the answer, as Medusa does: in a list filtered by location, of
 * those locations only). Writes answer the item's columns only.
 */
function withSums(item: Row | null): Row | null {
  if (!item) return item;
  const levels: Row[] = item.location_levels ?? [];
  return {
    ...omit(item, ['deleted_at']),
    stocked_quantity: levels.reduce((sum, l) => sum + (l.stocked_quantity ?? 0), 0),
    reserved_quantity: levels.reduce((sum, l) => sum + (l.reserved_quantity ?? 0), 0),
  };
}

const SUMS = ['stocked_quantity', 'reserved_quantity'];

/** A variant as Medusa nests it in item lists: its own columns, its product's columns. */
const VARIANT_EXTRAS = [
  'calculated_price', 'original_price', 'calculated_price_incl_tax', 'original_price_incl_tax', 'calculated_tax', 'original_tax',
  'tax_rates', 'original_price_includes_tax', 'calculated_price_includes_tax',
];
const PRODUCT_EXTRAS = ['profile_id'];

function listItem(item: Row): Row | null {
  const out = withSums(item);
  if (out?.variants) {
    out.variants = out.variants.map((v: Row) => {
      const variant = omit(v, VARIANT_EXTRAS)!;
      if (variant.product) variant.product = omit(variant.product as Row, PRODUCT_EXTRAS);
      return variant;
    });
  }
  return out;
}

const written = { envelope: { one: 'inventory_item' }, reshape: without(['deleted_at', ...SUMS]) } as const;

export const routes: Route[] = [
  {
    method: 'GET', path: '/admin/inventory-items', operation: 'inventoryItems', envelope: { list: 'inventory_items' },
    // Medusa's handler joins these whatever `expand` says.
    always: ['location_levels', 'variants', 'variants.product'],
    reshape: (page: { items: Row[] }) => ({ ...page, items: page.items.map(listItem) }),
  },
  // Medusa's create answers every column (its `deleted_at` too), without levels or sums.
  { method: 'POST', path: '/admin/inventory-items', operation: 'createInventoryItem', envelope: { one: 'inventory_item' }, reshape: without(SUMS) },
  { method: 'GET', path: '/admin/inventory-items/:id', operation: 'inventoryItem', envelope: { one: 'inventory_item' }, always: ['location_levels'], reshape: withSums },
  { method: 'POST', path: '/admin/inventory-items/:id', operation: 'updateInventoryItem', ...written },
  { method: 'DELETE', path: '/admin/inventory-items/:id', operation: 'deleteInventoryItem', envelope: 'raw' },
  {
    method: 'GET', path: '/admin/inventory-items/:id/location-levels', operation: 'inventoryLevels', envelope: { one: 'inventory_item' },
    always: ['location_levels'],
    // Medusa's level list answers its default level columns: not `deleted_at`, nor the availability.
    reshape: (result: Row) => ({ ...result, location_levels: result.location_levels.map((l: Row) => omit(l, ['deleted_at', 'available_quantity'])) }),
  },
  { method: 'POST', path: '/admin/inventory-items/:id/location-levels', operation: 'createInventoryLevel', ...written },
  { method: 'POST', path: '/admin/inventory-items/:id/location-levels/:location_id', operation: 'updateInventoryLevel', ...written },
  // Medusa's level delete answers every column of the item (its `deleted_at` too).
  { method: 'DELETE', path: '/admin/inventory-items/:id/location-levels/:location_id', operation: 'deleteInventoryLevel', envelope: { one: 'inventory_item' }, reshape: without(SUMS) },
  // The variant's inventory: its items (every column, with levels and sums) and what each sales channel can supply.
  {
    method: 'GET', path: '/admin/variants/:id/inventory', operation: 'variant', envelope: { one: 'variant' }, ignoresQuery: true,
    always: ['inventory', 'inventory.location_levels', 'sales_channel_availability'],
    reshape: (variant: Row) => ({
      id: variant.id,
      inventory: variant.inventory.map((item: Row) => ({ ...withSums(item), deleted_at: item.deleted_at ?? null })),
      sales_channel_availability: variant.sales_channel_availability,
    }),
  },
];
