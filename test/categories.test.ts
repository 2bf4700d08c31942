import { startApp, TestApp, errorType } from './helpers';
import { ProductCategory } from '../src/entities/categories';
import { Product } from '../src/entities/products';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

const post = (path: string, body: object) => t.http.post(path).set(t.auth).send(body);
const create = async (body: object) => {
  const res = await post('/admin/product-categories', body);
  expect(res.status).toBe(200);
  return res.body.product_category;
};
/** name → rank of the children of `parentId` (null: top level), as stored. */
const ranks = async (parentId: string | null) => {
  const rows = await t.em().find(ProductCategory, { parentCategory: parentId }, { orderBy: { rank: 'asc' } });
  return rows.map((r) => [r.name, r.rank]);
};
const countCategories = () => t.em().count(ProductCategory, {});

describe('REST /admin/product-categories', () => {
  let men: any, women: any, shirts: any, pants: any, socks: any;

  it('creates categories; the handle comes from the name; each new one goes last among its siblings', async () => {
    men = await create({ name: 'Men Clothing', description: 'For men', is_active: true, metadata: { a: 1 } });
    expect(men).toMatchObject({
      name: 'Men Clothing', handle: 'men-clothing', description: 'For men', is_active: true, is_internal: false, rank: 0,
      parent_category_id: null, parent_category: null, category_children: [], metadata: { a: 1 },
    });
    // Medusa reads categories with its default fields, which leave out the materialized path.
    expect(men.mpath).toBeUndefined();
    expect((await t.em().findOneOrFail(ProductCategory, men.id)).mpath).toBe(`${men.id}.`);
    expect(men.id).toMatch(/^pcat_[0-9A-Z]{26}$/);
    women = await create({ name: 'Women', handle: 'women', is_internal: true });
    expect(women.rank).toBe(1);
    shirts = await create({ name: 'Shirts', parent_category_id: men.id });
    pants = await create({ name: 'Pants', parent_category_id: men.id });
    socks = await create({ name: 'Socks', parent_category_id: men.id });
    expect(shirts).toMatchObject({ rank: 0, parent_category_id: men.id, parent_category: { id: men.id, name: 'Men Clothing' } });
    expect((await t.em().findOneOrFail(ProductCategory, shirts.id)).mpath).toBe(`${men.id}.${shirts.id}.`);
    expect([pants.rank, socks.rank]).toEqual([1, 2]);
    expect(await ranks(men.id)).toEqual([['Shirts', 0], ['Pants', 1], ['Socks', 2]]);
    const got = await t.http.get(`/admin/product-categories/${men.id}`).set(t.auth);
    expect(got.body.product_category.category_children.map((c: any) => c.name)).toEqual(['Shirts', 'Pants', 'Socks']);
    expect(t.events.some((e) => e.name === 'product-category.created' && e.data.id === men.id)).toBe(true);
  });

  it('refuses bad input (400), a taken handle (422) and an unknown parent (404), writing nothing', async () => {
    const before = await countCategories();
    // description: null is refused as Medusa's validator does (it must be a string when given).
    for (const body of [{}, { name: '' }, { name: 'x', is_active: 'yes' }, { name: 'x', rank: 1 }, { name: 'x', foo: 1 }, { name: 'x', description: null }]) {
      const res = await post('/admin/product-categories', body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
    }
    const dup = await post('/admin/product-categories', { name: 'Other', handle: 'women' });
    expect(dup.status).toBe(422);
    expect(dup.body).toMatchObject({ type: 'duplicate_error', message: 'Product_category with handle women already exists.' });
    const orphan = await post('/admin/product-categories', { name: 'Orphan', parent_category_id: 'pcat_missing' });
    expect(orphan.status).toBe(404);
    expect(orphan.body).toEqual({ type: 'not_found', message: 'ProductCategory with id: pcat_missing was not found' });
    expect((await post(`/admin/product-categories/${men.id}`, { rank: -1 })).status).toBe(400);
    expect((await post(`/admin/product-categories/${men.id}`, { name: '' })).status).toBe(400);
    expect((await post(`/admin/product-categories/${men.id}`, { parent_category_id: shirts.id })).status).toBe(400);
    expect((await post(`/admin/product-categories/${men.id}`, { parent_category_id: men.id })).status).toBe(400);
    expect(await countCategories()).toBe(before);
    expect(await ranks(null)).toEqual([['Men Clothing', 0], ['Women', 1]]);
  });

  it('gets one (404 for unknown) and updates fields, metadata merged', async () => {
    const missing = await t.http.get('/admin/product-categories/pcat_missing').set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'ProductCategory with id: pcat_missing was not found' });
    expect((await post('/admin/product-categories/pcat_missing', { name: 'x' })).status).toBe(404);
    const upd = await post(`/admin/product-categories/${men.id}`, { name: 'Men', handle: 'men', description: 'All for men', is_internal: true, is_active: false, metadata: { a: '', b: 2 } });
    expect(upd.status).toBe(200);
    expect(upd.body.product_category).toMatchObject({ name: 'Men', handle: 'men', description: 'All for men', is_internal: true, is_active: false, metadata: { b: 2 }, rank: 0 });
    expect(await t.em().findOneOrFail(ProductCategory, men.id)).toMatchObject({ name: 'Men', handle: 'men', isInternal: true, metadata: { b: 2 } });
  });

  it('keeps ranks dense when a category moves among its siblings', async () => {
    const moved = await post(`/admin/product-categories/${socks.id}`, { rank: 0 });
    expect(moved.body.product_category.rank).toBe(0);
    expect(await ranks(men.id)).toEqual([['Socks', 0], ['Shirts', 1], ['Pants', 2]]);
    await post(`/admin/product-categories/${socks.id}`, { rank: 99 });
    expect(await ranks(men.id)).toEqual([['Shirts', 0], ['Pants', 1], ['Socks', 2]]);
    await post(`/admin/product-categories/${shirts.id}`, { rank: 1 });
    expect(await ranks(men.id)).toEqual([['Pants', 0], ['Shirts', 1], ['Socks', 2]]);
  });

  it('moves a category with its subtree under another parent, closing the gap it leaves', async () => {
    const tees = await create({ name: 'Tees', parent_category_id: shirts.id });
    const moved = await post(`/admin/product-categories/${shirts.id}`, { parent_category_id: women.id });
    expect(moved.body.product_category).toMatchObject({ parent_category_id: women.id, rank: 0 });
    expect((await t.em().findOneOrFail(ProductCategory, shirts.id)).mpath).toBe(`${women.id}.${shirts.id}.`);
    expect(await ranks(men.id)).toEqual([['Pants', 0], ['Socks', 1]]);
    expect((await t.em().findOneOrFail(ProductCategory, tees.id)).mpath).toBe(`${women.id}.${shirts.id}.${tees.id}.`);
    await post(`/admin/product-categories/${pants.id}`, { parent_category_id: women.id, rank: 0 });
    expect(await ranks(women.id)).toEqual([['Pants', 0], ['Shirts', 1]]);
    expect(await ranks(men.id)).toEqual([['Socks', 0]]);
    // Under a former sibling: the answer shows the new parent's shifted rank.
    const a = await create({ name: 'Sib A', parent_category_id: men.id });
    const b = await create({ name: 'Sib B', parent_category_id: men.id });
    const under = await post(`/admin/product-categories/${a.id}`, { parent_category_id: b.id });
    expect(under.body.product_category.parent_category).toMatchObject({ id: b.id, rank: 1 });
    expect(await ranks(men.id)).toEqual([['Socks', 0], ['Sib B', 1]]);
    await t.http.delete(`/admin/product-categories/${a.id}`).set(t.auth);
    await t.http.delete(`/admin/product-categories/${b.id}`).set(t.auth);
    const top = await post(`/admin/product-categories/${pants.id}`, { parent_category_id: null });
    expect(top.body.product_category).toMatchObject({ parent_category_id: null, rank: 2 });
    expect((await t.em().findOneOrFail(ProductCategory, pants.id)).mpath).toBe(`${pants.id}.`);
    expect(await ranks(null)).toEqual([['Men', 0], ['Women', 1], ['Pants', 2]]);
    expect(await ranks(women.id)).toEqual([['Shirts', 0]]);
  });

  it('lists by rank with every filter, the top level, trees, fields and paging', async () => {
    const all = await t.http.get('/admin/product-categories').set(t.auth);
    expect(all.body).toMatchObject({ count: 6, offset: 0, limit: 100 });
    const names = async (query: string) => (await t.http.get(`/admin/product-categories?${query}`).set(t.auth)).body.product_categories?.map((c: any) => c.name);
    expect(await names('parent_category_id=null')).toEqual(['Men', 'Women', 'Pants']);
    expect(await names('parent_category_id=null&order=-name')).toEqual(['Women', 'Pants', 'Men']);
    expect(await names(`parent_category_id=${women.id}`)).toEqual(['Shirts']);
    expect(await names('q=TEE')).toEqual(['Tees']);
    expect(await names('q=wom')).toEqual(['Women']);
    expect(await names('handle=men')).toEqual(['Men']);
    expect((await names('is_internal=true')).sort()).toEqual(['Men', 'Women']);
    expect((await names('is_internal=false')).sort()).toEqual(['Pants', 'Shirts', 'Socks', 'Tees']);
    expect(await names('is_active=true')).toEqual([]);
    expect((await names('is_active=false'))).toHaveLength(6);

    const tree = await t.http.get('/admin/product-categories?parent_category_id=null&include_descendants_tree=true').set(t.auth);
    expect(tree.status).toBe(200);
    const [m, w, p] = tree.body.product_categories;
    expect(m.category_children.map((c: any) => [c.name, c.category_children])).toEqual([['Socks', []]]);
    expect(w.category_children).toHaveLength(1);
    expect(w.category_children[0]).toMatchObject({ name: 'Shirts', rank: 0, category_children: [{ name: 'Tees', category_children: [] }] });
    expect(p.category_children).toEqual([]);
    expect(w.descendants).toBeUndefined();
    const flat = await t.http.get('/admin/product-categories?parent_category_id=null').set(t.auth);
    expect(flat.body.product_categories[1].category_children).toEqual([expect.objectContaining({ name: 'Shirts' })]);
    expect(flat.body.product_categories[1].category_children[0].category_children).toBeUndefined();

    const oneTree = await t.http.get(`/admin/product-categories/${women.id}?include_descendants_tree=true`).set(t.auth);
    expect(oneTree.body.product_category.category_children[0].category_children[0].name).toBe('Tees');
    // As Medusa, a single category always comes with its whole tree.
    const single = await t.http.get(`/admin/product-categories/${women.id}`).set(t.auth);
    expect(single.body.product_category).toMatchObject({
      name: 'Women', parent_category: null,
      category_children: [{ name: 'Shirts', parent_category_id: women.id, category_children: [{ name: 'Tees', category_children: [] }] }],
    });
    expect(single.body.product_category.descendants).toBeUndefined();
    const updated = await post(`/admin/product-categories/${women.id}`, { description: 'Tree' });
    expect(updated.body.product_category.category_children[0].category_children[0].name).toBe('Tees');

    const page = await t.http.get('/admin/product-categories?parent_category_id=null&limit=1&offset=1').set(t.auth);
    expect(page.body).toMatchObject({ count: 3, offset: 1, limit: 1 });
    expect(page.body.product_categories.map((c: any) => c.name)).toEqual(['Women']);
    const fields = await t.http.get('/admin/product-categories?fields=name&parent_category_id=null').set(t.auth);
    expect(Object.keys(fields.body.product_categories[0]).sort()).toEqual(['category_children', 'created_at', 'id', 'name', 'parent_category']);
    expect((await t.http.get('/admin/product-categories?foo=1').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/product-categories?is_active=maybe').set(t.auth)).status).toBe(400);
  });

  it('costs a fixed number of queries whatever the page size, with the tree too', async () => {
    for (let i = 0; i < 12; i++) await create({ name: `Leaf ${i}`, parent_category_id: i % 2 ? men.id : women.id });
    for (const q of ['', '&include_descendants_tree=true']) {
      const small = await t.countQueries(() => t.http.get(`/admin/product-categories?limit=2${q}`).set(t.auth));
      const large = await t.countQueries(() => t.http.get(`/admin/product-categories?limit=20${q}`).set(t.auth));
      expect(large).toBe(small);
    }
  });

  it('keeps ranks dense under concurrent creates, moves and deletes', async () => {
    const parent = await create({ name: 'Busy' });
    const made = await Promise.all(Array.from({ length: 8 }, (_, i) => post('/admin/product-categories', { name: `Busy ${i}`, parent_category_id: parent.id })));
    expect(made.every((r) => r.status === 200)).toBe(true);
    expect((await ranks(parent.id)).map(([, r]) => r)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const ids = made.map((r) => r.body.product_category.id);
    const results = await Promise.all([
      t.http.delete(`/admin/product-categories/${ids[0]}`).set(t.auth),
      post(`/admin/product-categories/${ids[1]}`, { rank: 6 }),
      post(`/admin/product-categories/${ids[2]}`, { parent_category_id: null }),
      t.http.delete(`/admin/product-categories/${ids[3]}`).set(t.auth),
      post('/admin/product-categories', { name: 'Busy late', parent_category_id: parent.id }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await ranks(parent.id)).map(([, r]) => r)).toEqual([0, 1, 2, 3, 4, 5]);
    expect((await ranks(null)).map(([, r]) => r)).toEqual((await ranks(null)).map((_, i) => i));
    await post(`/admin/product-categories/${ids[2]}`, { parent_category_id: parent.id });
    for (const id of [...ids.slice(1, 3), ...ids.slice(4)]) await t.http.delete(`/admin/product-categories/${id}`).set(t.auth);
    const late = await t.em().findOneOrFail(ProductCategory, { name: 'Busy late' });
    await t.http.delete(`/admin/product-categories/${late.id}`).set(t.auth);
    await t.http.delete(`/admin/product-categories/${parent.id}`).set(t.auth);
    expect(await t.em().count(ProductCategory, { name: { $like: 'Busy%' } })).toBe(0);
  });

  it('refuses to delete a category with children; deletes a leaf, closing up the ranks; deletes again with 200', async () => {
    const refused = await t.http.delete(`/admin/product-categories/${women.id}`).set(t.auth);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ type: 'not_allowed', message: `Deleting ProductCategory (${women.id}) with category children is not allowed` });
    expect(await t.em().count(ProductCategory, { id: women.id })).toBe(1);

    const del = await t.http.delete(`/admin/product-categories/${men.id}`).set(t.auth);
    expect(del.status).toBe(400);
    const leafDel = await t.http.delete(`/admin/product-categories/${socks.id}`).set(t.auth);
    expect(leafDel.status).toBe(200);
    expect(leafDel.body).toEqual({ id: socks.id, object: 'product-category', deleted: true });
    expect(await t.em().count(ProductCategory, { id: socks.id })).toBe(0);
    expect((await ranks(men.id)).map(([, r]) => r)).toEqual([0, 1, 2, 3, 4, 5]);
    const again = await t.http.delete(`/admin/product-categories/${socks.id}`).set(t.auth);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: socks.id, object: 'product-category', deleted: true });

    await t.http.delete(`/admin/product-categories/${men.id}`).set(t.auth);
    const topBefore = await ranks(null);
    for (const [name] of await ranks(men.id)) {
      const leaf = await t.em().findOneOrFail(ProductCategory, { name: name as string });
      await t.http.delete(`/admin/product-categories/${leaf.id}`).set(t.auth);
    }
    expect((await t.http.delete(`/admin/product-categories/${men.id}`).set(t.auth)).status).toBe(200);
    expect(topBefore[0][0]).toBe('Men');
    expect(await ranks(null)).toEqual([['Women', 0], ['Pants', 1]]);
  });

  it('answers 401 text/plain without credentials', async () => {
    for (const [method, path] of [
      ['get', '/admin/product-categories'], ['post', '/admin/product-categories'], ['get', `/admin/product-categories/${women.id}`],
      ['post', `/admin/product-categories/${women.id}`], ['delete', `/admin/product-categories/${pants.id}`],
    ] as const) {
      const res = await (t.http as any)[method](path).send({ name: 'x' });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
      expect(res.text).toBe('Unauthorized');
    }
    expect(await t.em().count(ProductCategory, { id: pants.id })).toBe(1);
  });
});

