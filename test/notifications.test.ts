import { startApp, TestApp, errorType, ADMIN } from './helpers';
import { Notification } from '../src/entities/notifications';
import { REDACTED } from '../src/services/notifications';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

const all = () => t.em().find(Notification, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });

describe('notifications recorded from domain events', () => {
  it('records invite.created with the invite link data', async () => {
    const res = await t.http.post('/admin/invites').set(t.auth).send({ user: 'New@Example.com', role: 'member' });
    expect(res.status).toBe(200);
    const event = t.events.find((e) => e.name === 'invite.created')!;
    const [n] = await all();
    expect(n).toMatchObject({ eventName: 'invite.created', resourceType: 'invite', resourceId: event.data.id, to: 'new@example.com', parentId: null, providerId: 'local' });
    expect(n.data).toEqual(event.data);
  });

  it('records user.password_reset with the token redacted: never stored, never answered', async () => {
    expect((await t.http.post('/admin/users/password-token').send({ email: ADMIN.email })).status).toBe(204);
    const event = t.events.find((e) => e.name === 'user.password_reset')!;
    const token = event.data.token as string;
    const rows = await t.em().find(Notification, { eventName: 'user.password_reset' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ resourceType: 'user', resourceId: t.admin.id, to: ADMIN.email });
    expect(rows[0].data).toEqual({ id: t.admin.id, email: ADMIN.email, token: REDACTED });
    const raw = await t.em().getConnection().execute(`select data::text as data from notification`);
    expect(JSON.stringify(raw)).not.toContain(token);
    const listed = await t.http.get('/admin/notifications?include_resends=true').set(t.auth);
    expect(JSON.stringify(listed.body)).not.toContain(token);
  });

  it('records nothing when the write rolls back', async () => {
    const before = (await all()).length;
    const bad = await t.http.post('/admin/invites').set(t.auth).send({ user: 'not-an-email', role: 'member' });
    expect(bad.status).toBe(400);
    expect((await all()).length).toBe(before);
  });
});

describe('REST /admin/notifications', () => {
  let inviteNoti: string;

  it('lists newest first with resends, and filters', async () => {
    const res = await t.http.get('/admin/notifications').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 2, offset: 0, limit: 50 });
    expect(res.body.notifications.map((n: any) => n.event_name)).toEqual(['user.password_reset', 'invite.created']);
    expect(res.body.notifications[1]).toMatchObject({ resource_type: 'invite', to: 'new@example.com', customer_id: null, parent_id: null, provider_id: 'local', resends: [] });
    inviteNoti = res.body.notifications[1].id;
    expect(inviteNoti).toMatch(/^noti_[0-9A-Z]{26}$/);
    const events = (r: any) => r.body.notifications.map((n: any) => n.event_name);
    expect(events(await t.http.get('/admin/notifications?event_name=invite.created').set(t.auth))).toEqual(['invite.created']);
    expect(events(await t.http.get('/admin/notifications?event_name=invite.created,user.password_reset').set(t.auth))).toHaveLength(2);
    expect(events(await t.http.get('/admin/notifications?resource_type=user').set(t.auth))).toEqual(['user.password_reset']);
    expect(events(await t.http.get(`/admin/notifications?resource_id=${t.admin.id}`).set(t.auth))).toEqual(['user.password_reset']);
    expect(events(await t.http.get('/admin/notifications?to=new@example.com').set(t.auth))).toEqual(['invite.created']);
    expect(events(await t.http.get('/admin/notifications?to=nobody@example.com').set(t.auth))).toEqual([]);
    const page = await t.http.get('/admin/notifications?limit=1&offset=1').set(t.auth);
    expect(page.body).toMatchObject({ count: 2, limit: 1, offset: 1 });
    expect(events(page)).toEqual(['invite.created']);
    // In the words of Medusa's decorators for this list (IsBooleanString, IsInt); it takes no q.
    expect((await t.http.get('/admin/notifications?include_resends=maybe').set(t.auth)).body).toEqual({ type: 'invalid_data', message: 'include_resends must be a boolean string' });
    expect((await t.http.get('/admin/notifications?limit=ten').set(t.auth)).body).toEqual({ type: 'invalid_data', message: 'limit must be an integer number' });
    expect((await t.http.get('/admin/notifications?q=x').set(t.auth)).body).toEqual({ type: 'invalid_data', message: 'property q should not exist' });
    expect((await t.http.get('/admin/notifications?foo=1').set(t.auth)).status).toBe(400);
  });

  it('resends: a new notification whose parent is the first, hidden unless include_resends', async () => {
    const res = await t.http.post(`/admin/notifications/${inviteNoti}/resend`).set(t.auth).send({});
    expect(res.status).toBe(200);
    expect(res.body.notification.id).toBe(inviteNoti);
    expect(res.body.notification.resends).toHaveLength(1);
    expect(res.body.notification.resends[0]).toMatchObject({ parent_id: inviteNoti, to: 'new@example.com', event_name: 'invite.created', provider_id: 'local' });
    const other = await t.http.post(`/admin/notifications/${inviteNoti}/resend`).set(t.auth).send({ to: 'other@example.com' });
    expect(other.body.notification.resends.map((n: any) => n.to)).toEqual(['new@example.com', 'other@example.com']);
    const stored = await t.em().find(Notification, { parentNotification: inviteNoti });
    expect(stored).toHaveLength(2);
    expect(stored[0].data).toEqual((await t.em().findOneOrFail(Notification, inviteNoti)).data);

    expect((await t.http.get('/admin/notifications').set(t.auth)).body.count).toBe(2);
    const withResends = await t.http.get('/admin/notifications?include_resends=true').set(t.auth);
    expect(withResends.body.count).toBe(4);
    expect((await t.http.get('/admin/notifications?include_resends=true&to=other@example.com').set(t.auth)).body.count).toBe(1);
    expect((await t.http.get('/admin/notifications?include_resends=false').set(t.auth)).body.count).toBe(2);
  });

  it('resends to the original recipient when `to` is empty (Medusa ignores it)', async () => {
    const res = await t.http.post(`/admin/notifications/${inviteNoti}/resend`).set(t.auth).send({ to: '' });
    expect(res.status).toBe(200);
    expect(res.body.notification.resends.at(-1).to).toBe('new@example.com');
    const stored = await t.em().find(Notification, { parentNotification: inviteNoti }, { orderBy: { createdAt: 'desc', id: 'desc' } });
    expect(stored[0].to).toBe('new@example.com');
  });

  it('refuses bad input and unknown ids, writing nothing', async () => {
    const before = (await all()).length;
    expect((await t.http.post(`/admin/notifications/${inviteNoti}/resend`).set(t.auth).send({ to: 5 })).status).toBe(400);
    expect((await t.http.post(`/admin/notifications/${inviteNoti}/resend`).set(t.auth).send({ foo: 'x' })).status).toBe(400);
    const missing = await t.http.post('/admin/notifications/noti_missing/resend').set(t.auth).send({});
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'Notification with id: noti_missing was not found.' });
    expect((await all()).length).toBe(before);
  });

  it('costs a fixed number of queries for a page with resends', async () => {
    for (let i = 0; i < 5; i++) await t.http.post('/admin/invites').set(t.auth).send({ user: `bulk${i}@example.com`, role: 'member' });
    const rows = await t.em().find(Notification, { parentNotification: null });
    for (const n of rows) await t.http.post(`/admin/notifications/${n.id}/resend`).set(t.auth).send({});
    const list = (limit: number) => t.http.get(`/admin/notifications?limit=${limit}&expand=provider,parent_notification`).set(t.auth);
    expect(await t.countQueries(() => list(2))).toBe(await t.countQueries(() => list(20)));
  });

  it('answers 401 text/plain without credentials', async () => {
    for (const res of [await t.http.get('/admin/notifications'), await t.http.post(`/admin/notifications/${inviteNoti}/resend`).send({})]) {
      expect(res.status).toBe(401);
      expect(res.text).toBe('Unauthorized');
    }
  });
});

