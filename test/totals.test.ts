import {
  allocationMap, cartTotals, discountAdjustment, giftCardTotals, giftCardUseTotals, lineItemRefund, lineItemTotals,
  orderTotals, priceTaxAmount, shippingMethodTotals, TotalsDiscount, TotalsItem, TotalsRegion,
} from '../src/lib/totals';

// Worked examples of Medusa v1's totals, computed by hand from its services (amounts in cents).

const item = (over: Partial<TotalsItem> = {}): TotalsItem => ({
  id: 'item_1', unitPrice: 1000, quantity: 2, includesTax: false, allowDiscounts: true,
  taxLines: [{ rate: 25 }], adjustments: [], ...over,
});
const region = (over: Partial<TotalsRegion> = {}): TotalsRegion => ({ taxRate: 25, giftCardsTaxable: false, automaticTaxes: true, ...over });
const pct = (value: number): TotalsDiscount => ({ id: 'disc_p', rule: { type: 'percentage', value, allocation: 'total' } });
const fixedTotal = (value: number): TotalsDiscount => ({ id: 'disc_t', rule: { type: 'fixed', value, allocation: 'total' } });
const fixedItem = (value: number): TotalsDiscount => ({ id: 'disc_i', rule: { type: 'fixed', value, allocation: 'item' } });
const freeShipping: TotalsDiscount = { id: 'disc_f', rule: { type: 'free_shipping', value: 0, allocation: null } };

describe('tax in a price', () => {
  test('exclusive adds the rate, inclusive takes the share out', () => {
    expect(priceTaxAmount(1000, 0.25)).toBe(250);
    expect(priceTaxAmount(1250, 0.25, true)).toBe(250);
  });
});

describe('line items', () => {
  test('plain line: price times quantity, tax per tax line', () => {
    expect(lineItemTotals(item(), undefined, true)).toEqual({
      unitPrice: 1000, quantity: 2, subtotal: 2000, discountTotal: 0, rawDiscountTotal: 0,
      taxTotal: 500, total: 2500, originalTotal: 2500, originalTaxTotal: 500,
    });
  });

  test('without taxes (no automatic taxes) the tax lines are ignored', () => {
    const t = lineItemTotals(item(), undefined, false);
    expect([t.subtotal, t.taxTotal, t.total]).toEqual([2000, 0, 2000]);
  });

  test('a discount lowers the taxable amount, the original totals keep the full price', () => {
    const t = lineItemTotals(item(), { amount: 200, unitAmount: 100 }, true);
    expect([t.subtotal, t.discountTotal, t.taxTotal, t.total, t.originalTaxTotal, t.originalTotal]).toEqual([2000, 200, 450, 2250, 500, 2500]);
  });

  test('tax-inclusive price: the subtotal is the price net of its tax', () => {
    const t = lineItemTotals(item({ unitPrice: 1250, quantity: 1, includesTax: true }), undefined, true);
    expect([t.subtotal, t.taxTotal, t.total, t.originalTotal]).toEqual([1000, 250, 1250, 1250]);
  });

  test('tax-inclusive price rounds the included tax per unit', () => {
    // 999 at 25 %: 199.8 → 200 per unit; 3 units: taxable 2397, tax 599.25 → 599
    const t = lineItemTotals(item({ unitPrice: 999, quantity: 3, includesTax: true }), undefined, true);
    expect([t.subtotal, t.taxTotal, t.total]).toEqual([2997 - 599, 599, 2997]);
  });

  test('each tax line is rounded on its own', () => {
    const t = lineItemTotals(item({ unitPrice: 333, quantity: 1, taxLines: [{ rate: 5 }, { rate: 7.5 }] }), undefined, true);
    // 16.65 → 17 and 24.975 → 25
    expect(t.taxTotal).toBe(42);
  });

  test('refund of a line: net price less the per-unit discount, plus rounded tax', () => {
    expect(lineItemRefund(item(), { amount: 200, unitAmount: 100 })).toBe(2250);
    expect(lineItemRefund(item({ unitPrice: 1250, quantity: 1, includesTax: true }), undefined)).toBe(1250);
  });
});

