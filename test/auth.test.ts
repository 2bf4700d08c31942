import request from 'supertest';
import { Client } from 'pg';
import jwt from 'jsonwebtoken';
import { startApp, TestApp, errorType, ADMIN } from './helpers';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

const sessionCookie = (res: request.Response) => (res.headers['set-cookie'] as unknown as string[] | undefined)?.find((c) => c.startsWith('connect.sid='));

async function sessionRows(): Promise<number> {
  const conn = t.orm.em.getConnection();
  const rows = await conn.execute('select count(*)::int as n from "session"');
  return rows[0].n;
}

describe('REST /admin/auth', () => {
  it('logs in with a cookie session (case-insensitive email), regenerating the session id', async () => {
    const agent = request.agent(t.server.app);
    const res = await agent.post('/admin/auth').send({ email: ADMIN.email.toUpperCase(), password: ADMIN.password });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: t.admin.id, email: ADMIN.email, role: 'admin' });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/);
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const me = await agent.get('/admin/auth');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(t.admin.id);

    // a second login on the same agent gets a new session id
    const again = await agent.post('/admin/auth').send(ADMIN);
    expect(sessionCookie(again)!.split(';')[0]).not.toBe(cookie.split(';')[0]);
  });

  it('keeps the session in PostgreSQL and ends it at logout', async () => {
    const agent = request.agent(t.server.app);
    const before = await sessionRows();
    await agent.post('/admin/auth').send(ADMIN);
    expect(await sessionRows()).toBe(before + 1);
    const out = await agent.delete('/admin/auth');
    expect(out.status).toBe(200);
    expect(await sessionRows()).toBe(before);
    expect((await agent.get('/admin/auth')).status).toBe(401);
  });

  it('refuses bad credentials with a plain 401 and bad input with 400', async () => {
    for (const body of [{ email: ADMIN.email, password: 'wrong' }, { email: 'nobody@aegis.test', password: ADMIN.password }]) {
      const res = await t.http.post('/admin/auth').send(body);
      expect(res.status).toBe(401);
      expect(res.text).toBe('Unauthorized');
      expect(sessionCookie(res)).toBeUndefined();
    }
    const bad = await t.http.post('/admin/auth').send({ email: 'not-an-email', password: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.type).toBe('invalid_data');
    expect((await t.http.post('/admin/auth').send({ email: ADMIN.email })).status).toBe(400);
    expect((await t.http.post('/admin/auth').set('content-type', 'application/json').send('{bad json')).status).toBe(400);
  });

  it('issues a 24 h HS256 JWT for the bearer header', async () => {
    const res = await t.http.post('/admin/auth/token').send(ADMIN);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['access_token']);
    const payload = jwt.verify(res.body.access_token, t.config.jwtSecret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    expect(payload).toMatchObject({ user_id: t.admin.id, domain: 'admin' });
    expect(payload.exp! - payload.iat!).toBe(24 * 3600);
    const me = await t.http.get('/admin/auth').set('authorization', `Bearer ${res.body.access_token}`);
    expect(me.body.user.id).toBe(t.admin.id);
    expect(sessionCookie(me)).toBeUndefined();

    expect((await t.http.post('/admin/auth/token').send({ ...ADMIN, password: 'nope' })).status).toBe(401);
    expect((await t.http.post('/admin/auth/token').send({ email: ADMIN.email })).status).toBe(400);
    const forged = jwt.sign({ user_id: t.admin.id, domain: 'admin' }, 'another-secret');
    expect((await t.http.get('/admin/auth').set('authorization', `Bearer ${forged}`)).status).toBe(401);
    const storeToken = jwt.sign({ user_id: t.admin.id, domain: 'store' }, t.config.jwtSecret);
    expect((await t.http.get('/admin/auth').set('authorization', `Bearer ${storeToken}`)).status).toBe(401);
  });

  it('answers 401 without credentials on GET and DELETE', async () => {
    for (const res of [await t.http.get('/admin/auth'), await t.http.delete('/admin/auth')]) {
      expect(res.status).toBe(401);
      expect(res.text).toBe('Unauthorized');
    }
  });

  it('keeps sessions valid across a server restart (they live in PostgreSQL)', async () => {
    const agent = request.agent(t.server.app);
    await agent.post('/admin/auth').send(ADMIN);
    const cookie = sessionCookie(await agent.post('/admin/auth').send(ADMIN))!.split(';')[0];
    const second = await startAppOnSameDb();
    try {
      const me = await request(second.app).get('/admin/auth').set('cookie', cookie);
      expect(me.status).toBe(200);
      expect(me.body.user.id).toBe(t.admin.id);
    } finally {
      await second.close();
    }
  });

  it('refuses a cookie-authenticated write from a foreign origin (CSRF)', async () => {
    const agent = request.agent(t.server.app);
    await agent.post('/admin/auth').send(ADMIN);
    const res = await agent.post('/admin/store').set('origin', 'https://evil.example').send({ name: 'pwned' });
    expect(res.status).toBe(403);
    const ok = await agent.post('/admin/store').set('origin', 'http://localhost:7001').send({ name: 'Fine' });
    expect(ok.status).toBe(200);
  });
});

