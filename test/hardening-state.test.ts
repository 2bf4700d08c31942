import { startApp, TestApp } from './helpers';
import { makeLocation, makeVariantItem, stock } from './inventory.fixtures';

// Issue 9, "Request state lives on the request": what one root field sets up for its nested
// fields (a variant list's pricing context, the price list whose products are listed, an item
// list's location filter) belongs to that root field alone, never to the other root fields of
// the same operation.
let t: TestApp;
let v: { productId: string; variantId: string; itemId: string };
let priceListId: string;
const locations: string[] = [];

beforeAll(async () => {
  t = await startApp();
  t.config.logLevel = 'error';
  v = await makeVariantItem(t, 'STATE-1');
  const list = await t.http.post('/admin/price-lists').set(t.auth).send({
    name: 'State', description: 'state', type: 'sale', status: 'active', prices: [{ variant_id: v.variantId, currency_code: 'usd', amount: 50 }],
  });
  if (list.status !== 200) throw new Error(`price list: ${list.status} ${list.text}`);
  priceListId = list.body.price_list.id;
  for (const name of ['State A', 'State B']) locations.push(await makeLocation(t, name));
  await stock(t, v.itemId, locations[0], 3);
  await stock(t, v.itemId, locations[1], 4);
});
afterAll(() => t.close());

describe('a variant list\'s pricing context', () => {
  it('does not price the variants of another root field (the query of the issue)', async () => {
    const res = await t.gql(`{ v: variants(currencyCode: "usd") { count } p: product(id: "${v.productId}") { variants { calculatedPrice } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.v.count).toBeGreaterThan(0);
    expect(res.data.p.variants).toEqual([{ calculatedPrice: null }]);
  });

  it('prices its own variants, whichever root field comes first', async () => {
    const res = await t.gql(`{ p: product(id: "${v.productId}") { variants { calculatedPrice } } v: variants(currencyCode: "usd", filter: { id: ["${v.variantId}"] }) { items { calculatedPrice } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.p.variants).toEqual([{ calculatedPrice: null }]);
    expect(res.data.v.items).toEqual([{ calculatedPrice: 50 }]);
  });

  it('is each list\'s own when two lists differ', async () => {
    const res = await t.gql(`{ a: variants(currencyCode: "usd", filter: { id: ["${v.variantId}"] }) { items { calculatedPrice } } b: variants(filter: { id: ["${v.variantId}"] }) { items { calculatedPrice } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.a.items).toEqual([{ calculatedPrice: 50 }]);
    expect(res.data.b.items).toEqual([{ calculatedPrice: null }]);
  });
});

describe('the price list whose products are listed', () => {
  it('gives its prices to its own root field only', async () => {
    const res = await t.gql(`{ l: priceListProducts(priceListId: "${priceListId}") { items { variants { priceListPrices { amount } } } } p: product(id: "${v.productId}") { variants { priceListPrices { amount } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.l.items[0].variants[0].priceListPrices.map((p: { amount: number }) => p.amount).sort()).toEqual([100, 50].sort());
    expect(res.data.p.variants[0].priceListPrices).toEqual([]);
  });
});

describe('an item list\'s location filter', () => {
  it('does not filter the levels of another root field', async () => {
    const res = await t.gql(`{ l: inventoryItems(filter: { locationId: ["${locations[0]}"] }) { items { id stockedQuantity } } i: inventoryItem(id: "${v.itemId}") { stockedQuantity locationLevels { stockedQuantity } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.l.items).toEqual([{ id: v.itemId, stockedQuantity: 3 }]);
    expect(res.data.i.stockedQuantity).toBe(7);
    expect(res.data.i.locationLevels).toHaveLength(2);
  });
});
