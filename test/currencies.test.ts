import { startApp, TestApp, errorType } from './helpers';
import { Currency } from '../src/entities/currencies';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

describe('REST /admin/currencies', () => {
  it('lists every ISO 4217 currency, 20 a page by default, ordered by code', async () => {
    const res = await t.http.get('/admin/currencies').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ offset: 0, limit: 20 });
    expect(res.body.count).toBeGreaterThan(150);
    expect(res.body.currencies).toHaveLength(20);
    expect(Object.keys(res.body.currencies[0]).sort()).toEqual(['code', 'includes_tax', 'name', 'symbol', 'symbol_native']);
    const codes = res.body.currencies.map((c: any) => c.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('filters by code, q and includes_tax; orders and pages', async () => {
    expect((await t.http.get('/admin/currencies?code=EUR').set(t.auth)).body.currencies.map((c: any) => c.code)).toEqual(['eur']);
    const q = await t.http.get('/admin/currencies?q=krone').set(t.auth);
    expect(q.body.currencies.map((c: any) => c.code)).toEqual(expect.arrayContaining(['dkk', 'nok']));
    const desc = await t.http.get('/admin/currencies?order=-code&limit=3').set(t.auth);
    const descCodes = desc.body.currencies.map((c: any) => c.code);
    expect(descCodes).toEqual([...descCodes].sort().reverse());
    expect(descCodes[0] > 'y').toBe(true);
    const byName = await t.http.get('/admin/currencies?order=name&limit=2&offset=1').set(t.auth);
    expect(byName.body).toMatchObject({ offset: 1, limit: 2 });
    await t.http.post('/admin/currencies/eur').set(t.auth).send({ includes_tax: true });
    const taxed = await t.http.get('/admin/currencies?includes_tax=true').set(t.auth);
    expect(taxed.body.currencies.map((c: any) => c.code)).toEqual(['eur']);
    expect((await t.http.get('/admin/currencies?includes_tax=maybe').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/currencies?order=symbol_native').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/currencies?nope=1').set(t.auth)).status).toBe(400);
  });

  it('updates includes_tax', async () => {
    const res = await t.http.post('/admin/currencies/USD').set(t.auth).send({ includes_tax: true });
    expect(res.status).toBe(200);
    expect(res.body.currency).toEqual({ code: 'usd', symbol: '$', symbol_native: '$', name: 'US Dollar', includes_tax: true });
    expect((await t.em().findOneOrFail(Currency, 'usd')).includesTax).toBe(true);
  });

  it('refuses bad input and unknown codes', async () => {
    const bad = await t.http.post('/admin/currencies/usd').set(t.auth).send({ includes_tax: 'yes' });
    expect(bad.status).toBe(400);
    expect((await t.http.post('/admin/currencies/usd').set(t.auth).send({ symbol: 'x' })).status).toBe(400);
    expect((await t.em().findOneOrFail(Currency, 'usd')).symbol).toBe('$');
    const missing = await t.http.post('/admin/currencies/xyz').set(t.auth).send({ includes_tax: true });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'Currency with code: xyz was not found' });
    // Medusa's list takes neither expand nor fields.
    expect((await t.http.get('/admin/currencies?fields=code&expand=regions').set(t.auth)).body).toEqual({ type: 'invalid_data', message: 'property fields should not exist, property expand should not exist' });
  });

  it('answers 401 without credentials', async () => {
    expect((await t.http.get('/admin/currencies')).status).toBe(401);
    expect((await t.http.post('/admin/currencies/usd').send({ includes_tax: false })).text).toBe('Unauthorized');
  });
});

describe('GraphQL currencies', () => {
  it('lists and updates', async () => {
    const list = await t.gql('{ currencies(filter: { code: "gbp" }) { items { code name symbol symbolNative includesTax } count } }');
    expect(list.data.currencies).toEqual({ items: [{ code: 'gbp', name: 'British Pound', symbol: '£', symbolNative: '£', includesTax: false }], count: 1 });
    const upd = await t.gql('mutation { updateCurrency(code: "gbp", input: { includesTax: true }) { includesTax } }');
    expect(upd.data.updateCurrency.includesTax).toBe(true);
    expect((await t.em().findOneOrFail(Currency, 'gbp')).includesTax).toBe(true);
  });

  it('reports bad input, unknown codes and missing credentials', async () => {
    expect(errorType(await t.gql('{ currencies(order: "symbol") { count } }'))).toBe('invalid_data');
    expect(errorType(await t.gql('{ currencies(limit: -1) { count } }'))).toBe('invalid_data');
    expect(errorType(await t.gql('mutation { updateCurrency(code: "xyz", input: { includesTax: true }) { code } }'))).toBe('not_found');
    expect(errorType(await t.gql('{ currencies { count } }', {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql('mutation { updateCurrency(code: "usd", input: { includesTax: true }) { code } }', {}, {}))).toBe('unauthorized');
  });
});
