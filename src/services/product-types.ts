import type { Context } from '../context';
import { ProductType } from '../entities/product-types';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import type { ProductTypeFilter } from '../../schema/product-types';
import { inDiscountCondition } from './products';

// Medusa's allowed order fields for this list: id, value, created_at, updated_at.
const LIST: ListSpec = { orderable: ['id', 'value', 'createdAt', 'updatedAt'], searchable: ['value'] };

export function listProductTypes(ctx: Context, filter: ProductTypeFilter | undefined, args: PageArgs) {
  const where: Record<string, unknown>[] = [whereOf(filter, ['discountConditionId'])];
  if (filter?.discountConditionId) where.push(inDiscountCondition('discount_condition_product_type', 'product_type_id', filter.discountConditionId));
  return findPage(ctx, ProductType, { $and: where }, args, LIST);
}
