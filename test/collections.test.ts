import { startApp, TestApp, errorType } from './helpers';
import { ProductCollection } from '../src/entities/collections';
import { Product } from '../src/entities/products';
import { DiscountCondition, DiscountConditionOperator, DiscountConditionType, DiscountRule, DiscountRuleType } from '../src/entities/discounts';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

const countCollections = () => t.em().count(ProductCollection, {});

describe('REST /admin/collections', () => {
  let id: string;

  it('creates a collection; the handle comes from the title when absent', async () => {
    const res = await t.http.post('/admin/collections').set(t.auth).send({ title: 'Summer Sale 2024', metadata: { season: 'summer' } });
    expect(res.status).toBe(200);
    expect(res.body.collection).toMatchObject({ title: 'Summer Sale 2024', handle: 'summer-sale-2024', metadata: { season: 'summer' }, deleted_at: null });
    expect(res.body.collection.id).toMatch(/^pcol_[0-9A-Z]{26}$/);
    id = res.body.collection.id;
    expect(await t.em().findOneOrFail(ProductCollection, id)).toMatchObject({ title: 'Summer Sale 2024', handle: 'summer-sale-2024' });
    const own = await t.http.post('/admin/collections').set(t.auth).send({ title: 'Winter', handle: 'cold-days' });
    expect(own.body.collection.handle).toBe('cold-days');
    // lodash's kebabCase, as Medusa: accents and apostrophes dropped, case and digit boundaries split.
    const kebab = await t.http.post('/admin/collections').set(t.auth).send({ title: "Men's Ärger Summer2024 fooBar" });
    expect(kebab.body.collection.handle).toBe('mens-arger-summer-2024-foo-bar');
    await t.em().nativeDelete(ProductCollection, { id: kebab.body.collection.id });
    // An empty handle is filled from the title too (Medusa's model fills any falsy handle).
    const blank = await t.http.post('/admin/collections').set(t.auth).send({ title: 'Blank Handle', handle: '' });
    expect(blank.status).toBe(200);
    expect(blank.body.collection.handle).toBe('blank-handle');
    expect((await t.em().findOneOrFail(ProductCollection, blank.body.collection.id)).handle).toBe('blank-handle');
    await t.em().nativeDelete(ProductCollection, { id: blank.body.collection.id });
    expect(t.events.some((e) => e.name === 'product-collection.created' && e.data.id === id)).toBe(true);
  });

  it('refuses bad input with 400, a taken handle with 422, and writes nothing', async () => {
    const before = await countCollections();
    for (const body of [{}, { title: '' }, { title: 'x', foo: 1 }, { title: 'x', metadata: 'nope' }]) {
      const res = await t.http.post('/admin/collections').set(t.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
    }
    const dup = await t.http.post('/admin/collections').set(t.auth).send({ title: 'Again', handle: 'summer-sale-2024' });
    expect(dup.status).toBe(422);
    expect(dup.body).toMatchObject({ type: 'duplicate_error', message: 'Product_collection with handle summer-sale-2024 already exists.' });
    expect((await t.http.post(`/admin/collections/${id}`).set(t.auth).send({ title: '' })).status).toBe(400);
    expect(await countCollections()).toBe(before);
  });

  it('gets, updates (metadata merged) and 404s', async () => {
    const got = await t.http.get(`/admin/collections/${id}`).set(t.auth);
    expect(got.status).toBe(200);
    expect(got.body.collection.title).toBe('Summer Sale 2024');
    const upd = await t.http.post(`/admin/collections/${id}`).set(t.auth).send({ title: 'Summer', handle: 'summer', metadata: { season: '', hot: true } });
    expect(upd.status).toBe(200);
    expect(upd.body.collection).toMatchObject({ title: 'Summer', handle: 'summer', metadata: { hot: true } });
    expect(await t.em().findOneOrFail(ProductCollection, id)).toMatchObject({ title: 'Summer', handle: 'summer', metadata: { hot: true } });
    const missing = await t.http.get('/admin/collections/pcol_missing').set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'Product collection with id: pcol_missing was not found' });
    expect((await t.http.post('/admin/collections/pcol_missing').set(t.auth).send({ title: 'x' })).status).toBe(404);
  });

  it('lists with every filter, search, order, fields and paging', async () => {
    const all = await t.http.get('/admin/collections').set(t.auth);
    expect(all.body).toMatchObject({ count: 2, offset: 0, limit: 10 });
    const titles = async (query: string) => (await t.http.get(`/admin/collections?${query}`).set(t.auth)).body.collections?.map((c: any) => c.title);
    expect(await titles('')).toEqual(['Winter', 'Summer']);
    expect(await titles('q=COLD')).toEqual(['Winter']);
    expect(await titles('q=summ')).toEqual(['Summer']);
    expect(await titles('title=Winter')).toEqual(['Winter']);
    expect(await titles('handle=summer')).toEqual(['Summer']);
    expect(await titles('order=title')).toEqual(['Summer', 'Winter']);
    expect(await titles('order=-handle')).toEqual(['Summer', 'Winter']);
    expect(await titles('created_at[gt]=2999-01-01')).toEqual([]);
    expect(await titles('created_at[lte]=2999-01-01&updated_at[gt]=2000-01-01')).toHaveLength(2);
    expect(await titles('updated_at[lt]=2000-01-01')).toEqual([]);
    const em = t.em();
    const rule = em.create(DiscountRule, { type: DiscountRuleType.percentage, value: 10 });
    const condition = em.create(DiscountCondition, { type: DiscountConditionType.product_collections, operator: DiscountConditionOperator.in, discountRule: rule });
    condition.productCollections.add(em.getReference(ProductCollection, id));
    await em.flush();
    expect(await titles(`discount_condition_id=${condition.id}`)).toEqual(['Summer']);
    // Medusa reads a condition's collections without relations: no products there.
    const ofCondition = await t.http.get(`/admin/collections?discount_condition_id=${condition.id}`).set(t.auth);
    expect(Object.keys(ofCondition.body.collections[0]).sort()).toEqual(['created_at', 'handle', 'id', 'title', 'updated_at']);
    expect(await titles('discount_condition_id=discon_none')).toEqual([]);
    const page = await t.http.get('/admin/collections?order=title&limit=1&offset=1').set(t.auth);
    expect(page.body).toMatchObject({ count: 2, offset: 1, limit: 1 });
    expect(page.body.collections.map((c: any) => c.title)).toEqual(['Winter']);
    // As Medusa: list items carry the default columns (no deleted_at, no metadata) unless asked.
    expect(Object.keys(all.body.collections[0]).sort()).toEqual(['created_at', 'handle', 'id', 'products', 'title', 'updated_at']);
    // Medusa's list takes neither `fields` nor `expand`.
    for (const query of ['fields=%2Bmetadata', 'fields=title', 'expand=products']) {
      const refused = await t.http.get(`/admin/collections?${query}`).set(t.auth);
      expect([refused.status, refused.body.message]).toEqual([400, `property ${query.split('=')[0]} should not exist`]);
    }
    expect(all.body.collections[0].products).toEqual([]);
    expect((await t.http.get('/admin/collections?foo=1').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/collections?order=secret').set(t.auth)).status).toBe(400);
  });

  it('deletes softly: gone from lists, handle free again, 404 for unknown', async () => {
    const del = await t.http.delete(`/admin/collections/${id}`).set(t.auth);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ id, object: 'product-collection', deleted: true });
    expect((await t.em().findOneOrFail(ProductCollection, id, { filters: { softDelete: false } })).deletedAt).toBeInstanceOf(Date);
    expect((await t.http.get(`/admin/collections/${id}`).set(t.auth)).status).toBe(404);
    const deleted = await t.http.get('/admin/collections?deleted_at[gt]=2000-01-01').set(t.auth);
    expect(deleted.body.collections.map((c: any) => c.id)).toEqual([id]);
    const reuse = await t.http.post('/admin/collections').set(t.auth).send({ title: 'Summer' });
    expect(reuse.status).toBe(200);
    expect(reuse.body.collection.handle).toBe('summer');
    expect((await t.http.delete(`/admin/collections/${id}`).set(t.auth)).status).toBe(404);
    expect((await t.http.delete('/admin/collections/pcol_missing').set(t.auth)).status).toBe(404);
  });

  it('answers 401 text/plain without credentials', async () => {
    for (const [method, path] of [
      ['get', '/admin/collections'], ['post', '/admin/collections'], ['get', `/admin/collections/${id}`],
      ['post', `/admin/collections/${id}`], ['delete', `/admin/collections/${id}`],
    ] as const) {
      const res = await (t.http as any)[method](path).send({ title: 'x' });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
      expect(res.text).toBe('Unauthorized');
    }
    expect(await t.em().count(ProductCollection, { title: 'x' })).toBe(0);
  });
});

