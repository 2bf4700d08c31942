import { startApp, TestApp, errorType } from './helpers';
import { Invite } from '../src/entities/invites';
import { User } from '../src/entities/users';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

const lastInviteEvent = () => t.events.filter((e) => e.name === 'invite.created').pop()!;
const liveInvites = () => t.em().count(Invite, {});

describe('REST /admin/invites', () => {
  let inviteId: string;
  let token: string;

  it('creates an invite (200 OK), lists it with its token, and announces it', async () => {
    const res = await t.http.post('/admin/invites').set(t.auth).send({ user: 'New.Person@Example.com', role: 'member' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('OK');
    const list = await t.http.get('/admin/invites').set(t.auth);
    expect(list.status).toBe(200);
    expect(list.body.invites).toHaveLength(1);
    const invite = list.body.invites[0];
    expect(invite).toMatchObject({ user_email: 'new.person@example.com', role: 'member', accepted: false, deleted_at: null, metadata: null });
    expect(invite.id).toMatch(/^invite_/);
    expect(new Date(invite.expires_at).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    expect(lastInviteEvent().data).toMatchObject({ id: invite.id, user_email: 'new.person@example.com', token: invite.token });
    inviteId = invite.id;
    token = invite.token;
  });

  it('renews the invite when the same email is invited again', async () => {
    const res = await t.http.post('/admin/invites').set(t.auth).send({ user: 'new.person@example.com', role: 'developer' });
    expect(res.status).toBe(200);
    const list = await t.http.get('/admin/invites').set(t.auth);
    expect(list.body.invites).toHaveLength(1);
    expect(list.body.invites[0]).toMatchObject({ id: inviteId, role: 'developer' });
    expect(list.body.invites[0].token).not.toBe(token);
    token = list.body.invites[0].token;
  });

  it('refuses bad input and existing users with 400, writing nothing', async () => {
    const before = await liveInvites();
    for (const body of [{ user: 'not-an-email', role: 'member' }, { user: 'a@b.c', role: 'boss' }, { role: 'member' }, { user: 'a@b.c', role: 'member', extra: 1 }]) {
      const res = await t.http.post('/admin/invites').set(t.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
    }
    const existing = await t.http.post('/admin/invites').set(t.auth).send({ user: 'ADMIN@aegis.test', role: 'member' });
    expect(existing.status).toBe(400);
    expect(existing.body.message).toBe("Can't invite a user with an existing account");
    expect(await liveInvites()).toBe(before);
  });

  it('resends with a fresh token; an unknown invite is 400 as in Medusa', async () => {
    const res = await t.http.post(`/admin/invites/${inviteId}/resend`).set(t.auth);
    expect(res.status).toBe(200);
    const stored = await t.em().findOneOrFail(Invite, inviteId);
    expect(stored.token).not.toBe(token);
    expect(lastInviteEvent().data.token).toBe(stored.token);
    token = stored.token;
    const missing = await t.http.post('/admin/invites/invite_missing/resend').set(t.auth);
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ type: 'invalid_data', message: "Invite doesn't exist" });
  });

  it('accepts without credentials: creates the user with the invite role; the token is spent', async () => {
    const bad = await t.http.post('/admin/invites/accept').send({ token, user: { first_name: 'New' } });
    expect(bad.status).toBe(400);
    const wrong = await t.http.post('/admin/invites/accept').send({ token: 'nope', user: { first_name: 'N', last_name: 'P', password: 'pw' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe('Token is not valid');
    expect(await t.em().count(User, { email: 'new.person@example.com' })).toBe(0);

    const ok = await t.http.post('/admin/invites/accept').send({ token, user: { first_name: 'New', last_name: 'Person', password: 'pw-123' } });
    expect(ok.status).toBe(200);
    const user = await t.em().findOneOrFail(User, { email: 'new.person@example.com' });
    expect(user).toMatchObject({ firstName: 'New', lastName: 'Person', role: 'developer' });
    expect((await t.http.post('/admin/auth').send({ email: 'new.person@example.com', password: 'pw-123' })).status).toBe(200);
    expect((await t.http.get('/admin/invites').set(t.auth)).body.invites).toHaveLength(0);
    const again = await t.http.post('/admin/invites/accept').send({ token, user: { first_name: 'N', last_name: 'P', password: 'pw' } });
    expect(again.status).toBe(400);
  });

  it('refuses an expired invite', async () => {
    await t.http.post('/admin/invites').set(t.auth).send({ user: 'late@example.com', role: 'member' });
    const em = t.em();
    const invite = await em.findOneOrFail(Invite, { userEmail: 'late@example.com' });
    invite.expiresAt = new Date(Date.now() - 1000);
    await em.flush();
    const res = await t.http.post('/admin/invites/accept').send({ token: invite.token, user: { first_name: 'L', last_name: 'A', password: 'pw' } });
    expect(res.status).toBe(400);
    expect(await t.em().count(User, { email: 'late@example.com' })).toBe(0);
  });

  it('deletes; a second delete or an unknown id answers deleted too (as Medusa)', async () => {
    const invite = await t.em().findOneOrFail(Invite, { userEmail: 'late@example.com' });
    const res = await t.http.delete(`/admin/invites/${invite.id}`).set(t.auth);
    expect(res.body).toEqual({ id: invite.id, object: 'invite', deleted: true });
    expect(await t.em().count(Invite, { id: invite.id })).toBe(0);
    expect((await t.http.delete(`/admin/invites/${invite.id}`).set(t.auth)).body.deleted).toBe(true);
    expect((await t.http.delete('/admin/invites/invite_missing').set(t.auth)).status).toBe(200);
  });

  it('answers 401 without credentials', async () => {
    for (const res of [
      await t.http.get('/admin/invites'),
      await t.http.post('/admin/invites').send({ user: 'x@y.z', role: 'member' }),
      await t.http.delete('/admin/invites/invite_x'),
      await t.http.post('/admin/invites/invite_x/resend'),
    ]) {
      expect(res.status).toBe(401);
      expect(res.text).toBe('Unauthorized');
    }
  });

  it('creates one user when two accepts race on one token', async () => {
    await t.http.post('/admin/invites').set(t.auth).send({ user: 'race@example.com', role: 'member' });
    const { token: raceToken } = await t.em().findOneOrFail(Invite, { userEmail: 'race@example.com' });
    const body = { token: raceToken, user: { first_name: 'R', last_name: 'C', password: 'pw' } };
    const results = await Promise.all([1, 2, 3].map(() => t.http.post('/admin/invites/accept').send(body)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
    expect(await t.em().count(User, { email: 'race@example.com' })).toBe(1);
  });
});

describe('GraphQL invites', () => {
  it('creates, lists, resends, accepts and deletes', async () => {
    const created = await t.gql(`mutation { createInvite(input: { user: "gql@example.com", role: admin }) { id userEmail role token accepted } }`);
    expect(created.data.createInvite).toMatchObject({ userEmail: 'gql@example.com', role: 'admin', accepted: false });
    const { id, token } = created.data.createInvite;
    const list = await t.gql('{ invites { id } }');
    expect(list.data.invites.map((i: any) => i.id)).toContain(id);
    const resent = await t.gql(`mutation($id: String!) { resendInvite(inviteId: $id) { token } }`, { id });
    expect(resent.data.resendInvite.token).not.toBe(token);
    const accepted = await t.gql(
      `mutation($token: String!) { acceptInvite(input: { token: $token, user: { firstName: "G", lastName: "Q", password: "pw" } }) { email role } }`,
      { token: resent.data.resendInvite.token }, {},
    );
    expect(accepted.data.acceptInvite).toEqual({ email: 'gql@example.com', role: 'admin' });

    const other = await t.gql(`mutation { createInvite(input: { user: "del@example.com", role: member }) { id } }`);
    const del = await t.gql(`mutation($id: String!) { deleteInvite(inviteId: $id) { id object deleted } }`, { id: other.data.createInvite.id });
    expect(del.data.deleteInvite).toEqual({ id: other.data.createInvite.id, object: 'invite', deleted: true });
  });

  it('reports bad input, unknown ids and missing credentials', async () => {
    const before = await liveInvites();
    expect(errorType(await t.gql(`mutation { createInvite(input: { user: "nope", role: admin }) { id } }`))).toBe('invalid_data');
    expect(await liveInvites()).toBe(before);
    expect(errorType(await t.gql(`mutation { resendInvite(inviteId: "invite_missing") { id } }`))).toBe('invalid_data');
    expect(errorType(await t.gql('{ invites { id } }', {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql(`mutation { createInvite(input: { user: "x@y.z", role: admin }) { id } }`, {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql(`mutation { acceptInvite(input: { token: "", user: { firstName: "a", lastName: "b", password: "c" } }) { id } }`, {}, {}))).toBe('invalid_data');
  });
});