/** A second server process stand-in: a new ORM and app over the same database. */
async function startAppOnSameDb() {
  const { openOrm } = await import('../src/db/orm');
  const { createServer } = await import('../src/server');
  const url = (t.orm.config.get('clientUrl') as string);
  const orm = await openOrm(url, { pool: { min: 0, max: 2 } } as any);
  const server = await createServer(orm, t.config, url);
  return { app: server.app, close: async () => { await server.close(); await orm.close(); } };
}

describe('GraphQL auth', () => {
  it('logs in and out with a session, and reports who is signed in', async () => {
    const agent = request.agent(t.server.app);
    const login = await agent.post('/graphql').send({ query: `mutation($i: LoginInput!) { login(input: $i) { id email } }`, variables: { i: ADMIN } });
    expect(login.body.data.login.id).toBe(t.admin.id);
    const me = await agent.post('/graphql').send({ query: '{ currentUser { id } }' });
    expect(me.body.data.currentUser.id).toBe(t.admin.id);
    const out = await agent.post('/graphql').send({ query: 'mutation { logout }' });
    expect(out.body.data.logout).toBe(true);
    const after = await agent.post('/graphql').send({ query: '{ currentUser { id } }' });
    expect(after.body.errors[0].extensions.type).toBe('unauthorized');
  });

  it('creates an access token; refuses bad credentials and bad input', async () => {
    const ok = await t.gql(`mutation { createAccessToken(input: { email: "${ADMIN.email}", password: "${ADMIN.password}" }) { accessToken } }`, {}, {});
    expect(ok.data.createAccessToken.accessToken).toMatch(/^ey/);
    expect(errorType(await t.gql(`mutation { createAccessToken(input: { email: "${ADMIN.email}", password: "x" }) { accessToken } }`, {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql(`mutation { login(input: { email: "bad", password: "x" }) { id } }`, {}, {}))).toBe('invalid_data');
    expect(errorType(await t.gql('{ currentUser { id } }', {}, {}))).toBe('unauthorized');
  });

  it('works with the API token header', async () => {
    await t.http.post(`/admin/users/${t.admin.id}`).set(t.auth).send({ api_token: 'admin-api-token-0123' });
    const res = await t.gql('{ currentUser { email } }', {}, { 'x-medusa-access-token': 'admin-api-token-0123' });
    expect(res.data.currentUser.email).toBe(ADMIN.email);
  });
});

describe('secrets stay out of logs', () => {
  it('logs one line per request without bodies, tokens or cookies', async () => {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    (process.stdout as any).write = (chunk: any, ...rest: any[]) => { lines.push(String(chunk)); return true; };
    const old = t.config.logLevel;
    t.config.logLevel = 'info';
    try {
      const agent = request.agent(t.server.app);
      await agent.post('/admin/auth').send(ADMIN);
      await agent.post('/admin/users/password-token').send({ email: ADMIN.email });
      await t.http.post('/admin/auth/token').send(ADMIN);
      await agent.get('/admin/auth');
    } finally {
      t.config.logLevel = old;
      (process.stdout as any).write = write;
    }
    const text = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(Object.keys(JSON.parse(line))).toEqual(expect.arrayContaining(['req_id', 'method', 'path', 'status', 'ms']));
    expect(text).not.toContain(ADMIN.password);
    expect(text).not.toMatch(/connect\.sid|eyJ|scrypt/);
  });

  it('never stores a plain password', async () => {
    const client = new Client({ connectionString: t.orm.config.get('clientUrl') as string });
    await client.connect();
    const { rows } = await client.query('select password_hash from "user"');
    await client.end();
    for (const r of rows) expect(r.password_hash).not.toContain(ADMIN.password);
  });
});
