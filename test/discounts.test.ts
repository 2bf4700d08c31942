import { startApp, TestApp, errorType } from './helpers';
import { Discount, DiscountCondition, DiscountRule, DiscountRuleType } from '../src/entities/discounts';
import { Region } from '../src/entities/regions';
import { Currency } from '../src/entities/currencies';
import { Product } from '../src/entities/products';
import { ProductType } from '../src/entities/product-types';
import { ProductCollection } from '../src/entities/collections';
import { ProductTag } from '../src/entities/product-tags';
import { CustomerGroup } from '../src/entities/customer-groups';
import { addDuration } from '../src/services/discounts';

let t: TestApp;
const ids = { eu: '', us: '', dk: '', shirt: '', mug: '', type: '', collection: '', tag: '', vip: '', staff: '' };

beforeAll(async () => {
  t = await startApp();
  const em = t.em();
  const usd = em.getReference(Currency, 'usd');
  const region = (name: string) => { const r = Object.assign(new Region(), { name, currency: usd, taxRate: 0 }); em.persist(r); return r; };
  const [eu, us, dk] = [region('EU'), region('US'), region('DK')];
  const [shirt, mug] = [em.create(Product, { title: 'Shirt' }), em.create(Product, { title: 'Mug' })];
  const type = em.create(ProductType, { value: 'Apparel' });
  const collection = em.create(ProductCollection, { title: 'Summer' });
  const tag = em.create(ProductTag, { value: 'cotton' });
  const [vip, staff] = [em.create(CustomerGroup, { name: 'VIP' }), em.create(CustomerGroup, { name: 'Staff' })];
  await em.flush();
  Object.assign(ids, {
    eu: eu.id, us: us.id, dk: dk.id, shirt: shirt.id, mug: mug.id, type: type.id,
    collection: collection.id, tag: tag.id, vip: vip.id, staff: staff.id,
  });
});
afterAll(() => t.close());

const countDiscounts = () => t.em().count(Discount, {}, { filters: false });
const countRules = () => t.em().count(DiscountRule, {});
const countConditions = () => t.em().count(DiscountCondition, {});

function percentage(code: string, extra: Record<string, unknown> = {}) {
  return { code, rule: { type: 'percentage', value: 10, allocation: 'total' }, regions: [ids.eu], ...extra };
}

async function create(body: Record<string, unknown>): Promise<any> {
  const res = await t.http.post('/admin/discounts').set(t.auth).send(body);
  expect(res.status).toBe(200);
  return res.body.discount;
}

