import { startApp, TestApp, errorType } from './helpers';
import { Product, ProductOption, ProductOptionValue } from '../src/entities/products';
import { MoneyAmount, ProductVariant } from '../src/entities/variants';
import { ProductTag } from '../src/entities/product-tags';
import { ProductType } from '../src/entities/product-types';
import { ProductCollection } from '../src/entities/collections';
import { ProductCategory } from '../src/entities/categories';
import { SalesChannel } from '../src/entities/sales-channels';
import { PriceList } from '../src/entities/price-lists';
import { Region } from '../src/entities/regions';
import { Currency } from '../src/entities/currencies';
import { Store } from '../src/entities/store';
import { TaxRate } from '../src/entities/tax-rates';
import { Customer } from '../src/entities/customers';
import { CustomerGroup } from '../src/entities/customer-groups';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

const all = { filters: { softDelete: false } } as any;
const countProducts = () => t.em().count(Product, {}, all);
const countVariants = () => t.em().count(ProductVariant, {}, all);

/** A product with two options and two variants, through REST. */
async function makeProduct(title: string, extra: Record<string, unknown> = {}) {
  const res = await t.http.post('/admin/products').set(t.auth).send({
    title,
    options: [{ title: 'Size' }, { title: 'Color' }],
    variants: [
      { title: 'S / Red', prices: [{ currency_code: 'usd', amount: 1000 }], options: [{ value: 'S' }, { value: 'Red' }] },
      { title: 'M / Red', prices: [{ currency_code: 'usd', amount: 1100 }], options: [{ value: 'M' }, { value: 'Red' }] },
    ],
    ...extra,
  });
  expect(res.status).toBe(200);
  return res.body.product;
}

describe('POST /admin/products', () => {
  it('creates a product with options, variants, prices, tags, type, images and the default channel and profile', async () => {
    const res = await t.http.post('/admin/products').set(t.auth).send({
      title: 'Crème T-Shirt',
      description: 'Soft',
      tags: [{ value: 'summer' }, { value: 'cotton' }],
      type: { value: 'shirts' },
      images: ['https://img.test/1.png', 'https://img.test/2.png'],
      options: [{ title: 'Size' }],
      variants: [{ title: 'S', sku: 'TS-S', inventory_quantity: 5, prices: [{ currency_code: 'USD', amount: 1500, min_quantity: 1 }], options: [{ value: 'S' }], metadata: { k: 1 } }],
      weight: 200,
      metadata: { source: 'test' },
    });
    expect(res.status).toBe(200);
    const p = res.body.product;
    expect(p).toMatchObject({
      title: 'Crème T-Shirt', handle: 'creme-t-shirt', status: 'draft', is_giftcard: false, discountable: true,
      thumbnail: 'https://img.test/1.png', weight: 200, metadata: { source: 'test' }, deleted_at: null, collection_id: null,
    });
    expect(p.id).toMatch(/^prod_[0-9A-Z]{26}$/);
    expect(p.type).toMatchObject({ value: 'shirts' });
    expect(p.type_id).toBe(p.type.id);
    expect(p.tags.map((x: any) => x.value).sort()).toEqual(['cotton', 'summer']);
    expect(p.images.map((x: any) => x.url)).toHaveLength(2);
    expect(p.options).toEqual([expect.objectContaining({ title: 'Size', product_id: p.id, values: [expect.objectContaining({ value: 'S' })] })]);
    expect(p.variants[0]).toMatchObject({ title: 'S', sku: 'TS-S', inventory_quantity: 5, manage_inventory: true, variant_rank: 0, metadata: { k: 1 } });
    expect(p.variants[0].prices).toEqual([expect.objectContaining({ currency_code: 'usd', amount: 1500, min_quantity: 1, region_id: null })]);
    expect(p.variants[0].options[0]).toMatchObject({ value: 'S', option_id: p.options[0].id });
    const [store] = await t.em().find(Store, {}, { limit: 1 });
    expect(p.sales_channels.map((c: any) => c.id)).toEqual([store.defaultSalesChannelId]);
    expect(p.profiles[0]).toMatchObject({ type: 'default' });
    expect(p.profile_id).toBe(p.profiles[0].id);

    const stored = await t.em().findOneOrFail(Product, p.id, { populate: ['variants.prices', 'tags', 'images'] as any });
    expect(stored.variants.getItems()[0].prices.getItems()[0].amount).toBe(1500);
    expect(stored.tags).toHaveLength(2);
  });

  it('reuses tags and types by value and gives gift cards the gift card profile', async () => {
    const res = await t.http.post('/admin/products').set(t.auth).send({ title: 'Gift Card', is_giftcard: true, tags: [{ value: 'summer' }], type: { value: 'shirts' } });
    expect(res.status).toBe(200);
    expect(res.body.product).toMatchObject({ is_giftcard: true, discountable: false, handle: 'gift-card' });
    expect(res.body.product.profiles[0].type).toBe('gift_card');
    expect(await t.em().count(ProductTag, { value: 'summer' })).toBe(1);
    expect(await t.em().count(ProductType, { value: 'shirts' })).toBe(1);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const products = await countProducts();
    const variants = await countVariants();
    const bodies: Record<string, unknown>[] = [
      {},
      { title: '' },
      { title: 'x', hacker: 1 },
      { title: 'x', status: 'live' },
      { title: 'x', weight: 'heavy' },
      { title: 'x', options: [{ title: 'Size' }], variants: [{ title: 'v', prices: [{ currency_code: 'zzz', amount: 1 }], options: [{ value: 'S' }] }] },
      { title: 'x', options: [{ title: 'Size' }], variants: [{ title: 'v', prices: [{ amount: 1 }], options: [{ value: 'S' }] }] },
      { title: 'x', options: [{ title: 'Size' }], variants: [{ title: 'v', prices: [{ currency_code: 'usd', amount: -1 }], options: [{ value: 'S' }] }] },
      { title: 'x', options: [{ title: 'Size' }], variants: [{ title: 'v', options: [] }] },
      { title: 'x', options: [{ title: 'Size' }], variants: [{ title: 'a', prices: [{ currency_code: 'usd', amount: 1 }], options: [{ value: 'S' }] }, { title: 'b', prices: [{ currency_code: 'usd', amount: 1 }], options: [{ value: 'S' }] }] },
      { title: 'x', options: [{ title: 'Size' }], variants: [{ title: 'a', prices: [{ currency_code: 'usd', amount: 1 }], options: [{ value: 'S' }, { value: 'extra' }] }] },
      // Without options two variants cannot be told apart.
      { title: 'x', variants: [{ title: 'a', prices: [{ currency_code: 'usd', amount: 1 }], }, { title: 'b', prices: [{ currency_code: 'usd', amount: 1 }], }] },
      // Medusa requires the prices of a new variant.
      { title: 'x', options: [{ title: 'Size' }], variants: [{ title: 'v', options: [{ value: 'S' }] }] },
    ];
    for (const body of bodies) {
      const res = await t.http.post('/admin/products').set(t.auth).send(body);
      // Twin variants are refused as duplicates (422), as Medusa refuses a variant that repeats one.
      const twins = (body.variants as unknown[] | undefined)?.length === 2;
      expect([res.status, res.body.type]).toEqual(twins ? [422, 'duplicate_error'] : [400, 'invalid_data']);
      expect(res.body.message).toEqual(expect.any(String));
    }
    const dup = await t.http.post('/admin/products').set(t.auth).send({ title: 'x', options: [{ title: 'Size' }], variants: [{ title: 'a', prices: [{ currency_code: 'usd', amount: 1 }], options: [{ value: 'S' }] }, { title: 'b', prices: [{ currency_code: 'usd', amount: 1 }], options: [{ value: 'S' }] }] });
    expect(dup.body.message).toBe('Variant with title a with provided options already exists');
    const unknownCollection = await t.http.post('/admin/products').set(t.auth).send({ title: 'x', collection_id: 'pcol_missing' });
    expect(unknownCollection.status).toBe(404);
    const unknownRegion = await t.http.post('/admin/products').set(t.auth).send({ title: 'x', options: [{ title: 'Size' }], variants: [{ title: 'v', prices: [{ region_id: 'reg_missing', amount: 1 }], options: [{ value: 'S' }] }] });
    expect(unknownRegion.status).toBe(404);
    expect(await countProducts()).toBe(products);
    expect(await countVariants()).toBe(variants);
  });

  it('keeps handles and skus unique among live records (422), and frees them on delete', async () => {
    const first = await makeProduct('Unique Thing', { handle: 'unique-thing' });
    const again = await t.http.post('/admin/products').set(t.auth).send({ title: 'Other', handle: 'unique-thing' });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ type: 'duplicate_error', message: 'Product with handle unique-thing already exists.' });
    await t.http.post(`/admin/products/${first.id}/variants/${first.variants[0].id}`).set(t.auth).send({ sku: 'UNIQ-1' });
    const skuAgain = await t.http.post('/admin/products').set(t.auth).send({ title: 'Sku Clash', variants: [{ title: 'v', sku: 'UNIQ-1', prices: [{ currency_code: 'usd', amount: 1 }], }] });
    expect(skuAgain.status).toBe(422);

    expect((await t.http.delete(`/admin/products/${first.id}`).set(t.auth)).status).toBe(200);
    const reuse = await t.http.post('/admin/products').set(t.auth).send({ title: 'Reuse', handle: 'unique-thing', variants: [{ title: 'v', sku: 'UNIQ-1', prices: [{ currency_code: 'usd', amount: 1 }], }] });
    expect(reuse.status).toBe(200);
  });

  it('needs credentials', async () => {
    const res = await t.http.post('/admin/products').send({ title: 'x' });
    expect(res.status).toBe(401);
    expect(res.type).toBe('text/plain');
    expect((await t.http.get('/admin/products')).status).toBe(401);
  });
});

