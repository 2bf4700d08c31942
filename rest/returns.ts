import type { Route } from './executor';
import { LINE_TOTALS, ORDER_RELATIONS, ORDER_TOTALS, orderShape, plainOrder } from './orders';
import { returnMoreRelations, returnShape } from './_return-shape';

/** In Medusa's return list the order is its row as loaded: every column, no totals. */
function listedReturn(ret: any): any {
  if (ret?.order) {
    plainOrder(ret.order);
    delete ret.order.raw_discount_total;
  }
  return returnShape(ret);
}

/** Medusa's cancel answers the order as its service reads it: default columns and relations, no totals. */
function canceledReturnOrder(order: any): any {
  orderShape(order);
  for (const k of ORDER_TOTALS) delete order[k];
  for (const line of [...(order.items ?? []), ...(order.shipping_methods ?? [])]) for (const k of LINE_TOTALS) delete line[k];
  return order;
}

export const routes: Route[] = [
  {
    method: 'GET', path: '/admin/returns', operation: 'returns', envelope: { list: 'returns' }, relations: ['order', 'items'], always: ['swap'],
    queryParams: ['limit', 'offset'], noControls: true,
    reshape: (page: any) => ({ ...page, items: page.items.map(listedReturn) }),
  },
  { method: 'POST', path: '/admin/returns/:id/receive', operation: 'receiveReturn', envelope: { one: 'return' }, relations: ['items'], always: ['swap'], reshape: returnShape },
  // Medusa answers the return's order with its default order columns and relations (no sales channel).
  { method: 'POST', path: '/admin/returns/:id/cancel', operation: 'cancelReturn', envelope: { one: 'order' }, relations: ORDER_RELATIONS, moreRelations: returnMoreRelations, reshape: canceledReturnOrder },
];