describe('REST /admin/discounts: create, get, update, delete', () => {
  let id: string;

  it('creates a discount: code upper-case, rule, regions and conditions, default relations', async () => {
    const res = await t.http.post('/admin/discounts').set(t.auth).send({
      code: 'summer10',
      rule: {
        type: 'percentage', value: 10, allocation: 'item', description: 'Ten off',
        conditions: [{ operator: 'in', products: [ids.shirt, ids.mug] }, { operator: 'not_in', customer_groups: [ids.staff] }],
      },
      regions: [ids.eu, ids.us],
      usage_limit: 100,
      valid_duration: 'P1M',
      metadata: { campaign: 'summer' },
    });
    expect(res.status).toBe(200);
    const d = res.body.discount;
    expect(d.id).toMatch(/^disc_[0-9A-Z]{26}$/);
    expect(d).toMatchObject({
      code: 'SUMMER10', is_dynamic: false, is_disabled: false, usage_limit: 100, usage_count: 0, valid_duration: 'P1M',
      ends_at: null, parent_discount_id: null, parent_discount: null, deleted_at: null, metadata: { campaign: 'summer' },
    });
    expect(d.rule).toMatchObject({ id: d.rule_id, type: 'percentage', value: 10, allocation: 'item', description: 'Ten off', deleted_at: null, metadata: null });
    expect(d.rule.id).toMatch(/^dru_/);
    expect(d.rule.conditions.map((c: any) => [c.type, c.operator, c.discount_rule_id]).sort()).toEqual([
      ['customer_groups', 'not_in', d.rule_id], ['products', 'in', d.rule_id],
    ]);
    expect(d.rule.conditions[0].id).toMatch(/^discon_/);
    expect(d.regions.map((r: any) => r.id).sort()).toEqual([ids.eu, ids.us].sort());
    expect(new Date(d.starts_at).getTime()).toBeLessThanOrEqual(Date.now());
    id = d.id;

    const stored = await t.em().findOneOrFail(Discount, id, { populate: ['regions', 'rule.conditions.products', 'rule.conditions.customerGroups'] as any });
    expect(stored.code).toBe('SUMMER10');
    expect(stored.regions.getItems().map((r) => r.id).sort()).toEqual([ids.eu, ids.us].sort());
    const [products, groups] = stored.rule!.conditions.getItems().sort((a, b) => a.type.localeCompare(b.type)).reverse();
    expect(products.products.getItems().map((p) => p.id).sort()).toEqual([ids.shirt, ids.mug].sort());
    expect(groups.customerGroups.getItems().map((g) => g.id)).toEqual([ids.staff]);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = [await countDiscounts(), await countRules(), await countConditions()];
    const bad: [Record<string, unknown>, RegExp][] = [
      // Medusa's words (class-validator's, in its request classes' order).
      [{ rule: { type: 'percentage', value: 10, allocation: 'total' }, regions: [ids.eu] }, /^code should not be empty, code must be a string$/],
      [{ code: 'A1', regions: [ids.eu] }, /^rule should not be empty$/],
      [{ ...percentage('A1'), rule: { type: 'percentage', value: '10', allocation: 'total' } }, /^value must be a number conforming to the specified constraints$/],
      [{ ...percentage('A1'), rule: { type: 'weird', value: 10, allocation: 'total' } }, /^Invalid rule type, must be one of "fixed", "percentage" or "free_shipping"$/],
      [{ ...percentage('A1'), regions: [] }, /Discount must have at least 1 region/],
      [{ ...percentage('A1'), regions: undefined }, /regions/],
      [{ ...percentage('A1'), rule: { type: 'percentage', value: 150, allocation: 'total' } }, /above 100/],
      [{ ...percentage('A1'), rule: { type: 'fixed', value: 500, allocation: 'total' }, regions: [ids.eu, ids.us] }, /^Fixed discounts can have one region$/],
      [{ ...percentage('A1'), rule: { type: 'bogus', value: 1, allocation: 'total' } }, /type/],
      [{ ...percentage('A1'), rule: { type: 'fixed', value: 1.5, allocation: 'total' } }, /value/],
      [{ ...percentage('A1'), rule: { type: 'fixed', value: -1, allocation: 'total' } }, /value/],
      [{ ...percentage('A1'), rule: { type: 'percentage', value: 1, allocation: 'total', conditions: [{ operator: 'among', products: [ids.shirt] }] } }, /operator/],
      [{ ...percentage('A1'), rule: { type: 'percentage', value: 1, allocation: 'total', conditions: [{ operator: 'in' }] } }, /Missing one of products/],
      [{ ...percentage('A1'), rule: { type: 'percentage', value: 1, allocation: 'total', conditions: [{ operator: 'in', products: [ids.shirt], product_tags: [ids.tag] }] } }, /one kind/],
      [{ ...percentage('A1'), valid_duration: '1 month' }, /ISO 8601 duration/],
      [{ ...percentage('A1'), starts_at: '2030-01-02T00:00:00Z', ends_at: '2030-01-01T00:00:00Z' }, /"ends_at" must be greater than "starts_at"/],
      [{ ...percentage('A1'), usage_limit: 0 }, /usage_limit/i],
      [{ ...percentage('A1'), hacker: 1 }, /property hacker should not exist/],
      [{ ...percentage('   ') }, /code/],
    ];
    for (const [body, message] of bad) {
      const res = await t.http.post('/admin/discounts').set(t.auth).send(body);
      expect([res.status, res.body.type]).toEqual([400, 'invalid_data']);
      expect(res.body.message).toMatch(message);
    }
    const unknownRegion = await t.http.post('/admin/discounts').set(t.auth).send({ ...percentage('A1'), regions: ['reg_missing'] });
    expect(unknownRegion.status).toBe(404);
    const unknownProduct = await t.http.post('/admin/discounts').set(t.auth).send({ ...percentage('A1'), rule: { type: 'percentage', value: 1, allocation: 'total', conditions: [{ operator: 'in', products: ['prod_missing'] }] } });
    expect(unknownProduct.status).toBe(404);
    expect(unknownProduct.body.message).toBe('Product with id: prod_missing was not found');
    const twins = await t.http.post('/admin/discounts').set(t.auth).send({ ...percentage('A1'), rule: { type: 'percentage', value: 1, allocation: 'total', conditions: [{ operator: 'in', products: [ids.shirt] }, { operator: 'in', products: [ids.mug] }] } });
    expect(twins.status).toBe(422);
    expect([await countDiscounts(), await countRules(), await countConditions()]).toEqual(before);
  });

  it('refuses a duplicate code in any case with 422', async () => {
    const before = await countDiscounts();
    const dup = await t.http.post('/admin/discounts').set(t.auth).send(percentage('Summer10'));
    expect(dup.status).toBe(422);
    expect(dup.body).toEqual({ type: 'duplicate_error', code: 'invalid_request_error', message: 'Discount with code SUMMER10 already exists.' });
    expect(await countDiscounts()).toBe(before);
  });

  it('gets by id and by code in any case; 404 for unknown ones', async () => {
    const got = await t.http.get(`/admin/discounts/${id}`).set(t.auth);
    expect(got.status).toBe(200);
    expect(got.body.discount).toMatchObject({ id, code: 'SUMMER10' });
    expect(got.body.discount.rule.conditions).toHaveLength(2);
    const byCode = await t.http.get('/admin/discounts/code/summer10').set(t.auth);
    expect(byCode.status).toBe(200);
    expect(byCode.body.discount.id).toBe(id);
    expect(byCode.body.discount.regions).toHaveLength(2);
    // As in Medusa 1.20, a discount's regions come without their providers.
    expect(byCode.body.discount.regions[0]).not.toHaveProperty('payment_providers');
    const missing = await t.http.get('/admin/discounts/disc_missing').set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'Discount with id disc_missing was not found' });
    const noCode = await t.http.get('/admin/discounts/code/nope').set(t.auth);
    expect([noCode.status, noCode.body]).toEqual([404, { type: 'not_found', message: 'Discounts with code nope was not found' }]);
  });

  it('expands condition resources on request', async () => {
    const res = await t.http.get(`/admin/discounts/${id}?expand=rule.conditions.products,rule.conditions.customer_groups`).set(t.auth);
    expect(res.status).toBe(200);
    const products = res.body.discount.rule.conditions.find((c: any) => c.type === 'products');
    expect(products.products.map((p: any) => p.id).sort()).toEqual([ids.shirt, ids.mug].sort());
    const groups = res.body.discount.rule.conditions.find((c: any) => c.type === 'customer_groups');
    expect(groups.customer_groups.map((g: any) => g.name)).toEqual(['Staff']);
  });

  it('updates code, rule, regions, dates, limit and metadata (merged)', async () => {
    const ruleId = (await t.em().findOneOrFail(Discount, id)).ruleId;
    const res = await t.http.post(`/admin/discounts/${id}`).set(t.auth).send({
      code: 'autumn20', rule: { id: ruleId, value: 20, allocation: 'total', description: 'Twenty off' },
      regions: [ids.dk], ends_at: '2099-01-01T00:00:00.000Z', usage_limit: null, is_disabled: true, metadata: { campaign: '', season: 'autumn' },
    });
    expect(res.status).toBe(200);
    expect(res.body.discount).toMatchObject({
      code: 'AUTUMN20', usage_limit: null, is_disabled: true, ends_at: '2099-01-01T00:00:00.000Z', metadata: { season: 'autumn' },
      rule: { id: ruleId, type: 'percentage', value: 20, allocation: 'total', description: 'Twenty off' },
    });
    expect(res.body.discount.regions.map((r: any) => r.id)).toEqual([ids.dk]);
    const stored = await t.em().findOneOrFail(Discount, id, { populate: ['rule', 'regions'] as any });
    expect([stored.code, stored.rule!.value, stored.regions.length]).toEqual(['AUTUMN20', 20, 1]);
  });

  it('refuses bad updates with 400/404/422 and changes nothing', async () => {
    const fixed = await create({ code: 'FIXED5', rule: { type: 'fixed', value: 500, allocation: 'total' }, regions: [ids.eu] });
    const cases: [string, Record<string, unknown>, number][] = [
      [fixed.id, { regions: [ids.eu, ids.us] }, 400],
      [fixed.id, { rule: { id: fixed.rule_id, value: 1.5 } }, 400],
      [id, { rule: { id: fixed.rule_id, value: 5 } }, 400],
      [id, { rule: { id: (await t.em().findOneOrFail(Discount, id)).ruleId, value: 101 } }, 400],
      [id, { ends_at: '2000-01-01T00:00:00Z' }, 400],
      [id, { valid_duration: 'soon' }, 400],
      [id, { code: 'fixed5' }, 422],
      [id, { regions: ['reg_missing'] }, 404],
      [id, { rule: { id: 'dru_x', conditions: [{ id: 'discon_missing', operator: 'in', products: [ids.shirt] }] } }, 400],
      ['disc_missing', { code: 'X' }, 404],
    ];
    for (const [target, body, status] of cases) {
      const res = await t.http.post(`/admin/discounts/${target}`).set(t.auth).send(body);
      expect([target, body, res.status]).toEqual([target, body, status]);
    }
    const stored = await t.em().findOneOrFail(Discount, id, { populate: ['rule', 'regions'] as any });
    expect([stored.code, stored.rule!.value, stored.regions.length, stored.validDuration]).toEqual(['AUTUMN20', 20, 1, 'P1M']);
  });

  it('deletes softly: 404 afterwards, code free again; idempotent for an unknown or deleted id (as Medusa)', async () => {
    const doomed = await create(percentage('doomed'));
    const del = await t.http.delete(`/admin/discounts/${doomed.id}`).set(t.auth);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ id: doomed.id, object: 'discount', deleted: true });
    expect((await t.http.get(`/admin/discounts/${doomed.id}`).set(t.auth)).status).toBe(404);
    const row = await t.em().findOneOrFail(Discount, doomed.id, { filters: false });
    expect(row.deletedAt).toBeInstanceOf(Date);
    await create(percentage('DOOMED'));
    const again = await t.http.delete(`/admin/discounts/${doomed.id}`).set(t.auth);
    expect([again.status, again.body]).toEqual([200, { id: doomed.id, object: 'discount', deleted: true }]);
    const unknown = await t.http.delete('/admin/discounts/disc_missing').set(t.auth);
    expect([unknown.status, unknown.body]).toEqual([200, { id: 'disc_missing', object: 'discount', deleted: true }]);
  });
});

