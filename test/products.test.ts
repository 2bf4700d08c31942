import { startApp, TestApp } from './helpers';
import { Product, ProductOption, ProductOptionValue } from '../src/entities/products';
import { MoneyAmount, ProductVariant } from '../src/entities/variants';
import { Currency } from '../src/entities/currencies';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

describe('product entities', () => {
  it('store a product with an option, a variant, its value and a price', async () => {
    const em = t.em();
    const product = em.create(Product, { title: 'Shirt', handle: 'shirt' });
    const option = em.create(ProductOption, { title: 'Size', product });
    const variant = em.create(ProductVariant, { title: 'S', product, sku: 'SHIRT-S' });
    em.create(ProductOptionValue, { value: 'S', option, variant });
    em.create(MoneyAmount, { amount: 1000, currency: em.getReference(Currency, 'usd'), variant });
    await em.flush();
    const stored = await t.em().findOneOrFail(Product, product.id, { populate: ['variants.prices', 'variants.options', 'options'] as any });
    expect(stored.id).toMatch(/^prod_/);
    expect(stored.variants.getItems()[0].prices.getItems()[0]).toMatchObject({ amount: 1000, currencyCode: 'usd' });
  });
});
