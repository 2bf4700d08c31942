/**
 * Where a request's CPU goes: starts the server on the bench catalogue with `--cpu-prof`, sends
 * the same request N times in a row, stops the server (the profile is written at exit) and prints
 * the self time grouped by package (or by file of ours), and the top functions.
 *
 *   node -r @swc-node/register bench/profile.ts [--path /admin/products?limit=20] [--requests 300]
 *        [--products 1000] [--data-dir DIR] [--node-options '--max-semi-space-size=64']
 *
 * It uses the catalogue `bench/compare.ts` or `bench/products.ts` seeds (same data dir default).
 */
import 'reflect-metadata';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { parseArgs } from 'util';
import { freePort } from '../src/db/embedded';
import { ADMIN, cpuMs, openCatalogue, startServer } from './lib';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number }

/** A profile node's bucket: a package name, one of our files, or V8's own work (GC, idle, program). */
function bucketOf(url: string, fn: string): string {
  if (!url) return `(${fn || 'native'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return url;
  const ours = /\/(dist\/)?((?:src|rest|resolvers|schema)\/.*)$/.exec(url);
  return ours ? ours[2] : url;
}

/**
 * Self time by package and by function, of the samples taken from `since` on (µs of the monotonic
 * clock, which V8's profile and `process.hrtime` share on Linux): the measured requests without the
 * server's start and the warm-up.
 */
function summarise(profile: Profile, top: number, since: number): string {
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= since) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byBucket = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (node.callFrame.functionName === '(idle)') continue;
    total += us;
    const bucket = bucketOf(node.callFrame.url, node.callFrame.functionName);
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + us);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${bucket}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const table = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([k, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`).join('\n');
  return `busy CPU of the measured requests (main thread, profiler's view) ${(total / 1000).toFixed(0)} ms\n\nby package / file:\n${table(byBucket)}\n\ntop functions (self time):\n${table(byFunction)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      path: { type: 'string', default: '/admin/products?limit=20' }, requests: { type: 'string', default: '300' },
      products: { type: 'string', default: '1000' }, 'data-dir': { type: 'string' }, 'node-options': { type: 'string', default: '' },
    },
  });
  const count = Number(values.products);
  const dataDir = values['data-dir'] ?? path.join(os.tmpdir(), `aegis-bench-${count}`);
  const profDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aegis-prof-'));
  const database = await openCatalogue(dataDir, count, () => undefined);
  try {
    const port = await freePort();
    process.env.WEB_CONCURRENCY = '1';
    const child = await startServer(database.url, port, values['node-options']!, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
    const base = `http://127.0.0.1:${port}`;
    const res = await fetch(`${base}/admin/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const headers = { authorization: `Bearer ${((await res.json()) as { access_token: string }).access_token}` };
    const url = base + values.path!;
    const n = Number(values.requests);
    for (let i = 0; i < 20; i++) await (await fetch(url, { headers })).arrayBuffer(); // warm-up
    const started = process.hrtime.bigint();
    const cpuBefore = cpuMs(child.pid!);
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      const r = await fetch(url, { headers });
      if (!r.ok) throw new Error(`${values.path}: ${r.status} ${await r.text()}`);
      bytes = (await r.arrayBuffer()).byteLength;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const cpu = cpuMs(child.pid!) - cpuBefore;
    (child as typeof child & { stopping?: boolean }).stopping = true;
    await new Promise((resolve) => { child.on('exit', resolve); child.kill('SIGTERM'); });
    const file = fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile written in ${profDir}`);
    console.log(`${values.path}: ${n} sequential requests, ${(ms / n).toFixed(1)} ms each on average (wall), ${(cpu / n).toFixed(2)} ms of server CPU each (user + system, after warm-up), ${bytes} bytes each; profile ${path.join(profDir, file)}\n`);
    console.log(summarise(JSON.parse(fs.readFileSync(path.join(profDir, file), 'utf8')) as Profile, 30, Number(started / 1000n)));
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