describe('GraphQL product categories', () => {
  const FIELDS = 'id name handle rank isActive isInternal parentCategoryId metadata';

  it('creates, reads (with the tree), updates, lists and deletes', async () => {
    const created = await t.gql(`mutation($input: CreateProductCategoryInput!) { createProductCategory(input: $input) { ${FIELDS} } }`, { input: { name: 'Gql Root', isActive: true } });
    expect(created.errors).toBeUndefined();
    const id = created.data.createProductCategory.id;
    expect(created.data.createProductCategory).toMatchObject({ handle: 'gql-root', isActive: true, parentCategoryId: null });
    const child = await t.gql('mutation($p: String!) { createProductCategory(input: { name: "Gql Child", parentCategoryId: $p }) { id rank parentCategory { id } } }', { p: id });
    expect(child.data.createProductCategory).toMatchObject({ rank: 0, parentCategory: { id } });
    const grandchild = await t.gql('mutation($p: String!) { createProductCategory(input: { name: "Gql Grandchild", parentCategoryId: $p }) { id } }', { p: child.data.createProductCategory.id });
    expect(grandchild.errors).toBeUndefined();

    const updated = await t.gql('mutation($id: String!) { updateProductCategory(id: $id, input: { isInternal: true, metadata: { k: "v" } }) { isInternal metadata } }', { id });
    expect(updated.data.updateProductCategory).toEqual({ isInternal: true, metadata: { k: 'v' } });
    expect((await t.em().findOneOrFail(ProductCategory, id)).isInternal).toBe(true);

    const tree = await t.gql('query($id: String!) { productCategory(id: $id, includeDescendantsTree: true) { name categoryChildren { name categoryChildren { name } } descendants { name } } }', { id });
    expect(tree.data.productCategory).toEqual({
      name: 'Gql Root',
      categoryChildren: [{ name: 'Gql Child', categoryChildren: [{ name: 'Gql Grandchild' }] }],
      descendants: [{ name: 'Gql Child' }, { name: 'Gql Grandchild' }],
    });
    const list = await t.gql('{ productCategories(filter: { handle: "gql-root" }, limit: 5) { items { id descendants { name } } count offset limit } }');
    expect(list.data.productCategories).toEqual({ items: [{ id, descendants: [{ name: 'Gql Child' }, { name: 'Gql Grandchild' }] }], count: 1, offset: 0, limit: 5 });
    const top = await t.gql('{ productCategories(filter: { parentCategoryId: "null" }) { items { name } } }');
    expect(top.data.productCategories.items.map((c: any) => c.name)).toContain('Gql Root');

    const refused = await t.gql('mutation($id: String!) { deleteProductCategory(id: $id) { id } }', { id });
    expect(errorType(refused)).toBe('not_allowed');
    await t.gql('mutation($id: String!) { deleteProductCategory(id: $id) { id } }', { id: grandchild.data.createProductCategory.id });
    await t.gql('mutation($id: String!) { deleteProductCategory(id: $id) { id } }', { id: child.data.createProductCategory.id });
    const deleted = await t.gql('mutation($id: String!) { deleteProductCategory(id: $id) { id object deleted } }', { id });
    expect(deleted.data.deleteProductCategory).toEqual({ id, object: 'product-category', deleted: true });
    expect(await t.em().count(ProductCategory, { id })).toBe(0);
  });

  it('reports bad input, unknown ids and missing credentials in Medusa types', async () => {
    const before = await countCategories();
    expect(errorType(await t.gql('mutation { createProductCategory(input: { name: "" }) { id } }'))).toBe('invalid_data');
    expect(errorType(await t.gql('mutation { createProductCategory(input: { name: "x", parentCategoryId: "pcat_missing" }) { id } }'))).toBe('not_found');
    expect(await countCategories()).toBe(before);
    expect(errorType(await t.gql('{ productCategory(id: "pcat_missing") { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation { updateProductCategory(id: "pcat_missing", input: { name: "x" }) { id } }'))).toBe('not_found');
    expect((await t.gql('mutation { deleteProductCategory(id: "pcat_missing") { deleted } }')).data.deleteProductCategory.deleted).toBe(true);
    expect(errorType(await t.gql('{ productCategories { count } }', {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql('mutation { createProductCategory(input: { name: "x" }) { id } }', {}, {}))).toBe('unauthorized');
    expect(await countCategories()).toBe(before);
  });

  it('reports the product_categories feature flag', async () => {
    const res = await t.http.get('/admin/store').set(t.auth);
    expect(res.body.store.feature_flags).toContainEqual({ key: 'product_categories', value: true });
  });
});

describe('products in a category (batch)', () => {
  let id: string;
  let productIds: string[];
  const categoriesOf = async (productId: string) =>
    (await t.em().findOneOrFail(Product, productId, { populate: ['categories'] as any })).categories.getItems().map((c) => c.id).sort();

  beforeAll(async () => {
    const em = t.em();
    const products = ['Shirt', 'Pants', 'Hat'].map((title) => em.create(Product, { title }));
    await em.flush();
    productIds = products.map((p) => p.id);
    id = (await post('/admin/product-categories', { name: 'Batch' })).body.product_category.id;
  });

  it('adds products through REST; adding one already there is harmless', async () => {
    const res = await post(`/admin/product-categories/${id}/products/batch`, { product_ids: [{ id: productIds[0] }, { id: productIds[1] }] });
    expect(res.status).toBe(200);
    expect(res.body.product_category).toMatchObject({ id, name: 'Batch', category_children: [], parent_category: null });
    expect(await categoriesOf(productIds[0])).toEqual([id]);
    expect(await categoriesOf(productIds[1])).toEqual([id]);
    expect((await post(`/admin/product-categories/${id}/products/batch`, { product_ids: [{ id: productIds[0] }] })).status).toBe(200);
    // Medusa's category routes expand only the parent and the children: the products are read from the product list.
    const refused = await t.http.get(`/admin/product-categories/${id}?expand=products`).set(t.auth);
    expect([refused.status, refused.body.message]).toEqual([400, 'Requested fields [products] are not valid']);
    const got = await t.http.get(`/admin/products?category_id[]=${id}&order=created_at`).set(t.auth);
    expect(got.body.products.map((p: any) => p.title)).toEqual(['Shirt', 'Pants']);
  });

  it('refuses unknown products, bad bodies and unknown categories, writing nothing', async () => {
    const unknown = await post(`/admin/product-categories/${id}/products/batch`, { product_ids: [{ id: productIds[2] }, { id: 'prod_missing' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ type: 'invalid_data', message: 'Products prod_missing do not exist' });
    for (const body of [{}, { product_ids: [productIds[2]] }, { product_ids: [{ id: productIds[2] }], x: 1 }]) {
      expect((await post(`/admin/product-categories/${id}/products/batch`, body)).status).toBe(400);
    }
    // An empty list is accepted (Medusa's validator allows it); an unknown category is still a 404.
    expect((await post(`/admin/product-categories/${id}/products/batch`, { product_ids: [] })).status).toBe(200);
    expect((await t.http.delete(`/admin/product-categories/${id}/products/batch`).set(t.auth).send({ product_ids: [] })).status).toBe(200);
    const emptyMissing = await post('/admin/product-categories/pcat_missing/products/batch', { product_ids: [] });
    expect(emptyMissing.status).toBe(404);
    expect(emptyMissing.body).toEqual({ type: 'not_found', message: 'Product_category with product_category_id pcat_missing does not exist.' });
    expect((await post('/admin/product-categories/pcat_missing/products/batch', { product_ids: [{ id: productIds[2] }] })).status).toBe(404);
    expect((await t.http.delete('/admin/product-categories/pcat_missing/products/batch').set(t.auth).send({ product_ids: [{ id: productIds[0] }] })).status).toBe(404);
    expect((await t.http.delete(`/admin/product-categories/${id}/products/batch`).set(t.auth).send({ product_ids: [{ id: productIds[0] }, { id: 'prod_missing' }] })).status).toBe(400);
    expect(await categoriesOf(productIds[2])).toEqual([]);
    expect(await categoriesOf(productIds[0])).toEqual([id]);
  });

  it('removes products through REST', async () => {
    const res = await t.http.delete(`/admin/product-categories/${id}/products/batch`).set(t.auth).send({ product_ids: [{ id: productIds[0] }] });
    expect(res.status).toBe(200);
    expect(res.body.product_category.id).toBe(id);
    expect(await categoriesOf(productIds[0])).toEqual([]);
    expect(await categoriesOf(productIds[1])).toEqual([id]);
  });

  it('lists with products at a fixed number of queries', async () => {
    const em = t.em();
    // Every other one has a parent, so that small and large pages both need the parent lookup
    // (a page without any parent rightly skips that query).
    for (let i = 0; i < 12; i++) {
      const c = em.create(ProductCategory, { name: `Cat ${i}`, handle: `cat-${i}`, parentCategory: i % 2 ? em.getReference(ProductCategory, id) : null });
      const p = em.create(Product, { title: `P${i}` });
      p.categories.add(c);
    }
    await em.flush();
    // REST lists expand only the parent and children (as Medusa); GraphQL reads the products too.
    const page = (limit: number) => `{ productCategories(limit: ${limit}, q: "cat-") { items { parentCategory { id } categoryChildren { id } products { title } } } }`;
    const small = await t.countQueries(() => t.gql(page(2)));
    const large = await t.countQueries(() => t.gql(page(20)));
    expect(large).toBe(small);
    const rest = (limit: number) => t.http.get(`/admin/product-categories?limit=${limit}&q=cat-`).set(t.auth);
    expect(await t.countQueries(() => rest(20))).toBe(await t.countQueries(() => rest(2)));
    const res = await t.gql('{ productCategories(q: "cat-7") { items { products { title } } } }');
    expect(res.data.productCategories.items[0].products.map((p: any) => p.title)).toEqual(['P7']);
  });

  it('adds and removes through GraphQL, with Medusa error types', async () => {
    const add = await t.gql('mutation($id: String!, $p: [ProductRef!]!) { addProductsToCategory(id: $id, productIds: $p) { id products { id } } }', { id, p: [{ id: productIds[2] }] });
    expect(add.data.addProductsToCategory.products.map((p: any) => p.id).sort()).toEqual([productIds[1], productIds[2]].sort());
    const remove = await t.gql('mutation($id: String!, $p: [ProductRef!]!) { removeProductsFromCategory(id: $id, productIds: $p) { id } }', { id, p: [{ id: productIds[2] }] });
    expect(remove.errors).toBeUndefined();
    expect(await categoriesOf(productIds[2])).toEqual([]);
    expect(errorType(await t.gql('mutation { addProductsToCategory(id: "pcat_missing", productIds: [{ id: "x" }]) { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation($id: String!) { addProductsToCategory(id: $id, productIds: [{ id: "prod_missing" }]) { id } }', { id }))).toBe('invalid_data');
    expect(errorType(await t.gql('mutation($id: String!, $p: [ProductRef!]!) { addProductsToCategory(id: $id, productIds: $p) { id } }', { id, p: [{ id: productIds[2] }] }, {}))).toBe('unauthorized');
    expect(await categoriesOf(productIds[2])).toEqual([]);
  });

  it('answers 401 text/plain without credentials', async () => {
    for (const method of ['post', 'delete'] as const) {
      const res = await t.http[method](`/admin/product-categories/${id}/products/batch`).send({ product_ids: [{ id: productIds[2] }] });
      expect(res.status).toBe(401);
      expect(res.text).toBe('Unauthorized');
    }
    expect(await categoriesOf(productIds[2])).toEqual([]);
  });
});

describe('Medusa details of category bodies and list order', () => {
  it('fills an empty handle from the name, reads parent_category_id "null" as top level, refuses description null', async () => {
    const parent = (await post('/admin/product-categories', { name: 'Null Parent Host' })).body.product_category;
    const blank = await post('/admin/product-categories', { name: 'Blank Handle Cat', handle: '', parent_category_id: 'null' });
    expect(blank.status).toBe(200);
    expect(blank.body.product_category).toMatchObject({ handle: 'blank-handle-cat', parent_category_id: null, parent_category: null });
    expect(await t.em().findOneOrFail(ProductCategory, blank.body.product_category.id)).toMatchObject({ handle: 'blank-handle-cat', parentCategory: null });
    const kid = (await post('/admin/product-categories', { name: 'Null Kid', parent_category_id: parent.id })).body.product_category;
    const moved = await post(`/admin/product-categories/${kid.id}`, { parent_category_id: 'null' });
    expect(moved.status).toBe(200);
    expect(moved.body.product_category).toMatchObject({ parent_category_id: null });
    expect((await t.em().findOneOrFail(ProductCategory, kid.id)).mpath).toBe(`${kid.id}.`);
    expect((await t.em().findOneOrFail(ProductCategory, kid.id)).parentCategory).toBeNull();
    const gqlBlank = await t.gql('mutation { createProductCategory(input: { name: "Gql Blank", handle: "" }) { id handle } }');
    expect(gqlBlank.data.createProductCategory.handle).toBe('gql-blank');
    const gqlKid = await t.gql(`mutation { createProductCategory(input: { name: "Gql Null Kid", parentCategoryId: "${parent.id}" }) { id } }`);
    const gqlMoved = await t.gql(`mutation { updateProductCategory(id: "${gqlKid.data.createProductCategory.id}", input: { parentCategoryId: "null" }) { parentCategoryId } }`);
    expect(gqlMoved.data.updateProductCategory).toEqual({ parentCategoryId: null });
    const before = await countCategories();
    const nullDescription = await post(`/admin/product-categories/${kid.id}`, { description: null });
    expect(nullDescription.status).toBe(400);
    expect(nullDescription.body.type).toBe('invalid_data');
    const gql = await t.gql('mutation { createProductCategory(input: { name: "Gql Null Desc", description: null }) { id } }');
    expect(errorType(gql)).toBe('invalid_data');
    expect(await countCategories()).toBe(before);
  });

  it('lists by rank, then handle, as Medusa (not by creation)', async () => {
    const one = (await post('/admin/product-categories', { name: 'Parent One' })).body.product_category;
    const two = (await post('/admin/product-categories', { name: 'Parent Two' })).body.product_category;
    await post('/admin/product-categories', { name: 'Tie First Made', handle: 'tie-b', parent_category_id: one.id });
    await post('/admin/product-categories', { name: 'Tie Second Made', handle: 'tie-a', parent_category_id: two.id });
    const res = await t.http.get('/admin/product-categories?q=tie-').set(t.auth);
    expect(res.body.product_categories.map((c: any) => [c.handle, c.rank])).toEqual([['tie-a', 0], ['tie-b', 0]]);
    const gql = await t.gql('{ productCategories(q: "tie-") { items { handle } } }');
    expect(gql.data.productCategories.items.map((c: any) => c.handle)).toEqual(['tie-a', 'tie-b']);
  });
});

describe('the columns Medusa sends', () => {
  it('leaves mpath out of categories read with the default fields, and out of their parents, children and descendants', async () => {
    const root = (await post('/admin/product-categories', { name: 'Cols Root' })).body.product_category;
    const kid = (await post('/admin/product-categories', { name: 'Cols Kid', parent_category_id: root.id })).body.product_category;
    const grand = (await post('/admin/product-categories', { name: 'Cols Grand', parent_category_id: kid.id })).body.product_category;
    const keys = ['created_at', 'description', 'handle', 'id', 'is_active', 'is_internal', 'metadata', 'name', 'parent_category_id', 'rank', 'updated_at'];
    const one = (await t.http.get(`/admin/product-categories/${kid.id}`).set(t.auth)).body.product_category;
    expect(Object.keys(one).filter((k) => !['category_children', 'parent_category'].includes(k)).sort()).toEqual(keys);
    expect(one.category_children[0].id).toBe(grand.id);
    expect(one.category_children[0]).not.toHaveProperty('mpath');
    const list = (await t.http.get('/admin/product-categories?q=cols-').set(t.auth)).body.product_categories;
    for (const item of list) {
      expect(item.mpath).toBeUndefined();
      expect(item.parent_category?.mpath).toBeUndefined();
      for (const child of item.category_children) expect(child.mpath).toBeUndefined();
    }
    const tree = (await t.http.get(`/admin/product-categories?handle=cols-root&include_descendants_tree=true`).set(t.auth)).body.product_categories;
    expect(tree[0].mpath).toBeUndefined();
    expect(tree[0].category_children[0].id).toBe(kid.id);
    expect(tree[0].category_children[0]).not.toHaveProperty('mpath');
    const asked = (await t.http.get(`/admin/product-categories/${kid.id}?fields=%2Bmpath`).set(t.auth)).body.product_category;
    expect(asked.mpath).toBe(`${root.id}.${kid.id}.`);
    // GraphQL keeps the field.
    expect((await t.gql(`{ productCategory(id: "${kid.id}") { mpath } }`)).data.productCategory.mpath).toBe(`${root.id}.${kid.id}.`);
  });
});
