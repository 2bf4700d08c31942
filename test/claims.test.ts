import { startApp, TestApp, errorType } from './helpers';
import { ClaimItem, ClaimOrder, ClaimTag } from '../src/entities/claims';
import { Fulfillment, LineItem, LineItemTaxLine, Refund } from '../src/entities/orders';
import { Return, ReturnItem } from '../src/entities/returns';
import { CLAIM_MACHINE, claimHeldQuantities } from '../src/services/claims';
import { requestReturn } from '../src/services/returns';

let t: TestApp;
let regionId: string;
let optionId: string;
let returnOptionId: string;
let white: string;
let black: string;

beforeAll(async () => {
  t = await startApp();
  await t.http.post('/admin/store/currencies/eur').set(t.auth);
  const region = await t.http.post('/admin/regions').set(t.auth)
    .send({ name: 'Claims', currency_code: 'eur', tax_rate: 25, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['fi'] });
  regionId = region.body.region.id;
  const option = await t.http.post('/admin/shipping-options').set(t.auth)
    .send({ name: 'Post', region_id: regionId, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 1000 });
  optionId = option.body.shipping_option.id;
  const back = await t.http.post('/admin/shipping-options').set(t.auth)
    .send({ name: 'Back', region_id: regionId, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 500, is_return: true });
  returnOptionId = back.body.shipping_option.id;
  const product = await t.http.post('/admin/products').set(t.auth).send({
    title: 'Mug', options: [{ title: 'Colour' }],
    variants: [
      { title: 'White', manage_inventory: false, options: [{ value: 'White' }], prices: [{ currency_code: 'eur', amount: 2000 }] },
      { title: 'Black', manage_inventory: false, options: [{ value: 'Black' }], prices: [{ currency_code: 'eur', amount: 3000 }] },
    ],
  });
  [white, black] = product.body.product.variants.map((v: any) => v.id);
});
afterAll(() => t.close());

/** A paid order of `quantity` white mugs, fulfilled and (unless `ship` is false) shipped; its line id. */
async function newOrder(quantity: number, ship = true): Promise<{ id: string; line: string }> {
  const draft = await t.http.post('/admin/draft-orders').set(t.auth).send({
    email: 'claimant@example.com', region_id: regionId, shipping_methods: [{ option_id: optionId }], items: [{ variant_id: white, quantity }],
    shipping_address: { first_name: 'Ada', last_name: 'L', address_1: '1 St', city: 'Town', country_code: 'fi', postal_code: '00100' },
  });
  const order = (await t.http.post(`/admin/draft-orders/${draft.body.draft_order.id}/pay`).set(t.auth)).body.order;
  const line = order.items[0].id;
  const ful = await t.http.post(`/admin/orders/${order.id}/fulfillment`).set(t.auth).send({ items: [{ item_id: line, quantity }] });
  if (ship) await t.http.post(`/admin/orders/${order.id}/shipment`).set(t.auth).send({ fulfillment_id: ful.body.order.fulfillments[0].id });
  return { id: order.id, line };
}

const claimCount = () => t.em().count(ClaimOrder, {});