describe('GraphQL product collections', () => {
  const FIELDS = 'id title handle metadata deletedAt';

  it('creates, reads, updates, lists and deletes', async () => {
    const created = await t.gql(`mutation($input: CreateProductCollectionInput!) { createProductCollection(input: $input) { ${FIELDS} } }`, { input: { title: 'Gql Things' } });
    expect(created.errors).toBeUndefined();
    const id = created.data.createProductCollection.id;
    expect(created.data.createProductCollection).toMatchObject({ title: 'Gql Things', handle: 'gql-things', metadata: null });
    const blank = await t.gql('mutation { createProductCollection(input: { title: "Gql Blank", handle: "" }) { id handle } }');
    expect(blank.data.createProductCollection.handle).toBe('gql-blank');
    await t.em().nativeDelete(ProductCollection, { id: blank.data.createProductCollection.id });
    const updated = await t.gql('mutation($id: String!) { updateProductCollection(id: $id, input: { title: "Gql", metadata: { k: "v" } }) { title metadata } }', { id });
    expect(updated.data.updateProductCollection).toEqual({ title: 'Gql', metadata: { k: 'v' } });
    expect((await t.em().findOneOrFail(ProductCollection, id)).title).toBe('Gql');
    const got = await t.gql('query($id: String!) { productCollection(id: $id) { handle } }', { id });
    expect(got.data.productCollection.handle).toBe('gql-things');
    const list = await t.gql('{ productCollections(filter: { handle: "gql-things" }, limit: 5) { items { id } count offset limit } }');
    expect(list.data.productCollections).toEqual({ items: [{ id }], count: 1, offset: 0, limit: 5 });
    const deleted = await t.gql('mutation($id: String!) { deleteProductCollection(id: $id) { id object deleted } }', { id });
    expect(deleted.data.deleteProductCollection).toEqual({ id, object: 'product-collection', deleted: true });
    expect(await t.em().count(ProductCollection, { id })).toBe(0);
  });

  it('reports bad input, unknown ids and missing credentials in Medusa types', async () => {
    const before = await countCollections();
    expect(errorType(await t.gql('mutation { createProductCollection(input: { title: "" }) { id } }'))).toBe('invalid_data');
    expect(await countCollections()).toBe(before);
    expect(errorType(await t.gql('{ productCollection(id: "pcol_missing") { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation { updateProductCollection(id: "pcol_missing", input: { title: "x" }) { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation { deleteProductCollection(id: "pcol_missing") { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('{ productCollections { count } }', {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql('mutation { createProductCollection(input: { title: "x" }) { id } }', {}, {}))).toBe('unauthorized');
    expect(await countCollections()).toBe(before);
  });
});

describe('products in a collection (batch)', () => {
  let id: string;
  let other: string;
  let productIds: string[];
  const collectionOf = async (productId: string) => (await t.em().findOneOrFail(Product, productId)).collectionId;

  beforeAll(async () => {
    const em = t.em();
    const products = ['Shirt', 'Pants', 'Hat'].map((title) => em.create(Product, { title }));
    await em.flush();
    productIds = products.map((p) => p.id);
    id = (await t.http.post('/admin/collections').set(t.auth).send({ title: 'Batch' })).body.collection.id;
    other = (await t.http.post('/admin/collections').set(t.auth).send({ title: 'Other' })).body.collection.id;
  });

  it('adds products through REST and answers the collection with its products', async () => {
    const res = await t.http.post(`/admin/collections/${id}/products/batch`).set(t.auth).send({ product_ids: productIds.slice(0, 2) });
    expect(res.status).toBe(200);
    expect(res.body.collection.id).toBe(id);
    expect(res.body.collection.products.map((p: any) => p.title)).toEqual(['Shirt', 'Pants']);
    expect(res.body.collection.products[0]).toMatchObject({ id: productIds[0], collection_id: id });
    expect(await collectionOf(productIds[0])).toBe(id);
    expect(await collectionOf(productIds[2])).toBeNull();
    const got = await t.http.get(`/admin/collections/${id}`).set(t.auth);
    expect(got.body.collection.products.map((p: any) => p.id)).toEqual(productIds.slice(0, 2));
    await t.http.post(`/admin/collections/${other}/products/batch`).set(t.auth).send({ product_ids: [productIds[2]] });
  });

  it('refuses unknown products, bad bodies and unknown collections, writing nothing', async () => {
    const unknown = await t.http.post(`/admin/collections/${id}/products/batch`).set(t.auth).send({ product_ids: [productIds[2], 'prod_missing'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ type: 'invalid_data', message: 'Products prod_missing do not exist' });
    for (const body of [{}, { product_ids: [] }, { product_ids: 'x' }, { product_ids: [{ id: productIds[2] }] }, { product_ids: [productIds[2]], x: 1 }]) {
      const res = await t.http.post(`/admin/collections/${id}/products/batch`).set(t.auth).send(body);
      expect(res.status).toBe(400);
    }
    expect((await t.http.post('/admin/collections/pcol_missing/products/batch').set(t.auth).send({ product_ids: [productIds[2]] })).status).toBe(404);
    expect((await t.http.delete('/admin/collections/pcol_missing/products/batch').set(t.auth).send({ product_ids: [productIds[0]] })).status).toBe(404);
    expect((await t.http.delete(`/admin/collections/${id}/products/batch`).set(t.auth).send({ product_ids: [] })).status).toBe(400);
    expect(await collectionOf(productIds[2])).toBe(other);
    expect(await collectionOf(productIds[0])).toBe(id);
  });

  it('removes products through REST; a product of another collection stays there', async () => {
    const res = await t.http.delete(`/admin/collections/${id}/products/batch`).set(t.auth).send({ product_ids: [productIds[0], productIds[2], 'prod_missing'] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, object: 'product-collection', removed_products: [productIds[0], productIds[2], 'prod_missing'] });
    expect(await collectionOf(productIds[0])).toBeNull();
    expect(await collectionOf(productIds[1])).toBe(id);
    expect(await collectionOf(productIds[2])).toBe(other);
  });

  it('lists with products at a fixed number of queries', async () => {
    const em = t.em();
    for (let i = 0; i < 12; i++) {
      const c = em.create(ProductCollection, { title: `Many ${i}`, handle: `many-${i}` });
      em.create(Product, { title: `P${i}`, collection: c });
    }
    await em.flush();
    const small = await t.countQueries(() => t.http.get('/admin/collections?limit=2').set(t.auth));
    const large = await t.countQueries(() => t.http.get('/admin/collections?limit=20').set(t.auth));
    expect(large).toBe(small);
    const res = await t.http.get('/admin/collections?limit=20&order=title').set(t.auth);
    expect(res.body.collections.find((c: any) => c.title === 'Many 3').products.map((p: any) => p.title)).toEqual(['P3']);
  });

  it('adds and removes through GraphQL, with Medusa error types', async () => {
    const add = await t.gql('mutation($id: String!, $p: [String!]!) { addProductsToCollection(id: $id, productIds: $p) { id products { id } } }', { id, p: [productIds[0]] });
    expect(add.data.addProductsToCollection.products.map((p: any) => p.id).sort()).toEqual([productIds[0], productIds[1]].sort());
    expect(await collectionOf(productIds[0])).toBe(id);
    const remove = await t.gql('mutation($id: String!, $p: [String!]!) { removeProductsFromCollection(id: $id, productIds: $p) { id object removedProducts } }', { id, p: [productIds[0]] });
    expect(remove.data.removeProductsFromCollection).toEqual({ id, object: 'product-collection', removedProducts: [productIds[0]] });
    expect(await collectionOf(productIds[0])).toBeNull();
    expect(errorType(await t.gql('mutation { addProductsToCollection(id: "pcol_missing", productIds: ["x"]) { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation($id: String!) { addProductsToCollection(id: $id, productIds: ["prod_missing"]) { id } }', { id }))).toBe('invalid_data');
    expect(errorType(await t.gql('mutation($id: String!, $p: [String!]!) { addProductsToCollection(id: $id, productIds: $p) { id } }', { id, p: [productIds[0]] }, {}))).toBe('unauthorized');
    expect(await collectionOf(productIds[0])).toBeNull();
  });

  it('answers 401 text/plain without credentials', async () => {
    for (const method of ['post', 'delete'] as const) {
      const res = await t.http[method](`/admin/collections/${id}/products/batch`).send({ product_ids: [productIds[0]] });
      expect(res.status).toBe(401);
      expect(res.text).toBe('Unauthorized');
    }
    expect(await collectionOf(productIds[0])).toBeNull();
  });
});