describe('REST dynamic codes', () => {
  let parent: any;

  it('creates codes of a dynamic discount: parent rule and limit, ends after valid_duration', async () => {
    parent = await create({ ...percentage('DYN'), is_dynamic: true, valid_duration: 'P2DT3H', usage_limit: 7 });
    const before = Date.now();
    const res = await t.http.post(`/admin/discounts/${parent.id}/dynamic-codes`).set(t.auth).send({ code: 'dyn-abc', metadata: { who: 'x' } });
    expect(res.status).toBe(200);
    const child = res.body.discount;
    expect(child).toMatchObject({
      code: 'DYN-ABC', is_dynamic: true, is_disabled: false, usage_limit: 7, parent_discount_id: parent.id, rule_id: parent.rule_id, metadata: { who: 'x' },
    });
    expect(child.parent_discount.id).toBe(parent.id);
    expect(child.rule.id).toBe(parent.rule_id);
    const ends = new Date(child.ends_at).getTime();
    expect(ends).toBeGreaterThanOrEqual(addDuration(new Date(before), 'P2DT3H').getTime() - 1000);
    expect(ends).toBeLessThanOrEqual(addDuration(new Date(), 'P2DT3H').getTime() + 1000);

    // the parent's limit wins over one in the request, as on the real server
    const own = await t.http.post(`/admin/discounts/${parent.id}/dynamic-codes`).set(t.auth).send({ code: 'dyn-two', usage_limit: 2 });
    expect(own.body.discount.usage_limit).toBe(7);
    expect(await t.em().count(Discount, { parentDiscount: parent.id })).toBe(2);
  });

  it('refuses codes for a non-dynamic discount, duplicates and bad input', async () => {
    const plain = await create(percentage('PLAIN'));
    const before = await countDiscounts();
    const notDynamic = await t.http.post(`/admin/discounts/${plain.id}/dynamic-codes`).set(t.auth).send({ code: 'x1' });
    expect(notDynamic.status).toBe(400);
    expect(notDynamic.body).toEqual({ type: 'not_allowed', message: 'Discount must be set to dynamic' });
    expect((await t.http.post(`/admin/discounts/${parent.id}/dynamic-codes`).set(t.auth).send({ code: 'DYN-abc' })).status).toBe(422);
    expect((await t.http.post(`/admin/discounts/${parent.id}/dynamic-codes`).set(t.auth).send({})).status).toBe(400);
    expect((await t.http.post(`/admin/discounts/${parent.id}/dynamic-codes`).set(t.auth).send({ code: 'y', usage_limit: -1 })).status).toBe(400);
    expect((await t.http.post('/admin/discounts/disc_missing/dynamic-codes').set(t.auth).send({ code: 'z' })).status).toBe(404);
    expect(await countDiscounts()).toBe(before);
  });

  it('deletes a code (answering the parent); an unknown code changes nothing (200, as Medusa); 404 for an unknown discount', async () => {
    const res = await t.http.delete(`/admin/discounts/${parent.id}/dynamic-codes/dyn-abc`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.discount.id).toBe(parent.id);
    expect((await t.http.get('/admin/discounts/code/DYN-ABC').set(t.auth)).status).toBe(404);
    const before = await countDiscounts();
    const again = await t.http.delete(`/admin/discounts/${parent.id}/dynamic-codes/dyn-abc`).set(t.auth);
    expect([again.status, again.body.discount.id]).toEqual([200, parent.id]);
    expect(await countDiscounts()).toBe(before);
    expect((await t.http.delete('/admin/discounts/disc_missing/dynamic-codes/x').set(t.auth)).status).toBe(404);
  });

  it('deleting the dynamic discount deletes its codes', async () => {
    await t.http.delete(`/admin/discounts/${parent.id}`).set(t.auth);
    expect((await t.http.get('/admin/discounts/code/dyn-two').set(t.auth)).status).toBe(404);
  });
});

