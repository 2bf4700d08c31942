/**
 * Compatibility scenarios: requests run in order against a server, whose answers are reduced to
 * what a Medusa client depends on (status, error type and message, and the shape of the JSON
 * body: which key paths exist and what kind of value each holds). `record.ts` stores the real
 * Medusa v1 server's answers next to each scenario (`<name>.oracle.json`); `test/compat.test.ts`
 * replays every scenario against Aegis and compares, so the comparison keeps holding without the
 * real server at hand.
 *
 * A scenario (`test/compat/<domain>.json`) is a JSON array of steps:
 *   { "method": "POST", "path": "/admin/regions", "body": {...}, "save": { "region": "region.id" } }
 *   { "path": "/admin/regions/{region}", "query": "expand=countries" }
 *   { "path": "/admin/auth", "auth": "none" }                 // without credentials
 *   { ..., "differs": "why Aegis answers otherwise on purpose" } // not compared (README lists it)
 *   { ..., "until": { "batch_job.status": "completed" } }   // asked again (every 200 ms, up to 30 s)
 *                                                            // until the answer has these values:
 *                                                            // for work the server does in the background
 * `{name}` in a path, query or body string is replaced by the value saved from this server's own
 * earlier answer; a body string that is exactly `{name}` becomes the saved value itself. `{run}` is
 * set before the first step, different on every run: emails and handles that must be unique (a
 * customer cannot be deleted) stay unique when a scenario is recorded again on the same server.
 */

export interface Step {
  name?: string;
  method?: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: string | Record<string, string>;
  body?: unknown;
  save?: Record<string, string>;
  auth?: 'none';
  differs?: string;
  until?: Record<string, unknown>;
}

/** What is kept of one answer. */
export interface Answer {
  status: number;
  type?: string;
  message?: string;
  /** Key path → kinds seen there (`null`, `string`, `number`, `boolean`, `object`, `array`). */
  shape?: Record<string, string[]>;
}

export interface Response {
  status: number;
  text: string;
}

/** Sends one request: the only thing that differs between a live server and an in-process app. */
export type Send = (method: string, url: string, headers: Record<string, string>, body?: string) => Promise<Response>;

/** Keys whose values are free-form objects: their insides are not compared. */
const OPAQUE = new Set(['metadata', 'data', 'context']);

