import type { Context } from '../context';
import { ProductType } from '../entities/product-types';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import type { ProductTypeFilter } from '../../schema/product-types';

const LIST: ListSpec = { orderable: ['value', 'createdAt', 'updatedAt'], searchable: ['value'] };

export function listProductTypes(ctx: Context, filter: ProductTypeFilter | undefined, args: PageArgs) {
  return findPage(ctx, ProductType, whereOf(filter), args, LIST);
}
