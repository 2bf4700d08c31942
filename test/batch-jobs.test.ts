import fs from 'fs';
import path from 'path';
import { parse } from 'csv-parse/sync';
import { startApp, TestApp, errorType } from './helpers';
import { BatchJob, BatchJobStatus } from '../src/entities/batch-jobs';
import { Product } from '../src/entities/products';
import { ProductVariant, MoneyAmount } from '../src/entities/variants';
import { User, UserRole } from '../src/entities/users';
import { createUser } from '../src/services/users';
import { JobDeps, runBatchJobStep } from '../src/services/batch-jobs';
import { canMove, TRANSITIONS } from '../src/services/batch-jobs/lifecycle';
import { amountOf, amountText, readProductLine } from '../src/services/batch-jobs/product-csv';
import { fileStoreFor } from '../src/lib/storage';
import { startBackground } from '../src/background';

// Jobs run in the background through the queue; on a busy shared machine they take their time.
jest.setTimeout(180_000);

const FIXTURES = path.join(__dirname, 'fixtures');
const MEDUSA_EXPORT = fs.readFileSync(path.join(FIXTURES, 'medusa-product-export.csv'));

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
  // What the Medusa fixture refers to: currencies, a region, a collection, a category, a channel.
  for (const code of ['eur', 'usd']) await t.http.post(`/admin/store/currencies/${code}`).set(t.auth);
  const region = await t.http.post('/admin/regions').set(t.auth).send({ name: 'Fixture Europe', currency_code: 'eur', tax_rate: 0, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['pt'] });
  expect(region.status).toBe(200);
  expect((await t.http.post('/admin/collections').set(t.auth).send({ title: 'Fixture Summer', handle: 'fixture-summer' })).status).toBe(200);
  expect((await t.http.post('/admin/product-categories').set(t.auth).send({ name: 'Fixture Shirts', handle: 'fixture-shirts' })).status).toBe(200);
  expect((await t.http.post('/admin/sales-channels').set(t.auth).send({ name: 'Fixture Shop', description: 'The fixture shop' })).status).toBe(200);
});
afterAll(() => t.close());

/** Asks for the job until it has one of `statuses` (the worker runs in the background). */
async function waitFor(id: string, ...statuses: string[]): Promise<any> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await t.http.get(`/admin/batch-jobs/${id}`).set(t.auth);
    if (statuses.includes(res.body.batch_job?.status) || Date.now() > deadline) return res.body.batch_job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function upload(content: Buffer | string, name: string): Promise<string> {
  const res = await t.http.post('/admin/uploads/protected').set(t.auth).attach('files', Buffer.from(content), { filename: name, contentType: 'text/csv' });
  expect(res.status).toBe(200);
  return res.body.uploads[0].key;
}

async function createJob(body: object): Promise<any> {
  const res = await t.http.post('/admin/batch-jobs').set(t.auth).send(body);
  expect(res.status).toBe(201);
  return res.body.batch_job;
}

async function download(fileKey: string): Promise<string> {
  const url = await t.http.post('/admin/uploads/download-url').set(t.auth).send({ file_key: fileKey });
  expect(url.status).toBe(200);
  const res = await t.http.get(url.body.download_url.replace(t.config.files.publicUrl, '')).buffer(true);
  expect(res.status).toBe(200);
  return res.text ?? res.body.toString();
}

const deps = (extra: Partial<JobDeps> = {}): JobDeps => ({
  em: () => t.orm.em.fork() as any, files: fileStoreFor(t.config), config: t.config, bus: t.server.bus, log: () => undefined, ...extra,
});

const rowsOf = (csv: string) => parse(csv, { delimiter: ';', columns: true, bom: true }) as Record<string, string>[];
const countProducts = () => t.em().count(Product, {});