describe('GraphQL notifications', () => {
  it('lists and resends', async () => {
    const list = await t.gql(`{ notifications(filter: { eventName: ["user.password_reset"] }) { items { id eventName to data providerId provider { id isInstalled } resends { id } } count } }`);
    expect(list.errors).toBeUndefined();
    const [n] = list.data.notifications.items;
    expect(n).toMatchObject({ eventName: 'user.password_reset', provider: { id: 'local', isInstalled: true } });
    expect(n.data.token).toBe(REDACTED);
    const before = n.resends.length;
    const resent = await t.gql(`mutation($id: String!) { resendNotification(id: $id, input: { to: "x@example.com" }) { id resends { to parentId parentNotification { id } } } }`, { id: n.id });
    expect(resent.data.resendNotification.id).toBe(n.id);
    expect(resent.data.resendNotification.resends).toHaveLength(before + 1);
    expect(resent.data.resendNotification.resends[before]).toEqual({ to: 'x@example.com', parentId: n.id, parentNotification: { id: n.id } });
    const bare = await t.gql(`mutation($id: String!) { resendNotification(id: $id) { resends { to } } }`, { id: n.id });
    expect(bare.data.resendNotification.resends).toHaveLength(before + 2);
  });

  it('reports bad input, unknown ids and missing credentials', async () => {
    const missing = await t.gql(`mutation { resendNotification(id: "noti_missing") { id } }`);
    expect(errorType(missing)).toBe('not_found');
    expect(missing.errors?.[0].message).toBe('Notification with id: noti_missing was not found.');
    expect(errorType(await t.gql(`{ notifications { count } }`, {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql(`mutation { resendNotification(id: "noti_missing") { id } }`, {}, {}))).toBe('unauthorized');
  });
});

describe('notifications of an order\'s life', () => {
  async function paidOrder(email: string, noNotification: boolean): Promise<string> {
    const region = await t.http.post('/admin/regions').set(t.auth)
      .send({ name: `N ${email}`, currency_code: 'usd', tax_rate: 0, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: [noNotification ? 'no' : 'is'] });
    const option = await t.http.post('/admin/shipping-options').set(t.auth)
      .send({ name: 'Post', region_id: region.body.region.id, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 100 });
    const draft = await t.http.post('/admin/draft-orders').set(t.auth).send({
      email, region_id: region.body.region.id, shipping_methods: [{ option_id: option.body.shipping_option.id }],
      items: [{ title: 'Book', unit_price: 1200, quantity: 1 }], no_notification_order: noNotification,
    });
    const paid = await t.http.post(`/admin/draft-orders/${draft.body.draft_order.id}/pay`).set(t.auth);
    expect(paid.status).toBe(200);
    return paid.body.order.id;
  }

  it('records order.placed for the order\'s email, and nothing for an order marked no_notification', async () => {
    const id = await paidOrder('reader@example.com', false);
    const placed = await t.em().find(Notification, { eventName: 'order.placed', resourceId: id });
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ resourceType: 'order', to: 'reader@example.com', providerId: 'local' });
    const quiet = await paidOrder('quiet@example.com', true);
    expect(await t.em().count(Notification, { resourceId: quiet })).toBe(0);
    expect(t.events.some((e) => e.name === 'order.placed' && e.data.id === quiet)).toBe(true);
  });
});