describe('GET, POST, DELETE /admin/products/{id}', () => {
  let p: any;
  beforeAll(async () => { p = await makeProduct('Hoodie'); });

  it('gets with the default relations, and 404s', async () => {
    const res = await t.http.get(`/admin/products/${p.id}`).set(t.auth);
    expect(res.status).toBe(200);
    for (const key of ['variants', 'options', 'images', 'tags', 'type', 'collection', 'profiles', 'sales_channels']) expect(res.body.product).toHaveProperty(key);
    expect(res.body.product.variants.map((v: any) => v.title)).toEqual(['S / Red', 'M / Red']);
    expect(res.body.product.variants[0]).toHaveProperty('prices');
    expect(res.body.product.options[0]).toHaveProperty('values');
    const missing = await t.http.get('/admin/products/prod_missing').set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'Product with id: prod_missing was not found' });
  });

  it('answers the keys Medusa derives: profile with profiles, pricing and availability where its handlers set them', async () => {
    const p = await makeProduct('Derived Keys');
    const res = await t.http.get(`/admin/products/${p.id}`).set(t.auth);
    const product = res.body.product;
    expect(product).toHaveProperty('categories', []);
    expect(product.profile).toEqual(product.profiles[0]);
    expect(product.profile_id).toBe(product.profiles[0].id);
    // GET prices (its variants and their prices are loaded) and sets availability: the variant
    // manages its inventory and its item has no stock anywhere.
    expect(product.variants[0]).toMatchObject({ purchasable: false, calculated_price: null, original_price_includes_tax: null, calculated_price_includes_tax: null });
    expect(product.variants[0].prices[0]).toHaveProperty('price_list', null);
    // Without `profiles` there is neither `profile` nor `profile_id`; without prices no pricing.
    const narrow = (await t.http.get(`/admin/products/${p.id}?expand=variants`).set(t.auth)).body.product;
    expect(narrow).not.toHaveProperty('profile_id');
    expect(narrow).not.toHaveProperty('profile');
    expect(narrow.variants[0]).toHaveProperty('purchasable', false);
    expect(narrow.variants[0]).not.toHaveProperty('calculated_price');
    // A write answers priced variants without availability.
    const written = (await t.http.post(`/admin/products/${p.id}/metadata`).set(t.auth).send({ key: 'color', value: 'blue' })).body.product;
    expect(written.variants[0]).toHaveProperty('calculated_price_includes_tax', null);
    expect(written.variants[0]).not.toHaveProperty('purchasable');
    // The product's variant list is neither priced nor checked for availability.
    const listed = (await t.http.get(`/admin/products/${p.id}/variants`).set(t.auth)).body.variants[0];
    expect(listed).not.toHaveProperty('calculated_price');
    expect(listed).not.toHaveProperty('purchasable');
    expect(listed.prices[0]).not.toHaveProperty('variant_id');
    // GraphQL answers the same fields on request.
    const gql = await t.gql(`{ product(id: "${p.id}") { variants { purchasable calculatedPriceIncludesTax } } }`);
    expect(gql.data.product.variants[0]).toEqual({ purchasable: false, calculatedPriceIncludesTax: null });
  });

  it('updates columns, links and metadata (merged)', async () => {
    const collection = t.em();
    const col = collection.create(ProductCollection, { title: 'Winter', handle: 'winter' });
    await collection.flush();
    await t.http.post(`/admin/products/${p.id}`).set(t.auth).send({ metadata: { a: 1, b: 2 } });
    const res = await t.http.post(`/admin/products/${p.id}`).set(t.auth).send({
      title: 'Hoodie 2', status: 'published', collection_id: col.id, tags: [{ value: 'warm' }], type: { value: 'hoodies' },
      images: ['https://img.test/h.png'], metadata: { b: '', c: 3 },
    });
    expect(res.status).toBe(200);
    expect(res.body.product).toMatchObject({ title: 'Hoodie 2', status: 'published', collection_id: col.id, metadata: { a: 1, c: 3 }, thumbnail: 'https://img.test/h.png' });
    expect(res.body.product.collection).toMatchObject({ title: 'Winter' });
    expect(res.body.product.tags.map((x: any) => x.value)).toEqual(['warm']);
    expect(res.body.product.type.value).toBe('hoodies');
    const stored = await t.em().findOneOrFail(Product, p.id, { populate: ['tags'] as any });
    expect(stored.title).toBe('Hoodie 2');
    expect(stored.tags.getItems().map((x) => x.value)).toEqual(['warm']);
  });

  it('replaces the variants when given: updates listed ones, creates new ones, deletes the rest', async () => {
    const res = await t.http.post(`/admin/products/${p.id}`).set(t.auth).send({
      variants: [
        { id: p.variants[1].id, title: 'M / Red (2)', prices: [{ currency_code: 'eur', amount: 900 }] },
        { title: 'L / Blue', prices: [{ currency_code: 'usd', amount: 1300 }], options: [{ option_id: p.options[0].id, value: 'L' }, { option_id: p.options[1].id, value: 'Blue' }] },
      ],
    });
    expect(res.status).toBe(200);
    const variants = res.body.product.variants;
    expect(variants.map((v: any) => [v.title, v.variant_rank])).toEqual([['M / Red (2)', 0], ['L / Blue', 1]]);
    expect(variants[0].prices.map((x: any) => [x.currency_code, x.amount])).toEqual([['eur', 900]]);
    const deleted = await t.em().findOneOrFail(ProductVariant, p.variants[0].id, all);
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    p = res.body.product;
  });

  it('refuses bad updates (400, nothing written) and unknown ids (404)', async () => {
    for (const body of [{ title: '' }, { status: 'gone' }, { is_giftcard: true }, { handle: '' }, { images: [1] }]) {
      const res = await t.http.post(`/admin/products/${p.id}`).set(t.auth).send(body);
      expect([res.status, res.body.type]).toEqual([400, 'invalid_data']);
    }
    const stored = await t.em().findOneOrFail(Product, p.id);
    expect(stored.title).toBe('Hoodie 2');
    expect((await t.http.post('/admin/products/prod_missing').set(t.auth).send({ title: 'x' })).status).toBe(404);
    const foreign = await t.http.post(`/admin/products/${p.id}`).set(t.auth).send({ title: 'Not Kept', variants: [{ id: 'variant_elsewhere', title: 'x' }] });
    expect([foreign.status, foreign.body]).toEqual([404, { type: 'not_found', message: 'Variants with id: variant_elsewhere are not associated with this product' }]);
    expect((await t.em().findOneOrFail(Product, p.id)).title).toBe('Hoodie 2');
    expect((await t.http.post(`/admin/products/${p.id}`).send({ title: 'x' })).status).toBe(401);
  });

  it('sets one metadata key', async () => {
    const res = await t.http.post(`/admin/products/${p.id}/metadata`).set(t.auth).send({ key: 'color', value: 'blue' });
    expect(res.status).toBe(200);
    expect(res.body.product.metadata).toEqual({ a: 1, c: 3, color: 'blue' });
    expect(res.body.product.variants).toBeDefined();
    expect((await t.http.post(`/admin/products/${p.id}/metadata`).set(t.auth).send({ key: 'color' })).status).toBe(400);
    expect((await t.http.post('/admin/products/prod_missing/metadata').set(t.auth).send({ key: 'a', value: 'b' })).status).toBe(404);
    expect((await t.http.post(`/admin/products/${p.id}/metadata`).send({ key: 'a', value: 'b' })).status).toBe(401);
    expect((await t.em().findOneOrFail(Product, p.id)).metadata).toEqual({ a: 1, c: 3, color: 'blue' });
  });

  it('deletes softly: gone from get and list, kept in the database', async () => {
    const victim = await makeProduct('Victim');
    const res = await t.http.delete(`/admin/products/${victim.id}`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: victim.id, object: 'product', deleted: true });
    expect((await t.http.get(`/admin/products/${victim.id}`).set(t.auth)).status).toBe(404);
    const stored = await t.em().findOneOrFail(Product, victim.id, all);
    expect(stored.deletedAt).toBeInstanceOf(Date);
    expect(await t.em().count(ProductVariant, { product: victim.id })).toBe(0);
    // Medusa's product delete is idempotent: again, or for an unknown id, it answers 200.
    const again = await t.http.delete(`/admin/products/${victim.id}`).set(t.auth);
    expect([again.status, again.body]).toEqual([200, { id: victim.id, object: 'product', deleted: true }]);
    expect((await t.em().findOneOrFail(Product, victim.id, all)).deletedAt).toEqual(stored.deletedAt);
    expect((await t.http.delete('/admin/products/prod_missing').set(t.auth)).body).toEqual({ id: 'prod_missing', object: 'product', deleted: true });
    expect((await t.http.delete(`/admin/products/${p.id}`)).status).toBe(401);
  });
});