describe('discount adjustments', () => {
  const lines = [item({ id: 'a', unitPrice: 3000, quantity: 1 }), item({ id: 'b', unitPrice: 1000, quantity: 1 }),
    item({ id: 'c', unitPrice: 500, quantity: 1, allowDiscounts: false })];

  test('percentage: rounded share of the line', () => {
    expect(discountAdjustment(item({ unitPrice: 333, quantity: 1 }), pct(10), [])).toBe(33);
  });

  test('fixed on the total: prorated over the lines that allow discounts, not rounded', () => {
    expect(discountAdjustment(lines[0], fixedTotal(1000), lines)).toBe(750);
    expect(discountAdjustment(lines[1], fixedTotal(1000), lines)).toBe(250);
    expect(discountAdjustment(lines[2], fixedTotal(1000), lines)).toBe(0);
    const three = ['x', 'y', 'z'].map((id) => item({ id, quantity: 1 }));
    expect(discountAdjustment(three[0], fixedTotal(1000), three)).toBeCloseTo(333.333, 3);
  });

  test('fixed on the total never exceeds the subtotal', () => {
    expect(discountAdjustment(lines[0], fixedTotal(10_000), lines)).toBe(3000);
  });

  test('fixed per item: value times quantity, at most the line', () => {
    expect(discountAdjustment(item(), fixedItem(300), [])).toBe(600);
    expect(discountAdjustment(item({ unitPrice: 500 }), fixedItem(800), [])).toBe(1000);
  });

  test('allocation: the cart discount only on lines that allow it, custom adjustments always', () => {
    const items = [
      item({ id: 'a', adjustments: [{ amount: 200, discountId: 'disc_p' }, { amount: 50, discountId: null }] }),
      item({ id: 'b', allowDiscounts: false, adjustments: [{ amount: 200, discountId: 'disc_p' }] }),
      item({ id: 'c', quantity: 3, adjustments: [{ amount: 100, discountId: 'disc_p' }] }),
    ];
    const map = allocationMap(items, [freeShipping, pct(10)]);
    expect(map.get('a')).toEqual({ amount: 250, unitAmount: 125 });
    expect(map.get('b')).toEqual({ amount: 0, unitAmount: 0 });
    expect(map.get('c')).toEqual({ amount: 100, unitAmount: 33 });
  });
});

describe('shipping methods', () => {
  const sm = { id: 'sm_1', price: 1000, includesTax: false, taxLines: [{ rate: 25 }] };

  test('tax on top', () => {
    expect(shippingMethodTotals(sm, true, false)).toEqual({ price: 1000, subtotal: 1000, taxTotal: 250, total: 1250, originalTotal: 1250, originalTaxTotal: 250 });
  });

  test('tax-inclusive price: the subtotal is net, the total the price', () => {
    expect(shippingMethodTotals({ ...sm, price: 1250, includesTax: true }, true, false))
      .toEqual({ price: 1250, subtotal: 1000, taxTotal: 250, total: 1250, originalTotal: 1250, originalTaxTotal: 250 });
  });

  test('free shipping zeroes it, keeping the original tax', () => {
    expect(shippingMethodTotals(sm, true, true)).toEqual({ price: 1000, subtotal: 0, taxTotal: 0, total: 0, originalTotal: 1250, originalTaxTotal: 250 });
  });
});

describe('gift cards', () => {
  test('balances pay up to the gift-cardable amount; a taxed card carries its tax', () => {
    expect(giftCardTotals(2500, [{ balance: 1000, taxRate: null }], [], region())).toEqual({ total: 1000, taxTotal: 0 });
    expect(giftCardTotals(800, [{ balance: 1000, taxRate: 25 }], [], region())).toEqual({ total: 800, taxTotal: 200 });
    expect(giftCardTotals(1500, [{ balance: 1000, taxRate: 10 }, { balance: 1000, taxRate: 10 }], [], region()))
      .toEqual({ total: 1500, taxTotal: 150 });
  });

  test('recorded uses: their own tax rate; old uses without one follow the card or region', () => {
    expect(giftCardUseTotals([{ amount: 1000, taxRate: 25, isTaxable: true }], region())).toEqual({ total: 1000, taxTotal: 250 });
    expect(giftCardUseTotals([{ amount: 1000, taxRate: null, isTaxable: null }], region({ giftCardsTaxable: true })))
      .toEqual({ total: 1000, taxTotal: 250 });
    expect(giftCardUseTotals([{ amount: 1000, taxRate: null, isTaxable: false }], region({ giftCardsTaxable: true })))
      .toEqual({ total: 1000, taxTotal: 0 });
  });
});

