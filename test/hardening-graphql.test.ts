import request from 'supertest';
import { startApp, TestApp, errorType } from './helpers';

// Issue 9, "The server keeps serving": floods are refused before any resolver or validation runs.
let t: TestApp;
let logged: Record<string, unknown>[] = [];
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

/** Captures the server's JSON log lines while `work` runs. */
async function logsOf(work: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const write = process.stdout.write.bind(process.stdout);
  logged = [];
  t.config.logLevel = 'info';
  (process.stdout as any).write = (chunk: any, ...rest: any[]) => {
    try { logged.push(JSON.parse(String(chunk))); return true; } catch { return write(chunk, ...rest); }
  };
  try {
    await work();
  } finally {
    (process.stdout as any).write = write;
    t.config.logLevel = 'silent';
  }
  return logged;
}

const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('GraphQL flood limits', () => {
  it('refuses many aliases of a protected field without credentials up front, quickly', async () => {
    const started = Date.now();
    const res = await request(t.server.app).post('/graphql').send({ query: aliases(10000, 'store { id }') });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
  });

  it('refuses a protected root field without credentials before execution (401)', async () => {
    const res = await request(t.server.app).post('/graphql').send({ query: '{ store { id } }' });
    expect(res.status).toBe(401);
    expect(errorType(res.body)).toBe('unauthorized');
    expect(res.body.data).toBeUndefined();
    // open operations still work without credentials
    const open = await t.gql('mutation { requestPasswordReset(input: { email: "x@aegis.test" }) }', {}, {});
    expect(open.errors).toBeUndefined();
  });

  it('caps root fields per operation, signed in too (fragments counted)', async () => {
    const started = Date.now();
    const flood = await t.gql(aliases(1000, 'customers(limit: 1) { count }'));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(flood.status).toBe(400);
    const res = await t.gql(aliases(100, 'customers(limit: 1) { count }'));
    expect(res.status).toBe(400);
    expect(res.errors![0].message).toMatch(/100 root fields/);
    const viaFragment = await t.gql(`query { ...F } fragment F on Query ${aliases(30, 'store { id }')}`);
    expect(viaFragment.status).toBe(400);
    // 50 aliased password-reset requests in one request
    const resets = await t.gql(`mutation ${aliases(50, 'requestPasswordReset(input: { email: "x@aegis.test" })')}`, {}, {});
    expect(resets.status).toBe(400);
    expect(t.events.filter((e) => e.name === 'user.password_reset')).toHaveLength(0);
    // a few root fields are fine
    const ok = await t.gql(aliases(5, 'store { id }'));
    expect(ok.errors).toBeUndefined();
    expect(Object.keys(ok.data)).toHaveLength(5);
  });

  it('caps aliases anywhere in the operation', async () => {
    const res = await t.gql(`{ store { ${Array.from({ length: 600 }, (_, i) => `n${i}: name`).join(' ')} } }`);
    expect(res.status).toBe(400);
    expect(res.errors![0].message).toMatch(/aliases/);
  });

  it('makes every root field cost at least 1', async () => {
    const app = await startApp({ maxQueryCost: 3 }, t.databaseUrl);
    try {
      // requestPasswordReset answers a Boolean: a scalar, which costs nothing below the root
      const res = await app.gql(`mutation ${aliases(4, 'requestPasswordReset(input: { email: "x@aegis.test" })')}`, {}, {});
      expect(res.status).toBe(400);
      expect(res.errors![0].message).toMatch(/too expensive/);
    } finally {
      await app.close();
    }
  });

  it('answers a deeply nested input with 400 and logs no stack trace', async () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const lines = await logsOf(async () => {
      const res = await t.gql(`{ customers(q: ${deep}) { count } }`);
      expect(res.status).toBe(400);
      const vars = await t.gql('query($q: String) { customers(q: $q) { count } }', { q: JSON.parse(deep) });
      expect(vars.status).toBe(400);
    });
    expect(JSON.stringify(lines)).not.toMatch(/at .*\.js|stack|Maximum call stack/);
  });

  it('logs /graphql with its path and operation name', async () => {
    const lines = await logsOf(() => t.gql('query Shop { store { id } }'));
    expect(lines.find((l) => l.path === '/graphql')).toMatchObject({ path: '/graphql', op: 'Shop', status: 200 });
  });
});

describe('production mode', () => {
  let prod: TestApp;
  beforeAll(async () => { prod = await startApp({ isProduction: true, nodeEnv: 'production' }, t.databaseUrl); });
  afterAll(() => prod.close());

  it('gives no "Did you mean" suggestions', async () => {
    const res = await prod.gql('{ stor { id } }');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean/);
  });

  it('echoes no variable values', async () => {
    const res = await prod.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { email: 'a@b.c', password: 12345678901234, role: 'admin' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.errors)).not.toMatch(/12345678901234/);
    const res2 = await prod.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { email: 'a@b.c', password: 'hunter2-secret', role: 'admin', bogus: 1 } });
    expect(JSON.stringify(res2.errors)).not.toMatch(/hunter2-secret/);
  });
});

describe('request state between root fields', () => {
  it('answers each root mutation with fresh data, not what an earlier one of the request loaded', async () => {
    const region = await t.http.post('/admin/regions').set(t.auth).send({ name: 'Tax', currency_code: 'usd', tax_rate: 0, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['fr'] });
    const rate = await t.gql('mutation($r: String!) { createTaxRate(input: { code: "T", name: "T", rate: 5, regionId: $r }) { id } }', { r: region.body.region.id });
    const [p1, p2] = await Promise.all(['A', 'B'].map((title) => t.http.post('/admin/products').set(t.auth).send({ title })));
    const res = await t.gql(
      'mutation($id: String!, $a: [String!]!, $b: [String!]!) { a: addTaxRateProducts(id: $id, input: { products: $a }) { productCount } b: addTaxRateProducts(id: $id, input: { products: $b }) { productCount } }',
      { id: rate.data.createTaxRate.id, a: [p1.body.product.id], b: [p2.body.product.id] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: { productCount: 1 }, b: { productCount: 2 } });
  });
});