describe('product options', () => {
  let p: any;
  beforeAll(async () => { p = await makeProduct('Cap'); });

  it('adds an option (existing variants get a placeholder value), refuses a duplicate title', async () => {
    const res = await t.http.post(`/admin/products/${p.id}/options`).set(t.auth).send({ title: 'Material' });
    expect(res.status).toBe(200);
    const option = res.body.product.options.find((o: any) => o.title === 'Material');
    expect(option.values.map((v: any) => v.value)).toEqual(['Default Value', 'Default Value']);
    const dup = await t.http.post(`/admin/products/${p.id}/options`).set(t.auth).send({ title: 'Material' });
    expect(dup.status).toBe(422);
    expect((await t.http.post(`/admin/products/${p.id}/options`).set(t.auth).send({})).status).toBe(400);
    expect((await t.http.post('/admin/products/prod_missing/options').set(t.auth).send({ title: 'x' })).status).toBe(404);
    expect((await t.http.post(`/admin/products/${p.id}/options`).send({ title: 'x' })).status).toBe(401);
    expect(await t.em().count(ProductOption, { product: p.id })).toBe(3);
  });

  it('renames an option', async () => {
    const res = await t.http.post(`/admin/products/${p.id}/options/${p.options[1].id}`).set(t.auth).send({ title: 'Colour' });
    expect(res.status).toBe(200);
    expect((await t.em().findOneOrFail(ProductOption, p.options[1].id)).title).toBe('Colour');
    // Medusa compares titles ignoring case on rename and answers a clash as not_found (404).
    const clash = await t.http.post(`/admin/products/${p.id}/options/${p.options[1].id}`).set(t.auth).send({ title: 'size' });
    expect([clash.status, clash.body]).toEqual([404, { type: 'not_found', message: 'An option with title size already exists' }]);
    const missing = await t.http.post(`/admin/products/${p.id}/options/opt_missing`).set(t.auth).send({ title: 'x' });
    expect([missing.status, missing.body]).toEqual([404, { type: 'not_found', message: 'Option with id: opt_missing does not exist' }]);
    expect((await t.em().findOneOrFail(ProductOption, p.options[1].id)).title).toBe('Colour');
    expect((await t.http.post(`/admin/products/${p.id}/options/${p.options[1].id}`).set(t.auth).send({ title: '' })).status).toBe(400);
    expect((await t.http.post(`/admin/products/${p.id}/options/${p.options[1].id}`).send({ title: 'x' })).status).toBe(401);
  });

  it('deletes an option with its values, only when every variant has the same value for it (Medusa)', async () => {
    // S and M differ: Medusa refuses (invalid_data), whatever the other options.
    const refused = await t.http.delete(`/admin/products/${p.id}/options/${p.options[0].id}`).set(t.auth);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      type: 'invalid_data', message: 'To delete an option, first delete all variants, such that when an option is deleted, no duplicate variants will exist.',
    });
    const mixed = await t.http.post('/admin/products').set(t.auth).send({
      title: 'Mixed Cap', options: [{ title: 'Size' }, { title: 'Color' }],
      variants: [{ title: 'S / Red', prices: [{ currency_code: 'usd', amount: 1 }], options: [{ value: 'S' }, { value: 'Red' }] }, { title: 'M / Blue', prices: [{ currency_code: 'usd', amount: 1 }], options: [{ value: 'M' }, { value: 'Blue' }] }],
    });
    // Without Color the variants would still differ by size, but their colours differ: refused too.
    expect((await t.http.delete(`/admin/products/${mixed.body.product.id}/options/${mixed.body.product.options[1].id}`).set(t.auth)).status).toBe(400);
    // An option the product does not have is already gone: 200, nothing changes.
    const unknown = await t.http.delete(`/admin/products/${p.id}/options/opt_missing`).set(t.auth);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({ option_id: 'opt_missing', object: 'option', deleted: true, product: { id: p.id } });
    expect((await t.http.delete(`/admin/products/prod_missing/options/${p.options[0].id}`).set(t.auth)).status).toBe(404);
    const res = await t.http.delete(`/admin/products/${p.id}/options/${p.options[1].id}`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ option_id: p.options[1].id, object: 'option', deleted: true });
    expect(res.body.product.options.map((o: any) => o.title)).toEqual(['Size', 'Material']);
    expect(res.body.product.variants[0].options.map((v: any) => v.value)).toEqual(['S', 'Default Value']);
    expect(await t.em().count(ProductOptionValue, { option: p.options[1].id })).toBe(0);
    expect((await t.http.delete(`/admin/products/${p.id}/options/${p.options[0].id}`)).status).toBe(401);
  });
});

