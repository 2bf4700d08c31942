import type { Route } from './executor';

export const routes: Route[] = [
  {
    method: 'GET', path: '/admin/payments/:id', operation: 'payment', envelope: { one: 'payment' }, ignoresQuery: true,
    // Medusa's payment route selects the payment without its timestamps and idempotency key.
    reshape: (p: any) => { if (p) for (const k of ['created_at', 'updated_at', 'idempotency_key']) delete p[k]; return p; },
  },
  { method: 'POST', path: '/admin/payments/:id/capture', operation: 'capturePayment', envelope: { one: 'payment' } },
  { method: 'POST', path: '/admin/payments/:id/refund', operation: 'refundPayment', envelope: { one: 'refund' } },
];
