/**
 * The product export on a seeded catalogue: how long pre-processing and the export take, the
 * size of the file, and the process's peak memory, for each catalogue size asked (default 1,000
 * then 10,000 products: flat memory means the two peaks are alike).
 *
 *   node -r @swc-node/register bench/export.ts [--products 1000,10000] [--data-dir DIR]
 *
 * Run it with a small heap (`node --max-old-space-size=96 -r @swc-node/register bench/export.ts`)
 * to see that the export's memory does not grow with the catalogue.
 *
 * The catalogue is seeded with plain SQL (bench/lib.ts: 6 variants with 2 prices each, 3 options,
 * 2 images, 2 tags, a type, a collection, the default channel). The job runs in this process,
 * through the same step functions a worker calls, with files under the data dir.
 */
import 'reflect-metadata';
import os from 'os';
import path from 'path';
import { parseArgs } from 'util';
import { Client } from 'pg';
import { openDatabase } from '../src/db/embedded';
import { openOrm, migrate } from '../src/db/orm';
import { loadConfig } from '../src/config';
import { startBackground } from '../src/background';
import { fileStoreFor } from '../src/lib/storage';
import { BatchJob } from '../src/entities/batch-jobs';
import { runBatchJobStep } from '../src/services/batch-jobs';
import { seed } from './lib';

async function main() {
  const { values } = parseArgs({ options: { products: { type: 'string', default: '1000,10000' }, 'data-dir': { type: 'string' } } });
  const dataDir = values['data-dir'] ?? path.join(os.tmpdir(), 'aegis-bench-export');
  const db = await openDatabase({ dataDir, log: () => undefined });
  const orm = await openOrm(db.url, { pool: { min: 0, max: 4 } } as any);
  await migrate(orm);
  const config = { ...loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'bench', COOKIE_SECRET: 'bench', AEGIS_DATA_DIR: dataDir }) };
  const { bus, stop } = await startBackground(orm as any, config, db.url, () => undefined, false);
  const deps = { em: () => orm.em.fork() as any, files: fileStoreFor(config), config, bus, log: () => undefined };
  try {
    for (const count of values.products!.split(',').map(Number)) {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      await seed(client, count);
      await client.end();
      global.gc?.();
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
      const before = process.memoryUsage().rss;
      const em = orm.em.fork();
      const job = em.create(BatchJob, { type: 'product-export', context: { list_config: { skip: 0, take: 50, order: { created_at: 'DESC' } }, filterable_fields: {} }, dryRun: true });
      await em.flush();
      const t0 = Date.now();
      await runBatchJobStep(deps, { id: job.id, step: 'pre-process' });
      const t1 = Date.now();
      // Confirmed as POST /admin/batch-jobs/{id}/confirm does, then run as the worker would.
      await orm.em.fork().nativeUpdate(BatchJob, { id: job.id }, { status: 'confirmed' as any, confirmedAt: new Date() });
      await runBatchJobStep(deps, { id: job.id, step: 'process' });
      const t2 = Date.now();
      clearInterval(sampler);
      const done = await orm.em.fork().findOneOrFail(BatchJob, job.id);
      if (done.status !== 'completed') throw new Error(`export ended ${done.status}: ${JSON.stringify(done.result)}`);
      const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
      console.log(`${count} products (${done.result!.advancement_count} exported, ${Math.round(Number(done.result!.file_size) / 1048576 * 10) / 10} MB of CSV): pre-processing ${t1 - t0} ms, export ${t2 - t1} ms; RSS before ${mb(before)}, peak ${mb(peak)}`);
    }
  } finally {
    await stop();
    await orm.close();
    await db.stop();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
