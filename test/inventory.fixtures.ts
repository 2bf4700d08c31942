// Set-up shared by the inventory tests (items, stock locations, reservations): records made
// through the REST API, as a client makes them.
import type { TestApp } from './helpers';

/** A stock location; its id. */
export async function makeLocation(t: TestApp, name: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await t.http.post('/admin/stock-locations').set(t.auth).send({ name, ...body });
  if (res.status !== 200) throw new Error(`stock location: ${res.status} ${res.text}`);
  return res.body.stock_location.id;
}

/**
 * A product with one variant that manages its inventory, and the inventory item Aegis gives that
 * variant (as Medusa does); their ids.
 */
export async function makeVariantItem(t: TestApp, sku: string, variant: Record<string, unknown> = {}): Promise<{ productId: string; variantId: string; itemId: string }> {
  const res = await t.http.post('/admin/products').set(t.auth).send({
    title: `Product ${sku}`, options: [{ title: 'Size' }],
    variants: [{ title: sku, sku, options: [{ value: 'One' }], prices: [{ currency_code: 'usd', amount: 100 }], ...variant }],
  });
  if (res.status !== 200) throw new Error(`product: ${res.status} ${res.text}`);
  const variantId = res.body.product.variants[0].id;
  const items = await t.http.get(`/admin/inventory-items?sku=${encodeURIComponent(sku)}`).set(t.auth);
  return { productId: res.body.product.id, variantId, itemId: items.body.inventory_items[0]?.id };
}

/** Stocks the item at the location. */
export async function stock(t: TestApp, itemId: string, locationId: string, quantity: number): Promise<void> {
  const res = await t.http.post(`/admin/inventory-items/${itemId}/location-levels`).set(t.auth).send({ location_id: locationId, stocked_quantity: quantity });
  if (res.status !== 200) throw new Error(`level: ${res.status} ${res.text}`);
}
