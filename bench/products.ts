/**
 * Load test of the products page: `GET /admin/products?limit=20` with Medusa's default relations,
 * and the same selection as one GraphQL query, each sequentially (1 connection) and at 8
 * connections. Reports requests per second, p50/p95 latency and the server's peak RSS.
 *
 *   node -r @swc-node/register bench/products.ts [--products 1000] [--duration 15] [--data-dir DIR] [--server-node-options '...']
 *
 * The script starts an embedded PostgreSQL under the data dir (default: <tmp>/aegis-bench-<N>),
 * migrates it, seeds N products when the catalogue does not already hold exactly N (each: 6
 * variants × 2 prices, 3 options, 2 images, 2 tags, a type, a collection, the default sales channel
 * and shipping profile), then runs the server as a child process in production mode and measures it.
 */
import 'reflect-metadata';
import os from 'os';
import path from 'path';
import { ChildProcess } from 'child_process';
import { parseArgs } from 'util';
import { freePort } from '../src/db/embedded';
import { buildAppSchema } from '../src/graphql';
import { compileRoute, documentText } from '../rest/executor';
import { routes as productRoutes } from '../rest/products';
import { ADMIN, Figures, load, openCatalogue, startServer } from './lib';

const PAGE = 20;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { products: { type: 'string', default: '1000' }, duration: { type: 'string', default: '15' }, 'data-dir': { type: 'string' }, 'server-node-options': { type: 'string', default: '' } } });
  const count = Number(values.products);
  const duration = Number(values.duration);
  const dataDir = values['data-dir'] ?? path.join(os.tmpdir(), `aegis-bench-${count}`);

  const database = await openCatalogue(dataDir, count, (m) => console.log(m));
  let server: ChildProcess | undefined;
  try {

    // The GraphQL document is the one the REST route runs, so both doors do the same work.
    const route = productRoutes.find((r) => r.method === 'GET' && r.path === '/admin/products')!;
    const document = documentText(compileRoute(await buildAppSchema(), route), ['limit']).replace('Rest_products', 'BenchProducts');

    const port = await freePort();
    server = await startServer(database.url, port, values['server-node-options']!);
    const base = `http://127.0.0.1:${port}`;
    const token = (await (await fetch(`${base}/admin/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })).json()) as { access_token: string };
    const auth = { authorization: `Bearer ${token.access_token}` };
    const rest = { url: `${base}/admin/products?limit=${PAGE}`, headers: auth };
    const graphql = {
      url: `${base}/graphql`, method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ query: document, variables: { limit: PAGE } }),
    };
    const check = await fetch(rest.url, { headers: auth });
    const page = (await check.json()) as { products: { variants: unknown[] }[] };
    if (check.status !== 200 || page.products.length !== PAGE) throw new Error(`unexpected answer ${check.status}`);

    // Warm-up: JIT, connection pool, prepared caches.
    await load('warm-up', rest, 4, 3, server.pid!);
    await load('warm-up', graphql, 4, 3, server.pid!);

    const results: Figures[] = [];
    for (const [name, opts] of [['REST', rest], ['GraphQL', graphql]] as const) {
      for (const connections of [1, 8]) results.push(await load(name, opts, connections, duration, server.pid!));
    }
    console.log(`\n${count} products, page of ${PAGE} with default relations, ${duration} s per run, ${os.cpus().length} CPUs, node ${process.version}, server NODE_OPTIONS='${values['server-node-options']}', WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? 1}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    console.log('| door | connections | req/s | p50 ms | p95 ms | p99 ms | requests | failures | peak server RSS MB |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const r of results) {
      console.log(`| ${r.name} | ${r.connections} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.requests} | ${r.failures} | ${r.rssMb.toFixed(0)} |`);
    }
  } finally {
    if (server) {
      (server as ChildProcess & { stopping?: boolean }).stopping = true;
      server.kill();
    }
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
