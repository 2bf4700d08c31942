import { startApp, TestApp, errorType } from './helpers';
import { GiftCard } from '../src/entities/gift-cards';
import { Notification } from '../src/entities/notifications';
import { generateCode } from '../src/services/gift-cards';

let t: TestApp;
let regionId: string;
let untaxedRegionId: string;

async function newRegion(name: string, country: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await t.http.post('/admin/regions').set(t.auth)
    .send({ name, currency_code: 'usd', tax_rate: 25, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: [country], ...extra });
  expect(res.status).toBe(200);
  return res.body.region.id;
}

beforeAll(async () => {
  t = await startApp();
  regionId = await newRegion('Denmark', 'dk');
  untaxedRegionId = await newRegion('Sweden', 'se');
  await t.em().nativeUpdate('Region', { id: untaxedRegionId }, { giftCardsTaxable: false });
});
afterAll(() => t.close());

const countCards = () => t.em().count(GiftCard, {});
const CODE = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

describe('gift card codes', () => {
  it('follow Medusa\'s 4×4 format and differ', () => {
    const codes = new Set(Array.from({ length: 200 }, generateCode));
    for (const code of codes) expect(code).toMatch(CODE);
    expect(codes.size).toBe(200);
  });
});

describe('REST /admin/gift-cards', () => {
  let cardId: string;

  it('creates a card: generated code, balance = value, region tax rate, region, no order yet, gift_card.created recorded', async () => {
    const res = await t.http.post('/admin/gift-cards').set(t.auth).send({ value: 5000, region_id: regionId, ends_at: '2030-01-01T00:00:00Z', metadata: { from: 'Ann' } });
    expect(res.status).toBe(200);
    const card = res.body.gift_card;
    expect(card).toMatchObject({
      value: 5000, balance: 5000, region_id: regionId, is_disabled: false, ends_at: '2030-01-01T00:00:00.000Z', tax_rate: 25,
      order: null, deleted_at: null, metadata: { from: 'Ann' },
    });
    // Medusa's selected columns leave out order_id.
    expect(card).not.toHaveProperty('order_id');
    expect(card.code).toMatch(CODE);
    expect(card.id).toMatch(/^gift_[0-9A-Z]{26}$/);
    expect(card.region).toMatchObject({ id: regionId, name: 'Denmark' });
    expect(card.region.payment_providers).toBeUndefined();
    cardId = card.id;
    expect((await t.em().findOneOrFail(GiftCard, cardId)).balance).toBe(5000);
    expect(t.events.filter((e) => e.name === 'gift_card.created').map((e) => e.data)).toEqual([{ id: cardId }]);
    const [noti] = await t.em().find(Notification, { eventName: 'gift_card.created' });
    expect(noti).toMatchObject({ resourceType: 'gift_card', resourceId: cardId, providerId: 'local' });
  });

  it('leaves tax_rate null in a region that does not tax gift cards', async () => {
    const res = await t.http.post('/admin/gift-cards').set(t.auth).send({ value: 100, region_id: untaxedRegionId, is_disabled: true });
    expect(res.body.gift_card).toMatchObject({ tax_rate: null, is_disabled: true, ends_at: null });
  });

  it('leaves tax_rate null in a region taxing gift cards at 0 (Medusa: a zero rate is no rate)', async () => {
    const zeroId = await newRegion('Zero', 'no', { tax_rate: 0 });
    const res = await t.http.post('/admin/gift-cards').set(t.auth).send({ value: 100, region_id: zeroId });
    expect(res.body.gift_card.tax_rate).toBeNull();
    expect((await t.em().findOneOrFail(GiftCard, res.body.gift_card.id)).taxRate).toBeNull();
    await t.em().nativeDelete(GiftCard, { id: res.body.gift_card.id });
  });

  it('refuses bad input (400) and an unknown region (404), writing nothing', async () => {
    const before = await countCards();
    for (const body of [{}, { value: 100 }, { region_id: regionId }, { value: -1, region_id: regionId }, { value: 1.5, region_id: regionId },
      { value: 'ten', region_id: regionId }, { value: 1, region_id: regionId, balance: 1 }, { value: 1, region_id: regionId, ends_at: 'soon' }]) {
      const res = await t.http.post('/admin/gift-cards').set(t.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
    }
    const unknown = await t.http.post('/admin/gift-cards').set(t.auth).send({ value: 1, region_id: 'reg_missing' });
    expect(unknown.status).toBe(404);
    expect(await countCards()).toBe(before);
  });

  it('gets and updates (balance within 0..value, region must exist, metadata merged); 404 for unknown ids', async () => {
    const got = await t.http.get(`/admin/gift-cards/${cardId}`).set(t.auth);
    expect(got.body.gift_card).toMatchObject({ id: cardId, balance: 5000, region: { id: regionId } });
    const upd = await t.http.post(`/admin/gift-cards/${cardId}`).set(t.auth)
      .send({ balance: 1200, is_disabled: true, ends_at: null, region_id: untaxedRegionId, metadata: { from: '', to: 'Bob' } });
    expect(upd.status).toBe(200);
    expect(upd.body.gift_card).toMatchObject({ balance: 1200, value: 5000, is_disabled: true, ends_at: null, region_id: untaxedRegionId, region: { name: 'Sweden' }, metadata: { to: 'Bob' } });
    expect((await t.em().findOneOrFail(GiftCard, cardId)).balance).toBe(1200);
    // Medusa ignores `metadata: null`: the stored keys stay.
    expect((await t.http.post(`/admin/gift-cards/${cardId}`).set(t.auth).send({ metadata: null })).body.gift_card.metadata).toEqual({ to: 'Bob' });
    expect((await t.em().findOneOrFail(GiftCard, cardId)).metadata).toEqual({ to: 'Bob' });

    for (const balance of [5001, -1]) {
      const bad = await t.http.post(`/admin/gift-cards/${cardId}`).set(t.auth).send({ balance, is_disabled: false });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toBe('new balance is invalid: it must be between 0 and the gift card\'s value (5000)');
    }
    expect((await t.http.post(`/admin/gift-cards/${cardId}`).set(t.auth).send({ value: 10 })).status).toBe(400);
    expect((await t.http.post(`/admin/gift-cards/${cardId}`).set(t.auth).send({ code: 'AAAA-AAAA-AAAA-AAAA' })).status).toBe(400);
    expect((await t.http.post(`/admin/gift-cards/${cardId}`).set(t.auth).send({ region_id: 'reg_missing' })).status).toBe(404);
    // Medusa looks the region up before it checks the balance.
    expect((await t.http.post(`/admin/gift-cards/${cardId}`).set(t.auth).send({ region_id: 'reg_missing', balance: -1 })).status).toBe(404);
    expect((await t.http.post(`/admin/gift-cards/${cardId}`).set(t.auth).send({ region_id: null, balance: null, is_disabled: null })).status).toBe(200);
    const stored = await t.em().findOneOrFail(GiftCard, cardId);
    expect(stored).toMatchObject({ balance: 1200, isDisabled: true, value: 5000 });
    expect(stored.region.id).toBe(untaxedRegionId);
    expect((await t.http.post(`/admin/gift-cards/${cardId}`).set(t.auth).send({ balance: 0 })).body.gift_card.balance).toBe(0);
    expect((await t.http.post(`/admin/gift-cards/${cardId}`).set(t.auth).send({ balance: 5000 })).body.gift_card.balance).toBe(5000);
    expect((await t.http.get('/admin/gift-cards/gift_missing').set(t.auth)).body).toEqual({ type: 'not_found', message: 'Gift card with id: gift_missing was not found' });
    expect((await t.http.post('/admin/gift-cards/gift_missing').set(t.auth).send({ balance: 1 })).status).toBe(404);
  });

  it('applies concurrent balance updates one at a time', async () => {
    const results = await Promise.all([1, 2, 3, 4].map((n) => t.http.post(`/admin/gift-cards/${cardId}`).set(t.auth).send({ balance: n * 100 })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect([100, 200, 300, 400]).toContain((await t.em().findOneOrFail(GiftCard, cardId)).balance);
  });

  it('lists newest first with q, order and paging', async () => {
    const all = await t.http.get('/admin/gift-cards').set(t.auth);
    expect(all.body).toMatchObject({ count: 2, offset: 0, limit: 50 });
    expect(all.body.gift_cards[1].id).toBe(cardId);
    expect(all.body.gift_cards[1]).toMatchObject({ region: { id: expect.any(String) }, order: null });
    // The list takes neither expand nor fields, as Medusa's.
    expect((await t.http.get('/admin/gift-cards?fields=code&expand=region').set(t.auth)).body).toEqual({ type: 'invalid_data', message: 'property fields should not exist, property expand should not exist' });
    const code = all.body.gift_cards[1].code as string;
    const q = await t.http.get(`/admin/gift-cards?q=${code.slice(5, 9).toLowerCase()}`).set(t.auth);
    expect(q.body.gift_cards.map((c: any) => c.id)).toContain(cardId);
    expect((await t.http.get(`/admin/gift-cards?q=${code}`).set(t.auth)).body.count).toBe(1);
    expect((await t.http.get('/admin/gift-cards?q=no-such-code').set(t.auth)).body.count).toBe(0);
    const ordered = await t.http.get('/admin/gift-cards?order=value&limit=1&offset=1').set(t.auth);
    expect(ordered.body).toMatchObject({ count: 2, limit: 1, offset: 1 });
    expect(ordered.body.gift_cards[0].value).toBe(5000);
    expect((await t.http.get('/admin/gift-cards?order=tax_rate').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/gift-cards?region_id=x').set(t.auth)).status).toBe(400);
  });

  it('costs a fixed number of queries for a page with regions', async () => {
    for (let i = 0; i < 6; i++) await t.http.post('/admin/gift-cards').set(t.auth).send({ value: 10 * i, region_id: i % 2 ? regionId : untaxedRegionId });
    const list = (limit: number) => t.http.get(`/admin/gift-cards?limit=${limit}`).set(t.auth);
    expect(await t.countQueries(() => list(2))).toBe(await t.countQueries(() => list(20)));
  });

  it('deletes softly; unknown or deleted ids answer 200 as in Medusa', async () => {
    const del = await t.http.delete(`/admin/gift-cards/${cardId}`).set(t.auth);
    expect(del.body).toEqual({ id: cardId, object: 'gift-card', deleted: true });
    expect((await t.http.get(`/admin/gift-cards/${cardId}`).set(t.auth)).status).toBe(404);
    expect((await t.http.get('/admin/gift-cards').set(t.auth)).body.gift_cards.map((c: any) => c.id)).not.toContain(cardId);
    expect((await t.em().findOneOrFail(GiftCard, cardId, { filters: false })).deletedAt).toBeInstanceOf(Date);
    // Medusa's delete finds nothing to remove and answers the same confirmation.
    const again = await t.http.delete(`/admin/gift-cards/${cardId}`).set(t.auth);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: cardId, object: 'gift-card', deleted: true });
    expect((await t.http.delete('/admin/gift-cards/gift_missing').set(t.auth)).body).toEqual({ id: 'gift_missing', object: 'gift-card', deleted: true });
    expect(await t.em().count(GiftCard, { id: 'gift_missing' }, { filters: false })).toBe(0);
  });

  it('answers 401 text/plain without credentials', async () => {
    for (const [method, path] of [['get', '/admin/gift-cards'], ['post', '/admin/gift-cards'], ['get', `/admin/gift-cards/${cardId}`], ['post', `/admin/gift-cards/${cardId}`], ['delete', `/admin/gift-cards/${cardId}`]] as const) {
      const res = await (t.http as any)[method](path).send({});
      expect(res.status).toBe(401);
      expect(res.text).toBe('Unauthorized');
    }
  });
});

describe('GraphQL gift cards', () => {
  it('runs every operation', async () => {
    const created = await t.gql(`mutation($r: String!) { createGiftCard(input: { value: 300, regionId: $r }) { id code value balance regionId region { name } } }`, { r: regionId });
    expect(created.errors).toBeUndefined();
    const { id, code } = created.data.createGiftCard;
    expect(code).toMatch(CODE);
    expect(created.data.createGiftCard).toMatchObject({ value: 300, balance: 300, region: { name: 'Denmark' } });
    const updated = await t.gql(`mutation($id: String!) { updateGiftCard(id: $id, input: { balance: 120, metadata: { a: 1 } }) { balance metadata } }`, { id });
    expect(updated.data.updateGiftCard).toEqual({ balance: 120, metadata: { a: 1 } });
    const got = await t.gql(`query($id: String!) { giftCard(id: $id) { balance } }`, { id });
    expect(got.data.giftCard.balance).toBe(120);
    const list = await t.gql(`query($q: String!) { giftCards(q: $q) { items { id } count } }`, { q: code });
    expect(list.data.giftCards).toEqual({ items: [{ id }], count: 1 });
    const deleted = await t.gql(`mutation($id: String!) { deleteGiftCard(id: $id) { id object deleted } }`, { id });
    expect(deleted.data.deleteGiftCard).toEqual({ id, object: 'gift-card', deleted: true });
  });

  it('reports bad input, unknown ids and missing credentials', async () => {
    const before = await countCards();
    expect(errorType(await t.gql(`mutation($r: String!) { createGiftCard(input: { value: -5, regionId: $r }) { id } }`, { r: regionId }))).toBe('invalid_data');
    expect(errorType(await t.gql(`mutation { createGiftCard(input: { value: 5, regionId: "reg_missing" }) { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation($r: String!) { createGiftCard(input: { value: 5, regionId: $r }) { id } }`, { r: regionId }, {}))).toBe('unauthorized');
    expect(await countCards()).toBe(before);
    const [card] = await t.em().find(GiftCard, {}, { limit: 1 });
    expect(errorType(await t.gql(`mutation($id: String!) { updateGiftCard(id: $id, input: { balance: 999999 }) { id } }`, { id: card.id }))).toBe('invalid_data');
    expect(errorType(await t.gql(`{ giftCard(id: "gift_missing") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation { updateGiftCard(id: "gift_missing", input: {}) { id } }`))).toBe('not_found');
    expect((await t.gql(`mutation { deleteGiftCard(id: "gift_missing") { id deleted } }`)).data.deleteGiftCard).toEqual({ id: 'gift_missing', deleted: true });
    expect(errorType(await t.gql(`{ giftCards { count } }`, {}, {}))).toBe('unauthorized');
  });
});