export async function runScenario(steps: Step[], send: Send, token: string): Promise<Answer[]> {
  const vars: Record<string, unknown> = { run: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` };
  const answers: Answer[] = [];
  for (const step of steps) {
    const query = step.query ? `?${fill(typeof step.query === 'string' ? step.query : new URLSearchParams(step.query).toString(), vars)}` : '';
    const headers: Record<string, string> = {};
    if (step.auth !== 'none') headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (step.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(fillBody(step.body, vars));
    }
    let res: Response;
    let json: any = null;
    const deadline = Date.now() + 30_000;
    for (;;) {
      res = await send(step.method ?? 'GET', `${fill(step.path, vars)}${query}`, headers, body);
      try {
        json = res.text ? JSON.parse(res.text) : null;
      } catch {
        json = null;
      }
      const reached = Object.entries(step.until ?? {}).every(([path, value]) => pick(json, path) === value);
      if (reached || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const [name, path] of Object.entries(step.save ?? {})) vars[name] = pick(json, path);
    const answer = reduce(res.status, json, res.text);
    // A message naming a unique value of this run ("Key (name)=(VIP <run>) already exists.") is compared in its words.
    if (answer.message) answer.message = answer.message.split(String(vars.run)).join('{run}');
    answers.push(answer);
  }
  return answers;
}

function reduce(status: number, json: any, text: string): Answer {
  if (status >= 400) {
    const answer: Answer = { status };
    if (json && typeof json === 'object') {
      if (json.type !== undefined) answer.type = json.type;
      if (json.message !== undefined) answer.message = json.message;
    } else answer.message = text.slice(0, 300);
    return answer;
  }
  return { status, shape: shapeOf(json) };
}

function fill(text: string, vars: Record<string, unknown>): string {
  return text.replace(/\{([A-Za-z_]\w*)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

function fillBody(value: unknown, vars: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\{([A-Za-z_]\w*)\}$/.exec(value);
    return whole && whole[1] in vars ? vars[whole[1]] : fill(value, vars);
  }
  if (Array.isArray(value)) return value.map((v) => fillBody(v, vars));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillBody(v, vars)]));
  return value;
}

function pick(body: unknown, path: string): unknown {
  return path.split('.').reduce<any>((v, k) => (v == null ? undefined : v[/^\d+$/.test(k) ? Number(k) : k]), body);
}

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Every key path of `value` with the kinds seen there; array items share the path `x[]`. */
export function shapeOf(value: unknown): Record<string, string[]> {
  const seen = new Map<string, Set<string>>();
  const walk = (v: unknown, path: string) => {
    if (path) {
      if (!seen.has(path)) seen.set(path, new Set());
      seen.get(path)!.add(kindOf(v));
    }
    if (OPAQUE.has(path.split(/[.[]/).pop() ?? '')) return;
    if (Array.isArray(v)) v.forEach((item) => walk(item, `${path}[]`));
    else if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) walk(child, path ? `${path}.${k}` : k);
  };
  walk(value, '');
  return Object.fromEntries([...seen].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, kinds]) => [k, [...kinds].sort()]));
}

/**
 * Where `ours` differs from `theirs` (the real server), as readable lines; empty when the same.
 * A key missing on one side is reported only at its topmost path; `null` against a value is not
 * a difference (an unset field is null on one server and set on the other by the data alone).
 */
export function differences(theirs: Answer, ours: Answer): string[] {
  const out: string[] = [];
  if (theirs.status !== ours.status) out.push(`status: real ${theirs.status}, ours ${ours.status}`);
  const errTheirs = theirs.status >= 400;
  const errOurs = ours.status >= 400;
  if (errTheirs !== errOurs) {
    const refused = errTheirs ? theirs : ours;
    out.push(`only ${errTheirs ? 'the real server' : 'ours'} refused: ${refused.type ?? ''} ${JSON.stringify(refused.message)}`);
    return out;
  }
  if (errTheirs) {
    if (theirs.type !== ours.type) out.push(`error type: real ${theirs.type}, ours ${ours.type}`);
    if (withoutIds(theirs.message) !== withoutIds(ours.message)) out.push(`message: real ${JSON.stringify(theirs.message)}, ours ${JSON.stringify(ours.message)}`);
    return out;
  }
  const a = theirs.shape ?? {};
  const b = ours.shape ?? {};
  const parentIn = (shape: Record<string, string[]>, p: string) => {
    const parent = p.replace(/(\.[^.[\]]+|\[\])$/, '');
    return parent === p || !parent || parent in shape;
  };
  const missing = Object.keys(a).filter((p) => !(p in b) && parentIn(b, p));
  const extra = Object.keys(b).filter((p) => !(p in a) && parentIn(a, p));
  if (missing.length) out.push(`missing in ours: ${missing.join(', ')}`);
  if (extra.length) out.push(`extra in ours: ${extra.join(', ')}`);
  for (const [p, kinds] of Object.entries(a)) {
    if (!(p in b)) continue;
    const ka = kinds.filter((k) => k !== 'null');
    const kb = b[p].filter((k) => k !== 'null');
    if (ka.length && kb.length && !ka.some((k) => kb.includes(k))) out.push(`type at ${p}: real ${ka.join('|')}, ours ${kb.join('|')}`);
  }
  return out;
}

/**
 * A message with every record id (`prefix_ULID`) blanked: ids are made by each server, so a
 * message naming a record the scenario created ("Cannot remove Inventory Level iitem_01H…") can
 * only match in its words.
 */
function withoutIds(message: string | undefined): string | undefined {
  return message?.replace(/\b[a-z]+_[0-9A-HJKMNP-TV-Z]{26}\b/g, '<id>');
}

export function label(step: Step): string {
  const q = step.query ? `?${typeof step.query === 'string' ? step.query : new URLSearchParams(step.query).toString()}` : '';
  return `${step.name ? `${step.name}: ` : ''}${step.method ?? 'GET'} ${step.path}${q}`;
}
