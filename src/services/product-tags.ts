import type { Context } from '../context';
import { ProductTag } from '../entities/product-tags';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import type { ProductTagFilter } from '../../schema/product-tags';
import type { ProductTagUsage } from '../../schema/products';
import { inDiscountCondition } from './products';

// Medusa's allowed order fields for this list: id, value, created_at, updated_at.
const LIST: ListSpec = { orderable: ['id', 'value', 'createdAt', 'updatedAt'], searchable: ['value'] };

export function listProductTags(ctx: Context, filter: ProductTagFilter | undefined, args: PageArgs) {
  const where: Record<string, unknown>[] = [whereOf(filter, ['discountConditionId'])];
  if (filter?.discountConditionId) where.push(inDiscountCondition('discount_condition_product_tag', 'product_tag_id', filter.discountConditionId));
  return findPage(ctx, ProductTag, { $and: where }, args, LIST);
}

/** How many tags `GET /admin/products/tag-usage` returns, as Medusa's `listTagsByUsage`. */
const USAGE_TOP = 10;

/**
 * The most used tags with the number of live products carrying them, most used first. The count
 * is text, as Medusa's raw query returns it.
 */
export async function productTagUsage(ctx: Context): Promise<ProductTagUsage[]> {
  const rows: { id: string; value: string; usage_count: string }[] = await ctx.em.execute(
    `select t."id", t."value", count(p."id")::text as usage_count
       from "product_tag" t
       left join "product_tags" pt on pt."product_tag_id" = t."id"
       left join "product" p on p."id" = pt."product_id" and p."deleted_at" is null
      where t."deleted_at" is null
      group by t."id", t."value"
      order by count(p."id") desc, t."value" asc
      limit ?`,
    [USAGE_TOP],
  );
  return rows.map((r) => ({ id: r.id, value: r.value, usageCount: r.usage_count }));
}
