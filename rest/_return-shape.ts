/* Shapes of returns shared by the order routes and the return routes (no route rows here). */

/** Medusa's relations of an order's returns, among the order's default relations. */
export const ORDER_RETURN_RELATIONS = [
  'returns', 'returns.items', 'returns.items.reason', 'returns.shipping_method', 'returns.shipping_method.shipping_option', 'returns.shipping_method.tax_lines',
];

const METHOD_TOTALS = ['subtotal', 'tax_total', 'total', 'original_total', 'original_tax_total'];

/** A return as Medusa answers it: its shipping method without timestamps or totals (Medusa computes none there). */
export function returnShape(ret: any): any {
  const method = ret?.shipping_method;
  if (method) for (const k of ['created_at', 'updated_at', ...METHOD_TOTALS]) delete method[k];
  return ret;
}

/**
 * Relations Medusa loads with those asked: a return's items (an eager relation of its return),
 * and the lines' tax lines, adjustments and variant where `returnable_items` are asked (its totals need them).
 * Answers all the relations (a route's `moreRelations`).
 */
export function returnMoreRelations(relations: string[]): string[] {
  const more: string[] = [...relations];
  if (relations.includes('returns') && !relations.includes('returns.items')) more.push('returns.items');
  if (relations.includes('returnable_items')) more.push('returnable_items.tax_lines', 'returnable_items.adjustments', 'returnable_items.variant', 'returnable_items.variant.product', 'returnable_items.variant.product.profiles');
  return [...new Set(more)];
}