describe('REST discount regions', () => {
  it('adds and removes regions; a fixed discount keeps one region', async () => {
    const d = await create(percentage('REGIONS'));
    const added = await t.http.post(`/admin/discounts/${d.id}/regions/${ids.us}`).set(t.auth);
    expect(added.status).toBe(200);
    expect(added.body.discount.regions.map((r: any) => r.id).sort()).toEqual([ids.eu, ids.us].sort());
    const again = await t.http.post(`/admin/discounts/${d.id}/regions/${ids.us}`).set(t.auth);
    expect(again.body.discount.regions).toHaveLength(2);
    const removed = await t.http.delete(`/admin/discounts/${d.id}/regions/${ids.eu}`).set(t.auth);
    expect(removed.status).toBe(200);
    expect(removed.body.discount.regions.map((r: any) => r.id)).toEqual([ids.us]);
    const stored = await t.em().findOneOrFail(Discount, d.id, { populate: ['regions'] as any });
    expect(stored.regions.getItems().map((r) => r.id)).toEqual([ids.us]);

    const fixed = await create({ code: 'FIXEDREG', rule: { type: 'fixed', value: 100, allocation: 'total' }, regions: [ids.eu] });
    const second = await t.http.post(`/admin/discounts/${fixed.id}/regions/${ids.us}`).set(t.auth);
    expect(second.status).toBe(400);
    expect(second.body.message).toBe('Fixed discounts can have one region');
    expect((await t.em().findOneOrFail(Discount, fixed.id, { populate: ['regions'] as any })).regions.length).toBe(1);
    const noRegion = await t.http.post(`/admin/discounts/${d.id}/regions/reg_missing`).set(t.auth);
    expect([noRegion.status, noRegion.body]).toEqual([404, { type: 'not_found', message: 'Region with reg_missing was not found' }]);
    expect((await t.http.post(`/admin/discounts/disc_missing/regions/${ids.eu}`).set(t.auth)).status).toBe(404);
    expect((await t.http.delete(`/admin/discounts/disc_missing/regions/${ids.eu}`).set(t.auth)).status).toBe(404);
  });
});