describe('product import of a file exported by the real Medusa', () => {
  let jobId: string;

  it('pre-processes a dry run: what will be created, nothing written yet', async () => {
    const before = await countProducts();
    const fileKey = await upload(MEDUSA_EXPORT, 'medusa-export.csv');
    const job = await createJob({ type: 'product-import', dry_run: true, context: { fileKey } });
    expect(job).toMatchObject({ type: 'product-import', status: 'created', dry_run: true, result: null, context: { fileKey } });
    jobId = job.id;
    const done = await waitFor(jobId, 'pre_processed', 'failed');
    expect(done.status).toBe('pre_processed');
    expect(done.pre_processed_at).toBeTruthy();
    expect(done.result).toMatchObject({
      count: 3, advancement_count: 0,
      operations: { PRODUCT_CREATE: 2, PRODUCT_UPDATE: 0, VARIANT_CREATE: 3, VARIANT_UPDATE: 0 },
      stat_descriptors: [{ key: 'product-import-count', name: 'Products/variants to import', message: expect.stringContaining('There will be 2 products created (0 updated)') }],
    });
    expect(await countProducts()).toBe(before);
  });

  it('imports everything once confirmed: columns, options, prices by currency and region, images, channels, categories', async () => {
    const confirmed = await t.http.post(`/admin/batch-jobs/${jobId}/confirm`).set(t.auth);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.batch_job.status).toBe('confirmed');
    const done = await waitFor(jobId, 'completed', 'failed');
    expect(done.status).toBe('completed');
    expect(done.result).toMatchObject({ count: 3, advancement_count: 3, progress: 1 });
    for (const at of ['pre_processed_at', 'confirmed_at', 'processing_at', 'completed_at']) expect(done[at]).toBeTruthy();

    const em = t.em();
    const shirt = await em.findOneOrFail(Product, { handle: 'fixture-linen-shirt' }, {
      populate: ['options', 'variants.prices.region', 'variants.options.option', 'images', 'tags', 'type', 'collection', 'salesChannels', 'categories'] as any,
    });
    expect(shirt).toMatchObject({ title: 'Fixture Linen Shirt', subtitle: 'Cool; light', description: 'A shirt "of linen",\nfor summer; washed.', status: 'published', weight: 300, hsCode: '6205', originCountry: 'PT', material: 'Linen', discountable: true });
    expect(shirt.collection?.handle).toBe('fixture-summer');
    expect(shirt.type?.value).toBe('Shirt');
    expect(shirt.tags.getItems().map((x) => x.value).sort()).toEqual(['fixture-linen', 'fixture-summer']);
    expect(shirt.images.getItems().map((i) => i.url).sort()).toEqual(['https://img.example.com/fixture/linen-1.png', 'https://img.example.com/fixture/linen-2.png']);
    expect(shirt.salesChannels.getItems().map((c) => c.name).sort()).toEqual(['Default Sales Channel', 'Fixture Shop']);
    expect(shirt.categories.getItems().map((c) => c.handle)).toEqual(['fixture-shirts']);
    expect(shirt.options.getItems().map((o) => o.title).sort()).toEqual(['Color', 'Size']);
    const small = shirt.variants.getItems().find((v) => v.sku === 'FIX-LINEN-S-W')!;
    expect(small).toMatchObject({ title: 'S / White', barcode: '4000000000011', inventoryQuantity: 12, allowBackorder: true, manageInventory: true, weight: 310 });
    expect(small.prices.getItems().map((p) => `${p.currencyCode}:${p.amount}${p.region ? `@${p.region.name}` : ''}`).sort()).toEqual(['eur:4500', 'eur:4500@Fixture Europe', 'usd:5500']);
    expect(small.options.getItems().map((o) => `${o.option.title}=${o.value}`).sort()).toEqual(['Color=White', 'Size=S']);
    const cap = await em.findOneOrFail(Product, { handle: 'fixture-cap' }, { populate: ['variants.prices'] as any });
    expect(cap).toMatchObject({ status: 'draft', discountable: false });
    expect(cap.variants.getItems()[0].prices.getItems().map((p) => `${p.currencyCode}:${p.amount}`)).toEqual(['usd:1500']);
    // As Medusa, the imported file is removed once its content is in.
    expect(await fileStoreFor(t.config).visibilityOf(done.context.fileKey)).toBeNull();
    const names = t.events.filter((e) => e.data.id === jobId).map((e) => e.name);
    expect(names).toEqual(['batch.created', 'batch.pre_processed', 'batch.confirmed', 'batch.processing', 'batch.completed']);
  });

  it('exports the same file back: every line and cell as Medusa wrote it, but the ids of this store', async () => {
    const job = await createJob({ type: 'product-export', context: { filterable_fields: { handle: ['fixture-linen-shirt', 'fixture-cap'] } } });
    const done = await waitFor(job.id, 'completed', 'failed');
    expect(done.status).toBe('completed');
    expect(done.result).toMatchObject({ count: 2, advancement_count: 2, progress: 1, file_key: expect.stringMatching(/^exports\/products\/.*\.csv$/), file_size: expect.any(Number) });
    const ours = rowsOf(await download(done.result.file_key));
    const theirs = rowsOf(MEDUSA_EXPORT.toString());
    expect(Object.keys(ours[0]).sort()).toEqual(Object.keys(theirs[0]).sort());
    const ids = /^(Product Id|Variant Id|Sales Channel \d+ Id|Sales Channel \d+ Description|Product Category \d+ Description)$/;
    for (const mine of ours) {
      const same = theirs.find((r) => r['Variant SKU'] === mine['Variant SKU'])!;
      const cells = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).filter(([k]) => !ids.test(k)));
      expect(cells(mine)).toEqual(cells(same));
    }
    expect(ours.find((r) => r['Variant SKU'] === 'FIX-LINEN-S-W')!['Sales Channel 2 Id']).toMatch(/^sc_/);
  });

  it('updates what exists (by handle and SKU) when the same file comes again', async () => {
    const before = { products: await countProducts(), variants: await t.em().count(ProductVariant, {}) };
    const changed = MEDUSA_EXPORT.toString().replace(/Fixture Linen Shirt/g, 'Fixture Linen Shirt II').replace(';FIX-LINEN-M-B;;0;', ';FIX-LINEN-M-B;;7;');
    const job = await createJob({ type: 'product-import', context: { fileKey: await upload(changed, 'again.csv') } });
    const done = await waitFor(job.id, 'completed', 'failed');
    expect(done.result.operations).toEqual({ PRODUCT_CREATE: 0, PRODUCT_UPDATE: 2, VARIANT_CREATE: 0, VARIANT_UPDATE: 3 });
    expect(await countProducts()).toBe(before.products);
    expect(await t.em().count(ProductVariant, {})).toBe(before.variants);
    expect((await t.em().findOneOrFail(Product, { handle: 'fixture-linen-shirt' })).title).toBe('Fixture Linen Shirt II');
    expect((await t.em().findOneOrFail(ProductVariant, { sku: 'FIX-LINEN-M-B' })).inventoryQuantity).toBe(7);
  });
});

