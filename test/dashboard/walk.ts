/**
 * A headless walk through the real Medusa v1 admin dashboard (`@medusajs/admin` 7.1.18) against a
 * running backend: signs in, opens every page, opens a record on each list, and fails on any
 * error answer of the backend to the dashboard's own calls, an uncaught error in the page, or a
 * table whose rows disagree with the `count`, `offset` and `limit` of the list the page loaded.
 * Not part of `npm test`: it needs a browser and a dashboard build (README, "The Medusa admin
 * dashboard"). The same walk runs against the real Medusa v1 server, so it tests the dashboard
 * and not our reading of it.
 *
 *   npm run test:dashboard -- --backend http://localhost:9000 --dashboard http://localhost:7001
 *
 * --backend URL     the server the dashboard was built for (default $BACKEND_URL or :9000)
 * --dashboard URL   where the dashboard is served (default $DASHBOARD_URL or http://localhost:7001)
 * --shots DIR       screenshots, one per page (default dashboard-shots/)
 * --only a,b        walk only the pages with these names
 * Chromium: $CHROMIUM or /usr/bin/chromium (Debian's `chromium` package).
 */
import fs from 'fs';
import path from 'path';
import { chromium, Page, Response } from 'playwright-core';
import { apiOf, seed, Seeded } from './seed';

const EMAIL = process.env.WALK_EMAIL ?? 'admin@medusa-test.com';
const PASSWORD = process.env.WALK_PASSWORD ?? 'supersecret';

/** A page of the dashboard; `list` names the admin list it shows as a table (path and key). */
export interface Stop {
  name: string;
  path: (s: Seeded) => string;
  list?: { path: string; key: string };
  /** Click the first row and expect a detail page under this path. */
  opens?: boolean;
}

const page = (name: string, at: string, list?: Stop['list'], opens = false): Stop => ({ name, path: () => at, list, opens });

export const STOPS: Stop[] = [
  page('orders', '/a/orders', { path: '/admin/orders', key: 'orders' }, true),
  { name: 'order', path: (s) => `/a/orders/${s.orderId}` },
  page('draft-orders', '/a/draft-orders', { path: '/admin/draft-orders', key: 'draft_orders' }),
  page('products', '/a/products', { path: '/admin/products', key: 'products' }, true),
  { name: 'product', path: (s) => `/a/products/${s.productId}` },
  page('collections', '/a/products?view=collections', { path: '/admin/collections', key: 'collections' }, true),
  page('categories', '/a/product-categories'),
  page('customers', '/a/customers', { path: '/admin/customers', key: 'customers' }, true),
  { name: 'customer', path: (s) => `/a/customers/${s.customerId}` },
  page('customer-groups', '/a/customers/groups', { path: '/admin/customer-groups', key: 'customer_groups' }, true),
  page('discounts', '/a/discounts', { path: '/admin/discounts', key: 'discounts' }, true),
  page('gift-cards', '/a/gift-cards', { path: '/admin/gift-cards', key: 'gift_cards' }, true),
  page('gift-card-product', '/a/gift-cards/manage'),
  page('pricing', '/a/pricing', { path: '/admin/price-lists', key: 'price_lists' }, true),
  page('inventory', '/a/inventory', { path: '/admin/inventory-items', key: 'inventory_items' }),
  page('locations', '/a/inventory/locations'),
  page('reservations', '/a/inventory/reservations', { path: '/admin/reservations', key: 'reservations' }),
  page('settings', '/a/settings'),
  page('store-details', '/a/settings/details'),
  page('regions', '/a/settings/regions'),
  { name: 'region', path: (s) => `/a/settings/regions/${s.regionId}` },
  page('currencies', '/a/settings/currencies'),
  page('return-reasons', '/a/settings/return-reasons'),
  page('team', '/a/settings/team'),
  page('personal-information', '/a/settings/personal-information'),
  page('taxes', '/a/settings/taxes'),
  page('sales-channels', '/a/sales-channels'),
  page('publishable-api-keys', '/a/publishable-api-keys', { path: '/admin/publishable-api-keys', key: 'publishable_api_keys' }),
];

interface Problem { stop: string; what: string }

function option(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
}

/** Records what the backend answers the dashboard while one stop is open. */
class Watch {
  problems: string[] = [];
  lists: { url: URL; body: any }[] = [];
  constructor(private backend: string, private expect401: boolean) {}

  async onResponse(res: Response) {
    const url = new URL(res.url());
    if (!res.url().startsWith(this.backend)) return;
    const status = res.status();
    // Before sign-in the dashboard probes the session; Medusa answers those 401.
    // The real server answers 404 to the analytics question until the user has answered it.
    const unanswered = status === 404 && url.pathname === '/admin/analytics-configs';
    if (status >= 400 && !(status === 401 && this.expect401) && !unanswered) {
      const body = await res.text().catch(() => '');
      this.problems.push(`${status} ${res.request().method()} ${url.pathname}${url.search}: ${body.slice(0, 200)}`);
      return;
    }
    if (res.request().method() === 'GET' && status === 200) {
      const body = await res.json().catch(() => null);
      if (body && typeof body.count === 'number') this.lists.push({ url, body });
    }
  }
}

/**
 * The rows of the page's table against the list answers the page loaded. A page may load the same
 * list more than once (unfiltered, then with the filter it shows, in either order): the table must
 * agree with one of them, and every answer must agree with itself (rows = min(count − offset, limit)).
 */