describe('REST discount conditions', () => {
  let d: any;
  let conditionId: string;

  it('creates a condition (answering the discount); refuses twins, unknown operators and resources', async () => {
    d = await create(percentage('CONDS'));
    const res = await t.http.post(`/admin/discounts/${d.id}/conditions`).set(t.auth).send({ operator: 'in', product_types: [ids.type] });
    expect(res.status).toBe(200);
    expect(res.body.discount.id).toBe(d.id);
    expect(res.body.discount.rule.conditions).toEqual([expect.objectContaining({ type: 'product_types', operator: 'in' })]);
    conditionId = res.body.discount.rule.conditions[0].id;

    const before = await countConditions();
    expect((await t.http.post(`/admin/discounts/${d.id}/conditions`).set(t.auth).send({ operator: 'in', product_types: [ids.type] })).status).toBe(422);
    const op = await t.http.post(`/admin/discounts/${d.id}/conditions`).set(t.auth).send({ operator: 'maybe', product_types: [ids.type] });
    expect([op.status, op.body.type]).toEqual([400, 'invalid_data']);
    expect((await t.http.post(`/admin/discounts/${d.id}/conditions`).set(t.auth).send({ product_types: [ids.type] })).status).toBe(400);
    expect((await t.http.post(`/admin/discounts/${d.id}/conditions`).set(t.auth).send({ operator: 'in' })).status).toBe(400);
    expect((await t.http.post(`/admin/discounts/${d.id}/conditions`).set(t.auth).send({ operator: 'in', product_tags: ['ptag_missing'] })).status).toBe(404);
    expect((await t.http.post('/admin/discounts/disc_missing/conditions').set(t.auth).send({ operator: 'in', product_tags: [ids.tag] })).status).toBe(404);
    expect(await countConditions()).toBe(before);
  });

  it('gets a condition with Medusa\'s default fields and its rule; 404 for unknown ones, 400 for another discount\'s', async () => {
    const res = await t.http.get(`/admin/discounts/${d.id}/conditions/${conditionId}`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.discount_condition).toMatchObject({ id: conditionId, type: 'product_types', operator: 'in', discount_rule_id: d.rule_id });
    // Medusa's defaultAdminDiscountConditionFields: no deleted_at or metadata unless `fields` asks.
    expect(Object.keys(res.body.discount_condition).sort()).toEqual(['created_at', 'discount_rule', 'discount_rule_id', 'id', 'operator', 'type', 'updated_at']);
    expect(res.body.discount_condition.discount_rule).toMatchObject({ id: d.rule_id, deleted_at: null, metadata: null });
    const withMeta = await t.http.get(`/admin/discounts/${d.id}/conditions/${conditionId}?fields=metadata`).set(t.auth);
    expect(withMeta.body.discount_condition).toMatchObject({ id: conditionId, metadata: null });
    const expanded = await t.http.get(`/admin/discounts/${d.id}/conditions/${conditionId}?expand=product_types`).set(t.auth);
    expect(expanded.body.discount_condition.product_types.map((p: any) => p.id)).toEqual([ids.type]);
    const missing = await t.http.get(`/admin/discounts/${d.id}/conditions/discon_missing`).set(t.auth);
    expect([missing.status, missing.body]).toEqual([404, { type: 'not_found', message: 'DiscountCondition with id discon_missing was not found' }]);
    const other = await create(percentage('OTHER'));
    const foreign = await t.http.get(`/admin/discounts/${other.id}/conditions/${conditionId}`).set(t.auth);
    // Medusa's doesConditionBelongToDiscount answers invalid_data (400) on get, update and batch.
    expect([foreign.status, foreign.body.type]).toEqual([400, 'invalid_data']);
    expect(foreign.body.message).toBe(`Condition with id ${conditionId} does not belong to Discount with id ${other.id}`);
    const foreignBatch = await t.http.post(`/admin/discounts/${other.id}/conditions/${conditionId}/batch`).set(t.auth).send({ resources: [{ id: ids.type }] });
    expect(foreignBatch.status).toBe(400);
    const foreignDelete = await t.http.delete(`/admin/discounts/${other.id}/conditions/${conditionId}`).set(t.auth);
    expect([foreignDelete.status, foreignDelete.body.type]).toEqual([404, 'not_found']);
    expect(await t.em().count(DiscountCondition, { id: conditionId })).toBe(1);
  });

  it('adds and removes resources in batch, and replaces them on update', async () => {
    const em = t.em();
    const [t2, t3] = [em.create(ProductType, { value: 'Kitchen' }), em.create(ProductType, { value: 'Garden' })];
    await em.flush();
    const url = `/admin/discounts/${d.id}/conditions/${conditionId}`;
    const typesOf = async () => (await t.em().findOneOrFail(DiscountCondition, conditionId, { populate: ['productTypes'] as any })).productTypes.getItems().map((p) => p.id).sort();

    const add = await t.http.post(`${url}/batch`).set(t.auth).send({ resources: [{ id: t2.id }, { id: ids.type }] });
    expect(add.status).toBe(200);
    expect(add.body.discount.id).toBe(d.id);
    expect(await typesOf()).toEqual([ids.type, t2.id].sort());
    expect((await t.http.post(`${url}/batch`).set(t.auth).send({ resources: [{ id: 'ptyp_missing' }] })).status).toBe(404);
    expect((await t.http.post(`${url}/batch`).set(t.auth).send({ resources: [{}] })).status).toBe(400);
    expect((await t.http.post(`${url}/batch`).set(t.auth).send({})).status).toBe(400);
    for (const method of ['post', 'delete'] as const) {
      const empty = await t.http[method](`${url}/batch`).set(t.auth).send({ resources: [] });
      expect([method, empty.status, empty.body.message]).toEqual([method, 400, 'Missing one of products, collections, tags, types or customer groups in data']);
    }

    const remove = await t.http.delete(`${url}/batch`).set(t.auth).send({ resources: [{ id: ids.type }] });
    expect(remove.status).toBe(200);
    expect(await typesOf()).toEqual([t2.id]);

    const update = await t.http.post(url).set(t.auth).send({ product_types: [t3.id, ids.type] });
    expect(update.status).toBe(200);
    expect(update.body.discount.id).toBe(d.id);
    expect(await typesOf()).toEqual([t3.id, ids.type].sort());
    const wrongKind = await t.http.post(url).set(t.auth).send({ products: [ids.shirt] });
    expect(wrongKind.status).toBe(400);
    expect((await t.http.post(url).set(t.auth).send({ operator: 'in', product_types: [ids.type] })).status).toBe(400);
    expect((await t.http.post(`/admin/discounts/${d.id}/conditions/discon_missing`).set(t.auth).send({ product_types: [ids.type] })).status).toBe(404);
    expect(await typesOf()).toEqual([t3.id, ids.type].sort());
  });

  it('upserts conditions through the discount update', async () => {
    const ruleId = d.rule_id;
    const res = await t.http.post(`/admin/discounts/${d.id}`).set(t.auth).send({
      rule: { id: ruleId, conditions: [{ id: conditionId, operator: 'not_in', product_types: [ids.type] }, { operator: 'in', product_collections: [ids.collection] }] },
    });
    expect(res.status).toBe(200);
    const conditions = res.body.discount.rule.conditions;
    expect(conditions.map((c: any) => [c.type, c.operator])).toEqual([['product_types', 'not_in'], ['product_collections', 'in']]);

    // Medusa's update makes a condition's operator optional: with an id the condition keeps its own,
    // without an id there is nothing to create from.
    const keep = await t.http.post(`/admin/discounts/${d.id}`).set(t.auth).send({ rule: { id: ruleId, conditions: [{ id: conditionId, product_types: [ids.type] }] } });
    expect(keep.status).toBe(200);
    expect(keep.body.discount.rule.conditions.find((c: any) => c.id === conditionId).operator).toBe('not_in');
    const before = await countConditions();
    const noOperator = await t.http.post(`/admin/discounts/${d.id}`).set(t.auth).send({ rule: { id: ruleId, conditions: [{ product_tags: [ids.tag] }] } });
    expect([noOperator.status, noOperator.body.type]).toEqual([400, 'invalid_data']);
    expect(await countConditions()).toBe(before);
  });

  it('deletes a condition with its links, answering the discount; idempotent for an unknown condition (as Medusa), 404 for an unknown discount', async () => {
    const url = `/admin/discounts/${d.id}/conditions/${conditionId}`;
    const res = await t.http.delete(url).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: conditionId, object: 'discount-condition', deleted: true, discount: { id: d.id } });
    expect(res.body.discount.rule.conditions.map((c: any) => c.type)).toEqual(['product_collections']);
    expect(await t.em().count(DiscountCondition, { id: conditionId })).toBe(0);
    const again = await t.http.delete(url).set(t.auth);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: conditionId, object: 'discount-condition', deleted: true, discount: { id: d.id } });
    expect((await t.http.delete(`/admin/discounts/disc_missing/conditions/${conditionId}`).set(t.auth)).status).toBe(404);
  });
});

