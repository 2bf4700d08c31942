/**
 * The one totals engine: all money maths of carts, draft orders and orders, as pure functions over
 * plain numbers (amounts in the currency's smallest unit). It computes what Medusa v1 (1.20, with
 * tax-inclusive pricing on) answers, rounding where Medusa rounds and nowhere else, so that figures
 * equal the real server's to the cent: Medusa's cart and order `decorateTotals`, its line-item,
 * shipping and gift-card totals, its system tax calculation and its discount adjustments.
 * Services load the rows, decide the tax lines and the discount eligibility, and call in here;
 * nothing here touches the database.
 */

export interface TaxLine { rate: number; name?: string; code?: string | null }

/** A line item's discount adjustment; `discountId` null is a custom adjustment. */
export interface Adjustment { amount: number; discountId: string | null }

export interface TotalsItem {
  id: string;
  unitPrice: number;
  quantity: number;
  includesTax: boolean;
  allowDiscounts: boolean;
  isReturn?: boolean;
  returnedQuantity?: number | null;
  shippedQuantity?: number | null;
  taxLines: TaxLine[];
  adjustments: Adjustment[];
}

export interface TotalsShippingMethod { id: string; price: number; includesTax: boolean; taxLines: TaxLine[] }

export type DiscountRuleType = 'fixed' | 'percentage' | 'free_shipping';
export type DiscountAllocation = 'total' | 'item';
export interface TotalsDiscount { id: string; rule: { type: DiscountRuleType; value: number; allocation: DiscountAllocation | null } }

export interface GiftCardBalance { balance: number; taxRate: number | null }

/** A gift card's use by an order, with the tax snapshot taken when the order was placed. */
export interface GiftCardUse { amount: number; taxRate: number | null; isTaxable: boolean | null; giftCardTaxRate?: number | null }

export interface TotalsRegion { taxRate: number; giftCardsTaxable: boolean; automaticTaxes?: boolean }

export interface LineItemTotals {
  unitPrice: number;
  quantity: number;
  subtotal: number;
  discountTotal: number;
  rawDiscountTotal: number;
  taxTotal: number;
  total: number;
  originalTotal: number;
  originalTaxTotal: number;
}

export interface ShippingMethodTotals {
  price: number;
  subtotal: number;
  taxTotal: number;
  total: number;
  originalTotal: number;
  originalTaxTotal: number;
}

/** The discount allocated to one line: the whole line's amount and the per-unit amount refunds use. */
export interface LineAllocation { amount: number; unitAmount: number }
export type AllocationMap = Map<string, LineAllocation>;

/**
 * The tax in a price: for a tax-inclusive price the share of the price that is tax, otherwise the
 * tax to add on top. `rate` is a fraction (0.25 for 25 %).
 */
export function priceTaxAmount(price: number, rate: number, includesTax = false): number {
  return includesTax ? (rate * price) / (1 + rate) : price * rate;
}

const sumRates = (lines: TaxLine[]) => lines.reduce((acc, l) => acc + (l.rate || 0) / 100, 0);

/**
 * Discount allocated to each line: the line's adjustments of the cart's one non-free-shipping
 * discount (only where the line allows discounts) plus its custom adjustments.
 */
export function allocationMap(items: TotalsItem[], discounts: TotalsDiscount[]): AllocationMap {
  const discount = discounts.find((d) => d.rule.type !== 'free_shipping');
  const map: AllocationMap = new Map();
  for (const item of items) {
    const own = discount && item.allowDiscounts
      ? sum(item.adjustments.filter((a) => a.discountId === discount.id).map((a) => a.amount)) : 0;
    const custom = sum(item.adjustments.filter((a) => a.discountId === null).map((a) => a.amount));
    const amount = own + custom;
    map.set(item.id, { amount, unitAmount: Math.round(amount / item.quantity) });
  }
  return map;
}

