import { startApp, TestApp } from './helpers';
import { ShippingProfile, ShippingProfileType } from '../src/entities/shipping-profiles';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

describe('shipping profiles (smoke)', () => {
  it('has the default and gift card profiles from the start', async () => {
    const rows = await t.em().find(ShippingProfile, {}, { orderBy: { type: 'asc' } });
    expect(rows.map((r) => [r.type, r.name])).toEqual([
      [ShippingProfileType.default, 'Default Shipping Profile'],
      [ShippingProfileType.gift_card, 'Gift Card Profile'],
    ]);
    expect(rows[0].id).toMatch(/^sp_[0-9A-Z]{26}$/);
  });
});