describe('carts and orders', () => {
  const sm = { id: 'sm_1', price: 1000, includesTax: false, taxLines: [{ rate: 25 }] };

  test('cart: items, shipping, tax, discount', () => {
    const t = cartTotals({
      items: [item({ adjustments: [{ amount: 200, discountId: 'disc_p' }] })], shippingMethods: [sm],
      discounts: [pct(10)], giftCards: [], region: region(),
    });
    expect([t.subtotal, t.discountTotal, t.shippingTotal, t.itemTaxTotal, t.shippingTaxTotal, t.taxTotal, t.total])
      .toEqual([2000, 200, 1000, 450, 250, 700, 3500]);
  });

  test('cart without automatic taxes has no tax', () => {
    const t = cartTotals({ items: [item()], shippingMethods: [sm], discounts: [], giftCards: [], region: region({ automaticTaxes: false }) });
    expect([t.subtotal, t.taxTotal, t.total]).toEqual([2000, 0, 3000]);
  });

  test('cart discount total rounds the sum of unrounded allocations', () => {
    const items = ['x', 'y', 'z'].map((id) => item({ id, quantity: 1, taxLines: [{ rate: 10 }] }));
    const withAdj = items.map((i) => ({ ...i, adjustments: [{ amount: discountAdjustment(i, fixedTotal(1000), items), discountId: 'disc_t' }] }));
    const t = cartTotals({ items: withAdj, shippingMethods: [], discounts: [fixedTotal(1000)], giftCards: [], region: region() });
    // each line: discount 333.33 (shown 333), tax round(66.67) = 67
    expect(t.items.get('x')).toMatchObject({ discountTotal: 333, taxTotal: 67, total: 734 });
    expect([t.subtotal, t.discountTotal, t.taxTotal, t.total]).toEqual([3000, 1000, 201, 2201]);
  });

  test('cart with a gift card in a region where gift cards are not taxed', () => {
    const t = cartTotals({ items: [item()], shippingMethods: [], discounts: [], giftCards: [{ balance: 1000, taxRate: null }], region: region() });
    expect([t.giftCardTotal, t.giftCardTaxTotal, t.total]).toEqual([1000, 0, 1500]);
  });

  test('cart with a taxed gift card: the card pays before tax and carries its tax', () => {
    const t = cartTotals({ items: [item()], shippingMethods: [], discounts: [], giftCards: [{ balance: 1000, taxRate: 25 }], region: region({ giftCardsTaxable: true }) });
    expect([t.giftCardTotal, t.giftCardTaxTotal, t.taxTotal, t.total]).toEqual([1000, 250, 500, 1250]);
  });

  test('free shipping discount', () => {
    const t = cartTotals({ items: [item()], shippingMethods: [sm], discounts: [freeShipping], giftCards: [], region: region() });
    expect([t.shippingTotal, t.taxTotal, t.discountTotal, t.total]).toEqual([0, 500, 0, 2500]);
  });

  test('order: gift card tax leaves the tax total; paid, refunded, refundable', () => {
    const t = orderTotals({
      items: [item()], shippingMethods: [sm], discounts: [], giftCards: [], region: region({ giftCardsTaxable: true }),
      giftCardUses: [{ amount: 1000, taxRate: 25, isTaxable: true }], payments: [{ amount: 1500 }], refunds: [{ amount: 500 }],
    });
    expect([t.subtotal, t.shippingTotal, t.taxTotal, t.giftCardTotal, t.giftCardTaxTotal, t.total])
      .toEqual([2000, 1000, 500, 1000, 250, 2500]);
    expect([t.paidTotal, t.refundedTotal, t.refundableAmount]).toEqual([1500, 500, 1000]);
    expect(t.refundable.get('item_1')).toBe(2500);
  });

  test('order items count without their returned quantity', () => {
    const t = orderTotals({
      items: [item({ returnedQuantity: 1 })], shippingMethods: [], discounts: [], giftCards: [], region: region(),
      giftCardUses: [], payments: [], refunds: [],
    });
    expect([t.subtotal, t.taxTotal, t.total, t.refundable.get('item_1')]).toEqual([1000, 250, 1250, 1250]);
  });
});
