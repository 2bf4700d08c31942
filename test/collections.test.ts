import { startApp, TestApp } from './helpers';
import { ProductCollection } from '../src/entities/collections';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

describe('collection entity', () => {
  it('stores a collection with a pcol id', async () => {
    const em = t.em();
    const c = em.create(ProductCollection, { title: 'Summer', handle: 'summer' });
    await em.flush();
    expect(c.id).toMatch(/^pcol_[0-9A-Z]{26}$/);
    expect(await t.em().count(ProductCollection, { handle: 'summer' })).toBe(1);
  });
});