describe('REST discount list', () => {
  beforeAll(async () => {
    await create({ code: 'FREESHIP', rule: { type: 'free_shipping', value: 0, allocation: 'total' }, regions: [ids.eu], is_disabled: true });
    await create({ code: 'ITEMFIX', rule: { type: 'fixed', value: 300, allocation: 'item' }, regions: [ids.us], is_dynamic: true });
  });

  it('lists with Medusa\'s default limit, relations and every filter', async () => {
    const all = await t.http.get('/admin/discounts').set(t.auth);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ offset: 0, limit: 20 });
    expect(all.body.discounts.length).toBe(all.body.count);
    expect(all.body.discounts[0]).toHaveProperty('rule.conditions');
    expect(all.body.discounts[0]).toHaveProperty('regions');
    expect(all.body.discounts.find((x: any) => x.code === 'FREESHIP').regions[0]).not.toHaveProperty('fulfillment_providers');
    expect(all.body.discounts[0]).toHaveProperty('parent_discount');
    const codes = async (query: string) => (await t.http.get(`/admin/discounts?${query}`).set(t.auth)).body.discounts.map((x: any) => x.code).sort();

    expect(await codes('q=ship')).toEqual(['FREESHIP']);
    expect(await codes('q=%25')).toEqual([]);
    expect(await codes('is_disabled=true')).toEqual(['AUTUMN20', 'FREESHIP']);
    expect(await codes('is_dynamic=true')).toEqual(['ITEMFIX']);
    expect(await codes('rule[type]=fixed')).toEqual(['FIXED5', 'FIXEDREG', 'ITEMFIX']);
    expect(await codes('rule[type]=fixed&rule[allocation]=item')).toEqual(['ITEMFIX']);
    expect(await codes('rule[allocation]=item&is_dynamic=false')).toEqual([]);
    expect(await codes('created_at[gt]=2999-01-01')).toEqual([]);
    expect((await codes('created_at[lt]=2999-01-01&updated_at[gte]=2000-01-01')).length).toBe(all.body.count);
    const ordered = await t.http.get('/admin/discounts?order=code&limit=2&offset=1').set(t.auth);
    expect(ordered.body).toMatchObject({ offset: 1, limit: 2 });
    expect(ordered.body.discounts.map((x: any) => x.code)).toEqual([...(await codes('limit=100'))].slice(1, 3));
  });

  it('refuses unknown filters, values and orders with 400', async () => {
    for (const query of ['foo=1', 'rule[type]=bogus', 'rule[kind]=x', 'is_dynamic=maybe', 'order=usage_count', 'limit=x']) {
      const res = await t.http.get(`/admin/discounts?${query}`).set(t.auth);
      expect([query, res.status]).toEqual([query, 400]);
    }
    // An unknown enum value in Medusa's words, naming the inner key.
    const bogus = await t.http.get('/admin/discounts?rule[type]=bogus').set(t.auth);
    expect(bogus.body.message).toBe('type must be one of the following values: fixed, percentage, free_shipping');
    // REST is bounded by the maximum limit, not by GraphQL's cost limit.
    expect((await t.http.get('/admin/discounts?limit=1000').set(t.auth)).status).toBe(200);
  });

  it('costs a fixed number of queries whatever the page size (rules, conditions, regions, parents)', async () => {
    for (let i = 0; i < 22; i++) {
      await create({
        code: `BULK${i}`, regions: [ids.eu, ids.us],
        rule: { type: 'percentage', value: 5, allocation: 'total', conditions: [{ operator: 'in', products: [ids.shirt] }, { operator: 'not_in', customer_groups: [ids.vip] }] },
      });
    }
    const expand = 'expand=regions,rule.conditions.products,rule.conditions.customer_groups';
    const small = await t.countQueries(() => t.http.get(`/admin/discounts?limit=2&${expand}`).set(t.auth));
    const large = await t.countQueries(() => t.http.get(`/admin/discounts?limit=20&${expand}`).set(t.auth));
    expect(large).toBe(small);
    const page = await t.http.get(`/admin/discounts?limit=20&${expand}`).set(t.auth);
    expect(page.body.discounts).toHaveLength(20);
    expect(page.body.discounts.every((x: any) => x.regions.length === 2 && x.rule.conditions.length === 2)).toBe(true);
  });
});