describe('bad files', () => {
  const header = 'Product Handle;Product Title;Variant Title;Variant SKU;Price EUR;Option 1 Name;Option 1 Value';
  async function failed(csv: string): Promise<any> {
    const job = await createJob({ type: 'product-import', context: { fileKey: await upload(csv, 'bad.csv') } });
    const done = await waitFor(job.id, 'failed', 'completed');
    expect(done.status).toBe('failed');
    expect(done.failed_at).toBeTruthy();
    return done.result.errors[0];
  }

  it('a broken row fails the job with its line, and nothing is imported', async () => {
    const before = await countProducts();
    const error = await failed(`${header}\r\nbad-a;A;One;BAD-A-1;10;Size;S\r\nbad-a;A;Two;BAD-A-2;10\r\n`);
    expect(error).toMatch(/line 3/i);
    expect(await countProducts()).toBe(before);
  });

  it('a missing column fails the job', async () => {
    expect(await failed('Product Title;Variant Title\r\nA;B\r\n')).toBe('Missing column(s) "Product Handle" from the given csv file');
    expect(await failed(`${header};Colour Of The Sky\r\nx;X;V;S;1;Size;S;blue\r\n`)).toMatch(/Unable to treat column Colour Of The Sky/);
  });

  it('a bad value or reference fails with its line; earlier good lines are rolled back too', async () => {
    const before = await countProducts();
    const lines = [`${header};Price Atlantis [EUR]`];
    for (let i = 0; i < 40; i++) lines.push(`bulk-${i};Bulk ${i};Only;BULK-${i};12.5;Size;One;${i === 39 ? '3' : ''}`);
    const error = await failed(lines.join('\r\n'));
    expect(error).toBe("Line 41 (product handle bulk-39, variant sku BULK-39): Trying to set a price for a region Atlantis that doesn't exist");
    expect(await countProducts()).toBe(before);
    expect(await failed(`${header}\r\nq;Q;V;Q-1;cheap;Size;S\r\n`)).toBe('Line 2: Price EUR must be an amount such as 12.5, got "cheap"');
    expect(await failed(`${header}\r\n;Q;V;Q-1;1;Size;S\r\n`)).toBe('Line 2: No value found for target column "Product Handle"');
  });

  it('a missing file fails the job; a missing fileKey is refused at creation', async () => {
    expect(await failed('')).toBe('The CSV file has no lines to import');
    const res = await t.http.post('/admin/batch-jobs').set(t.auth).send({ type: 'product-import', context: {} });
    expect(res.status).toBe(400);
    const job = await createJob({ type: 'product-import', context: { fileKey: 'nowhere.csv' } });
    expect((await waitFor(job.id, 'failed')).result.errors).toEqual(['File with key nowhere.csv was not found']);
  });
});