describe('product variants', () => {
  let p: any;
  beforeAll(async () => { p = await makeProduct('Sock'); });

  it('creates a variant (one value per option, unique combination)', async () => {
    const body = { title: 'L / Red', sku: 'SOCK-L', prices: [{ currency_code: 'usd', amount: 500 }], options: [{ option_id: p.options[0].id, value: 'L' }, { option_id: p.options[1].id, value: 'Red' }] };
    const res = await t.http.post(`/admin/products/${p.id}/variants`).set(t.auth).send(body);
    expect(res.status).toBe(200);
    const created = res.body.product.variants.find((v: any) => v.sku === 'SOCK-L');
    expect(created).toMatchObject({ variant_rank: 2, inventory_quantity: 0 });
    expect(created.prices[0]).toMatchObject({ currency_code: 'usd', amount: 500 });
    expect(await t.em().count(ProductVariant, { product: p.id })).toBe(3);

    const before = await countVariants();
    // Medusa refuses a variant with an existing combination as a duplicate (422).
    const same = await t.http.post(`/admin/products/${p.id}/variants`).set(t.auth).send({ ...body, sku: 'OTHER' });
    expect(same.status).toBe(422);
    expect(same.body).toEqual({ type: 'duplicate_error', code: 'invalid_request_error', message: 'Variant with title L / Red with provided options already exists' });
    // The right count with an option of another product: Medusa names the option left without a value.
    const foreign = await t.http.post(`/admin/products/${p.id}/variants`).set(t.auth)
      .send({ ...body, sku: 'F', options: [{ option_id: p.options[0].id, value: 'XS' }, { option_id: 'opt_elsewhere', value: 'Red' }] });
    expect([foreign.status, foreign.body.message]).toEqual([400, `Variant options do not contain value for ${p.options[1].title}`]);
    const g = await t.gql('mutation($id: String!, $input: CreateVariantInput!) { createProductVariant(id: $id, input: $input) { id } }', {
      id: p.id, input: { title: 'dup', prices: [], options: [{ optionId: p.options[0].id, value: 'L' }, { optionId: p.options[1].id, value: 'Red' }] },
    });
    expect(errorType(g)).toBe('duplicate_error');
    const partial = await t.http.post(`/admin/products/${p.id}/variants`).set(t.auth).send({ ...body, sku: 'P', options: [{ option_id: p.options[0].id, value: 'XL' }] });
    expect(partial.status).toBe(400);
    expect(partial.body.message).toMatch(/Product options length does not match/);
    expect((await t.http.post(`/admin/products/${p.id}/variants`).set(t.auth).send({ title: 'no prices', options: [] })).status).toBe(400);
    expect(await countVariants()).toBe(before);
    expect((await t.http.post('/admin/products/prod_missing/variants').set(t.auth).send(body)).status).toBe(404);
    expect((await t.http.post(`/admin/products/${p.id}/variants`).send(body)).status).toBe(401);
  });

  it('updates a variant: columns, option values, and prices replaced as a set', async () => {
    const em = t.em();
    const region = await em.findOne(Region, {});
    const v = p.variants[0];
    const current = v.prices[0];
    const prices: Record<string, unknown>[] = [{ id: current.id, currency_code: 'usd', amount: 1999 }, { currency_code: 'eur', amount: 1800 }];
    if (region) prices.push({ region_id: region.id, amount: 1700 });
    const res = await t.http.post(`/admin/products/${p.id}/variants/${v.id}`).set(t.auth).send({ title: 'S / Red!', inventory_quantity: 7, prices, options: [{ option_id: p.options[0].id, value: 'XS' }] });
    expect(res.status).toBe(200);
    const updated = res.body.product.variants.find((x: any) => x.id === v.id);
    expect(updated).toMatchObject({ title: 'S / Red!', inventory_quantity: 7 });
    expect(updated.options.find((o: any) => o.option_id === p.options[0].id).value).toBe('XS');
    expect(updated.prices.find((x: any) => x.id === current.id).amount).toBe(1999);
    expect(updated.prices).toHaveLength(prices.length);
    if (region) expect(updated.prices.find((x: any) => x.region_id === region.id)).toMatchObject({ currency_code: region.currencyCode, amount: 1700 });

    // A price list's price of the variant is not one of its own prices: a price update keeps it.
    const listed = em.create(MoneyAmount, { amount: 5, currency: em.getReference(Currency, 'usd'), variant: em.getReference(ProductVariant, v.id), priceList: em.create(PriceList, { name: 'Keep', description: 'k' } as any) } as any);
    await em.flush();
    // Without an id, the price of the same currency is updated in place (Medusa's upsert), the rest go.
    const again = await t.http.post(`/admin/products/${p.id}/variants/${v.id}`).set(t.auth).send({ prices: [{ currency_code: 'usd', amount: 1 }] });
    const own = again.body.product.variants.find((x: any) => x.id === v.id).prices.filter((x: any) => !x.price_list_id);
    expect(own.map((x: any) => [x.id, x.amount])).toEqual([[current.id, 1]]);
    expect(await t.em().count(MoneyAmount, { variant: v.id })).toBe(2);
    expect(await t.em().findOne(MoneyAmount, listed.id)).not.toBeNull();

    // Same values as the other variant: refused, and nothing changes.
    const clash = await t.http.post(`/admin/products/${p.id}/variants/${v.id}`).set(t.auth).send({ title: 'clash', options: [{ option_id: p.options[0].id, value: 'M' }] });
    expect(clash.status).toBe(400);
    expect((await t.em().findOneOrFail(ProductVariant, v.id)).title).toBe('S / Red!');
    expect((await t.http.post(`/admin/products/${p.id}/variants/${v.id}`).set(t.auth).send({ prices: [{ currency_code: 'nope', amount: 1 }] })).status).toBe(400);
    expect((await t.http.post(`/admin/products/${p.id}/variants/variant_missing`).set(t.auth).send({ title: 'x' })).status).toBe(404);
    const otherOption = await t.http.post(`/admin/products/${p.id}/variants/${v.id}`).set(t.auth).send({ title: 'not kept', options: [{ option_id: 'opt_elsewhere', value: 'x' }] });
    expect([otherOption.status, otherOption.body]).toEqual([404, { type: 'not_found', message: 'Product option value not found' }]);
    expect((await t.em().findOneOrFail(ProductVariant, v.id)).title).toBe('S / Red!');
    expect((await t.http.post(`/admin/products/${p.id}/variants/${v.id}`).send({ title: 'x' })).status).toBe(401);
  });

  it('lists a product\'s variants with filters', async () => {
    const res = await t.http.get(`/admin/products/${p.id}/variants`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 3, offset: 0, limit: 100 });
    expect(res.body.variants[0]).toHaveProperty('prices');
    expect((await t.http.get(`/admin/products/${p.id}/variants?q=sock-l`).set(t.auth)).body.count).toBe(1);
    expect((await t.http.get(`/admin/products/${p.id}/variants?id=${p.variants[1].id}`).set(t.auth)).body.count).toBe(1);
    expect((await t.http.get(`/admin/products/${p.id}/variants?inventory_quantity[gte]=7`).set(t.auth)).body.count).toBe(1);
    expect((await t.http.get(`/admin/products/${p.id}/variants?manage_inventory=false`).set(t.auth)).body.count).toBe(0);
    expect((await t.http.get(`/admin/products/${p.id}/variants?allow_backorder=false`).set(t.auth)).body.count).toBe(3);
    expect((await t.http.get(`/admin/products/${p.id}/variants?created_at[gt]=2999-01-01`).set(t.auth)).body.count).toBe(0);
    expect((await t.http.get(`/admin/products/${p.id}/variants?updated_at[lt]=2999-01-01`).set(t.auth)).body.count).toBe(3);
    // Medusa lists variants by product id: an unknown product simply has none.
    const none = await t.http.get('/admin/products/prod_missing/variants').set(t.auth);
    expect([none.status, none.body]).toEqual([200, { variants: [], count: 0, offset: 0, limit: 100 }]);
    // Newest first by default (Medusa's list default), any order on request.
    const newest = res.body.variants.map((v: any) => v.created_at);
    expect(newest).toEqual([...newest].sort().reverse());
    const byRank = (await t.http.get(`/admin/products/${p.id}/variants?order=variant_rank`).set(t.auth)).body.variants.map((v: any) => v.variant_rank);
    expect(byRank).toEqual([0, 1, 2]);
    expect((await t.http.get(`/admin/products/${p.id}/variants`)).status).toBe(401);
  });

  it('deletes a variant softly', async () => {
    const v = p.variants[1];
    const res = await t.http.delete(`/admin/products/${p.id}/variants/${v.id}`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ variant_id: v.id, object: 'product-variant', deleted: true });
    expect(res.body.product.variants.map((x: any) => x.id)).not.toContain(v.id);
    expect((await t.em().findOneOrFail(ProductVariant, v.id, all)).deletedAt).toBeInstanceOf(Date);
    // Medusa's variant delete is idempotent (200 again, product unchanged); an unknown product is 404.
    const again = await t.http.delete(`/admin/products/${p.id}/variants/${v.id}`).set(t.auth);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ variant_id: v.id, object: 'product-variant', deleted: true, product: { id: p.id } });
    expect(again.body.product.variants).toHaveLength(res.body.product.variants.length);
    expect((await t.http.delete(`/admin/products/prod_missing/variants/${v.id}`).set(t.auth)).status).toBe(404);
    expect((await t.http.delete(`/admin/products/${p.id}/variants/${p.variants[0].id}`)).status).toBe(401);
  });
});

