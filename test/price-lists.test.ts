import { startApp, TestApp } from './helpers';
import { PriceList, PriceListStatus, PriceListType } from '../src/entities/price-lists';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

describe('price list entity', () => {
  it('stores a price list with Medusa defaults', async () => {
    const em = t.em();
    const list = em.create(PriceList, { name: 'Summer', description: 'Summer sale' });
    await em.flush();
    expect(list.id).toMatch(/^pl_[0-9A-Z]{26}$/);
    const stored = await t.em().findOneOrFail(PriceList, list.id);
    expect(stored).toMatchObject({ type: PriceListType.sale, status: PriceListStatus.draft, includesTax: false, startsAt: null });
  });
});
