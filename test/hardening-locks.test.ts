import { startApp, TestApp } from './helpers';

// Issue 9, "Nothing written is lost": every read-modify-write locks its row, so 20 parallel
// metadata merges on one record keep all 20 keys, for every entity that has metadata.
let t: TestApp;
const created: Record<string, string> = {};
beforeAll(async () => { t = await startApp(); t.config.logLevel = 'error'; });
afterAll(() => t.close());

async function create(path: string, body: Record<string, unknown>): Promise<string> {
  const res = await t.http.post(path).set(t.auth).send(body);
  if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return (Object.values(res.body)[0] as { id: string }).id;
}

/** Each entity with metadata: its update path (the record is created on demand) and what an update must also carry. */
const entities: [string, () => Promise<string>, Record<string, unknown>?][] = [
  ['users', async () => `/admin/users/${t.admin.id}`],
  ['customers', async () => `/admin/customers/${await create('/admin/customers', { email: 'lock@aegis.test', first_name: 'a', last_name: 'b', password: 'secret123' })}`],
  ['customer groups', async () => `/admin/customer-groups/${await create('/admin/customer-groups', { name: 'Locked' })}`],
  ['collections', async () => `/admin/collections/${await create('/admin/collections', { title: 'Locked' })}`],
  ['categories', async () => `/admin/product-categories/${await create('/admin/product-categories', { name: 'Locked' })}`],
  ['return reasons', async () => `/admin/return-reasons/${await create('/admin/return-reasons', { value: 'locked', label: 'Locked' })}`],
  ['sales channels', async () => `/admin/sales-channels/${await create('/admin/sales-channels', { name: 'Locked' })}`],
  ['regions', async () => `/admin/regions/${(created.region = await create('/admin/regions', { name: 'Locked', currency_code: 'usd', tax_rate: 0, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['de'] }))}`],
  ['discounts', async () => `/admin/discounts/${await create('/admin/discounts', { code: 'LOCKED', rule: { type: 'percentage', value: 10, allocation: 'total' }, regions: [created.region] })}`],
  ['gift cards', async () => `/admin/gift-cards/${await create('/admin/gift-cards', { value: 100, region_id: created.region })}`],
  ['store', async () => '/admin/store'],
  ['shipping profiles', async () => `/admin/shipping-profiles/${await create('/admin/shipping-profiles', { name: 'Locked', type: 'custom' })}`],
  ['shipping options', async () => `/admin/shipping-options/${await create('/admin/shipping-options', { name: 'Locked', region_id: created.region as string, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 100 })}`, { requirements: [] }],
  ['products', async () => `/admin/products/${await create('/admin/products', { title: 'Locked' })}`],
  ['stock locations', async () => `/admin/stock-locations/${await create('/admin/stock-locations', { name: 'Locked' })}`],
];

/**
 * Where Medusa's REST door leaves metadata out (a return reason's answers carry none; a sales
 * channel's body refuses it), the merges go through GraphQL, which has both.
 */
const GRAPHQL_ONLY: Record<string, { update: string; read: string }> = {
  'return reasons': { update: 'updateReturnReason', read: 'returnReason' },
  'sales channels': { update: 'updateSalesChannel', read: 'salesChannel' },
};

describe('parallel metadata merges', () => {
  it.each(entities)('keep all 20 keys on %s', async (name, make, extra = {}) => {
    const path = await make();
    const gql = GRAPHQL_ONLY[name];
    const results = await Promise.all(Array.from({ length: 20 }, async (_, i) => {
      if (!gql) return t.http.post(path).set(t.auth).send({ ...extra, metadata: { [`k${i}`]: 'v' } });
      const res = await t.gql(`mutation($id: String!, $m: JSONObject!) { ${gql.update}(id: $id, input: { metadata: $m }) { id } }`, { id: path.split('/').pop(), m: { [`k${i}`]: 'v' } });
      return { status: res.errors ? 400 : 200, text: JSON.stringify(res.errors ?? null) };
    }));
    expect(results.map((r) => [r.status, r.status === 200 ? '' : r.text])).toEqual(Array(20).fill([200, '']));
    const metadata = gql
      ? (await t.gql(`query($id: String!) { r: ${gql.read}(id: $id) { metadata } }`, { id: path.split('/').pop() })).data.r.metadata
      : (Object.values((await t.http.get(path).set(t.auth)).body)[0] as { metadata: Record<string, string> }).metadata;
    expect(Object.keys(metadata ?? {}).filter((k) => /^k\d+$/.test(k)).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `k${i}`).sort());
  });
});

describe('concurrent invites', () => {
  it('of one new email all succeed, leaving one invite', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => t.http.post('/admin/invites').set(t.auth).send({ user: 'racing@aegis.test', role: 'member' })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const rows = await t.em().getConnection().execute(`select count(*)::int as n from invite where user_email = 'racing@aegis.test' and deleted_at is null`);
    expect(rows[0].n).toBe(1);
  });
});