describe('REST discounts without credentials', () => {
  it('answers 401 text/plain on every route', async () => {
    const routes: [string, string][] = [
      ['get', '/admin/discounts'], ['post', '/admin/discounts'], ['get', '/admin/discounts/code/X'],
      ['get', '/admin/discounts/d1'], ['post', '/admin/discounts/d1'], ['delete', '/admin/discounts/d1'],
      ['post', '/admin/discounts/d1/dynamic-codes'], ['delete', '/admin/discounts/d1/dynamic-codes/X'],
      ['post', '/admin/discounts/d1/regions/r1'], ['delete', '/admin/discounts/d1/regions/r1'],
      ['post', '/admin/discounts/d1/conditions'], ['get', '/admin/discounts/d1/conditions/c1'],
      ['post', '/admin/discounts/d1/conditions/c1'], ['delete', '/admin/discounts/d1/conditions/c1'],
      ['post', '/admin/discounts/d1/conditions/c1/batch'], ['delete', '/admin/discounts/d1/conditions/c1/batch'],
    ];
    const before = await countDiscounts();
    for (const [method, path] of routes) {
      const res = await (t.http as any)[method](path).send({ code: 'X' });
      expect([path, res.status, res.text]).toEqual([path, 401, 'Unauthorized']);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
    }
    expect(await countDiscounts()).toBe(before);
  });
});

