import type { Route } from './executor';

/** Columns Medusa's get route leaves out of its default selection. */
const GET_HIDDEN = ['created_at', 'updated_at', 'deleted_at', 'region_id', 'created_by'];

export const routes: Route[] = [
  {
    method: 'GET', path: '/admin/payment-collections/:id', operation: 'paymentCollection', envelope: { one: 'payment_collection' },
    relations: ['region', 'payment_sessions', 'payments'],
    reshape: (collection: any) => {
      for (const k of GET_HIDDEN) delete collection[k];
      return collection;
    },
  },
  // The writes answer the saved row, without relations.
  { method: 'POST', path: '/admin/payment-collections/:id', operation: 'updatePaymentCollection', envelope: { one: 'payment_collection' }, ignoresQuery: true },
  { method: 'POST', path: '/admin/payment-collections/:id/authorize', operation: 'authorizePaymentCollection', envelope: { one: 'payment_collection' }, ignoresQuery: true },
  { method: 'DELETE', path: '/admin/payment-collections/:id', operation: 'deletePaymentCollection', envelope: 'raw', ignoresQuery: true },
];
