import { startApp, TestApp } from './helpers';
import { SalesChannel } from '../src/entities/sales-channels';
import { Store } from '../src/entities/store';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

describe('sales channel entity', () => {
  it('has the default sales channel from the start, recorded on the store', async () => {
    const em = t.em();
    const channels = await em.find(SalesChannel, {});
    expect(channels).toHaveLength(1);
    expect(channels[0]).toMatchObject({ name: 'Default Sales Channel', isDisabled: false, deletedAt: null });
    expect(channels[0].id).toMatch(/^sc_[0-9A-Z]{26}$/);
    const [store] = await em.find(Store, {});
    expect(store.defaultSalesChannelId).toBe(channels[0].id);
  });
});