describe('GraphQL discounts', () => {
  const FIELDS = 'id code isDynamic isDisabled usageLimit usageCount validDuration ruleId parentDiscountId metadata rule { id type value allocation conditions { id type operator products { id } customerGroups { id } } } regions { id }';

  it('creates, reads, updates, lists and deletes', async () => {
    const created = await t.gql(`mutation($input: CreateDiscountInput!) { createDiscount(input: $input) { ${FIELDS} } }`, {
      input: { code: 'gql1', regions: [ids.eu], rule: { type: 'percentage', value: 15, allocation: 'total', conditions: [{ operator: 'in', customerGroups: [ids.vip] }] } },
    });
    expect(created.errors).toBeUndefined();
    const d = created.data.createDiscount;
    expect(d).toMatchObject({ code: 'GQL1', isDynamic: false, rule: { type: 'percentage', value: 15 }, regions: [{ id: ids.eu }] });
    expect(d.rule.conditions[0]).toMatchObject({ type: 'customer_groups', operator: 'in', customerGroups: [{ id: ids.vip }], products: [] });

    const updated = await t.gql(`mutation($id: String!, $rule: String!) { updateDiscount(id: $id, input: { usageLimit: 3, rule: { id: $rule, value: 30 }, metadata: { k: "v" } }) { usageLimit rule { value } metadata } }`, { id: d.id, rule: d.ruleId });
    expect(updated.data.updateDiscount).toEqual({ usageLimit: 3, rule: { value: 30 }, metadata: { k: 'v' } });
    // A condition's operator is optional in an update: kept when the condition has an id, required without.
    const condId = d.rule.conditions[0].id;
    const kept = await t.gql(`mutation($id: String!, $rule: String!, $c: String!) { updateDiscount(id: $id, input: { rule: { id: $rule, conditions: [{ id: $c, customerGroups: ["${ids.vip}"] }] } }) { rule { conditions { operator customerGroups { id } } } } }`, { id: d.id, rule: d.ruleId, c: condId });
    expect(kept.data.updateDiscount.rule.conditions).toEqual([{ operator: 'in', customerGroups: [{ id: ids.vip }] }]);
    const noOperator = await t.gql(`mutation($id: String!, $rule: String!) { updateDiscount(id: $id, input: { rule: { id: $rule, conditions: [{ productTags: ["${ids.tag}"] }] } }) { id } }`, { id: d.id, rule: d.ruleId });
    expect(errorType(noOperator)).toBe('invalid_data');

    const byCode = await t.gql(`query { discountByCode(code: "Gql1") { id } }`);
    expect(byCode.data.discountByCode.id).toBe(d.id);
    const got = await t.gql(`query($id: String!) { discount(id: $id) { code } }`, { id: d.id });
    expect(got.data.discount.code).toBe('GQL1');
    const list = await t.gql(`{ discounts(q: "gql", filter: { rule: { type: percentage }, isDynamic: false }, limit: 5) { items { id } count offset limit } }`);
    expect(list.data.discounts).toEqual({ items: [{ id: d.id }], count: 1, offset: 0, limit: 5 });

    const cond = await t.gql(`query($d: String!, $c: String!) { discountCondition(discountId: $d, conditionId: $c) { id type discountRule { id } customerGroups { name } } }`, { d: d.id, c: d.rule.conditions[0].id });
    expect(cond.data.discountCondition).toEqual({ id: d.rule.conditions[0].id, type: 'customer_groups', discountRule: { id: d.ruleId }, customerGroups: [{ name: 'VIP' }] });

    const deleted = await t.gql(`mutation($id: String!) { deleteDiscount(id: $id) { id object deleted } }`, { id: d.id });
    expect(deleted.data.deleteDiscount).toEqual({ id: d.id, object: 'discount', deleted: true });
  });

  it('manages conditions, regions and dynamic codes', async () => {
    const d = await create({ ...percentage('GQLDYN'), is_dynamic: true, valid_duration: 'P1D' });
    const cond = await t.gql(`mutation($id: String!) { createDiscountCondition(discountId: $id, input: { operator: not_in, productTags: ["${ids.tag}"] }) { rule { conditions { id type productTags { id } } } } }`, { id: d.id });
    expect(cond.errors).toBeUndefined();
    const c = cond.data.createDiscountCondition.rule.conditions[0];
    expect(c).toMatchObject({ type: 'product_tags', productTags: [{ id: ids.tag }] });

    const vars = { d: d.id, c: c.id };
    const upd = await t.gql(`mutation($d: String!, $c: String!) { updateDiscountCondition(discountId: $d, conditionId: $c, input: { productTags: [] , products: [] , productCollections: [], productTypes: [], customerGroups: [] }) { id } }`, vars);
    expect(errorType(upd)).toBe('invalid_data');
    const removed = await t.gql(`mutation($d: String!, $c: String!) { removeDiscountConditionResources(discountId: $d, conditionId: $c, input: { resources: [{ id: "${ids.tag}" }] }) { rule { conditions { productTags { id } } } } }`, vars);
    expect(removed.data.removeDiscountConditionResources.rule.conditions[0].productTags).toEqual([]);
    const added = await t.gql(`mutation($d: String!, $c: String!) { addDiscountConditionResources(discountId: $d, conditionId: $c, input: { resources: [{ id: "${ids.tag}" }] }) { rule { conditions { productTags { id } } } } }`, vars);
    expect(added.data.addDiscountConditionResources.rule.conditions[0].productTags).toEqual([{ id: ids.tag }]);
    const delCond = await t.gql(`mutation($d: String!, $c: String!) { deleteDiscountCondition(discountId: $d, conditionId: $c) { id object deleted discount { id } } }`, vars);
    expect(delCond.data.deleteDiscountCondition).toEqual({ id: c.id, object: 'discount-condition', deleted: true, discount: { id: d.id } });

    const region = await t.gql(`mutation($d: String!) { addDiscountRegion(id: $d, regionId: "${ids.dk}") { regions { id } } }`, { d: d.id });
    expect(region.data.addDiscountRegion.regions.map((r: any) => r.id).sort()).toEqual([ids.eu, ids.dk].sort());
    const unregion = await t.gql(`mutation($d: String!) { removeDiscountRegion(id: $d, regionId: "${ids.dk}") { regions { id } } }`, { d: d.id });
    expect(unregion.data.removeDiscountRegion.regions).toEqual([{ id: ids.eu }]);

    const code = await t.gql(`mutation($d: String!) { createDiscountDynamicCode(id: $d, input: { code: "gql-code" }) { code parentDiscountId parentDiscount { code } endsAt } }`, { d: d.id });
    expect(code.data.createDiscountDynamicCode).toMatchObject({ code: 'GQL-CODE', parentDiscountId: d.id, parentDiscount: { code: 'GQLDYN' } });
    const delCode = await t.gql(`mutation($d: String!) { deleteDiscountDynamicCode(id: $d, code: "GQL-code") { id } }`, { d: d.id });
    expect(delCode.data.deleteDiscountDynamicCode.id).toBe(d.id);
  });

  it('reports bad input, unknown ids and missing credentials in Medusa types', async () => {
    const before = await countDiscounts();
    const input = { code: 'gqlbad', regions: [ids.eu, ids.us], rule: { type: 'fixed', value: 100, allocation: 'total' } };
    const twoRegions = await t.gql(`mutation($input: CreateDiscountInput!) { createDiscount(input: $input) { id } }`, { input });
    expect(errorType(twoRegions)).toBe('invalid_data');
    expect(twoRegions.errors?.[0].message).toBe('Fixed discounts can have one region');
    const operator = await t.gql(`mutation { createDiscountCondition(discountId: "x", input: { operator: sometimes, products: ["p"] }) { id } }`);
    expect(operator.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const badVar = await t.gql(`mutation($input: DiscountConditionInput!) { createDiscountCondition(discountId: "x", input: $input) { id } }`, { input: { operator: 'sometimes', products: ['p'] } });
    expect(badVar.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(errorType(await t.gql(`{ discount(id: "disc_missing") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`{ discountByCode(code: "missing") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation { updateDiscount(id: "disc_missing", input: {}) { id } }`))).toBe('not_found');
    // Deleting is idempotent, as in Medusa.
    expect((await t.gql(`mutation { deleteDiscount(id: "disc_missing") { id deleted } }`)).data.deleteDiscount).toEqual({ id: 'disc_missing', deleted: true });
    expect(errorType(await t.gql(`mutation { deleteDiscountDynamicCode(id: "disc_missing", code: "X") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`{ discountCondition(discountId: "disc_missing", conditionId: "x") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`{ discounts { count } }`, {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql(`mutation($input: CreateDiscountInput!) { createDiscount(input: $input) { id } }`, { input: { ...input, regions: [ids.eu] } }, {}))).toBe('unauthorized');
    expect(await countDiscounts()).toBe(before);
  });
});

describe('ISO 8601 durations', () => {
  it('adds calendar units and time', () => {
    const from = new Date('2024-01-15T10:00:00Z');
    expect(addDuration(from, 'P1Y2M3DT4H5M6S').toISOString()).toBe('2025-03-18T14:05:06.000Z');
    expect(addDuration(from, 'P2W').toISOString()).toBe('2024-01-29T10:00:00.000Z');
    expect(addDuration(from, 'PT0.5S').toISOString()).toBe('2024-01-15T10:00:00.500Z');
    expect(() => addDuration(from, 'P')).toThrow();
    expect(() => addDuration(from, 'PT')).toThrow();
  });

  it('keeps the entity rule type enum in sync with the API', () => {
    expect(Object.values(DiscountRuleType)).toEqual(['fixed', 'percentage', 'free_shipping']);
  });
});
