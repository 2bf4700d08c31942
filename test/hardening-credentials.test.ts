import request from 'supertest';
import jwt from 'jsonwebtoken';
import { createHash } from 'crypto';
import { startApp, TestApp, ADMIN } from './helpers';
import { createUser, requestPasswordReset } from '../src/services/users';
import { UserRole } from '../src/entities/users';
import { LIMITS } from '../src/lib/rate-limit';

// Issue 9, "Credentials mean what they say".
let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const sql = (q: string, params: unknown[] = []) => t.em().getConnection().execute(q, params);

/** A user of `role` with its own bearer headers. */
async function userWith(email: string, role: UserRole, password = 'supersecret'): Promise<{ id: string; auth: Record<string, string> }> {
  const ctx = t.ctx();
  const user = await ctx.em.transactional(async (em) => { ctx.em = em as any; return createUser(ctx, { email, password, role }); });
  const token = await t.http.post('/admin/auth/token').send({ email, password });
  return { id: user.id, auth: { authorization: `Bearer ${token.body.access_token}` } };
}

describe('secrets', () => {
  it('accepts no token signed with a built-in secret, and keeps a generated one in the database for every instance', async () => {
    for (const secret of ['aegis-development-secret', '']) {
      const forged = jwt.sign({ user_id: t.admin.id, domain: 'admin' }, secret || 'x', { algorithm: 'HS256' });
      expect((await t.http.get('/admin/auth').set('authorization', `Bearer ${forged}`)).status).toBe(401);
    }
    const rows = await sql('select name, length(value) as n from aegis_secret order by name');
    expect(rows.map((r: any) => r.name)).toEqual(['cookie', 'jwt']);
    expect(rows.every((r: any) => r.n >= 40)).toBe(true);
    const second = await startApp({}, t.databaseUrl);
    try {
      expect(second.config.jwtSecret).toBe(t.config.jwtSecret);
      expect((await second.http.get('/admin/auth').set(t.auth)).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});

describe('roles and API tokens', () => {
  let member: { id: string; auth: Record<string, string> };
  beforeAll(async () => { member = await userWith('member@aegis.test', UserRole.member); });

  it('lets only admins manage other users; a member updates itself but not its role', async () => {
    const onAdmin = await t.http.post(`/admin/users/${t.admin.id}`).set(member.auth).send({ api_token: 'a-token-the-member-chose' });
    expect(onAdmin.status).toBe(400);
    expect(onAdmin.body.type).toBe('not_allowed');
    expect((await t.http.post(`/admin/users/${member.id}`).set(member.auth).send({ role: 'admin' })).status).toBe(400);
    expect((await t.http.post('/admin/users').set(member.auth).send({ email: 'x@aegis.test', password: 'secret123', role: 'admin' })).status).toBe(400);
    expect((await t.http.delete(`/admin/users/${t.admin.id}`).set(member.auth)).status).toBe(400);
    expect((await t.http.post('/admin/invites').set(member.auth).send({ user: 'new@aegis.test', role: 'admin' })).status).toBe(400);
    const [row] = await sql('select role, api_token from "user" where id = ?', [t.admin.id]);
    expect(row).toEqual({ role: 'admin', api_token: null });
    const self = await t.http.post(`/admin/users/${member.id}`).set(member.auth).send({ first_name: 'Mem' });
    expect(self.status).toBe(200);
    expect(self.body.user.first_name).toBe('Mem');
  });

  it('keeps API tokens of 16+ characters as hashes, never echoes them, and does not confirm a guess', async () => {
    const short = await t.http.post(`/admin/users/${member.id}`).set(member.auth).send({ api_token: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.message).toMatch(/16/);
    const token = 'member-api-token-0123456789';
    const set = await t.http.post(`/admin/users/${member.id}`).set(member.auth).send({ api_token: token });
    expect(set.status).toBe(200);
    expect(JSON.stringify(set.body)).not.toContain(token);
    const [row] = await sql('select api_token from "user" where id = ?', [member.id]);
    expect(row.api_token).toBe(sha256(token));
    const me = await t.http.get('/admin/auth').set('x-medusa-access-token', token);
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(member.id);
    expect((await t.http.get('/admin/auth').set('x-medusa-access-token', sha256(token))).status).toBe(401);
    // the admin trying the member's token for itself: refused, without the value or "exists"
    const dup = await t.http.post(`/admin/users/${t.admin.id}`).set(t.auth).send({ api_token: token });
    expect(dup.status).toBe(400);
    expect(dup.body.message).not.toContain(token);
    expect(dup.body.message).not.toContain(sha256(token));
    expect(dup.body.message).not.toMatch(/exist/i);
  });
});

describe('revocation', () => {
  it('refuses every earlier session and JWT after a password reset', async () => {
    const email = 'revoked@aegis.test';
    const { auth } = await userWith(email, UserRole.member);
    const agent = request.agent(t.server.app);
    expect((await agent.post('/admin/auth').send({ email, password: 'supersecret' })).status).toBe(200);
    expect((await agent.get('/admin/auth')).status).toBe(200);
    expect((await t.http.get('/admin/auth').set(auth)).status).toBe(200);

    expect((await t.http.post('/admin/users/password-token').send({ email })).status).toBe(204);
    const token = t.events.filter((e) => e.name === 'user.password_reset').pop()!.data.token as string;
    expect((await t.http.post('/admin/users/reset-password').send({ email, token, password: 'a-new-password' })).status).toBe(200);

    expect((await agent.get('/admin/auth')).status).toBe(401);
    expect((await t.http.get('/admin/auth').set(auth)).status).toBe(401);
    const fresh = await t.http.post('/admin/auth/token').send({ email, password: 'a-new-password' });
    expect((await t.http.get('/admin/auth').set('authorization', `Bearer ${fresh.body.access_token}`)).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('limits failed sign-ins per account, with the counters in PostgreSQL', async () => {
    const email = 'brute@aegis.test';
    await userWith(email, UserRole.member);
    for (let i = 0; i < LIMITS.signIn.account.max; i++) {
      expect((await t.http.post('/admin/auth').send({ email, password: `wrong-${i}` })).status).toBe(401);
    }
    const limited = await t.http.post('/admin/auth/token').send({ email, password: 'supersecret' });
    expect(limited.status).toBe(429);
    const [row] = await sql(`select count from rate_limit where key = ?`, [`signIn:account:${email}`]);
    expect(row.count).toBe(LIMITS.signIn.account.max);
    // another account from the same address is not locked out by it
    expect((await t.http.post('/admin/auth/token').send(ADMIN)).status).toBe(200);
  });

  it('limits per client address too', async () => {
    const saved = LIMITS.signIn.address.max;
    LIMITS.signIn.address.max = 3;
    try {
      await sql(`delete from rate_limit where key like 'signIn:address:%'`);
      for (let i = 0; i < 3; i++) await t.http.post('/admin/auth').send({ email: `nobody${i}@aegis.test`, password: 'x' });
      expect((await t.http.post('/admin/auth').send(ADMIN)).status).toBe(429);
    } finally {
      LIMITS.signIn.address.max = saved;
      await sql(`delete from rate_limit where key like 'signIn:address:%'`);
    }
  });

  it('limits password-token requests per account, whether or not the email exists', async () => {
    for (const email of ['admin-reset@aegis.test', 'no-such-user@aegis.test']) {
      for (let i = 0; i < LIMITS.passwordToken.account.max; i++) {
        expect((await t.http.post('/admin/users/password-token').send({ email })).status).toBe(204);
      }
      expect((await t.http.post('/admin/users/password-token').send({ email })).status).toBe(429);
    }
  });

  it('limits reset-password attempts', async () => {
    const email = 'guess@aegis.test';
    for (let i = 0; i < LIMITS.resetPassword.account.max; i++) {
      expect((await t.http.post('/admin/users/reset-password').send({ email, token: `guess-${i}`, password: 'x-password' })).status).toBe(400);
    }
    expect((await t.http.post('/admin/users/reset-password').send({ email, token: 'guess-x', password: 'x-password' })).status).toBe(429);
  });
});

describe('password-token work', () => {
  // The request's own work, as a root mutation does it (the change and its outbox jobs in one
  // transaction); the delivery that follows it runs later, in a worker, after the answer.
  const ask = (email: string) => t.countQueries(async () => {
    const ctx = t.ctx();
    await ctx.em.transactional(async (em) => {
      ctx.em = em as typeof ctx.em;
      await requestPasswordReset(ctx, email);
      expect(await ctx.bus.write(em, ctx.events.take())).toHaveLength(1);
    });
  });

  it('runs the same SQL statements whether or not the email has an account (an outbox job either way)', async () => {
    await userWith('equal-work@aegis.test', UserRole.member);
    const forKnown = await ask('equal-work@aegis.test');
    const forUnknown = await ask('no-account@aegis.test');
    expect(forUnknown).toBe(forKnown);
  });

  it('delivers nothing for an unknown email', async () => {
    // The test above writes its jobs outside a request, so their delivery may land at any time: only
    // events of this email count.
    expect((await t.http.post('/admin/users/password-token').send({ email: 'nobody-here@aegis.test' })).status).toBe(204);
    expect(t.events.filter((e: any) => e.data?.email === 'nobody-here@aegis.test')).toEqual([]);
  });
});