describe('GET /admin/products (filters)', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const em = t.em();
    const col = em.create(ProductCollection, { title: 'Filters', handle: 'filters-col' });
    const channel = em.create(SalesChannel, { name: 'App' });
    const parent = em.create(ProductCategory, { id: 'pcat_parent', name: 'Parent', handle: 'parent', mpath: 'pcat_parent.' });
    const child = em.create(ProductCategory, { id: 'pcat_child', name: 'Child', handle: 'child', mpath: 'pcat_parent.pcat_child.', parentCategory: parent });
    await em.flush();
    Object.assign(ids, { col: col.id, channel: channel.id, parent: parent.id, child: child.id });
    const a = await makeProduct('Filter Alpha', { description: 'zebra stripes', collection_id: col.id, tags: [{ value: 'ftag' }], type: { value: 'ftype' }, status: 'published', sales_channels: [{ id: channel.id }], categories: [{ id: child.id }] });
    const b = await makeProduct('Filter Beta', { handle: 'beta-handle', is_giftcard: true, categories: [{ id: parent.id }] });
    await t.http.post(`/admin/products/${b.id}/variants/${b.variants[0].id}`).set(t.auth).send({ sku: 'BETA-SKU-77' });
    Object.assign(ids, { a: a.id, b: b.id, tag: a.tags[0].id, type: a.type.id });
  });

  const list = async (query: string) => {
    const res = await t.http.get(`/admin/products?${query}`).set(t.auth);
    expect(res.status).toBe(200);
    return (res.body.products as any[]).map((x) => x.id);
  };

  it('answers the envelope with defaults', async () => {
    const res = await t.http.get('/admin/products').set(t.auth);
    expect(res.body).toMatchObject({ offset: 0, limit: 50 });
    expect(res.body.count).toBeGreaterThanOrEqual(2);
  });

  it('q over title, description, variant title and sku, and collection title (as Medusa: not the handle)', async () => {
    expect(await list('q=alpha')).toEqual([ids.a]);
    expect(await list('q=ZEBRA')).toEqual([ids.a]);
    expect(await list('q=beta-hand')).toEqual([]);
    expect(await list('q=sku-77')).toEqual([ids.b]);
    expect(await list('q=filters')).toEqual([ids.a]);
    const b = (await t.http.get(`/admin/products/${ids.b}`).set(t.auth)).body.product;
    await t.http.post(`/admin/products/${ids.b}/variants/${b.variants[1].id}`).set(t.auth).send({ title: 'Quokka Edition' });
    expect(await list('q=quokka')).toEqual([ids.b]);
    const g = await t.gql('{ products(q: "quokka") { items { id } } }');
    expect(g.data.products.items).toEqual([{ id: ids.b }]);
    expect(await list('q=100%25')).toEqual([]);
  });

  it('id, status, collection, tags, type, sales channel, gift card, title, handle, description', async () => {
    expect((await list(`id[]=${ids.a}&id[]=${ids.b}`)).sort()).toEqual([ids.a, ids.b].sort());
    expect(await list(`id=${ids.b}`)).toEqual([ids.b]);
    expect(await list('q=filter&status[]=published')).toEqual([ids.a]);
    expect(await list(`collection_id[]=${ids.col}`)).toEqual([ids.a]);
    expect(await list(`tags[]=${ids.tag}`)).toEqual([ids.a]);
    expect(await list(`type_id[]=${ids.type}`)).toEqual([ids.a]);
    expect(await list(`sales_channel_id[0]=${ids.channel}`)).toEqual([ids.a]);
    expect(await list('q=filter&is_giftcard=true')).toEqual([ids.b]);
    expect(await list('title=Filter Alpha')).toEqual([ids.a]);
    expect(await list('handle=beta-handle')).toEqual([ids.b]);
    expect(await list('description=zebra stripes')).toEqual([ids.a]);
  });

  it('category_id with include_category_children', async () => {
    expect(await list(`category_id[]=${ids.parent}`)).toEqual([ids.b]);
    expect((await list(`category_id[]=${ids.parent}&include_category_children=true`)).sort()).toEqual([ids.a, ids.b].sort());
    expect(await list(`category_id[]=${ids.child}`)).toEqual([ids.a]);
  });

  it('price_list_id', async () => {
    const em = t.em();
    const list1 = em.create(PriceList, { name: 'Sale', description: 'Sale prices' } as any);
    const variant = await em.findOneOrFail(ProductVariant, { product: ids.a });
    em.create(MoneyAmount, { amount: 10, currency: em.getReference(Currency, 'usd'), variant, priceList: list1 } as any);
    await em.flush();
    expect(await list(`price_list_id[]=${list1.id}`)).toEqual([ids.a]);
  });

  it('created_at, updated_at and deleted_at ranges', async () => {
    expect(await list('created_at[gt]=2999-01-01')).toEqual([]);
    expect((await list('created_at[lt]=2999-01-01&updated_at[gte]=2000-01-01')).length).toBeGreaterThanOrEqual(2);
    const gone = await makeProduct('Filter Gone');
    await t.http.delete(`/admin/products/${gone.id}`).set(t.auth);
    expect(await list('deleted_at[gt]=2000-01-01')).toContain(gone.id);
    expect(await list('q=gone')).toEqual([]);
  });

  it('order, offset, limit, expand and fields', async () => {
    const asc = await list('q=filter&order=title');
    expect(asc).toEqual([ids.a, ids.b]);
    expect(await list('q=filter&order=-title')).toEqual([ids.b, ids.a]);
    expect(await list('q=filter&order=title&offset=1&limit=1')).toEqual([ids.b]);
    const bad = await t.http.get('/admin/products?order=secret').set(t.auth);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ type: 'invalid_data', message: 'Order field secret is not valid' });
    // Any of Medusa's allowed product columns orders the list; the id only breaks ties.
    const sorted = [ids.a, ids.b].sort();
    expect(await list('q=filter&order=id')).toEqual(sorted);
    expect(await list('q=filter&order=-id')).toEqual([...sorted].reverse());
    await t.http.post(`/admin/products/${ids.a}`).set(t.auth).send({ weight: 9 });
    await t.http.post(`/admin/products/${ids.b}`).set(t.auth).send({ weight: 2 });
    expect(await list('q=filter&order=weight')).toEqual([ids.b, ids.a]);
    expect(await list('q=filter&order=-weight')).toEqual([ids.a, ids.b]);
    for (const column of ['collection_id', '-type_id', 'profile_id', 'is_giftcard', 'external_id', 'subtitle']) {
      expect((await t.http.get(`/admin/products?order=${column}`).set(t.auth)).status).toBe(200);
    }
    const fields = await t.http.get(`/admin/products?id=${ids.a}&fields=title`).set(t.auth);
    expect(Object.keys(fields.body.products[0])).toEqual(expect.arrayContaining(['id', 'title', 'variants']));
    expect(fields.body.products[0].description).toBeUndefined();
    const expand = await t.http.get(`/admin/products?id=${ids.a}&expand=categories,variants.product`).set(t.auth);
    expect(expand.body.products[0].categories.map((c: any) => c.id)).toEqual([ids.child]);
    expect(expand.body.products[0].variants[0].product.id).toBe(ids.a);
    expect((await t.http.get('/admin/products?expand=nothing').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/products?status[]=gone').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/products?foo=1').set(t.auth)).status).toBe(400);
  });

  it('costs the same number of queries for 5 and 50 products', async () => {
    // Every product has every relation, so both pages touch the same tables.
    for (let i = 0; i < 6; i++) {
      await makeProduct(`Filler ${i}`, { tags: [{ value: `t${i}` }], images: [`https://img.test/f${i}.png`], type: { value: 'filler' }, collection_id: ids.col });
    }
    const small = await t.countQueries(() => t.http.get('/admin/products?limit=5').set(t.auth));
    const large = await t.countQueries(() => t.http.get('/admin/products?limit=50').set(t.auth));
    expect(small).toBe(large);
    const gqlQuery = `query($limit: Int) { products(limit: $limit) { items { id variants { id prices { amount } options { value } } options { values { value } } images { url } tags { value } type { value } collection { title } salesChannels { name } profiles { name } } } }`;
    const gSmall = await t.countQueries(() => t.gql(gqlQuery, { limit: 5 }));
    const gLarge = await t.countQueries(() => t.gql(gqlQuery, { limit: 50 }));
    expect(gSmall).toBe(gLarge);
  });
});