/**
 * Tax of one line, as Medusa's system tax strategy: the taxable amount is the line's price net of
 * included tax (itself rounded per unit) minus the discount, taxed and rounded per tax line.
 */
export function lineItemTax(item: TotalsItem, taxLines: TaxLine[], discount: number): number {
  let taxable: number;
  if (item.includesTax) {
    const included = Math.round(priceTaxAmount(item.unitPrice, sumRates(taxLines), true));
    taxable = (item.unitPrice - included) * item.quantity;
  } else {
    taxable = item.unitPrice * item.quantity;
  }
  taxable -= discount;
  return Math.round(sum(taxLines.map((l) => Math.round(priceTaxAmount(taxable, l.rate / 100)))));
}

/**
 * A line's totals (Medusa's new totals service). With `includeTax` false, or without tax lines, no
 * tax is computed (a cart in a region without automatic taxes); a tax-inclusive line then keeps a subtotal of 0, as in Medusa.
 */
export function lineItemTotals(item: TotalsItem, allocation: LineAllocation | undefined, includeTax: boolean): LineItemTotals {
  const raw = allocation?.amount ?? 0;
  const discountTotal = Math.round(raw);
  const subtotal = item.includesTax ? 0 : item.unitPrice * item.quantity;
  const t: LineItemTotals = {
    unitPrice: item.unitPrice, quantity: item.quantity, subtotal, discountTotal, rawDiscountTotal: raw,
    taxTotal: 0, total: subtotal - discountTotal, originalTotal: subtotal, originalTaxTotal: 0,
  };
  const lines = includeTax ? item.taxLines : [];
  if (!lines.length) return t;
  t.taxTotal = lineItemTax(item, lines, raw);
  t.originalTaxTotal = lineItemTax(item, lines, 0);
  if (item.includesTax) {
    t.subtotal += item.unitPrice * item.quantity - t.originalTaxTotal;
    t.total += t.subtotal;
    t.originalTotal += t.subtotal;
  }
  t.total += t.taxTotal;
  t.originalTotal += t.originalTaxTotal;
  return t;
}

/**
 * What refunding the whole line gives back: its price net of included tax, minus its discount at
 * the rounded per-unit amount, plus each tax line rounded.
 */
export function lineItemRefund(item: TotalsItem, allocation: LineAllocation | undefined): number {
  const discount = (allocation?.unitAmount || 0) * item.quantity;
  const rate = sumRates(item.taxLines);
  const included = item.includesTax ? Math.round(priceTaxAmount(item.unitPrice, rate, true)) : 0;
  const net = (item.unitPrice - included) * item.quantity - discount;
  return net + sum(item.taxLines.map((l) => Math.round(net * (l.rate / 100))));
}

/**
 * A shipping method's totals: tax per tax line on the price (not rounded per line, the sum is),
 * taken out of a tax-inclusive price; a free-shipping discount zeroes subtotal, tax and total.
 */
export function shippingMethodTotals(method: TotalsShippingMethod, includeTax: boolean, freeShipping: boolean): ShippingMethodTotals {
  const t: ShippingMethodTotals = {
    price: method.price, subtotal: method.price, taxTotal: 0, total: method.price,
    originalTotal: method.price, originalTaxTotal: 0,
  };
  const lines = includeTax ? method.taxLines : [];
  if (lines.length) {
    t.originalTaxTotal = Math.round(sum(lines.map((l) => priceTaxAmount(method.price, l.rate / 100, method.includesTax))));
    t.taxTotal = t.originalTaxTotal;
    if (method.includesTax) {
      t.subtotal -= t.taxTotal;
    } else {
      t.originalTotal += t.originalTaxTotal;
      t.total += t.taxTotal;
    }
  }
  if (freeShipping) {
    t.total = 0;
    t.subtotal = 0;
    t.taxTotal = 0;
  }
  return t;
}

