import type { Route } from './executor';

export const routes: Route[] = [
  { method: 'GET', path: '/admin/batch-jobs', operation: 'batchJobs', envelope: { list: 'batch_jobs' } },
  { method: 'POST', path: '/admin/batch-jobs', operation: 'createBatchJob', envelope: { one: 'batch_job' }, status: 201 },
  { method: 'GET', path: '/admin/batch-jobs/:id', operation: 'batchJob', envelope: { one: 'batch_job' } },
  { method: 'POST', path: '/admin/batch-jobs/:id/confirm', operation: 'confirmBatchJob', envelope: { one: 'batch_job' } },
  { method: 'POST', path: '/admin/batch-jobs/:id/cancel', operation: 'cancelBatchJob', envelope: { one: 'batch_job' } },
];
