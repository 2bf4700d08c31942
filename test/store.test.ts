import { startApp, TestApp, errorType } from './helpers';
import { Store } from '../src/entities/store';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

async function storedStore() {
  return (await t.em().find(Store, {}, { populate: ['currencies'] }))[0];
}
const codes = (store: any) => store.currencies.map((c: any) => c.code).sort();

describe('REST /admin/store', () => {
  it('gets the store as a fresh Medusa install has it, with providers and flags', async () => {
    const res = await t.http.get('/admin/store').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.store).toMatchObject({
      name: 'Medusa Store',
      default_currency_code: 'usd',
      default_currency: { code: 'usd', symbol: '$', symbol_native: '$', name: 'US Dollar', includes_tax: false },
      currencies: [{ code: 'usd', symbol: '$', symbol_native: '$', name: 'US Dollar', includes_tax: false }],
      swap_link_template: null, payment_link_template: null, invite_link_template: null, metadata: null,
      payment_providers: [{ id: 'manual', is_installed: true }],
      fulfillment_providers: [{ id: 'manual', is_installed: true }],
      modules: [{ module: 'inventoryService', resolution: 'built-in' }, { module: 'stockLocationService', resolution: 'built-in' }],
    });
    expect(res.body.store.id).toMatch(/^store_/);
    expect(res.body.store.default_sales_channel).toMatchObject({ name: 'Default Sales Channel', is_disabled: false });
    expect(res.body.store.default_sales_channel_id).toBe(res.body.store.default_sales_channel.id);
    expect(res.body.store.feature_flags).toEqual(expect.arrayContaining([{ key: 'analytics', value: false }]));
    // trailing slash, as the admin dashboard calls it
    expect((await t.http.get('/admin/store/').set(t.auth)).body.store.id).toBe(res.body.store.id);
  });

  it('updates name, templates, currencies, default currency and metadata', async () => {
    const res = await t.http.post('/admin/store').set(t.auth).send({
      name: 'Aegis Shop', invite_link_template: 'https://admin.example/invite?token={invite_token}',
      currencies: ['usd', 'EUR', 'dkk'], default_currency_code: 'eur', metadata: { a: 1, keepMe: true },
    });
    expect(res.status).toBe(200);
    expect(res.body.store).toMatchObject({ name: 'Aegis Shop', default_currency_code: 'eur', metadata: { a: 1, keepMe: true } });
    expect(codes(res.body.store)).toEqual(['dkk', 'eur', 'usd']);
    const again = await t.http.post('/admin/store').set(t.auth).send({ metadata: { a: '' } });
    expect(again.body.store.metadata).toEqual({ keepMe: true });
    const stored = await storedStore();
    expect(stored.defaultCurrencyCode).toBe('eur');
    expect(stored.currencies.getItems().map((c) => c.code).sort()).toEqual(['dkk', 'eur', 'usd']);
  });

  it('refuses bad updates with 400 and changes nothing', async () => {
    const cases: [object, string][] = [
      [{ currencies: ['usd'] }, 'You are not allowed to remove default currency from store currencies without replacing it as well'],
      [{ default_currency_code: 'gbp' }, 'Store does not have currency: gbp'],
      [{ currencies: ['eur', 'xxx'] }, 'Currency with code xxx does not exist'],
      [{ name: 5 }, ''],
      [{ unknown_key: 1 }, 'property unknown_key should not exist'],
    ];
    for (const [body, message] of cases) {
      const res = await t.http.post('/admin/store').set(t.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
      if (message) expect(res.body.message).toBe(message);
    }
    const stored = await storedStore();
    expect(stored.name).toBe('Aegis Shop');
    expect(stored.currencies.getItems().map((c) => c.code).sort()).toEqual(['dkk', 'eur', 'usd']);
  });

  it('adds and removes a currency', async () => {
    const add = await t.http.post('/admin/store/currencies/gbp').set(t.auth);
    expect(add.status).toBe(200);
    expect(codes(add.body.store)).toEqual(['dkk', 'eur', 'gbp', 'usd']);
    const dup = await t.http.post('/admin/store/currencies/gbp').set(t.auth);
    expect(dup.status).toBe(422);
    expect(dup.body).toEqual({ type: 'duplicate_error', code: 'invalid_request_error', message: 'Currency already added' });

    const remove = await t.http.delete('/admin/store/currencies/dkk').set(t.auth);
    expect(codes(remove.body.store)).toEqual(['eur', 'gbp', 'usd']);
    const removeAgain = await t.http.delete('/admin/store/currencies/dkk').set(t.auth);
    expect(removeAgain.status).toBe(200);
    expect(codes(removeAgain.body.store)).toEqual(['eur', 'gbp', 'usd']);
    const removeDefault = await t.http.delete('/admin/store/currencies/eur').set(t.auth);
    expect(removeDefault.status).toBe(400);

    const unknown = await t.http.post('/admin/store/currencies/xyz').set(t.auth);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ type: 'invalid_data', message: 'Currency xyz not found' });
    const removeUnknown = await t.http.delete('/admin/store/currencies/xyz').set(t.auth);
    expect(removeUnknown.status).toBe(200);
    expect(codes(removeUnknown.body.store)).toEqual(['eur', 'gbp', 'usd']);
    const stored = await storedStore();
    expect(stored.currencies.getItems().map((c) => c.code).sort()).toEqual(['eur', 'gbp', 'usd']);
  });

  it('adds currencies safely when requests race', async () => {
    const results = await Promise.all(['jpy', 'jpy', 'chf'].map((c) => t.http.post(`/admin/store/currencies/${c}`).set(t.auth)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 422]);
    expect((await storedStore()).currencies.getItems().map((c) => c.code).sort()).toEqual(['chf', 'eur', 'gbp', 'jpy', 'usd']);
  });

  it('lists payment and tax providers', async () => {
    expect((await t.http.get('/admin/store/payment-providers').set(t.auth)).body).toEqual({ payment_providers: [{ id: 'manual', is_installed: true }] });
    // The built-in system provider is every region's default and, as in Medusa, not listed.
    expect((await t.http.get('/admin/store/tax-providers').set(t.auth)).body).toEqual({ tax_providers: [] });
  });

  it('answers 401 without credentials', async () => {
    for (const res of [
      await t.http.get('/admin/store'), await t.http.get('/admin/store/'), await t.http.post('/admin/store').send({ name: 'x' }),
      await t.http.post('/admin/store/currencies/eur'), await t.http.delete('/admin/store/currencies/eur'),
      await t.http.get('/admin/store/payment-providers'), await t.http.get('/admin/store/tax-providers'),
    ]) {
      expect(res.status).toBe(401);
      expect(res.text).toBe('Unauthorized');
    }
  });
});

