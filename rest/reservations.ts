import type { Route } from './executor';
import { omit, without } from './_keys';

type Row = Record<string, any>;

/** Medusa's list answers its default reservation columns, and `expand=inventory_item` the item's columns only. */
const listColumns = without(['deleted_at', 'external_id', 'created_by']);
function listShape(page: { items: Row[] }) {
  const out = listColumns(page) as { items: Row[] };
  for (const r of out.items) if (r.inventory_item) r.inventory_item = omit(r.inventory_item, ['stocked_quantity', 'reserved_quantity']);
  return out;
}

export const routes: Route[] = [
  { method: 'GET', path: '/admin/reservations', operation: 'reservations', envelope: { list: 'reservations' }, reshape: listShape },
  { method: 'POST', path: '/admin/reservations', operation: 'createReservation', envelope: { one: 'reservation' } },
  { method: 'GET', path: '/admin/reservations/:id', operation: 'reservation', envelope: { one: 'reservation' }, ignoresQuery: true },
  // Medusa answers `{}` here (its handler loses the result); Aegis answers the reservation, as the spec says.
  { method: 'POST', path: '/admin/reservations/:id', operation: 'updateReservation', envelope: { one: 'reservation' } },
  { method: 'DELETE', path: '/admin/reservations/:id', operation: 'deleteReservation', envelope: 'raw' },
];