describe('a job stopped half-way (the process dies, or it is canceled)', () => {
  /** A job confirmed but not yet run (as the queue would hand it to a worker). */
  async function confirmedImport(csv: string): Promise<string> {
    const job = await createJob({ type: 'product-import', dry_run: true, context: { fileKey: await upload(csv, 'big.csv') } });
    expect((await waitFor(job.id, 'pre_processed')).status).toBe('pre_processed');
    await t.em().nativeUpdate(BatchJob, { id: job.id }, { status: BatchJobStatus.confirmed, confirmedAt: new Date() });
    return job.id;
  }
  const bigFile = (prefix: string, n: number) => ['Product Handle;Product Title;Variant Title;Variant SKU;Price EUR']
    .concat(Array.from({ length: n }, (_, i) => `${prefix}-${i};${prefix} ${i};Default;${prefix.toUpperCase()}-${i};${i + 1}`)).join('\r\n');

  it('shows progress while running; a crash applies nothing, and the retried step completes', async () => {
    const id = await confirmedImport(bigFile('crash', 12));
    const before = await countProducts();
    const seen: number[] = [];
    const crash = deps({
      progressEvery: 5,
      onProgress: (n) => {
        seen.push(n);
        if (n === 10) throw new Error('the process died');
      },
    });
    await expect(runBatchJobStep(crash, { id, step: 'process' })).rejects.toThrow('the process died');
    expect(seen).toEqual([5, 10]);
    const halfway = await t.em().findOneOrFail(BatchJob, id);
    // Progress was visible while the work ran; none of the work was committed.
    expect(halfway).toMatchObject({ status: 'processing', result: expect.objectContaining({ advancement_count: 10, count: 12 }) });
    expect(await countProducts()).toBe(before);

    await runBatchJobStep(deps(), { id, step: 'process' });
    expect(await t.em().findOneOrFail(BatchJob, id)).toMatchObject({ status: 'completed', result: expect.objectContaining({ advancement_count: 12, progress: 1 }) });
    expect(await countProducts()).toBe(before + 12);
    // A step delivered again after completion does nothing.
    await runBatchJobStep(deps(), { id, step: 'process' });
    expect(await countProducts()).toBe(before + 12);
  }, 240_000);

  it('a job canceled while it runs stops and applies nothing', async () => {
    const id = await confirmedImport(bigFile('cancel', 12));
    const before = await countProducts();
    let canceled: Promise<unknown> | undefined;
    await runBatchJobStep(deps({
      progressEvery: 5,
      onProgress: () => { canceled = t.http.post(`/admin/batch-jobs/${id}/cancel`).set(t.auth).then((r) => expect(r.status).toBe(200)); },
    }), { id, step: 'process' });
    await canceled;
    expect((await t.em().findOneOrFail(BatchJob, id)).status).toBe('canceled');
    expect(await countProducts()).toBe(before);
  }, 240_000);

  it('an export killed half-way leaves no file; run again it completes', async () => {
    const job = await createJob({ type: 'product-export', dry_run: true, context: {} });
    expect((await waitFor(job.id, 'pre_processed')).status).toBe('pre_processed');
    await t.em().nativeUpdate(BatchJob, { id: job.id }, { status: BatchJobStatus.confirmed, confirmedAt: new Date() });
    const files = fileStoreFor(t.config);
    const dir = path.join(t.config.files.dir, 'private', 'exports', 'products');
    const before = fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
    await expect(runBatchJobStep(deps({ onProgress: () => { throw new Error('killed'); } }), { id: job.id, step: 'process' })).rejects.toThrow('killed');
    expect(fs.existsSync(dir) ? fs.readdirSync(dir).length : 0).toBe(before);
    await runBatchJobStep(deps(), { id: job.id, step: 'process' });
    const done = await t.em().findOneOrFail(BatchJob, job.id);
    expect(done.status).toBe('completed');
    expect(await files.visibilityOf(String(done.result!.file_key))).toBe('private');
  });
});