async function checkRows(p: Page, stop: Stop, watch: Watch): Promise<string | null> {
  if (!stop.list) return null;
  const loaded = () => watch.lists.filter((l) => l.url.pathname.replace(/\/$/, '') === stop.list!.path);
  // A slow list may still be on its way when the network first looks idle.
  for (let waited = 0; !loaded().length && waited < 15_000; waited += 250) await p.waitForTimeout(250);
  const answers = loaded();
  if (!answers.length) return `no ${stop.list.path} list was loaded`;
  const expectations = answers.map(({ body }) => {
    const { count, offset = 0, limit } = body;
    return { count, offset, limit, expected: Math.max(0, Math.min(count - offset, limit ?? count)), shown: body[stop.list!.key]?.length };
  });
  const wrong = expectations.find((e) => e.shown !== e.expected);
  if (wrong) return `${stop.list.path} answered ${wrong.shown} rows for count ${wrong.count}, offset ${wrong.offset}, limit ${wrong.limit}`;
  const rows = await p.locator('table tbody tr').count();
  if (expectations.some((e) => e.expected === rows)) return null;
  const last = expectations[expectations.length - 1];
  return `the table shows ${rows} rows, the API's count ${last.count}, offset ${last.offset}, limit ${last.limit} make ${last.expected}`;
}

async function settle(p: Page) {
  await p.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
  await p.waitForTimeout(300);
}

/** Visible error screens of the dashboard (its error boundary and not-found page). */
async function errorScreen(p: Page): Promise<string | null> {
  const text = await p.locator('body').innerText().catch(() => '');
  const m = /(An error occurred|Something went wrong|Page not found|Unexpected Application Error)[^\n]*/i.exec(text);
  return m ? m[0] : null;
}

async function signIn(p: Page, dashboard: string, analytics: boolean) {
  await p.goto(`${dashboard}/login`);
  await p.fill('input[name=email]', EMAIL);
  await p.fill('input[name=password]', PASSWORD);
  await p.click('button[type=submit]');
  await p.waitForURL(/\/a\//, { timeout: 30_000 });
  await settle(p);
  if (analytics) await declineAnalytics(p);
}

/**
 * With Medusa's `analytics` feature flag on (the real server's default), the dashboard asks once
 * whether to share usage data, over every page: opt out and go on. Aegis reports no such flag.
 */
async function declineAnalytics(p: Page) {
  const question = p.getByText('Help us get better');
  // It appears once the dashboard has read the flag and found no answer of this user's: wait a little.
  if (!(await question.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false))) return;
  await p.locator('button[role=switch]').last().click();
  await p.getByRole('button', { name: 'Continue' }).click();
  await settle(p);
}

async function main(argv: string[]) {
  const backend = option(argv, 'backend', process.env.BACKEND_URL ?? 'http://localhost:9000').replace(/\/$/, '');
  const dashboard = option(argv, 'dashboard', process.env.DASHBOARD_URL ?? 'http://localhost:7001').replace(/\/$/, '');
  const shots = path.resolve(option(argv, 'shots', 'dashboard-shots'));
  const only = option(argv, 'only', '').split(',').filter(Boolean);
  fs.mkdirSync(shots, { recursive: true });

  const api = await apiOf(backend, EMAIL, PASSWORD);
  const seeded = await seed(api);
  const flags = ((await api.get('/admin/store')).store.feature_flags ?? []) as string[];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const problems: Problem[] = [];
  try {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    let watch = new Watch(backend, true);
    p.on('response', (res) => void watch.onResponse(res));
    p.on('pageerror', (e) => watch.problems.push(`page error: ${String(e).slice(0, 200)}`));
    const started = Date.now();
    await signIn(p, dashboard, flags.includes('analytics'));
    problems.push(...watch.problems.map((what) => ({ stop: 'sign-in', what })));
    console.log(`sign-in ${Date.now() - started} ms`);

    for (const stop of STOPS.filter((s) => !only.length || only.includes(s.name))) {
      watch = new Watch(backend, false);
      const t0 = Date.now();
      const found = await visit(p, dashboard, stop, seeded, watch, shots).catch((e) => [`the walk failed here: ${String(e).split('\n')[0]}`]);
      problems.push(...found.map((what) => ({ stop: stop.name, what })));
      console.log(`${found.length ? 'FAIL' : 'ok  '} ${stop.name} ${Date.now() - t0} ms${found.length ? `\n      ${found.join('\n      ')}` : ''}`);
    }
  } finally {
    await browser.close();
  }
  console.log(`${problems.length ? 'FAILED' : 'passed'}: ${problems.length} problem(s); screenshots in ${shots}`);
  if (problems.length) process.exitCode = 1;
}

/** Opens one stop (and its first record); answers what went wrong there. */
async function visit(p: Page, dashboard: string, stop: Stop, seeded: Seeded, watch: Watch, shots: string): Promise<string[]> {
  await p.goto(dashboard + stop.path(seeded));
  await settle(p);
  const found = [...watch.problems];
  const rows = await checkRows(p, stop, watch);
  if (rows) found.push(rows);
  const screen = await errorScreen(p);
  if (screen) found.push(`error screen: ${screen}`);
  await p.screenshot({ path: path.join(shots, `${stop.name}.png`), fullPage: true });
  if (stop.opens && !rows) {
    const before = p.url();
    const seen = watch.problems.length;
    await p.locator('table tbody tr').first().click();
    await p.waitForURL((u) => u.toString() !== before, { timeout: 10_000 }).catch(() => found.push('clicking the first row opened nothing'));
    await settle(p);
    const detail = await errorScreen(p);
    if (detail) found.push(`record: error screen: ${detail}`);
    await p.screenshot({ path: path.join(shots, `${stop.name}-record.png`), fullPage: true });
    found.push(...watch.problems.slice(seen).map((w) => `record: ${w}`));
  }
  return found;
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
