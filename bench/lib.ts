/**
 * What the benchmarks share: the catalogue seed (plain SQL, fast enough for 100,000 products), the
 * server started as a child process in production mode, and a load run that records every
 * response time and the server's peak memory.
 */
import fs from 'fs';
import path from 'path';
import { spawn, ChildProcess } from 'child_process';
import { Client } from 'pg';
import { newId } from '../src/lib/ids';
import { openDatabase } from '../src/db/embedded';
import { openOrm, migrate } from '../src/db/orm';

const ROOT = path.resolve(__dirname, '..');
export const ADMIN = { email: 'bench@aegis.test', password: 'bench-password' };

// autocannon ships no types; this is the part of its API the bench uses.
interface CannonResult { requests: { total: number; average: number }; duration: number; non2xx: number; errors: number }
interface CannonInstance { on(event: 'response', cb: (client: unknown, status: number, bytes: number, ms: number) => void): void }
// eslint-disable-next-line @typescript-eslint/no-var-requires
const autocannon: (opts: Record<string, unknown>, cb: (err: Error | null, res: CannonResult) => void) => CannonInstance = require('autocannon');

// ---------------------------------------------------------------- seed

const SIZES = ['S', 'M', 'L'];
const COLORS = ['Red', 'Blue'];
const POOL = 20;

/** Rows as column arrays, inserted with one `unnest` statement per table and batch. */
class Rows {
  cols: Record<string, unknown[]> = {};
  constructor(readonly table: string, readonly types: Record<string, string>) {
    for (const c of Object.keys(types)) this.cols[c] = [];
  }
  push(row: Record<string, unknown>): void {
    for (const c of Object.keys(this.types)) this.cols[c].push(row[c] ?? null);
  }
  async insert(db: Client): Promise<void> {
    const names = Object.keys(this.types);
    const size = this.cols[names[0]].length;
    const step = 20000;
    for (let start = 0; start < size; start += step) {
      const params = names.map((c) => this.cols[c].slice(start, start + step));
      const unnest = names.map((c, i) => `$${i + 1}::${this.types[c]}[]`).join(', ');
      await db.query(`insert into "${this.table}" (${names.map((c) => `"${c}"`).join(', ')}) select * from unnest(${unnest})`, params);
    }
  }
}

/**
 * The bench catalogue's database: the embedded PostgreSQL in `dataDir`, migrated, holding exactly
 * `count` seeded products. `close()` stops it.
 */
export async function openCatalogue(dataDir: string, count: number, log: (m: string) => void): Promise<{ url: string; close(): Promise<void> }> {
  const database = await openDatabase({ dataDir, log });
  const orm = await openOrm(database.url);
  const close = async () => { await orm.close(); await database.stop(); };
  try {
    await migrate(orm);
    const db = new Client({ connectionString: database.url });
    await db.connect();
    await seed(db, count);
    await db.end();
  } catch (err) {
    await close();
    throw err;
  }
  return { url: database.url, close };
}

export async function seed(db: Client, count: number): Promise<void> {
  const existing = Number((await db.query('select count(*) from product where deleted_at is null')).rows[0].count);
  if (existing === count) return;
  console.log(`seeding ${count} products (had ${existing})`);
  await db.query('truncate product, product_variant, money_amount, product_option, product_option_value, image, product_images, product_tags, product_tag, product_type, product_sales_channel, product_category_product, product_collection cascade');
  const profile = (await db.query("select id from shipping_profile where type = 'default' and deleted_at is null order by created_at limit 1")).rows[0]?.id ?? null;
  const channel = (await db.query('select default_sales_channel_id as id from store order by created_at limit 1')).rows[0]?.id ?? null;

  const tags = new Rows('product_tag', { id: 'text', value: 'text' });
  const types = new Rows('product_type', { id: 'text', value: 'text' });
  const collections = new Rows('product_collection', { id: 'text', title: 'text', handle: 'text' });
  const tagIds = Array.from({ length: POOL }, (_, i) => { const id = newId('ptag'); tags.push({ id, value: `tag-${i}` }); return id; });
  const typeIds = Array.from({ length: POOL / 2 }, (_, i) => { const id = newId('ptyp'); types.push({ id, value: `type-${i}` }); return id; });
  const collectionIds = Array.from({ length: POOL / 2 }, (_, i) => { const id = newId('pcol'); collections.push({ id, title: `Collection ${i}`, handle: `collection-${i}` }); return id; });

  const products = new Rows('product', { id: 'text', title: 'text', description: 'text', handle: 'text', status: 'text', thumbnail: 'text', type_id: 'text', collection_id: 'text', profile_id: 'text', weight: 'int', created_at: 'timestamptz' });
  const options = new Rows('product_option', { id: 'text', title: 'text', product_id: 'text', created_at: 'timestamptz' });
  const variants = new Rows('product_variant', { id: 'text', title: 'text', product_id: 'text', sku: 'text', variant_rank: 'int', inventory_quantity: 'int', created_at: 'timestamptz' });
  const values = new Rows('product_option_value', { id: 'text', value: 'text', option_id: 'text', variant_id: 'text', created_at: 'timestamptz' });
  const prices = new Rows('money_amount', { id: 'text', currency_code: 'text', amount: 'int', variant_id: 'text' });
  const images = new Rows('image', { id: 'text', url: 'text' });
  const productImages = new Rows('product_images', { product_id: 'text', image_id: 'text' });
  const productTags = new Rows('product_tags', { product_id: 'text', product_tag_id: 'text' });
  const productChannels = new Rows('product_sales_channel', { product_id: 'text', sales_channel_id: 'text' });

  const start = Date.now() - count * 1000;
  for (let p = 0; p < count; p++) {
    const id = newId('prod');
    const at = new Date(start + p * 1000);
    products.push({
      id, title: `Product ${p}`, description: `A fine product number ${p}`, handle: `product-${p}`, status: 'published',
      thumbnail: `https://img.example.com/${p}/0.jpg`, type_id: typeIds[p % typeIds.length], collection_id: collectionIds[p % collectionIds.length],
      profile_id: profile, weight: 100 + (p % 50), created_at: at,
    });
    const opts = ['Size', 'Color', 'Material'].map((title, i) => {
      const optionId = newId('opt');
      options.push({ id: optionId, title, product_id: id, created_at: new Date(at.getTime() + i) });
      return optionId;
    });
    let rank = 0;
    for (const size of SIZES) {
      for (const color of COLORS) {
        const variantId = newId('variant');
        variants.push({ id: variantId, title: `${size} / ${color}`, product_id: id, sku: `P${p}-${size}-${color}`, variant_rank: rank, inventory_quantity: 10 + rank, created_at: new Date(at.getTime() + rank) });
        [size, color, 'Cotton'].forEach((value, i) => values.push({ id: newId('optval'), value, option_id: opts[i], variant_id: variantId, created_at: new Date(at.getTime() + i) }));
        prices.push({ id: newId('ma'), currency_code: 'usd', amount: 1000 + p, variant_id: variantId });
        prices.push({ id: newId('ma'), currency_code: 'eur', amount: 900 + p, variant_id: variantId });
        rank++;
      }
    }
    for (let i = 0; i < 2; i++) {
      const imageId = newId('img');
      images.push({ id: imageId, url: `https://img.example.com/${p}/${i}.jpg` });
      productImages.push({ product_id: id, image_id: imageId });
      productTags.push({ product_id: id, product_tag_id: tagIds[(p + i * 7) % tagIds.length] });
    }
    if (channel) productChannels.push({ product_id: id, sales_channel_id: channel });
  }
  for (const rows of [tags, types, collections, products, options, variants, values, prices, images, productImages, productTags, productChannels]) await rows.insert(db);
  await db.query('analyze');
}

