import type { Route } from './executor';

/** Medusa's default relations of a discount (its regions come without their providers). */
const RELATIONS = ['parent_discount', 'regions', 'rule', 'rule.conditions'];
const one = { one: 'discount' };
const CONDITION = '/admin/discounts/:discount_id/conditions/:condition_id';

/**
 * Medusa selects only id, type, operator, discount_rule_id, created_at and updated_at of a single
 * condition (its `defaultAdminDiscountConditionFields`); `fields` may ask for the other columns.
 */
function conditionDefaults(condition: Record<string, unknown> | null, query: Record<string, unknown>): unknown {
  if (!condition || query.fields) return condition;
  const { deleted_at: _deleted, metadata: _metadata, ...rest } = condition;
  return rest;
}

export const routes: Route[] = [
  { method: 'GET', path: '/admin/discounts', operation: 'discounts', envelope: { list: 'discounts' }, relations: RELATIONS },
  { method: 'POST', path: '/admin/discounts', operation: 'createDiscount', envelope: one, relations: RELATIONS },
  { method: 'GET', path: '/admin/discounts/code/:code', operation: 'discountByCode', envelope: one, relations: RELATIONS },
  { method: 'GET', path: '/admin/discounts/:id', operation: 'discount', envelope: one, relations: RELATIONS },
  { method: 'POST', path: '/admin/discounts/:id', operation: 'updateDiscount', envelope: one, relations: RELATIONS },
  { method: 'DELETE', path: '/admin/discounts/:id', operation: 'deleteDiscount', envelope: 'raw' },
  { method: 'POST', path: '/admin/discounts/:id/dynamic-codes', operation: 'createDiscountDynamicCode', envelope: one, relations: RELATIONS },
  { method: 'DELETE', path: '/admin/discounts/:id/dynamic-codes/:code', operation: 'deleteDiscountDynamicCode', envelope: one, relations: RELATIONS },
  { method: 'POST', path: '/admin/discounts/:id/regions/:region_id', operation: 'addDiscountRegion', envelope: one, relations: RELATIONS },
  { method: 'DELETE', path: '/admin/discounts/:id/regions/:region_id', operation: 'removeDiscountRegion', envelope: one, relations: RELATIONS },
  { method: 'POST', path: '/admin/discounts/:discount_id/conditions', operation: 'createDiscountCondition', envelope: one, relations: RELATIONS },
  {
    method: 'GET', path: CONDITION, operation: 'discountCondition', envelope: { one: 'discount_condition' }, relations: ['discount_rule'],
    reshape: conditionDefaults,
  },
  { method: 'POST', path: CONDITION, operation: 'updateDiscountCondition', envelope: one, relations: RELATIONS },
  {
    method: 'DELETE', path: CONDITION, operation: 'deleteDiscountCondition', envelope: 'raw',
    relations: RELATIONS.map((r) => `discount.${r}`),
  },
  { method: 'POST', path: `${CONDITION}/batch`, operation: 'addDiscountConditionResources', envelope: one, relations: RELATIONS },
  { method: 'DELETE', path: `${CONDITION}/batch`, operation: 'removeDiscountConditionResources', envelope: one, relations: RELATIONS },
];