describe('GraphQL', () => {
  it('creates, reads, updates and deletes a product', async () => {
    const created = await t.gql(`mutation($input: CreateProductInput!) { createProduct(input: $input) { id handle options { id title } variants { id title prices { amount currencyCode } } } }`, {
      input: { title: 'GQL Product', options: [{ title: 'Size' }], variants: [{ title: 'One', prices: [{ currencyCode: 'usd', amount: 42 }], options: [{ value: 'One' }] }] },
    });
    expect(created.errors).toBeUndefined();
    const p = created.data.createProduct;
    expect(p.handle).toBe('gql-product');
    expect(p.variants[0].prices).toEqual([{ amount: 42, currencyCode: 'usd' }]);

    const got = await t.gql('query($id: String!) { product(id: $id) { title variants { sku } } }', { id: p.id });
    expect(got.data.product.title).toBe('GQL Product');
    const listed = await t.gql('{ products(q: "gql product") { count items { id } } }');
    expect(listed.data.products.count).toBe(1);

    const updated = await t.gql('mutation($id: String!) { updateProduct(id: $id, input: { subtitle: "sub", status: published }) { subtitle status } }', { id: p.id });
    expect(updated.data.updateProduct).toEqual({ subtitle: 'sub', status: 'published' });
    const meta = await t.gql('mutation($id: String!) { setProductMetadata(id: $id, key: "k", value: "v") { metadata } }', { id: p.id });
    expect(meta.data.setProductMetadata.metadata).toEqual({ k: 'v' });

    const opt = await t.gql('mutation($id: String!) { addProductOption(id: $id, input: { title: "Color" }) { options { id title } } }', { id: p.id });
    const color = opt.data.addProductOption.options.find((o: any) => o.title === 'Color');
    const renamed = await t.gql('mutation($id: String!, $o: String!) { updateProductOption(id: $id, optionId: $o, input: { title: "Colour" }) { options { title } } }', { id: p.id, o: color.id });
    expect(renamed.data.updateProductOption.options.map((o: any) => o.title)).toEqual(['Size', 'Colour']);
    const optDel = await t.gql('mutation($id: String!, $o: String!) { deleteProductOption(id: $id, optionId: $o) { optionId deleted product { options { title } } } }', { id: p.id, o: color.id });
    expect(optDel.data.deleteProductOption.product.options.map((o: any) => o.title)).toEqual(['Size']);

    const v = await t.gql('mutation($id: String!, $input: CreateVariantInput!) { createProductVariant(id: $id, input: $input) { variants { id title } } }', {
      id: p.id, input: { title: 'Two', prices: [{ currencyCode: 'eur', amount: 7 }], options: [{ optionId: p.options[0].id, value: 'Two' }] },
    });
    expect(v.data.createProductVariant.variants.map((x: any) => x.title)).toEqual(['One', 'Two']);
    const two = v.data.createProductVariant.variants[1].id;
    const vu = await t.gql('mutation($id: String!, $v: String!) { updateProductVariant(id: $id, variantId: $v, input: { sku: "GQL-2" }) { variants { sku } } }', { id: p.id, v: two });
    expect(vu.data.updateProductVariant.variants.map((x: any) => x.sku)).toEqual([null, 'GQL-2']);
    const vd = await t.gql('mutation($id: String!, $v: String!) { deleteProductVariant(id: $id, variantId: $v) { variantId deleted product { variants { id } } } }', { id: p.id, v: two });
    expect(vd.data.deleteProductVariant.product.variants).toHaveLength(1);

    const variants = await t.gql('query($id: String!) { productVariants(productId: $id) { count items { title } } }', { id: p.id });
    expect(variants.data.productVariants.count).toBe(1);

    const del = await t.gql('mutation($id: String!) { deleteProduct(id: $id) { id object deleted } }', { id: p.id });
    expect(del.data.deleteProduct).toEqual({ id: p.id, object: 'product', deleted: true });
  });

  it('reports bad input, unknown ids and missing credentials', async () => {
    const before = await countProducts();
    const bad = await t.gql('mutation { createProduct(input: { title: "" }) { id } }');
    expect(errorType(bad)).toBe('invalid_data');
    const badPrice = await t.gql('mutation { createProduct(input: { title: "x", variants: [{ title: "v", prices: [{ currencyCode: "zzz", amount: 1 }] }] }) { id } }');
    expect(errorType(badPrice)).toBe('invalid_data');
    expect(await countProducts()).toBe(before);
    expect(errorType(await t.gql('{ product(id: "prod_missing") { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation { updateProduct(id: "prod_missing", input: { title: "x" }) { id } }'))).toBe('not_found');
    expect((await t.gql('mutation { deleteProduct(id: "prod_missing") { id deleted } }')).data.deleteProduct).toEqual({ id: 'prod_missing', deleted: true });
    expect(errorType(await t.gql('{ variant(id: "variant_missing") { id } }'))).toBe('not_found');
    const anon = await t.gql('{ products { count } }', {}, {});
    expect(errorType(anon)).toBe('unauthorized');
    const anonMutation = await t.gql('mutation { createProduct(input: { title: "x" }) { id } }', {}, {});
    expect(errorType(anonMutation)).toBe('unauthorized');
    expect(await countProducts()).toBe(before);
  });
});

