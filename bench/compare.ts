/**
 * Aegis beside the real Medusa v1 on the same catalogue: six admin requests, each measured on both
 * servers in alternating rounds (so that whatever else the machine does falls on both), at 1 and
 * at 8 connections. Prints requests per second and p50 per server, the ratio, and the geometric
 * mean of the ratios.
 *
 *   PORT=9200 DB_NAME=medusa_bench ../shared/oracle/start.sh      # the real server, once
 *   node -r @swc-node/register bench/compare.ts --medusa http://localhost:9200 [--products 1000]
 *        [--duration 8] [--rounds 2] [--connections 1,8] [--data-dir DIR] [--workers N] [--medusa-pid PID]
 *
 * The catalogue (each product: 6 variants × 2 prices, 3 options, 2 images, 2 tags, a type, a
 * collection) is created on Medusa through its admin API, once (products whose handle starts with
 * `bench-` are counted); Aegis gets the same shape seeded in SQL (`bench/lib.ts`). Both servers run
 * one process unless `--workers` is given (Aegis's WEB_CONCURRENCY).
 *
 * Besides the rates, it reports each server's CPU time per request (user + system of its processes,
 * from /proc; Medusa's process is the one listening on its port, or `--medusa-pid`): on a machine
 * shared with other work the rates move with the load, the CPU per request much less. Neither
 * includes the database's CPU.
 */
import 'reflect-metadata';
import os from 'os';
import path from 'path';
import { ChildProcess, execFileSync } from 'child_process';
import { parseArgs } from 'util';
import { freePort } from '../src/db/embedded';
import { ADMIN, Figures, load, openCatalogue, startServer } from './lib';

interface Server { name: string; base: string; headers: Record<string, string>; pid?: number; productId?: string }

async function token(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/admin/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const body = (await res.json().catch(() => null)) as { access_token?: string } | null;
  if (!body?.access_token) throw new Error(`${base}: cannot sign in as ${email} (${res.status})`);
  return body.access_token;
}

async function api(server: Server, method: string, p: string, body?: unknown): Promise<any> {
  const res = await fetch(`${server.base}${p}`, { method, headers: { ...server.headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${server.name} ${method} ${p}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** The bench catalogue created through Medusa's admin API, as many products as are missing. */
async function seedMedusa(medusa: Server, count: number): Promise<void> {
  const existing = (await api(medusa, 'GET', '/admin/products?q=bench-catalogue&limit=1')).count as number;
  if (existing >= count) return;
  console.log(`creating ${count - existing} products on Medusa through its admin API (once)`);
  const collections: string[] = [];
  for (let i = 0; i < 10; i++) {
    const handle = `bench-collection-${i}`;
    const found = await api(medusa, 'GET', `/admin/collections?handle=${handle}`);
    collections.push(found.collections[0]?.id ?? (await api(medusa, 'POST', '/admin/collections', { title: `Collection ${i}`, handle })).collection.id);
  }
  const make = (p: number) => api(medusa, 'POST', '/admin/products', {
    title: `Product ${p}`, handle: `bench-product-${p}`, description: `A fine product number ${p} (bench-catalogue)`, status: 'published',
    thumbnail: `https://img.example.com/${p}/0.jpg`, weight: 100 + (p % 50), collection_id: collections[p % 10],
    images: [0, 1].map((i) => `https://img.example.com/${p}/${i}.jpg`), tags: [0, 1].map((i) => ({ value: `tag-${(p + i * 7) % 20}` })),
    type: { value: `type-${p % 10}` }, options: [{ title: 'Size' }, { title: 'Color' }, { title: 'Material' }],
    variants: ['S', 'M', 'L'].flatMap((size) => ['Red', 'Blue'].map((color) => ({
      title: `${size} / ${color}`, sku: `P${p}-${size}-${color}`, inventory_quantity: 10, manage_inventory: false,
      prices: [{ currency_code: 'usd', amount: 1000 + p }, { currency_code: 'eur', amount: 900 + p }],
      options: [{ value: size }, { value: color }, { value: 'Cotton' }],
    }))),
  });
  let next = existing;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < count) await make(next++);
  }));
}

/** Two regions like the oracle's seed, so that both servers list the same. */
async function seedRegions(aegis: Server): Promise<void> {
  if ((await api(aegis, 'GET', '/admin/regions')).count >= 2) return;
  await api(aegis, 'POST', '/admin/store', { currencies: ['usd', 'eur'] });
  await api(aegis, 'POST', '/admin/regions', { name: 'EU', currency_code: 'eur', tax_rate: 0, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['gb', 'de', 'dk', 'se', 'fr', 'es', 'it'] });
  await api(aegis, 'POST', '/admin/regions', { name: 'NA', currency_code: 'usd', tax_rate: 0, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['us', 'ca'] });
}

const REQUESTS: { name: string; path: (s: Server) => string }[] = [
  { name: 'products ?limit=20', path: () => '/admin/products?limit=20' },
  { name: 'products ?limit=50', path: () => '/admin/products?limit=50' },
  { name: 'products ?limit=20&q=fine', path: () => '/admin/products?limit=20&q=fine' },
  { name: 'one product', path: (s) => `/admin/products/${s.productId}` },
  { name: 'regions', path: () => '/admin/regions' },
  { name: 'store', path: () => '/admin/store' },
];

/** The process listening on the URL's port (Medusa's server), from `ss`. */
function listenerPid(url: string): number | undefined {
  try {
    const port = new URL(url).port || '80';
    const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    const pid = /pid=(\d+)/.exec(out)?.[1];
    return pid ? Number(pid) : undefined;
  } catch {
    return undefined;
  }
}