describe('workers', () => {
  it('a server that runs no jobs leaves them to a worker process (`npx aegis worker`), which runs them', async () => {
    const api = await startApp({ runJobs: false });
    try {
      const res = await api.http.post('/admin/batch-jobs').set(api.auth).send({ type: 'product-export', context: {} });
      expect(res.status).toBe(201);
      const id = res.body.batch_job.id;
      await new Promise((r) => setTimeout(r, 1500));
      expect((await api.em().findOneOrFail(BatchJob, id)).status).toBe('created');
      const worker = await startBackground(api.orm, api.config, api.orm.config.get('clientUrl')!, () => undefined, true);
      try {
        const deadline = Date.now() + 20_000;
        while ((await api.em().findOneOrFail(BatchJob, id)).status !== 'completed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
        expect((await api.em().findOneOrFail(BatchJob, id)).status).toBe('completed');
      } finally {
        await worker.stop();
      }
    } finally {
      await api.close();
    }
  });
});

describe('price-list import', () => {
  it('replaces the list\'s prices with the file\'s (a file Medusa imports as well)', async () => {
    const list = await t.http.post('/admin/price-lists').set(t.auth).send({ name: 'Fixture sale', description: 'fixture', type: 'sale', prices: [{ amount: 1, currency_code: 'usd', variant_id: (await t.em().findOneOrFail(ProductVariant, { sku: 'FIX-CAP-1' })).id }] });
    expect(list.status).toBe(200);
    const id = list.body.price_list.id;
    const fileKey = await upload(fs.readFileSync(path.join(FIXTURES, 'price-list-import.csv')), 'prices.csv');
    const job = await createJob({ type: 'price-list-import', dry_run: true, context: { fileKey, price_list_id: id } });
    const pre = await waitFor(job.id, 'pre_processed', 'failed');
    expect(pre.result.stat_descriptors).toEqual([{ key: 'price-list-import-count', name: 'PriceList to import', message: '2 prices will be added' }]);
    await t.http.post(`/admin/batch-jobs/${job.id}/confirm`).set(t.auth);
    expect((await waitFor(job.id, 'completed', 'failed')).status).toBe('completed');
    const prices = await t.em().find(MoneyAmount, { priceList: id }, { populate: ['region', 'variant'] as any });
    expect(prices.map((p) => `${p.variant!.sku}:${p.currencyCode}:${p.amount}${p.region ? '@' + p.region.name : ''}`).sort())
      .toEqual(['FIX-LINEN-M-B:eur:4199', 'FIX-LINEN-S-W:eur:3800@Fixture Europe', 'FIX-LINEN-S-W:eur:3950', 'FIX-LINEN-S-W:usd:4400']);
  });

  it('refuses an unknown variant with its line, and checks the list at creation', async () => {
    const list = await t.http.post('/admin/price-lists').set(t.auth).send({ name: 'Other', description: 'x', type: 'sale', prices: [] });
    const fileKey = await upload('Product Variant ID;SKU;Price EUR\r\n;NO-SUCH-SKU;3\r\n', 'p.csv');
    const job = await createJob({ type: 'price-list-import', context: { fileKey, price_list_id: list.body.price_list.id } });
    expect((await waitFor(job.id, 'failed')).result.errors[0]).toBe('Line 2 (variant ID: , variant SKU: NO-SUCH-SKU): Variant with sku NO-SUCH-SKU was not found');
    expect((await t.http.post('/admin/batch-jobs').set(t.auth).send({ type: 'price-list-import', context: { fileKey } })).body).toEqual({ type: 'invalid_data', message: 'Price list id is required' });
    expect((await t.http.post('/admin/batch-jobs').set(t.auth).send({ type: 'price-list-import', context: { fileKey, price_list_id: 'pl_none' } })).status).toBe(404);
  });
});

describe('lifecycle through REST', () => {
  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await t.em().count(BatchJob, {});
    const cases: [object, number, string][] = [
      [{ context: {} }, 400, 'type must be a string'],
      [{ type: 'product-export' }, 400, 'context must be an object'],
      [{ type: 'product-export', context: [] }, 400, 'context must be an object'],
      [{ type: 'nope', context: {} }, 404, 'Unable to find a BatchJob strategy with the type nope'],
      [{ type: 'product-export', context: {}, foo: 1 }, 400, 'property foo should not exist'],
      [{ type: 'product-export', context: { filterable_fields: { colour: 'red' } } }, 400, 'filterable_fields.colour is not a product filter'],
    ];
    for (const [body, status, message] of cases) {
      const res = await t.http.post('/admin/batch-jobs').set(t.auth).send(body);
      expect({ body, status: res.status, message: res.body.message }).toEqual({ body, status, message });
    }
    expect(await t.em().count(BatchJob, {})).toBe(before);
  });

  it('confirms only pre-processed jobs, never cancels completed ones, and cancels once', async () => {
    const job = await createJob({ type: 'product-export', dry_run: true, context: {} });
    expect((await waitFor(job.id, 'pre_processed')).result.stat_descriptors[0].message).toMatch(/^There will be \d+ products exported by this action$/);
    const canceled = await t.http.post(`/admin/batch-jobs/${job.id}/cancel`).set(t.auth);
    expect(canceled.body.batch_job).toMatchObject({ status: 'canceled', canceled_at: expect.any(String) });
    expect((await t.http.post(`/admin/batch-jobs/${job.id}/cancel`).set(t.auth)).body.batch_job.canceled_at).toBe(canceled.body.batch_job.canceled_at);
    expect((await t.http.post(`/admin/batch-jobs/${job.id}/confirm`).set(t.auth)).body).toEqual({ type: 'not_allowed', message: 'Cannot confirm processing for a batch job that is not pre processed' });

    const run = await createJob({ type: 'product-export', context: {} });
    expect((await waitFor(run.id, 'completed')).status).toBe('completed');
    expect((await t.http.post(`/admin/batch-jobs/${run.id}/cancel`).set(t.auth)).body).toEqual({ type: 'not_allowed', message: 'Cannot cancel completed batch job' });
    expect((await t.em().findOneOrFail(BatchJob, run.id)).status).toBe('completed');
  });

  it('lists the user\'s own jobs with Medusa\'s filters; another user\'s job is not theirs', async () => {
    const all = await t.http.get('/admin/batch-jobs?limit=100').set(t.auth);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ offset: 0, limit: 100 });
    expect(all.body.count).toBe(await t.em().count(BatchJob, { createdBy: t.admin.id }));
    const exports = await t.http.get('/admin/batch-jobs?type[]=product-export&limit=100').set(t.auth);
    expect(exports.body.batch_jobs.length).toBeGreaterThan(0);
    expect(exports.body.batch_jobs.every((j: any) => j.type === 'product-export')).toBe(true);
    const one = exports.body.batch_jobs[0];
    expect((await t.http.get(`/admin/batch-jobs?id[]=${one.id}`).set(t.auth)).body.batch_jobs.map((j: any) => j.id)).toEqual([one.id]);
    expect((await t.http.get('/admin/batch-jobs?completed_at[gt]=2000-01-01&limit=100').set(t.auth)).body.batch_jobs.every((j: any) => j.status === 'completed')).toBe(true);
    expect((await t.http.get('/admin/batch-jobs?limit=1').set(t.auth)).body.batch_jobs).toHaveLength(1);
    expect((await t.http.get('/admin/batch-jobs?order=-created_at&limit=2').set(t.auth)).status).toBe(200);

    const ctx = t.ctx();
    const other: User = await ctx.em.transactional(async (em) => { ctx.em = em as any; return createUser(ctx, { email: 'other@aegis.test', password: 'supersecret', role: UserRole.member }); });
    const token = (await t.http.post('/admin/auth/token').send({ email: 'other@aegis.test', password: 'supersecret' })).body.access_token;
    const theirs = { authorization: `Bearer ${token}` };
    expect((await t.http.get('/admin/batch-jobs').set(theirs)).body.count).toBe(0);
    const denied = await t.http.get(`/admin/batch-jobs/${one.id}`).set(theirs);
    expect(denied.status).toBe(400);
    expect(denied.body).toEqual({ type: 'not_allowed', message: 'Cannot access a batch job that does not belong to the logged in user' });
    expect((await t.http.post(`/admin/batch-jobs/${one.id}/cancel`).set(theirs)).status).toBe(400);
    expect(other.id).not.toBe(t.admin.id);
  });

  it('answers 404 for unknown jobs and 401 without credentials', async () => {
    for (const p of ['', '/cancel', '/confirm']) {
      const res = await (p ? t.http.post(`/admin/batch-jobs/batch_nope${p}`) : t.http.get('/admin/batch-jobs/batch_nope')).set(t.auth);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ type: 'not_found', message: 'Batch job with id batch_nope was not found' });
    }
    expect((await t.http.get('/admin/batch-jobs')).status).toBe(401);
    expect((await t.http.post('/admin/batch-jobs').send({ type: 'product-export', context: {} })).status).toBe(401);
    expect((await t.http.post('/admin/batch-jobs/batch_nope/cancel')).status).toBe(401);
  });

  it('keeps the list a fixed number of queries whatever its size, creators included', async () => {
    await t.http.get('/admin/batch-jobs?limit=1&expand=created_by_user').set(t.auth);
    const few = await t.countQueries(() => t.http.get('/admin/batch-jobs?limit=1&expand=created_by_user').set(t.auth));
    const many = await t.countQueries(() => t.http.get('/admin/batch-jobs?limit=100&expand=created_by_user').set(t.auth));
    expect(many).toBe(few);
  });
});