describe('REST claims', () => {
  it('a refund claim refunds the claimed shipped quantity at once, with reason claim', async () => {
    const order = await newOrder(3);
    const res = await t.http.post(`/admin/orders/${order.id}/claims`).set(t.auth).send({
      type: 'refund', claim_items: [{ item_id: order.line, quantity: 2, reason: 'production_failure', note: 'cracked', tags: [' Fragile', 'glass'], images: ['https://example.com/a.png'] }],
    });
    expect(res.status).toBe(200);
    const [claim] = res.body.order.claims;
    // 2 × 2000 with 25 % tax
    expect(claim).toMatchObject({ type: 'refund', refund_amount: 5000, payment_status: 'refunded', fulfillment_status: 'not_fulfilled' });
    expect(claim.claim_items[0]).toMatchObject({ quantity: 2, reason: 'production_failure', note: 'cracked', item: { id: order.line } });
    expect(claim.claim_items[0].images.map((i: any) => i.url)).toEqual(['https://example.com/a.png']);
    const refunds = await t.em().find(Refund, { order: order.id });
    expect(refunds.map((r) => [r.amount, r.reason])).toEqual([[5000, 'claim']]);
    const item = await t.em().findOneOrFail(ClaimItem, { claimOrder: claim.id }, { populate: ['tags'] });
    expect(item.tags.getItems().map((tag) => tag.value).sort()).toEqual(['fragile', 'glass']);
    expect(t.events.filter((e) => e.data.id === claim.id).map((e) => e.name).sort()).toEqual(['claim.created', 'claim.refund_processed']);
    // Tags are shared by value.
    const again = await newOrder(1);
    await t.http.post(`/admin/orders/${again.id}/claims`).set(t.auth).send({ type: 'refund', claim_items: [{ item_id: again.line, quantity: 1, reason: 'other', tags: ['FRAGILE'] }] });
    expect(await t.em().count(ClaimTag, { value: 'fragile' })).toBe(1);
    // A refunded claim is not canceled.
    const cancel = await t.http.post(`/admin/orders/${order.id}/claims/${claim.id}/cancel`).set(t.auth);
    expect([cancel.status, cancel.body.message]).toEqual([400, 'Claim with a refund cannot be canceled']);
  });

  it('a replacement is priced, taxed, fulfilled and shipped through the fulfilment code, then cannot be canceled', async () => {
    const order = await newOrder(2);
    const res = await t.http.post(`/admin/orders/${order.id}/claims`).set(t.auth).send({
      type: 'replace', claim_items: [{ item_id: order.line, quantity: 1, reason: 'wrong_item' }],
      additional_items: [{ variant_id: black, quantity: 2 }], shipping_methods: [{ option_id: optionId, price: 0 }],
    });
    expect(res.status).toBe(200);
    const claim = res.body.order.claims[0];
    expect(claim).toMatchObject({ type: 'replace', payment_status: 'na', refund_amount: null });
    expect(claim.additional_items[0]).toMatchObject({ unit_price: 3000, quantity: 2, claim_order_id: claim.id, order_id: null });
    expect(await t.em().count(LineItemTaxLine, { item: claim.additional_items[0].id })).toBe(1);
    expect(await t.em().count(Refund, { order: order.id })).toBe(0);

    const ful = await t.http.post(`/admin/orders/${order.id}/claims/${claim.id}/fulfillments`).set(t.auth).send({ no_notification: true });
    expect(ful.status).toBe(200);
    const fulfilled = ful.body.order.claims[0];
    expect(fulfilled.fulfillment_status).toBe('fulfilled');
    expect(fulfilled.fulfillments).toHaveLength(1);
    // The claim's fulfillment is not the order's.
    expect(ful.body.order.fulfillments.map((f: any) => f.id)).not.toContain(fulfilled.fulfillments[0].id);
    expect((await t.em().findOneOrFail(LineItem, claim.additional_items[0].id)).fulfilledQuantity).toBe(2);
    const twice = await t.http.post(`/admin/orders/${order.id}/claims/${claim.id}/fulfillments`).set(t.auth);
    expect([twice.status, twice.body.message]).toEqual([400, 'The claim has already been fulfilled.']);
    const cancel = await t.http.post(`/admin/orders/${order.id}/claims/${claim.id}/cancel`).set(t.auth);
    expect([cancel.status, cancel.body.message]).toEqual([400, 'All fulfillments must be canceled before the claim can be canceled']);

    const fulfillmentId = fulfilled.fulfillments[0].id;
    const ship = await t.http.post(`/admin/orders/${order.id}/claims/${claim.id}/shipments`).set(t.auth).send({ fulfillment_id: fulfillmentId, tracking_numbers: ['T-1'] });
    expect(ship.body.order.claims[0].fulfillment_status).toBe('shipped');
    expect(ship.body.order.claims[0].fulfillments[0].tracking_links.map((l: any) => l.tracking_number)).toEqual(['T-1']);
    expect((await t.em().findOneOrFail(LineItem, claim.additional_items[0].id)).shippedQuantity).toBe(2);
    const undo = await t.http.post(`/admin/orders/${order.id}/claims/${claim.id}/fulfillments/${fulfillmentId}/cancel`).set(t.auth);
    expect([undo.status, undo.body.message]).toEqual([400, 'The fulfillment has already been shipped. Shipped fulfillments cannot be canceled']);
    expect(t.events.filter((e) => e.data.id === claim.id).map((e) => e.name).sort()).toEqual(['claim.created', 'claim.fulfillment_created', 'claim.shipment_created']);
  });

  it('cancels once its fulfillment is canceled; again changes nothing; a canceled claim refuses the rest', async () => {
    const order = await newOrder(1);
    const made = await t.http.post(`/admin/orders/${order.id}/claims`).set(t.auth).send({
      type: 'replace', claim_items: [{ item_id: order.line, quantity: 1, reason: 'missing_item' }], additional_items: [{ variant_id: white, quantity: 1 }],
    });
    const claimId = made.body.order.claims[0].id;
    const none = await t.http.post(`/admin/orders/${order.id}/claims/${claimId}/fulfillments`).set(t.auth);
    expect([none.status, none.body.message]).toEqual([400, 'Cannot fulfill a claim without a shipping method.']);
    const updated = await t.http.post(`/admin/orders/${order.id}/claims/${claimId}`).set(t.auth)
      .send({ shipping_methods: [{ option_id: optionId, price: 0 }], metadata: { ticket: 'T-9' } });
    expect(updated.body.order.claims[0]).toMatchObject({ metadata: { ticket: 'T-9' } });
    expect(updated.body.order.claims[0].shipping_methods).toHaveLength(1);
    const ful = await t.http.post(`/admin/orders/${order.id}/claims/${claimId}/fulfillments`).set(t.auth);
    const fulfillmentId = ful.body.order.claims[0].fulfillments[0].id;
    const undo = await t.http.post(`/admin/orders/${order.id}/claims/${claimId}/fulfillments/${fulfillmentId}/cancel`).set(t.auth);
    expect(undo.body.order.claims[0].fulfillment_status).toBe('canceled');
    expect((await t.em().findOneOrFail(Fulfillment, fulfillmentId)).canceledAt).not.toBeNull();
    const cancel = await t.http.post(`/admin/orders/${order.id}/claims/${claimId}/cancel`).set(t.auth);
    expect(cancel.status).toBe(200);
    const stamp = (await t.em().findOneOrFail(ClaimOrder, claimId)).canceledAt;
    expect(stamp).not.toBeNull();
    expect((await t.http.post(`/admin/orders/${order.id}/claims/${claimId}/cancel`).set(t.auth)).status).toBe(200);
    expect((await t.em().findOneOrFail(ClaimOrder, claimId)).canceledAt).toEqual(stamp);
    for (const [path, body, message] of [
      ['', { no_notification: true }, 'Canceled claim cannot be updated'],
      ['/fulfillments', {}, 'Canceled claim cannot be fulfilled'],
      ['/shipments', { fulfillment_id: fulfillmentId }, 'Canceled claim cannot be fulfilled as shipped'],
    ] as const) {
      const res = await t.http.post(`/admin/orders/${order.id}/claims/${claimId}${path}`).set(t.auth).send(body);
      expect([res.status, res.body.type, res.body.message]).toEqual([400, 'not_allowed', message]);
    }
    // A canceled claim no longer holds its items.
    const reclaim = await t.http.post(`/admin/orders/${order.id}/claims`).set(t.auth).send({ type: 'refund', claim_items: [{ item_id: order.line, quantity: 1, reason: 'other' }] });
    expect(reclaim.status).toBe(200);
  });

  it('asks the returns domain for a return of the claimed items; the claim cancels only once it is canceled', async () => {
    const order = await newOrder(2);
    const res = await t.http.post(`/admin/orders/${order.id}/claims`).set(t.auth).send({
      type: 'replace', claim_items: [{ item_id: order.line, quantity: 1, reason: 'production_failure' }], additional_items: [{ variant_id: white, quantity: 1 }],
      return_shipping: { option_id: returnOptionId, price: 0 },
    });
    expect(res.status).toBe(200);
    const claim = res.body.order.claims[0];
    expect(claim.return_order).toMatchObject({ claim_order_id: claim.id, status: 'requested' });
    const ret = await t.em().findOneOrFail(Return, { claimOrderId: claim.id });
    expect(ret.status).toBe('requested');
    const cancel = await t.http.post(`/admin/orders/${order.id}/claims/${claim.id}/cancel`).set(t.auth);
    expect([cancel.status, cancel.body.message]).toEqual([400, 'Return must be canceled before the claim can be canceled']);
    // The claim's return already counts what the claim holds.
    const line = await t.em().findOneOrFail(LineItem, order.line);
    expect((await claimHeldQuantities(t.ctx(), [line])).get(order.line)).toBeUndefined();
  });

  it('refuses bad input with nothing written', async () => {
    const order = await newOrder(2);
    const other = await newOrder(1);
    const before = await claimCount();
    const linesBefore = await t.em().count(LineItem, { claimOrderId: { $ne: null } });
    const cases: [string, object, number, string][] = [
      [order.id, { type: 'refund', claim_items: [{ item_id: order.line, quantity: 1, reason: 'mood' }] }, 400, 'reason must be one of the following values: missing_item, wrong_item, production_failure, other'],
      [order.id, { type: 'refund', claim_items: [{ item_id: order.line, quantity: 1 }] }, 400, 'Claim Item reason must be one of "missing_item", "wrong_item", "production_failure" or "other".'],
      [order.id, { type: 'refund', claim_items: [{ item_id: order.line, quantity: 3, reason: 'other' }] }, 400, 'Cannot claim more of an item than has been fulfilled.'],
      [order.id, { type: 'replace', claim_items: [{ item_id: order.line, quantity: 1, reason: 'other' }] }, 400, 'Claims with type "replace" must have at least one additional item.'],
      [order.id, { type: 'refund', claim_items: [{ item_id: other.line, quantity: 1, reason: 'other' }] }, 404, `Line item with ${other.line} was not found`],
      [order.id, { type: 'refund', claim_items: [{ item_id: order.line, quantity: 1.5, reason: 'other' }] }, 400, 'quantity must be an integer number'],
      [order.id, { type: 'replace', claim_items: [{ item_id: order.line, quantity: 1, reason: 'other' }], additional_items: [{ variant_id: 'variant_nope', quantity: 1 }] }, 400, 'Unable to generate the line items, some variant has not been found: variant_nope'],
      ['order_nope', { type: 'refund', claim_items: [{ item_id: order.line, quantity: 1, reason: 'other' }] }, 404, 'Order with id order_nope was not found'],
    ];
    for (const [id, body, status, message] of cases) {
      const res = await t.http.post(`/admin/orders/${id}/claims`).set(t.auth).send(body);
      expect([res.status, res.body.message]).toEqual([status, message]);
    }
    expect(await claimCount()).toBe(before);
    expect(await t.em().count(LineItem, { claimOrderId: { $ne: null } })).toBe(linesBefore);
    const unknown = await t.http.post(`/admin/orders/${order.id}/claims/claim_nope/cancel`).set(t.auth);
    expect([unknown.status, unknown.body.message]).toEqual([404, 'Claim with claim_nope was not found']);
    const anon = await t.http.post(`/admin/orders/${order.id}/claims`).send({ type: 'refund', claim_items: [{ item_id: order.line, quantity: 1, reason: 'other' }] });
    expect(anon.status).toBe(401);
    expect(await claimCount()).toBe(before);
  });

  it('concurrent claims on one order never claim more than was fulfilled', async () => {
    const order = await newOrder(3);
    const results = await Promise.all(Array.from({ length: 6 }, () => t.http.post(`/admin/orders/${order.id}/claims`).set(t.auth)
      .send({ type: 'replace', claim_items: [{ item_id: order.line, quantity: 1, reason: 'other' }], additional_items: [{ variant_id: black, quantity: 1 }] })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 400).map((r) => r.body.message)).toEqual(Array(3).fill('Cannot claim more of an item than has been fulfilled.'));
    const claimed = await t.em().find(ClaimItem, { item: order.line });
    expect(claimed.reduce((s, c) => s + c.quantity, 0)).toBe(3);
    // What the returns domain must not take again: the 3 claimed (none of these claims has a return).
    const line = await t.em().findOneOrFail(LineItem, order.line);
    expect((await claimHeldQuantities(t.ctx(), [line])).get(order.line)).toBe(3);
  });

  it('a return already requested counts: concurrent claims take only what it left', async () => {
    const order = await newOrder(3);
    const ctx = t.ctx();
    await ctx.em.transactional(async (em) => { ctx.em = em as any; await requestReturn(ctx, order.id, { items: [{ itemId: order.line, quantity: 1 }] }); });
    const results = await Promise.all(Array.from({ length: 4 }, () => t.http.post(`/admin/orders/${order.id}/claims`).set(t.auth)
      .send({ type: 'refund', refund_amount: 0, claim_items: [{ item_id: order.line, quantity: 1, reason: 'other' }] })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    const claimed = await t.em().find(ClaimItem, { item: order.line });
    expect(claimed.reduce((s, c) => s + c.quantity, 0)).toBe(2);
  });

  it('a claim counts for returns: returns and claims racing on one order never take more than was shipped', async () => {
    const order = await newOrder(3);
    const claim = { type: 'refund', refund_amount: 0, claim_items: [{ item_id: order.line, quantity: 1, reason: 'other' }] };
    const results = await Promise.all([
      ...Array.from({ length: 3 }, () => t.http.post(`/admin/orders/${order.id}/claims`).set(t.auth).send(claim)),
      ...Array.from({ length: 3 }, () => t.http.post(`/admin/orders/${order.id}/return`).set(t.auth).send({ items: [{ item_id: order.line, quantity: 1 }] })),
    ]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status >= 500)).toHaveLength(0);
    const claimed = (await t.em().find(ClaimItem, { item: order.line })).reduce((s, c) => s + c.quantity, 0);
    const returned = (await t.em().find(ReturnItem, { item: order.line })).reduce((s, r) => s + r.quantity, 0);
    expect(claimed + returned).toBe(3);
    const again = await t.http.post(`/admin/orders/${order.id}/return`).set(t.auth).send({ items: [{ item_id: order.line, quantity: 1 }] });
    expect(again.status).toBe(400);
  });
});

describe('GraphQL claims', () => {
  it('creates a claim and reads it on the order', async () => {
    const order = await newOrder(1);
    const res = await t.gql(`mutation($id: String!, $input: CreateClaimInput!) { createClaim(id: $id, input: $input) {
      claims { id type paymentStatus refundAmount claimItems { quantity reason tags { value } } additionalItems { unitPrice quantity } } } }`,
    { id: order.id, input: { type: 'replace', claimItems: [{ itemId: order.line, quantity: 1, reason: 'wrong_item', tags: ['Blue'] }], additionalItems: [{ variantId: black, quantity: 1 }] } });
    expect(res.errors).toBeUndefined();
    expect(res.data.createClaim.claims[0]).toMatchObject({
      type: 'replace', paymentStatus: 'na', refundAmount: null, claimItems: [{ quantity: 1, reason: 'wrong_item', tags: [{ value: 'blue' }] }],
      additionalItems: [{ unitPrice: 3000, quantity: 1 }],
    });
    const claimId = res.data.createClaim.claims[0].id;
    const cancel = await t.gql('mutation($id: String!, $c: String!) { cancelClaim(id: $id, claimId: $c) { claims { fulfillmentStatus canceledAt } } }', { id: order.id, c: claimId });
    expect(cancel.data.cancelClaim.claims[0].fulfillmentStatus).toBe('canceled');
    const again = await t.gql('mutation($id: String!, $c: String!) { updateClaim(id: $id, claimId: $c, input: { noNotification: true }) { id } }', { id: order.id, c: claimId });
    expect(errorType(again)).toBe('not_allowed');
    const anon = await t.gql('mutation($id: String!, $c: String!) { cancelClaim(id: $id, claimId: $c) { id } }', { id: order.id, c: claimId }, {});
    expect(anon.status).toBe(401);
  });
});

describe('the claim state machine', () => {
  it('allows fulfilling only unfulfilled or canceled-fulfillment claims, and nothing once closed but a repeated cancel', () => {
    expect(CLAIM_MACHINE.can('fulfillLines', 'not_fulfilled' as never)).toBe(true);
    expect(CLAIM_MACHINE.can('fulfillLines', 'canceled' as never)).toBe(true);
    expect(CLAIM_MACHINE.can('fulfillLines', 'shipped' as never)).toBe(false);
    expect(CLAIM_MACHINE.can('update', 'closed')).toBe(false);
    expect(CLAIM_MACHINE.check('cancel', 'closed')).toEqual({ to: 'closed', changed: false });
    expect(CLAIM_MACHINE.check('cancel', 'fulfilled' as never)).toEqual({ to: 'closed', changed: true });
  });
});