describe('variants, tags and types', () => {
  let p: any;
  beforeAll(async () => {
    p = await makeProduct('Lookup Shoe', { tags: [{ value: 'lookup-a' }, { value: 'lookup-b' }], type: { value: 'lookup-type' } });
    await makeProduct('Lookup Boot', { tags: [{ value: 'lookup-a' }] });
    await t.http.post(`/admin/products/${p.id}/variants/${p.variants[0].id}`).set(t.auth).send({ sku: 'SHOE-S', inventory_quantity: 3, manage_inventory: false, allow_backorder: true });
  });

  it('GET /admin/variants with filters and default relations', async () => {
    const res = await t.http.get('/admin/variants?q=lookup shoe').set(t.auth);
    expect(res.status).toBe(200);
    // The real server answers `{variants, count}` only (CONTRACT-NOTES g).
    expect(res.body.count).toBe(2);
    expect(res.body).not.toHaveProperty('offset');
    expect(res.body).not.toHaveProperty('limit');
    expect(res.body.variants[0]).toHaveProperty('product');
    expect(res.body.variants[0]).toHaveProperty('prices');
    expect(res.body.variants[0]).toHaveProperty('options');
    const ids = async (q: string) => (await t.http.get(`/admin/variants?${q}`).set(t.auth)).body.variants.map((v: any) => v.id);
    expect(await ids('q=shoe-s')).toEqual([p.variants[0].id]);
    expect(await ids(`id[]=${p.variants[1].id}`)).toEqual([p.variants[1].id]);
    expect(await ids(`id=${p.variants[1].id}`)).toEqual([p.variants[1].id]);
    expect(await ids('title[]=S / Red&manage_inventory=false')).toEqual([p.variants[0].id]);
    expect(await ids('allow_backorder=true')).toEqual([p.variants[0].id]);
    expect(await ids('inventory_quantity[gt]=2&inventory_quantity[lt]=4')).toEqual([p.variants[0].id]);
    expect(await ids('created_at[gt]=2999-01-01')).toEqual([]);
    expect(await ids('updated_at[gt]=2999-01-01')).toEqual([]);
    expect((await t.http.get('/admin/variants?order=sku&limit=1&offset=0').set(t.auth)).body.variants).toHaveLength(1);
    for (const column of ['-id', 'barcode', 'allow_backorder', '-weight', 'material']) {
      expect((await t.http.get(`/admin/variants?order=${column}`).set(t.auth)).status).toBe(200);
    }
    const descIds = (await t.http.get('/admin/variants?order=-id&limit=5').set(t.auth)).body.variants.map((v: any) => v.id);
    expect(descIds).toEqual([...descIds].sort().reverse());
    expect((await t.http.get('/admin/variants?bogus=1').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/variants')).status).toBe(401);
    const small = await t.countQueries(() => t.http.get('/admin/variants?limit=2').set(t.auth));
    const large = await t.countQueries(() => t.http.get('/admin/variants?limit=20').set(t.auth));
    expect(small).toBe(large);
  });

  it('GET /admin/variants with a pricing context (currency_code or region_id)', async () => {
    const plain = await t.http.get('/admin/variants?q=shoe-s').set(t.auth);
    expect(plain.body.variants[0]).toMatchObject({ calculated_price: null, original_price: null });
    // makeProduct gives the first variant 1000 usd.
    const usd = await t.http.get('/admin/variants?q=shoe-s&currency_code=USD').set(t.auth);
    expect(usd.body.variants[0]).toMatchObject({ calculated_price: 1000, original_price: 1000 });
    const eur = await t.http.get('/admin/variants?q=shoe-s&currency_code=eur').set(t.auth);
    expect(eur.body.variants[0].calculated_price).toBeNull();
    const em = t.em();
    const region = em.create(Region, { name: 'Pricing', currency: em.getReference(Currency, 'usd'), taxRate: 0 } as any);
    await em.flush();
    const variant = await em.findOneOrFail(ProductVariant, p.variants[0].id);
    em.create(MoneyAmount, { amount: 777, currency: em.getReference(Currency, 'usd'), region, variant } as any);
    em.create(MoneyAmount, { amount: 5, currency: em.getReference(Currency, 'usd'), variant, minQuantity: 10 } as any);
    await em.flush();
    const inRegion = await t.http.get(`/admin/variants?q=shoe-s&region_id=${region.id}`).set(t.auth);
    expect(inRegion.body.variants[0].calculated_price).toBe(777);
    // Medusa matches prices by currency OR region, so the region's usd price counts for usd too.
    expect((await t.http.get('/admin/variants?q=shoe-s&currency_code=usd').set(t.auth)).body.variants[0]).toMatchObject({ calculated_price: 777, original_price: 1000 });
    expect((await t.http.get('/admin/variants?currency_code=zzz').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/variants?region_id=reg_missing').set(t.auth)).status).toBe(404);
    const g = await t.gql('{ variants(q: "shoe-s", currencyCode: "usd") { items { calculatedPrice } } }');
    expect(g.data.variants.items).toEqual([{ calculatedPrice: 777 }]);
  });

  it('GET /admin/variants/{id}', async () => {
    const res = await t.http.get(`/admin/variants/${p.variants[0].id}`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.variant).toMatchObject({ id: p.variants[0].id, sku: 'SHOE-S', product_id: p.id });
    expect(res.body.variant.product.id).toBe(p.id);
    expect(res.body.variant).not.toHaveProperty('variant_rank');
    expect((await t.http.get(`/admin/variants/${p.variants[0].id}?fields=variant_rank`).set(t.auth)).body.variant.variant_rank).toBe(0);
    expect((await t.http.get('/admin/variants/variant_missing').set(t.auth)).status).toBe(404);
    expect((await t.http.get(`/admin/variants/${p.variants[0].id}`)).status).toBe(401);
    const g = await t.gql('query($id: String!) { variant(id: $id) { sku product { title } prices { amount currency { code } } } }', { id: p.variants[0].id });
    expect(g.data.variant).toMatchObject({ sku: 'SHOE-S', product: { title: 'Lookup Shoe' } });
    expect(g.data.variant.prices[0].currency.code).toBe('usd');
    const gl = await t.gql('{ variants(filter: { allowBackorder: true }) { count items { sku } } }');
    expect(gl.data.variants.items).toEqual([{ sku: 'SHOE-S' }]);
  });

  it('GET /admin/product-tags with filters, and tag usage', async () => {
    const res = await t.http.get('/admin/product-tags?q=lookup').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 2, limit: 10, offset: 0 });
    // Medusa's default columns for this list are id, value, created_at and updated_at.
    expect(Object.keys(res.body.product_tags[0]).sort()).toEqual(['created_at', 'id', 'updated_at', 'value']);
    // Medusa's tag list takes neither `fields` nor `expand`.
    const withFields = await t.http.get('/admin/product-tags?q=lookup&fields=value,metadata').set(t.auth);
    expect([withFields.status, withFields.body.message]).toEqual([400, 'property fields should not exist']);
    const a = res.body.product_tags.find((x: any) => x.value === 'lookup-a');
    expect((await t.http.get('/admin/product-tags?value[]=lookup-b').set(t.auth)).body.count).toBe(1);
    expect((await t.http.get(`/admin/product-tags?id[]=${a.id}`).set(t.auth)).body.product_tags[0].value).toBe('lookup-a');
    expect((await t.http.get('/admin/product-tags?created_at[gt]=2999-01-01').set(t.auth)).body.count).toBe(0);
    expect((await t.http.get('/admin/product-tags?updated_at[lt]=2999-01-01&q=lookup&order=-value').set(t.auth)).body.product_tags.map((x: any) => x.value)).toEqual(['lookup-b', 'lookup-a']);
    expect((await t.http.get('/admin/product-tags')).status).toBe(401);

    const usage = await t.http.get('/admin/products/tag-usage').set(t.auth);
    expect(usage.status).toBe(200);
    expect(usage.body.tags).toContainEqual({ id: a.id, value: 'lookup-a', usage_count: '2' });
    expect((await t.http.get('/admin/products/tag-usage')).status).toBe(401);
    const g = await t.gql('{ productTags(filter: { value: ["lookup-a"] }) { count } productTagUsage { value usageCount } }');
    expect(g.data.productTags.count).toBe(1);
    expect(g.data.productTagUsage).toContainEqual({ value: 'lookup-a', usageCount: '2' });
  });

  it('GET /admin/product-types with filters, and the deprecated /admin/products/types', async () => {
    const res = await t.http.get('/admin/product-types?q=lookup').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 1, limit: 20, offset: 0 });
    // Medusa's default columns for this list are id, value, created_at and updated_at.
    expect(Object.keys(res.body.product_types[0]).sort()).toEqual(['created_at', 'id', 'updated_at', 'value']);
    const type = res.body.product_types[0];
    expect(type.value).toBe('lookup-type');
    expect((await t.http.get(`/admin/product-types?id[]=${type.id}&value[]=lookup-type`).set(t.auth)).body.count).toBe(1);
    expect((await t.http.get('/admin/product-types?created_at[gt]=2999-01-01').set(t.auth)).body.count).toBe(0);
    expect((await t.http.get('/admin/product-types?updated_at[gt]=2999-01-01').set(t.auth)).body.count).toBe(0);
    expect((await t.http.get('/admin/product-types?order=nope').set(t.auth)).status).toBe(400);
    // id is one of Medusa's allowed order fields for tags and types.
    const typeIds = (await t.http.get('/admin/product-types?order=-id').set(t.auth)).body.product_types.map((x: any) => x.id);
    expect(typeIds).toEqual([...typeIds].sort().reverse());
    const tagIds = (await t.http.get('/admin/product-tags?order=id').set(t.auth)).body.product_tags.map((x: any) => x.id);
    expect(tagIds).toEqual([...tagIds].sort());
    expect((await t.http.get('/admin/product-types')).status).toBe(401);
    const all2 = await t.http.get('/admin/products/types').set(t.auth);
    expect(all2.status).toBe(200);
    expect(all2.body.types.map((x: any) => x.value)).toContain('lookup-type');
    expect((await t.http.get('/admin/products/types')).status).toBe(401);
    const g = await t.gql('{ productTypes(q: "lookup") { count } allProductTypes { value } }');
    expect(g.data.productTypes.count).toBe(1);
  });
});


