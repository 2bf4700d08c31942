/**
 * The records the dashboard walk opens, made through the admin REST API so that the same walk
 * runs against Aegis and against the real Medusa v1 server. Each record is found by its name
 * first, so a second run reuses what the first made.
 */

export interface Api {
  get(path: string): Promise<any>;
  post(path: string, body: unknown): Promise<any>;
}

/** A client of one backend, signed in with a bearer token; any answer other than 2xx throws. */
export async function apiOf(backend: string, email: string, password: string): Promise<Api> {
  const send = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(backend + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
  const { access_token: token } = await send('POST', '/admin/auth/token', { email, password });
  return { get: (path) => send('GET', path, undefined, token), post: (path, body) => send('POST', path, body, token) };
}

export interface Seeded {
  regionId: string;
  productId: string;
  orderId: string;
  customerId: string;
}

/** The first record of a list answer whose `key` equals `value`, or null. */
async function findBy(api: Api, path: string, listKey: string, key: string, value: string): Promise<any | null> {
  const sep = path.includes('?') ? '&' : '?';
  const page = await api.get(`${path}${sep}q=${encodeURIComponent(value)}&limit=50`);
  return (page[listKey] as any[]).find((row) => row[key] === value) ?? null;
}

async function ensure(api: Api, listPath: string, listKey: string, key: string, value: string, create: () => Promise<any>) {
  return (await findBy(api, listPath, listKey, key, value)) ?? (await create());
}

export async function seed(api: Api): Promise<Seeded> {
  const region = await ensure(api, '/admin/regions', 'regions', 'name', 'Walk Region', async () =>
    (await api.post('/admin/regions', {
      name: 'Walk Region', currency_code: 'eur', tax_rate: 0, payment_providers: ['manual'],
      fulfillment_providers: ['manual'], countries: ['nl'],
    })).region);
  const options = (await api.get(`/admin/shipping-options?region_id=${region.id}`)).shipping_options as any[];
  const option = options.find((o) => o.name === 'Walk Shipping') ?? (await api.post('/admin/shipping-options', {
    name: 'Walk Shipping', region_id: region.id, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 500,
  })).shipping_option;
  const collection = await ensure(api, '/admin/collections', 'collections', 'title', 'Walk Collection', async () =>
    (await api.post('/admin/collections', { title: 'Walk Collection' })).collection);
  await ensure(api, '/admin/product-categories', 'product_categories', 'name', 'Walk Category', async () =>
    (await api.post('/admin/product-categories', { name: 'Walk Category' })).product_category);
  const product = await ensure(api, '/admin/products', 'products', 'title', 'Walk Shirt', async () =>
    (await api.post('/admin/products', {
      title: 'Walk Shirt', collection_id: collection.id, options: [{ title: 'Size' }],
      variants: [{ title: 'M', sku: `WALK-M-${Date.now()}`, inventory_quantity: 10, manage_inventory: true, options: [{ value: 'M' }],
        prices: [{ currency_code: 'eur', amount: 2500 }] }],
    })).product);
  const customer = await ensure(api, '/admin/customers', 'customers', 'email', 'walk@example.com', async () =>
    (await api.post('/admin/customers', { email: 'walk@example.com', first_name: 'Walk', last_name: 'Er', password: 'walkwalkwalk' })).customer);
  await ensure(api, '/admin/customer-groups', 'customer_groups', 'name', 'Walk Group', async () =>
    (await api.post('/admin/customer-groups', { name: 'Walk Group' })).customer_group);
  await ensure(api, '/admin/discounts', 'discounts', 'code', 'WALK10', async () =>
    (await api.post('/admin/discounts', {
      code: 'WALK10', regions: [region.id], rule: { type: 'percentage', value: 10, allocation: 'total', description: 'walk' },
    })).discount);
  const cards = (await api.get(`/admin/gift-cards?q=walk&limit=50`)).gift_cards as any[];
  if (!cards.length) await api.post('/admin/gift-cards', { value: 1000, region_id: region.id, metadata: { walk: true } });
  await ensure(api, '/admin/price-lists', 'price_lists', 'name', 'Walk Prices', async () =>
    (await api.post('/admin/price-lists', { name: 'Walk Prices', description: 'walk', type: 'sale', prices: [] })).price_list);
  await ensure(api, '/admin/sales-channels', 'sales_channels', 'name', 'Walk Channel', async () =>
    (await api.post('/admin/sales-channels', { name: 'Walk Channel' })).sales_channel);
  const locations = (await api.get('/admin/stock-locations?limit=50')).stock_locations as any[];
  if (!locations.some((l) => l.name === 'Walk Warehouse')) await api.post('/admin/stock-locations', { name: 'Walk Warehouse' });
  const orders = (await api.get(`/admin/orders?email=walk@example.com&limit=1`)).orders as any[];
  const orderId = orders[0]?.id ?? (await placeOrder(api, region.id, option.id, customer.id, product.variants[0].id));
  return { regionId: region.id, productId: product.id, orderId, customerId: customer.id };
}

/** An order as an admin makes one on Medusa v1: a draft order, then paid. */
async function placeOrder(api: Api, regionId: string, optionId: string, customerId: string, variantId: string): Promise<string> {
  const address = { first_name: 'Walk', last_name: 'Er', address_1: 'Damrak 1', city: 'Amsterdam', country_code: 'nl', postal_code: '1012' };
  const { draft_order: draft } = await api.post('/admin/draft-orders', {
    email: 'walk@example.com', customer_id: customerId, region_id: regionId, shipping_address: address, billing_address: address,
    items: [{ variant_id: variantId, quantity: 2 }], shipping_methods: [{ option_id: optionId }],
  });
  const { order } = await api.post(`/admin/draft-orders/${draft.id}/pay`, {});
  return order.id;
}