/** The amount gift cards may pay: before tax where gift cards are taxable, after it otherwise. */
export function giftCardableAmount(giftCardsTaxable: boolean, subtotal: number, shippingTotal: number, discountTotal: number, taxTotal: number): number {
  return (giftCardsTaxable ? subtotal + shippingTotal - discountTotal : subtotal + shippingTotal + taxTotal - discountTotal) || 0;
}

/**
 * Gift card totals of a cart (from the cards' balances) or of an order (from its recorded uses,
 * when there are any): what the cards pay and the tax they carry.
 */
export function giftCardTotals(amount: number, cards: GiftCardBalance[], uses: GiftCardUse[], region: TotalsRegion): { total: number; taxTotal: number } {
  if (uses.length) return giftCardUseTotals(uses, region);
  if (!cards.length) return { total: 0, taxTotal: 0 };
  let balance = 0;
  let tax = 0;
  let left = amount;
  for (const card of cards) {
    balance += card.balance;
    const taxable = Math.min(left, card.balance);
    if (taxable <= 0 || !card.taxRate) continue;
    tax += Math.round(taxable * (card.taxRate / 100));
    left -= taxable;
  }
  return { total: Math.min(amount, balance), taxTotal: Math.round(tax) };
}

/** Uses recorded before gift cards carried their taxability (null) follow the card or the region. */
export function giftCardUseTotals(uses: GiftCardUse[], region: TotalsRegion): { total: number; taxTotal: number } {
  return uses.reduce((acc, use) => {
    let multiplier = (use.taxRate || 0) / 100;
    if (use.isTaxable === null && (region.giftCardsTaxable || use.giftCardTaxRate)) {
      multiplier = (use.giftCardTaxRate ?? region.taxRate) / 100;
    }
    return { total: acc.total + use.amount, taxTotal: Math.round(acc.taxTotal + use.amount * multiplier) };
  }, { total: 0, taxTotal: 0 });
}

export interface CartInput {
  items: TotalsItem[];
  shippingMethods: TotalsShippingMethod[];
  discounts: TotalsDiscount[];
  giftCards: GiftCardBalance[];
  region: TotalsRegion;
}

export interface Totals {
  subtotal: number;
  discountTotal: number;
  rawDiscountTotal: number;
  itemTaxTotal: number;
  shippingTotal: number;
  shippingTaxTotal: number;
  taxTotal: number;
  giftCardTotal: number;
  giftCardTaxTotal: number;
  total: number;
  items: Map<string, LineItemTotals>;
  shippingMethods: Map<string, ShippingMethodTotals>;
}

/** The part common to carts and orders: item and shipping totals summed. */
function sumUp(input: CartInput, includeTax: boolean, allocations: AllocationMap): Totals {
  const freeShipping = input.discounts.some((d) => d.rule.type === 'free_shipping');
  const t: Totals = {
    subtotal: 0, discountTotal: 0, rawDiscountTotal: 0, itemTaxTotal: 0, shippingTotal: 0, shippingTaxTotal: 0,
    taxTotal: 0, giftCardTotal: 0, giftCardTaxTotal: 0, total: 0, items: new Map(), shippingMethods: new Map(),
  };
  for (const item of input.items) {
    const it = lineItemTotals(item, allocations.get(item.id), includeTax);
    t.items.set(item.id, it);
    t.subtotal += it.subtotal;
    t.rawDiscountTotal += it.rawDiscountTotal;
    t.itemTaxTotal += it.taxTotal;
  }
  for (const sm of input.shippingMethods) {
    const st = shippingMethodTotals(sm, includeTax, freeShipping);
    t.shippingMethods.set(sm.id, st);
    t.shippingTotal += st.subtotal;
    t.shippingTaxTotal += st.taxTotal;
  }
  t.taxTotal = t.itemTaxTotal + t.shippingTaxTotal;
  t.discountTotal = Math.round(t.rawDiscountTotal);
  return t;
}

/**
 * A cart's totals (draft orders answer their cart with these). Taxes count only in regions with
 * automatic taxes (or when forced); the gift cards' tax is subtracted from the total.
 */
