import type { Route } from './executor';
import { omit, without } from './_keys';
import { plainLineItem, plainOrder } from './orders';

type Row = Record<string, any>;

/**
 * Medusa's list answers its default reservation columns, `expand=inventory_item` the item's
 * columns only, and `expand=line_item` the line item with its order's columns on the reservations
 * that have one (the key is absent on the others: Medusa joins the items in by id afterwards).
 */
const listColumns = without(['deleted_at', 'external_id', 'created_by']);
function listShape(page: { items: Row[] }) {
  const out = listColumns(page) as { items: Row[] };
  for (const r of out.items) {
    if (r.inventory_item) r.inventory_item = omit(r.inventory_item, ['stocked_quantity', 'reserved_quantity']);
    if ('line_item' in r && !r.line_item) delete r.line_item;
    else if (r.line_item) {
      plainLineItem(r.line_item);
      plainOrder(r.line_item.order);
    }
  }
  return out;
}

/** The line items come with their order (Medusa's join lists them with relation `order`). */
const withLineItemOrder = (relations: string[]) => (relations.includes('line_item') ? [...relations, 'line_item.order'] : relations);

export const routes: Route[] = [
  { method: 'GET', path: '/admin/reservations', operation: 'reservations', envelope: { list: 'reservations' }, reshape: listShape, moreRelations: withLineItemOrder,
    // The reservation's own relations; Medusa joins the line item's order itself and takes no deeper path.
    allowedRelations: ['inventory_item', 'location', 'line_item'] },
  { method: 'POST', path: '/admin/reservations', operation: 'createReservation', envelope: { one: 'reservation' } },
  { method: 'GET', path: '/admin/reservations/:id', operation: 'reservation', envelope: { one: 'reservation' }, ignoresQuery: true },
  // Medusa answers `{}` here (its handler loses the result); Aegis answers the reservation, as the spec says.
  { method: 'POST', path: '/admin/reservations/:id', operation: 'updateReservation', envelope: { one: 'reservation' } },
  { method: 'DELETE', path: '/admin/reservations/:id', operation: 'deleteReservation', envelope: 'raw' },
];