describe('priced variants (GET /admin/variants pricing context)', () => {
  let p: any;
  let region: Region;
  const usd = () => t.em().getReference(Currency, 'usd');
  const priced = async (query: string) => {
    const res = await t.http.get(`/admin/variants?id=${p.variants[0].id}&${query}`).set(t.auth);
    expect(res.status).toBe(200);
    return res.body.variants[0];
  };

  beforeAll(async () => {
    // makeProduct gives the first variant its own 1000 usd.
    p = await makeProduct('Priced Tee');
    const em = t.em();
    region = em.create(Region, { name: 'Taxed', currency: em.getReference(Currency, 'usd'), taxRate: 10 } as any);
    const variant = await em.findOneOrFail(ProductVariant, p.variants[0].id);
    // A price from one unit on is not a price "without quantity" in Medusa: never selected without a quantity.
    em.create(MoneyAmount, { amount: 1, currency: em.getReference(Currency, 'usd'), variant, minQuantity: 1 } as any);
    await em.flush();
  });

  it('answers {variants, count} with Medusa\'s default limit of 20 and its default columns', async () => {
    const more = [];
    for (let i = 0; i < 21; i++) more.push({ title: `V${i}`, prices: [], options: [{ value: `x${i}` }, { value: 'Red' }] });
    const big = await makeProduct('Many Variants');
    for (const v of more) {
      const r = await t.http.post(`/admin/products/${big.id}/variants`).set(t.auth)
        .send({ ...v, options: [{ option_id: big.options[0].id, value: v.options[0].value }, { option_id: big.options[1].id, value: 'Red' }] });
      expect(r.status).toBe(200);
    }
    const res = await t.http.get('/admin/variants').set(t.auth);
    expect(Object.keys(res.body).sort()).toEqual(['count', 'variants']);
    expect(res.body.variants).toHaveLength(20);
    expect(res.body.count).toBeGreaterThan(20);
    expect(res.body.variants[0]).not.toHaveProperty('variant_rank');
    expect(res.body.variants[0]).toMatchObject({ calculated_price: null, original_price: null, calculated_tax: null, tax_rates: null });
    const g = await t.gql('{ variants { limit items { id } } }');
    expect(g.data.variants.limit).toBe(20);
  });

  it('original price: the region\'s own price, else the currency\'s; calculated: the lowest valid one', async () => {
    expect(await priced('currency_code=usd')).toMatchObject({ original_price: 1000, calculated_price: 1000 });
    const em = t.em();
    const variant = await em.findOneOrFail(ProductVariant, p.variants[0].id);
    em.create(MoneyAmount, { amount: 900, currency: em.getReference(Currency, 'usd'), region: em.getReference(Region, region.id), variant } as any);
    await em.flush();
    expect(await priced(`region_id=${region.id}`)).toMatchObject({ original_price: 900, calculated_price: 900 });
  });

  it('applies active price lists in their period, to everyone or to the customer\'s groups', async () => {
    const em = t.em();
    const variant = await em.findOneOrFail(ProductVariant, p.variants[0].id);
    const draft = em.create(PriceList, { name: 'Draft', description: 'd' } as any);
    const expired = em.create(PriceList, { name: 'Old', description: 'o', status: 'active', endsAt: new Date('2001-01-01') } as any);
    const sale = em.create(PriceList, { name: 'Sale', description: 's', status: 'active' } as any);
    const group = em.create(CustomerGroup, { name: 'VIP prices' } as any);
    const vip = em.create(PriceList, { name: 'VIP', description: 'v', status: 'active', type: 'override' } as any);
    vip.customerGroups.add(group);
    const customer = em.create(Customer, { email: 'vip@prices.test' } as any);
    customer.groups.add(group);
    for (const [list, amount] of [[draft, 100], [expired, 200], [sale, 800], [vip, 500]] as const) {
      em.create(MoneyAmount, { amount, currency: usd(), variant, priceList: list } as any);
    }
    await em.flush();
    expect(await priced('currency_code=usd')).toMatchObject({ original_price: 1000, calculated_price: 800 });
    expect(await priced(`currency_code=usd&customer_id=${customer.id}`)).toMatchObject({ original_price: 1000, calculated_price: 500 });
    expect(await priced('currency_code=usd&customer_id=cus_unknown')).toMatchObject({ calculated_price: 800 });
    const g = await t.gql(`{ variants(filter: { id: ["${p.variants[0].id}"] }, currencyCode: "usd", customerId: "${customer.id}") { items { calculatedPrice originalPrice } } }`);
    expect(g.data.variants.items).toEqual([{ calculatedPrice: 500, originalPrice: 1000 }]);
    // As in Medusa, an answer's prices are those the price selection considered: in this list the
    // applicable ones of the context, elsewhere the variant's own prices only.
    em.create(MoneyAmount, { amount: 2000, currency: em.getReference(Currency, 'eur'), variant } as any);
    await em.flush();
    const amounts = (v: any) => v.prices.map((x: any) => x.amount).sort((a: number, b: number) => a - b);
    expect(amounts(await priced('currency_code=usd'))).toEqual([1, 800, 900, 1000]);
    expect(amounts(await priced(''))).toEqual([1, 800, 900, 1000, 2000]);
    const product = (await t.http.get(`/admin/products/${p.id}`).set(t.auth)).body.product;
    expect(amounts(product.variants.find((v: any) => v.id === p.variants[0].id))).toEqual([1, 900, 1000, 2000]);
    expect(amounts((await t.http.get(`/admin/variants/${p.variants[0].id}`).set(t.auth)).body.variant)).toEqual([1, 900, 1000, 2000]);
    // Later tests price without lists again.
    await t.em().nativeUpdate(PriceList, { id: { $in: [sale.id, vip.id] } }, { status: 'draft' } as any);
  });

  it('adds taxes in a region with automatic taxes: the product\'s own rates, else the region\'s default', async () => {
    const v = await priced(`region_id=${region.id}`);
    expect(v).toMatchObject({
      original_price: 900, calculated_price: 900, original_tax: 90, calculated_tax: 90,
      original_price_incl_tax: 990, calculated_price_incl_tax: 990, tax_rates: [{ rate: 10, name: 'default', code: 'default' }],
    });
    const em = t.em();
    const rate = em.create(TaxRate, { name: 'Reduced', code: 'RED', rate: 5, region: em.getReference(Region, region.id) } as any);
    rate.products.add(em.getReference(Product, p.id));
    await em.flush();
    expect(await priced(`region_id=${region.id}`)).toMatchObject({ calculated_tax: 45, calculated_price_incl_tax: 945, tax_rates: [{ rate: 5, name: 'Reduced', code: 'RED' }] });
    // Without automatic taxes, or with a currency only, there are no tax figures.
    await t.em().nativeUpdate(Region, { id: region.id }, { automaticTaxes: false } as any);
    expect(await priced(`region_id=${region.id}`)).toMatchObject({ calculated_price: 900, calculated_tax: null, tax_rates: null });
    expect(await priced('currency_code=usd')).toMatchObject({ calculated_tax: null, tax_rates: null });
    await t.em().nativeUpdate(Region, { id: region.id }, { automaticTaxes: true } as any);
    const g = await t.gql(`{ variants(filter: { id: ["${p.variants[0].id}"] }, regionId: "${region.id}") { items { calculatedPriceInclTax taxRates } } }`);
    expect(g.data.variants.items).toEqual([{ calculatedPriceInclTax: 945, taxRates: [{ rate: 5, name: 'Reduced', code: 'RED' }] }]);
  });

  it('refuses an unknown cart (404: there are no carts) and costs the same queries for any page size', async () => {
    const res = await t.http.get('/admin/variants?cart_id=cart_missing').set(t.auth);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ type: 'not_found', message: 'Cart with id: cart_missing was not found' });
    expect(errorType(await t.gql('{ variants(cartId: "cart_missing") { count } }'))).toBe('not_found');
    const small = await t.countQueries(() => t.http.get(`/admin/variants?limit=2&region_id=${region.id}`).set(t.auth));
    const large = await t.countQueries(() => t.http.get(`/admin/variants?limit=20&region_id=${region.id}`).set(t.auth));
    expect(small).toBe(large);
  });

  it('product answers carry the priced fields as null (no pricing context)', async () => {
    const res = await t.http.get(`/admin/products/${p.id}`).set(t.auth);
    expect(res.body.product.variants[0]).toMatchObject({
      original_price: null, calculated_price: null, original_price_incl_tax: null, calculated_price_incl_tax: null,
      original_tax: null, calculated_tax: null, tax_rates: null,
    });
  });
});

describe('discount_condition_id on products, tags and types', () => {
  it('lists only what the condition names', async () => {
    const p = await makeProduct('Discounted Lamp', { tags: [{ value: 'disc-tag' }], type: { value: 'disc-type' } });
    await makeProduct('Plain Lamp', { tags: [{ value: 'plain-tag' }], type: { value: 'plain-type' } });
    const em = t.em();
    await em.execute(`insert into discount_rule (id, type, value) values ('dru_t', 'percentage', 10)`);
    await em.execute(`insert into discount_condition (id, type, operator, discount_rule_id) values ('discon_t', 'products', 'in', 'dru_t')`);
    await em.execute(`insert into discount_condition_product (condition_id, product_id) values ('discon_t', ?)`, [p.id]);
    await em.execute(`insert into discount_condition_product_tag (condition_id, product_tag_id) values ('discon_t', ?)`, [p.tags[0].id]);
    await em.execute(`insert into discount_condition_product_type (condition_id, product_type_id) values ('discon_t', ?)`, [p.type.id]);
    const products = await t.http.get('/admin/products?discount_condition_id=discon_t').set(t.auth);
    expect(products.body.products.map((x: any) => x.id)).toEqual([p.id]);
    const tags = await t.http.get('/admin/product-tags?discount_condition_id=discon_t').set(t.auth);
    expect(tags.body.product_tags.map((x: any) => x.value)).toEqual(['disc-tag']);
    const types = await t.http.get('/admin/product-types?discount_condition_id=discon_t').set(t.auth);
    expect(types.body.product_types.map((x: any) => x.value)).toEqual(['disc-type']);
    const g = await t.gql('{ products(filter: { discountConditionId: "discon_t" }) { count } productTags(filter: { discountConditionId: "discon_t" }) { count } productTypes(filter: { discountConditionId: "discon_t" }) { count } }');
    expect(g.data).toEqual({ products: { count: 1 }, productTags: { count: 1 }, productTypes: { count: 1 } });
  });
});
