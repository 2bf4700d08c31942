import { startApp, TestApp, errorType, ADMIN } from './helpers';
import { User } from '../src/entities/users';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

const countUsers = () => t.em().count(User, {});

describe('REST /admin/users', () => {
  let memberId: string;

  it('creates a user (email stored lower-case, no secrets in the answer)', async () => {
    const res = await t.http.post('/admin/users').set(t.auth).send({ email: 'Jane@Example.com', password: 'pw-123456', first_name: 'Jane', role: 'developer' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: 'jane@example.com', first_name: 'Jane', last_name: null, role: 'developer', deleted_at: null, metadata: null });
    expect(res.body.user.id).toMatch(/^usr_[0-9A-Z]{26}$/);
    expect(JSON.stringify(res.body)).not.toMatch(/password|scrypt/);
    memberId = res.body.user.id;
    const stored = await t.em().findOneOrFail(User, memberId, { populate: ['passwordHash'] as any });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await countUsers();
    for (const body of [{ email: 'not-an-email', password: 'x' }, { email: 'a@b.c' }, { email: 'a@b.c', password: 'x', role: 'boss' }, { email: 'a@b.c', password: 'x', hacker: 1 }]) {
      const res = await t.http.post('/admin/users').set(t.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
      expect(res.body.message).toEqual(expect.any(String));
    }
    const dup = await t.http.post('/admin/users').set(t.auth).send({ email: 'JANE@example.com', password: 'x' });
    expect(dup.status).toBe(400);
    expect(dup.body).toEqual({ type: 'invalid_data', message: 'A user with the same email already exists.' });
    expect(await countUsers()).toBe(before);
  });

  it('names an unknown body key first, then every other problem, as Medusa joins them', async () => {
    const res = await t.http.post('/admin/users').set(t.auth).send({ email: 'a@b.c', password: 'x', hacker: 1 });
    expect(res.body).toEqual({ type: 'invalid_data', message: 'property hacker should not exist, email must be an email' });
  });

  it('gets, updates (metadata merged, api_token usable) and 404s', async () => {
    const got = await t.http.get(`/admin/users/${memberId}`).set(t.auth);
    expect(got.status).toBe(200);
    expect(got.body.user.email).toBe('jane@example.com');

    await t.http.post(`/admin/users/${memberId}`).set(t.auth).send({ metadata: { a: 1, b: 2 } });
    const upd = await t.http.post(`/admin/users/${memberId}`).set(t.auth).send({ last_name: 'Doe', api_token: 'tok-jane-0123456789', metadata: { b: '', camelKey: 3 } });
    expect(upd.status).toBe(200);
    expect(upd.body.user).toMatchObject({ last_name: 'Doe', metadata: { a: 1, camelKey: 3 } });
    // Write-only: the key is there, as in Medusa's User, but never the value.
    expect(upd.body.user.api_token).toBeNull();

    const me = await t.http.get('/admin/auth').set('x-medusa-access-token', 'tok-jane-0123456789');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(memberId);

    const bad = await t.http.post(`/admin/users/${memberId}`).set(t.auth).send({ password: 'new' });
    expect(bad.status).toBe(400);
    expect((await t.http.get('/admin/users/usr_missing').set(t.auth)).status).toBe(404);
    const missing = await t.http.post('/admin/users/usr_missing').set(t.auth).send({ first_name: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'User with id: usr_missing was not found' });
  });

  it('lists with filters, search, order, fields and paging', async () => {
    const all = await t.http.get('/admin/users').set(t.auth);
    expect(all.body).toMatchObject({ count: 2, offset: 0, limit: 20 });
    expect(all.body.users).toHaveLength(2);

    const q = await t.http.get('/admin/users?q=JANE').set(t.auth);
    expect(q.body.users.map((u: any) => u.id)).toEqual([memberId]);
    const byEmail = await t.http.get('/admin/users').query({ email: 'Jane@example.com' }).set(t.auth);
    expect(byEmail.body.count).toBe(1);
    const byName = await t.http.get('/admin/users').query({ first_name: 'Jane', last_name: 'Doe' }).set(t.auth);
    expect(byName.body.count).toBe(1);
    const byIds = await t.http.get(`/admin/users?id[]=${memberId}&id[]=${t.admin.id}`).set(t.auth);
    expect(byIds.body.count).toBe(2);
    const future = await t.http.get('/admin/users?created_at[gt]=2999-01-01').set(t.auth);
    expect(future.body.count).toBe(0);
    const past = await t.http.get('/admin/users?created_at[lt]=2999-01-01&updated_at[gte]=2000-01-01').set(t.auth);
    expect(past.body.count).toBe(2);

    const ordered = await t.http.get('/admin/users?order=email').set(t.auth);
    expect(ordered.body.users.map((u: any) => u.email)).toEqual([ADMIN.email, 'jane@example.com']);
    const desc = await t.http.get('/admin/users?order=-email').set(t.auth);
    expect(desc.body.users[0].email).toBe('jane@example.com');

    const page = await t.http.get('/admin/users?order=email&limit=1&offset=1').set(t.auth);
    expect(page.body).toMatchObject({ count: 2, offset: 1, limit: 1 });
    expect(page.body.users.map((u: any) => u.email)).toEqual(['jane@example.com']);

    const fields = await t.http.get('/admin/users?fields=email').set(t.auth);
    expect(Object.keys(fields.body.users[0]).sort()).toEqual(['created_at', 'email', 'id']);
  });

  it('refuses unknown parameters, orders and fields', async () => {
    expect((await t.http.get('/admin/users?foo=1').set(t.auth)).body).toEqual({ type: 'invalid_data', message: 'property foo should not exist' });
    expect((await t.http.get('/admin/users?order=password_hash').set(t.auth)).body).toEqual({ type: 'invalid_data', message: 'Order field password_hash is not valid' });
    expect((await t.http.get('/admin/users?fields=password_hash').set(t.auth)).body).toEqual({ type: 'invalid_data', message: 'Requested fields [password_hash] are not valid' });
    expect((await t.http.get('/admin/users?limit=abc').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/users?created_at[gt]=yesterday').set(t.auth)).status).toBe(400);
  });

  it('deletes softly: gone from lists, email free again; deleting again answers deleted', async () => {
    const del = await t.http.delete(`/admin/users/${memberId}`).set(t.auth);
    expect(del.body).toEqual({ id: memberId, object: 'user', deleted: true });
    expect((await t.http.get(`/admin/users/${memberId}`).set(t.auth)).status).toBe(404);
    expect((await t.http.get('/admin/auth').set('x-medusa-access-token', 'tok-jane-0123456789')).status).toBe(401);
    const deleted = await t.http.get('/admin/users?deleted_at[gt]=2000-01-01').set(t.auth);
    expect(deleted.body.users.map((u: any) => u.id)).toEqual([memberId]);
    const again = await t.http.post('/admin/users').set(t.auth).send({ email: 'jane@example.com', password: 'x' });
    expect(again.status).toBe(200);
    // idempotent, as Medusa's user delete
    expect((await t.http.delete('/admin/users/usr_missing').set(t.auth)).body).toEqual({ id: 'usr_missing', object: 'user', deleted: true });
    expect((await t.http.delete(`/admin/users/${memberId}`).set(t.auth)).status).toBe(200);
  });

  it('answers 401 text/plain without credentials', async () => {
    for (const [method, path] of [['get', '/admin/users'], ['post', '/admin/users'], ['get', `/admin/users/${memberId}`], ['post', `/admin/users/${memberId}`], ['delete', `/admin/users/${memberId}`]] as const) {
      const res = await (t.http as any)[method](path).send({});
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
      expect(res.text).toBe('Unauthorized');
    }
    expect((await t.http.get('/admin/users').set('authorization', 'Bearer nonsense')).status).toBe(401);
  });
});

describe('password reset', () => {
  it('issues a single-use token by event; 204 also for unknown emails', async () => {
    const unknown = await t.http.post('/admin/users/password-token').send({ email: 'nobody@example.com' });
    expect(unknown.status).toBe(204);
    const res = await t.http.post('/admin/users/password-token').send({ email: ADMIN.email.toUpperCase() });
    expect(res.status).toBe(204);
    const event = t.events.filter((e) => e.name === 'user.password_reset').pop()!;
    expect(event.data.email).toBe(ADMIN.email);
    const token = event.data.token as string;

    const bad = await t.http.post('/admin/users/reset-password').send({ token: 'wrong', password: 'newpass-1' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ type: 'invalid_data', message: 'invalid token' });
    const otherEmail = await t.http.post('/admin/users/reset-password').send({ email: 'someone@else.com', token, password: 'newpass-1' });
    expect(otherEmail.status).toBe(401);
    expect(otherEmail.body).toEqual({ type: 'unauthorized', message: 'Invalid or expired password reset token' });
    expect((await t.http.post('/admin/users/reset-password').send({ token, password: '' })).status).toBe(400);

    const ok = await t.http.post('/admin/users/reset-password').send({ email: ADMIN.email, token, password: 'newpass-1' });
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe(ADMIN.email);
    expect(JSON.stringify(ok.body)).not.toContain(token);
    expect((await t.http.post('/admin/auth').send({ email: ADMIN.email, password: 'newpass-1' })).status).toBe(200);
    const reused = await t.http.post('/admin/users/reset-password').send({ token, password: 'again' });
    expect(reused.status).toBe(400);
    expect((await t.http.post('/admin/users/password-token').send({ email: 'nope' })).status).toBe(400);

    // an expired token is refused with 401
    await t.http.post('/admin/users/password-token').send({ email: ADMIN.email });
    const late = t.events.filter((e) => e.name === 'user.password_reset').pop()!.data.token as string;
    await t.em().nativeUpdate(User, { email: ADMIN.email }, { resetTokenExpiresAt: new Date(Date.now() - 1000) });
    expect((await t.http.post('/admin/users/reset-password').send({ token: late, password: 'x' })).status).toBe(401);
    await t.http.post('/admin/users/reset-password').send({ token: 'x', password: ADMIN.password });
    // the reset revoked the admin's earlier JWT: sign in again
    expect((await t.http.get('/admin/auth').set(t.auth)).status).toBe(401);
    const fresh = await t.http.post('/admin/auth/token').send({ email: ADMIN.email, password: 'newpass-1' });
    t.auth = { authorization: `Bearer ${fresh.body.access_token}` };
  });
});

describe('GraphQL users', () => {
  const FIELDS = 'id email firstName lastName role metadata createdAt deletedAt';

  it('creates, reads, updates, lists and deletes', async () => {
    const created = await t.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { ${FIELDS} } }`, { input: { email: 'Gql@Example.com', password: 'pw', lastName: 'Q' } });
    expect(created.errors).toBeUndefined();
    const id = created.data.createUser.id;
    expect(created.data.createUser).toMatchObject({ email: 'gql@example.com', role: 'member', lastName: 'Q' });

    const updated = await t.gql(`mutation($id: String!) { updateUser(id: $id, input: { role: admin, metadata: { k: "v" }, apiToken: "gql-token-0123456789" }) { role metadata apiToken } }`, { id });
    expect(updated.data.updateUser).toEqual({ role: 'admin', metadata: { k: 'v' }, apiToken: null });

    const got = await t.gql(`query($id: String!) { user(id: $id) { email } }`, { id });
    expect(got.data.user.email).toBe('gql@example.com');

    const list = await t.gql(`{ users(filter: { email: "gql@example.com" }, limit: 5) { items { id } count offset limit } }`);
    expect(list.data.users).toEqual({ items: [{ id }], count: 1, offset: 0, limit: 5 });

    const deleted = await t.gql(`mutation($id: String!) { deleteUser(id: $id) { id object deleted } }`, { id });
    expect(deleted.data.deleteUser).toEqual({ id, object: 'user', deleted: true });
    expect(await t.em().count(User, { id })).toBe(0);
  });

  it('reports bad input, unknown ids and missing credentials in Medusa types', async () => {
    const before = await countUsers();
    const bad = await t.gql(`mutation { createUser(input: { email: "nope", password: "x" }) { id } }`);
    expect(errorType(bad)).toBe('invalid_data');
    expect(bad.errors?.[0].message).toBe('email must be an email');
    expect(await countUsers()).toBe(before);
    expect(errorType(await t.gql(`{ user(id: "usr_missing") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation { updateUser(id: "usr_missing", input: {}) { id } }`))).toBe('not_found');
    expect((await t.gql(`mutation { deleteUser(id: "usr_missing") { deleted } }`)).data.deleteUser.deleted).toBe(true);
    expect(errorType(await t.gql(`{ users { count } }`, {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql(`mutation { createUser(input: { email: "a@b.c", password: "x" }) { id } }`, {}, {}))).toBe('unauthorized');
    expect(await countUsers()).toBe(before);
  });

  it('resets a password through GraphQL', async () => {
    const req = await t.gql(`mutation { requestPasswordReset(input: { email: "${ADMIN.email}" }) }`, {}, {});
    expect(req.data.requestPasswordReset).toBe(true);
    const token = t.events.filter((e) => e.name === 'user.password_reset').pop()!.data.token as string;
    const reset = await t.gql(`mutation($token: String!) { resetPassword(input: { token: $token, password: "${ADMIN.password}" }) { email } }`, { token }, {});
    expect(reset.data.resetPassword.email).toBe(ADMIN.email);
    const again = await t.gql(`mutation($token: String!) { resetPassword(input: { token: $token, password: "x" }) { email } }`, { token }, {});
    expect(errorType(again)).toBe('invalid_data');
  });
});
