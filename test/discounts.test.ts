import { startApp, TestApp } from './helpers';
import { Discount, DiscountRule, DiscountRuleType } from '../src/entities/discounts';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

describe('discount entities', () => {
  it('stores a discount with its rule', async () => {
    const em = t.em();
    const rule = em.create(DiscountRule, { type: DiscountRuleType.percentage, value: 10 });
    const discount = em.create(Discount, { code: 'TEN', rule });
    await em.flush();
    expect(discount.id).toMatch(/^disc_/);
    expect(rule.id).toMatch(/^dru_/);
    const stored = await t.em().findOneOrFail(Discount, discount.id);
    expect(stored).toMatchObject({ code: 'TEN', ruleId: rule.id, usageCount: 0, isDynamic: false, isDisabled: false });
  });
});