describe('GraphQL store', () => {
  it('reads and changes the store', async () => {
    const read = await t.gql('{ store { name defaultCurrencyCode currencies { code } defaultCurrency { name } paymentProviders { id } featureFlags { key value } } paymentProviders { id } taxProviders { id } }');
    expect(read.errors).toBeUndefined();
    expect(read.data.store.defaultCurrency.name).toBe('Euro');
    expect(read.data.taxProviders).toEqual([]);

    const upd = await t.gql('mutation { updateStore(input: { name: "GQL Shop", metadata: { x: 1 } }) { name metadata } }');
    expect(upd.data.updateStore).toEqual({ name: 'GQL Shop', metadata: { keepMe: true, x: 1 } });
    const add = await t.gql('mutation { addStoreCurrency(code: "sek") { currencies { code } } }');
    expect(add.data.addStoreCurrency.currencies.map((c: any) => c.code)).toContain('sek');
    const rm = await t.gql('mutation { removeStoreCurrency(code: "sek") { currencies { code } } }');
    expect(rm.data.removeStoreCurrency.currencies.map((c: any) => c.code)).not.toContain('sek');
    expect((await storedStore()).name).toBe('GQL Shop');
  });

  it('reports bad input, unknown codes and missing credentials', async () => {
    expect(errorType(await t.gql('mutation { updateStore(input: { defaultCurrencyCode: "nok" }) { name } }'))).toBe('invalid_data');
    expect(errorType(await t.gql('mutation { addStoreCurrency(code: "zzz") { name } }'))).toBe('invalid_data');
    expect((await t.gql('mutation { removeStoreCurrency(code: "zzz") { name } }')).data.removeStoreCurrency.name).toBe('GQL Shop');
    expect(errorType(await t.gql('{ store { name } }', {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql('mutation { updateStore(input: { name: "x" }) { name } }', {}, {}))).toBe('unauthorized');
    expect((await storedStore()).name).toBe('GQL Shop');
  });
});

it('reads the store in two statements: the credential, then the store with its currencies, default channel and provider lists as JSON columns', async () => {
  await t.http.get('/admin/store').set(t.auth);
  // Five through the ORM (store and currencies, channel, two provider lists); the raw reader reads them in one statement.
  expect(await t.countQueries(() => t.http.get('/admin/store').set(t.auth))).toBe(2);
});