const geomean = (xs: number[]) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      medusa: { type: 'string', default: 'http://localhost:9200' }, products: { type: 'string', default: '1000' }, duration: { type: 'string', default: '8' },
      rounds: { type: 'string', default: '2' }, connections: { type: 'string', default: '1,8' }, 'data-dir': { type: 'string' }, workers: { type: 'string', default: '1' },
      'medusa-email': { type: 'string', default: 'admin@medusa-test.com' }, 'medusa-pid': { type: 'string' }, 'medusa-password': { type: 'string', default: 'supersecret' },
    },
  });
  const count = Number(values.products);
  const duration = Number(values.duration);
  const rounds = Number(values.rounds);
  const connectionCounts = values.connections!.split(',').map(Number);
  const dataDir = values['data-dir'] ?? path.join(os.tmpdir(), `aegis-bench-${count}`);

  const medusa: Server = { name: 'Medusa', base: values.medusa!.replace(/\/+$/, ''), headers: {} };
  medusa.pid = values['medusa-pid'] ? Number(values['medusa-pid']) : listenerPid(medusa.base);
  if (!medusa.pid) console.log('(Medusa\'s process not found: its CPU and RSS columns measure nothing)');
  medusa.headers = { authorization: `Bearer ${await token(medusa.base, values['medusa-email']!, values['medusa-password']!)}` };
  await seedMedusa(medusa, count);

  const database = await openCatalogue(dataDir, count, (m) => console.log(m));
  let child: ChildProcess | undefined;
  try {
    const port = await freePort();
    process.env.WEB_CONCURRENCY = values.workers;
    child = await startServer(database.url, port, '');
    const aegis: Server = { name: 'Aegis', base: `http://127.0.0.1:${port}`, headers: {}, pid: child.pid };
    aegis.headers = { authorization: `Bearer ${await token(aegis.base, ADMIN.email, ADMIN.password)}` };
    await seedRegions(aegis);
    medusa.productId = (await api(medusa, 'GET', '/admin/products?q=bench-catalogue&limit=1&fields=id')).products[0].id;
    aegis.productId = (await api(aegis, 'GET', '/admin/products?limit=1&fields=id')).products[0].id;

    const servers = [medusa, aegis];
    for (const s of servers) for (const r of REQUESTS) await load('warm-up', { url: s.base + r.path(s), headers: s.headers }, 2, 2, s.pid ?? process.pid);

    const rows: { request: string; connections: number; figures: Record<string, Figures[]> }[] = [];
    for (const connections of connectionCounts) {
      for (const r of REQUESTS) {
        const figures: Record<string, Figures[]> = { Medusa: [], Aegis: [] };
        for (let round = 0; round < rounds; round++) {
          for (const s of round % 2 ? [...servers].reverse() : servers) {
            figures[s.name].push(await load(s.name, { url: s.base + r.path(s), headers: s.headers }, connections, duration, s.pid ?? process.pid));
          }
        }
        rows.push({ request: r.name, connections, figures });
      }
    }

    const mean = (fs: Figures[], key: 'rps' | 'p50' | 'cpuMsPerRequest') => fs.reduce((a, f) => a + f[key], 0) / fs.length;
    console.log(`\n${count} products; ${rounds} alternating rounds of ${duration} s per request and server; ${os.cpus().length} CPUs; node ${process.version}; Aegis WEB_CONCURRENCY=${values.workers}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    console.log('| request | connections | Medusa req/s | Aegis req/s | Aegis/Medusa | Medusa p50 ms | Aegis p50 ms | Medusa CPU ms/req | Aegis CPU ms/req | CPU Medusa/Aegis | Medusa peak RSS MB | Aegis peak RSS MB | failures |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const row of rows) {
      const m = row.figures.Medusa;
      const a = row.figures.Aegis;
      const failures = [...m, ...a].reduce((x, f) => x + f.failures, 0);
      console.log(`| ${row.request} | ${row.connections} | ${mean(m, 'rps').toFixed(1)} | ${mean(a, 'rps').toFixed(1)} | ${(mean(a, 'rps') / mean(m, 'rps')).toFixed(2)}× | ${mean(m, 'p50').toFixed(1)} | ${mean(a, 'p50').toFixed(1)} | ${mean(m, 'cpuMsPerRequest').toFixed(2)} | ${mean(a, 'cpuMsPerRequest').toFixed(2)} | ${(mean(m, 'cpuMsPerRequest') / mean(a, 'cpuMsPerRequest')).toFixed(2)}× | ${Math.max(...m.map((f) => f.rssMb)).toFixed(0)} | ${Math.max(...a.map((f) => f.rssMb)).toFixed(0)} | ${failures} |`);
    }
    for (const connections of connectionCounts) {
      // A request that one server did not answer even once in a run (a busy machine) has no ratio: left out, and said so.
      const ratios = rows.filter((r) => r.connections === connections).map((r) => mean(r.figures.Aegis, 'rps') / mean(r.figures.Medusa, 'rps')).filter((x) => Number.isFinite(x) && x > 0);
      if (ratios.length < REQUESTS.length) console.log(`\n(${REQUESTS.length - ratios.length} request(s) at ${connections} connection(s) without a ratio: a server completed none; run longer)`);
      const cpu = rows.filter((r) => r.connections === connections).map((r) => mean(r.figures.Medusa, 'cpuMsPerRequest') / mean(r.figures.Aegis, 'cpuMsPerRequest'));
      console.log(`\ngeometric mean Aegis/Medusa at ${connections} connection(s): throughput ${geomean(ratios).toFixed(2)}×, CPU per request (Medusa/Aegis) ${geomean(cpu).toFixed(2)}×`);
    }
  } finally {
    if (child) {
      (child as ChildProcess & { stopping?: boolean }).stopping = true;
      child.kill();
    }
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