describe('GraphQL', () => {
  it('creates, reads with progress and creator, lists, confirms and cancels', async () => {
    const created = await t.gql(`mutation($input: CreateBatchJobInput!) { createBatchJob(input: $input) { id status dryRun } }`, { input: { type: 'product-export', dryRun: true, context: {} } });
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createBatchJob;
    expect(created.data.createBatchJob).toMatchObject({ status: 'created', dryRun: true });
    await waitFor(id, 'pre_processed');
    const confirmed = await t.gql('mutation($id: String!) { confirmBatchJob(id: $id) { status } }', { id });
    expect(confirmed.data.confirmBatchJob.status).toBe('confirmed');
    await waitFor(id, 'completed');
    const got = await t.gql('query($id: String!) { batchJob(id: $id) { status completedAt createdByUser { email } progress { count advancementCount progress } result } }', { id });
    expect(got.data.batchJob).toMatchObject({ status: 'completed', createdByUser: { email: t.admin.email }, progress: { advancementCount: expect.any(Number), progress: 1 } });
    expect(got.data.batchJob.result.file_key).toMatch(/^exports\/products\//);
    const list = await t.gql('{ batchJobs(filter: { type: ["product-export"] }, limit: 5) { count items { id type } } }');
    expect(list.data.batchJobs.items.every((j: any) => j.type === 'product-export')).toBe(true);
    expect(errorType(await t.gql('mutation($id: String!) { cancelBatchJob(id: $id) { id } }', { id }))).toBe('not_allowed');
    expect(errorType(await t.gql('query { batchJob(id: "batch_nope") { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation { createBatchJob(input: { type: "x", context: {} }) { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('{ batchJobs { count } }', {}, {}))).toBe('unauthorized');
  });
});

describe('pure parts', () => {
  it('has a transition table where finished jobs go nowhere', () => {
    expect(canMove(BatchJobStatus.created, BatchJobStatus.pre_processed)).toBe(true);
    expect(canMove(BatchJobStatus.created, BatchJobStatus.confirmed)).toBe(false);
    expect(canMove(BatchJobStatus.pre_processed, BatchJobStatus.confirmed)).toBe(true);
    expect(canMove(BatchJobStatus.processing, BatchJobStatus.canceled)).toBe(true);
    for (const final of [BatchJobStatus.completed, BatchJobStatus.canceled, BatchJobStatus.failed]) expect(TRANSITIONS[final]).toEqual([]);
  });

  it('converts amounts as Medusa does (minor units; currencies without them)', () => {
    expect(amountText(1750, 'eur')).toBe('17.5');
    expect(amountText(4999, 'usd')).toBe('49.99');
    expect(amountText(500, 'jpy')).toBe('500');
    expect(amountText(0, 'eur')).toBe('');
    expect(amountOf('17.5', 'eur')).toBe(1750);
    expect(amountOf('49.99', 'usd')).toBe(4999);
    expect(amountOf('12,5', 'eur')).toBe(1250);
    expect(amountOf('500', 'JPY')).toBe(500);
    expect(amountOf('-1', 'eur')).toBeNull();
    expect(amountOf('abc', 'eur')).toBeNull();
  });

  it('reads a line: typed columns, options by position, prices by currency and region', () => {
    const line = readProductLine(4, {
      'Product Handle': 'h', 'Product Weight': '12', 'Product Discountable': 'FALSE', 'Product Tags': 'a, b', 'Variant SKU': 'S',
      'Option 1 Name': 'Size', 'Option 1 Value': 'M', 'Price EUR': '1.5', 'Price Fixture Europe [EUR]': '2', 'Image 1 Url': 'u', 'Image 2 Url': '',
      'Sales Channel 1 Id': 'sc_1', 'Sales Channel 1 Name': 'Web', 'Product Category 1 Handle': 'c',
    });
    expect(line).toMatchObject({
      line: 4, product: { handle: 'h', weight: 12, discountable: false, tags: ['a', 'b'] }, variant: { sku: 'S' },
      optionTitles: ['Size'], optionValues: ['M'], images: ['u'], channels: [{ id: 'sc_1', name: 'Web' }], categories: ['c'],
      prices: [{ currency: 'eur', amount: 150 }, { currency: 'eur', region: 'Fixture Europe', amount: 200 }],
    });
    expect(() => readProductLine(2, { 'Product Handle': 'h', 'Product Weight': 'heavy' })).toThrow('Product Weight must be a whole number, got "heavy"');
    expect(() => readProductLine(2, { 'Product Handle': 'h', 'Product Status': 'gone' })).toThrow(/Product Status must be one of/);
  });
});