export function cartTotals(input: CartInput, forceTaxes = false): Totals {
  const includeTax = forceTaxes || !!input.region.automaticTaxes;
  const t = sumUp(input, includeTax, allocationMap(input.items, input.discounts));
  const gc = giftCardTotals(
    giftCardableAmount(input.region.giftCardsTaxable, t.subtotal, t.shippingTotal, t.discountTotal, t.taxTotal),
    input.giftCards, [], input.region,
  );
  t.giftCardTotal = gc.total || 0;
  t.giftCardTaxTotal = gc.taxTotal || 0;
  t.total = t.subtotal + t.shippingTotal + t.taxTotal - (t.giftCardTotal + t.discountTotal + t.giftCardTaxTotal);
  return t;
}

export interface OrderInput extends CartInput {
  giftCardUses: GiftCardUse[];
  payments: { amount: number }[];
  refunds: { amount: number }[];
}

export interface OrderTotals extends Totals {
  paidTotal: number;
  refundedTotal: number;
  refundableAmount: number;
  /** What refunding each line (less its returned quantity) gives back. */
  refundable: Map<string, number>;
}

/**
 * An order's totals (Medusa's order `decorateTotals`): items count without their returned
 * quantity, taxes come from the stored tax lines, the gift cards' tax is subtracted from the tax
 * total; paid, refunded and refundable amounts come from payments and refunds.
 */
export function orderTotals(input: OrderInput): OrderTotals {
  const items = input.items.map((i) => ({ ...i, quantity: i.quantity - (i.returnedQuantity || 0) }));
  const allocations = allocationMap(input.items, input.discounts);
  const t = sumUp({ ...input, items }, true, allocations);
  const refundable = new Map(items.map((i) => [i.id, lineItemRefund(i, allocations.get(i.id))]));
  const gc = giftCardTotals(
    giftCardableAmount(input.region.giftCardsTaxable, t.subtotal, t.shippingTotal, t.discountTotal, t.taxTotal),
    input.giftCards, input.giftCardUses, input.region,
  );
  t.giftCardTotal = gc.total || 0;
  t.giftCardTaxTotal = gc.taxTotal || 0;
  t.taxTotal -= t.giftCardTaxTotal;
  t.total = t.subtotal + t.shippingTotal + t.taxTotal - (t.giftCardTotal + t.discountTotal);
  const refundedTotal = Math.round(sum(input.refunds.map((r) => r.amount))) || 0;
  const paidTotal = sum(input.payments.map((p) => p.amount)) || 0;
  return { ...t, paidTotal, refundedTotal, refundableAmount: paidTotal - refundedTotal || 0, refundable };
}

/**
 * The adjustment a discount makes on one line (Medusa's `calculateDiscountForLineItem`): a
 * percentage of the line (rounded), a fixed amount per unit, or, for a fixed discount on the
 * total, the line's share of the discountable subtotal (not rounded). Never more than the line.
 * `lines` are all the cart's lines; the caller decides whether the discount applies to `item`.
 */
export function discountAdjustment(item: TotalsItem, discount: TotalsDiscount, lines: TotalsItem[]): number {
  if (!item.allowDiscounts) return 0;
  const includeTax = item.includesTax;
  const fullPrice = includeTax ? lineItemTotals(item, undefined, true).subtotal : item.unitPrice * item.quantity;
  const { type, value, allocation } = discount.rule;
  let adjustment: number;
  if (type === 'percentage') {
    adjustment = Math.round((fullPrice / 100) * value);
  } else if (type === 'fixed' && allocation === 'total') {
    const subtotal = sum(lines.filter((l) => l.allowDiscounts).map((l) => lineItemTotals(l, undefined, includeTax).subtotal));
    adjustment = Math.min(value, subtotal) * (fullPrice / subtotal);
  } else {
    adjustment = value * item.quantity;
  }
  return Math.min(adjustment, fullPrice);
}

function sum(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
