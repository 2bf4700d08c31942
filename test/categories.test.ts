import { startApp, TestApp } from './helpers';
import { ProductCategory } from '../src/entities/categories';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

describe('category entity', () => {
  it('stores a tree with pcat ids', async () => {
    const em = t.em();
    const root = em.create(ProductCategory, { name: 'Men', handle: 'men' });
    const child = em.create(ProductCategory, { name: 'Shirts', handle: 'shirts', parentCategory: root });
    await em.flush();
    expect(root.id).toMatch(/^pcat_[0-9A-Z]{26}$/);
    const found = await t.em().findOneOrFail(ProductCategory, child.id);
    expect(found.parentCategoryId).toBe(root.id);
    expect(found).toMatchObject({ isActive: false, isInternal: false, rank: 0, description: '' });
  });
});