// ---------------------------------------------------------------- server

export async function startServer(databaseUrl: string, port: number, nodeOptions: string, execArgv: string[] = []): Promise<ChildProcess> {
  const env = {
    ...process.env, NODE_OPTIONS: nodeOptions, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: 'production',
    JWT_SECRET: 'bench-jwt-secret-bench-jwt-secret', COOKIE_SECRET: 'bench-cookie-secret-bench-cookie',
  };
  const user = spawn(process.execPath, [path.join(ROOT, 'bin/aegis.js'), 'user', '--email', ADMIN.email, '--password', ADMIN.password, '--role', 'admin'], { env, stdio: 'ignore' });
  await new Promise((resolve) => user.on('exit', resolve)); // fails harmlessly when the user exists
  const server = spawn(process.execPath, [...execArgv, path.join(ROOT, 'bin/aegis.js'), 'start'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  // Only the bench should stop it: anything else (a crash, a signal from elsewhere) is reported.
  server.on('exit', (code, signal) => { if (!(server as ChildProcess & { stopping?: boolean }).stopping) console.error(`server exited (code ${code}, signal ${signal})`); });
  for (let i = 0; i < 1200; i++) { // up to 2 minutes: a busy machine starts slowly
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return server;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('the server did not start');
}

/** The server's process and, with WEB_CONCURRENCY > 1, its workers (any process under it). */
function processTree(pid: number): number[] {
  const pids: number[] = [];
  const visit = (p: number) => {
    pids.push(p);
    try {
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        for (const child of fs.readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) visit(Number(child));
      }
    } catch {
      // a process that just ended
    }
  };
  visit(pid);
  return pids;
}

/** Resident memory of the server: its process and, with WEB_CONCURRENCY > 1, its workers. */
export function rssMb(pid: number): number {
  if (!fs.existsSync(`/proc/${pid}/status`)) throw new Error('the server is gone (see its output above)');
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // a process that just ended
    }
  }
  return kb / 1024;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/**
 * CPU time (user + system, ms) the server's processes have used so far. Per request it is the
 * figure that does not depend on what else the shared machine runs (its database's CPU is not in it).
 */
export function cpuMs(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const fields = fs.readFileSync(`/proc/${p}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // a process that just ended
    }
  }
  return ticks * TICK_MS;
}

// ---------------------------------------------------------------- load

export interface Figures { name: string; connections: number; rps: number; p50: number; p95: number; p99: number; requests: number; failures: number; rssMb: number; cpuMsPerRequest: number }

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function load(name: string, opts: Record<string, unknown>, connections: number, duration: number, serverPid: number): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let peak = rssMb(serverPid);
    const cpuBefore = cpuMs(serverPid);
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, rssMb(serverPid));
      } catch (err) {
        clearInterval(sampler);
        reject(err);
      }
    }, 100);
    const instance = autocannon({ ...opts, connections, pipelining: 1, duration }, (err, res) => {
      clearInterval(sampler);
      if (err) return reject(err);
      latencies.sort((a, b) => a - b);
      resolve({
        name, connections, rps: res.requests.total / res.duration, requests: res.requests.total,
        p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99),
        failures: res.non2xx + res.errors, rssMb: peak, cpuMsPerRequest: (cpuMs(serverPid) - cpuBefore) / Math.max(1, res.requests.total),
      });
    });
    instance.on('response', (_c, _s, _b, ms) => latencies.push(ms));
  });
}

