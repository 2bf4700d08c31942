import { Router, Request, Response, NextFunction } from 'express';
import {
  GraphQLSchema, GraphQLObjectType, GraphQLField, GraphQLArgument, GraphQLInputType, GraphQLFormattedError, DocumentNode, ExecutionResult,
  GraphQLEnumType, getNamedType, isEnumType, isLeafType, isNonNullType, isListType, isInputObjectType, isObjectType, isScalarType, parse, validate, execute,
} from 'graphql';
import type { Context } from '../src/context';
import { AppError, invalid, STATUS_OF } from '../src/lib/errors';
import { toCamel, toSnake } from '../src/lib/naming';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { argsClassOf, checkBody } from './body';

/**
 * How the operation's result becomes the response body:
 * `{one: 'user'}` → `{user}`, `{list: 'users'}` → `{users, count, offset, limit}` from a page,
 * `{all: 'invites'}` → `{invites}` from a plain list, `'raw'` → the result itself
 * (`{id, object, deleted}`, `{access_token}`), `{empty: 200|204}` → no JSON body.
 */
export type Envelope = { one: string } | { list: string } | { all: string } | 'raw' | { empty: 200 | 204 };

/** One REST endpoint of the Medusa contract, as data: the executor below does the rest. */
export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** Express path, e.g. `/admin/users/:id`; path params become arguments of the same (camelCase) name. */
  path: string;
  /** The root Query or Mutation field it runs. */
  operation: string;
  envelope: Envelope;
  /** Medusa's default relations, as snake_case paths: answered unless the client sends `expand`, which replaces them. */
  relations?: string[];
  /** Reachable without credentials (only Medusa's five open routes). */
  open?: boolean;
  /** Success status when not 200. */
  status?: number;
  /** Path param name → argument name, when the camelCase rule does not fit. */
  params?: Record<string, string>;
  /** Relations added when a query parameter is `true` (`{include_descendants_tree: ['descendants']}`). */
  relationsWhen?: Record<string, string[]>;
  /** Relations added when a query parameter is given at all (Medusa joins them to filter: `{groups: ['groups']}`). */
  relationsWith?: Record<string, string[]>;
  /** `expand=` (blank) means the default relations, where Medusa's handler tests `if (expand)`. */
  blankExpandIsDefault?: boolean;
  /** Medusa's handler accepts `fields` but never applies it: every column is answered. */
  ignoresFields?: boolean;
  /** The query parameters Medusa's route takes, where it takes fewer than the operation has: others (`expand` too) are unknown (400). */
  queryParams?: string[];
  /**
   * Medusa's wording for a mistyped query value where its route's decorator is not the usual one
   * for the type (`{limit: 'must be an integer number', include_resends: 'must be a boolean string'}`).
   */
  queryWords?: Record<string, string>;
  /** Rewrites the operation's result before the envelope, given the query string and body (e.g. nests a flat tree). */
  reshape?: (result: any, query: Record<string, unknown>, body: Record<string, unknown>) => unknown;
  /** The relations `expand` may name, where Medusa's route limits them (its `allowedRelations`); others are a 400. */
  allowedRelations?: string[];
  /**
   * Relations the handler adds to every answer, whatever `expand` says; or a function of the
   * relations answered (`expand`, else the defaults) and the query, for handlers that add some
   * only with others (Medusa's pricing adds `variants.prices.price_list` when it prices variants).
   */
  always?: string[] | ((relations: string[], query: Record<string, unknown>) => string[]);
  /** Medusa's handler never reads the query string here: anything in it is ignored, not refused. */
  ignoresQuery?: boolean;
  /** `expand` and `fields` are lists here (`expand[]=a&expand[]=b`, as Medusa's tax-rate routes take them). */
  listQuery?: boolean;
  /**
   * Relations Medusa's handler adds to those answered (defaults or `expand`), given them and the
   * query string: e.g. the customer groups a searched price-list list joins.
   */
  moreRelations?: (relations: string[], query: Record<string, unknown>) => string[];
  /** Medusa's route does not take `fields`: it is an unknown parameter there (400). */
  refusesFields?: boolean;
  /** Medusa's query class here has neither `expand` nor `fields`: they are refused as unknown properties. */
  noControls?: boolean;
}

/** A generated operation: its text (for logs and tests), and how to run it. */
export interface Document {
  text: string;
  document: DocumentNode;
  run(variables: Record<string, unknown>, ctx: Context): Promise<ExecutionResult> | ExecutionResult;
  /** Applies the finishers of the answer's object types (see `finishType`), in place. */
  finish?: (data: unknown) => void;
}

/**
 * Keys Medusa's entities derive from others when they are loaded (a product's `profile` and
 * `profile_id` exist only with its `profiles`): per GraphQL object type, a function that adjusts
 * every such object of a REST answer, wherever it is nested. Registered by the rest/ files.
 */
const finishers = new Map<string, (obj: Record<string, unknown>) => void>();

export function finishType(typeName: string, finish: (obj: Record<string, unknown>) => void): void {
  finishers.set(typeName, finish);
}

export interface RestOptions {
  /**
   * Compile each generated document to JavaScript once (graphql-jit) instead of interpreting it
   * on every request (graphql-js): the same answers, byte for byte, for about a third less CPU
   * on large pages. On by default; `false` runs graphql-js (the tests compare the two).
   */
  compile?: boolean;
}

interface Compiled {
  route: Route;
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** The object type whose fields the client selects (the item type for lists). */
  itemType?: GraphQLObjectType;
}

const CONTROL_PARAMS = new Set(['expand', 'fields']);

/**
 * Builds the router for all route rows; fails at start-up when a row names no operation. The
 * generated documents run in-process on graphql-js directly: they are ours, so they need neither
 * Apollo's request pipeline nor the cost limit that protects `/graphql` (a REST request is bounded
 * by its route row and the maximum `limit`, as in Medusa).
 */
export function restRouter(schema: GraphQLSchema, routes: Route[], options: RestOptions = {}): Router {
  const router = Router();
  const documents = new DocumentCache(schema, options.compile ?? true);
  for (const route of bySpecificity(routes)) {
    const compiled = compileRoute(schema, route);
    const handler = async (req: Request, res: Response, next: NextFunction) => {
      try {
        await runRoute(compiled, req, res, documents);
      } catch (err) {
        next(err);
      }
    };
    router[route.method.toLowerCase() as 'get' | 'post' | 'delete'](route.path, handler);
  }
  return router;
}

/** Static segments before parameters, so `/admin/users/password-token` is not taken for `:id`. */
function bySpecificity(routes: Route[]): Route[] {
  const rank = (r: Route) => r.path.split('/').map((seg) => (seg.startsWith(':') ? '1' : '0')).join('');
  return [...routes].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

export function compileRoute(schema: GraphQLSchema, route: Route): Compiled & { schema: GraphQLSchema } {
  const query = schema.getQueryType()?.getFields()[route.operation];
  const mutation = schema.getMutationType()?.getFields()[route.operation];
  const field = query ?? mutation;
  if (!field) throw new Error(`Route ${route.method} ${route.path} names unknown operation ${route.operation}`);
  let itemType = getNamedType(field.type);
  if (typeof route.envelope === 'object' && 'list' in route.envelope && isObjectType(itemType)) {
    itemType = getNamedType(itemType.getFields().items.type);
  }
  return { schema, route, kind: query ? 'query' : 'mutation', field, itemType: isObjectType(itemType) ? itemType : undefined };
}

async function runRoute(c: Compiled & { schema: GraphQLSchema }, req: Request, res: Response, documents: DocumentCache): Promise<void> {
  const ctx = req.ctx;
  res.locals.operation = c.route.operation;
  if (!c.route.open && !ctx.auth) {
    res.status(401).type('text/plain').send('Unauthorized');
    return;
  }
  let document: Document;
  let variables: Record<string, unknown>;
  try {
    variables = variablesFor(c, req);
    const query = c.route.ignoresQuery ? {} : req.query;
    const expand = expandOf(c.route, query);
    const fields = fieldsOf(c.route, query);
    document = documents.get(c, variables, expand, c.route.ignoresFields ? undefined : fields, alwaysOf(c.route, expand, query));
  } catch (err) {
    if (err instanceof AppError) return sendError(res, { message: err.message, extensions: err.extensions });
    throw err;
  }
  const result = await document.run(variables, ctx);
  if (result.errors?.length) {
    const [first] = result.errors;
    // Anything that is not one of our errors nor bad input goes to the server's error handler,
    // which logs it with the request id and answers Medusa's 500 without internals.
    if (first.path && !first.extensions?.type && first.originalError) throw first.originalError;
    return sendError(res, first.path ? first : { message: first.message, extensions: { code: 'BAD_USER_INPUT' } });
  }
  const raw = result.data?.result as any;
  if (raw && document.finish) document.finish(typeof c.route.envelope === 'object' && 'list' in c.route.envelope ? raw.items : raw);
  const data = c.route.reshape ? c.route.reshape(raw, req.query, req.body ?? {}) : raw;
  sendResult(c.route, data, res);
}

/**
 * The relations to answer: Medusa's defaults unless `expand` is given, which replaces them
 * (`expand=` asks for none), plus those of the route's query flags that are `true`.
 * `undefined` means the defaults.
 */
function expandOf(route: Route, query: Record<string, unknown>): string[] | undefined {
  let expand = controlParam(route, query, 'expand');
  if (expand === '' && route.blankExpandIsDefault) expand = undefined;
  const extra = [
    ...Object.entries(route.relationsWhen ?? {}).filter(([param]) => query[param] === 'true').flatMap(([, rels]) => rels),
    ...Object.entries(route.relationsWith ?? {}).filter(([param]) => query[param] !== undefined && query[param] !== '').flatMap(([, rels]) => rels),
  ];
  let relations: string[] | undefined;
  if (expand === undefined) relations = extra.length || route.moreRelations ? [...(route.relations ?? []), ...extra] : undefined;
  else {
    const asked = splitList(expand);
    const refused = route.allowedRelations ? asked.filter((r) => !route.allowedRelations!.includes(r)) : [];
    if (refused.length) throw invalid(`Requested fields [${refused.join(', ')}] are not valid`);
    relations = [...asked, ...extra];
  }
  return relations && route.moreRelations ? route.moreRelations(relations, query) : relations;
}

/** `fields`, unless the route refuses it as Medusa's does. */
function fieldsOf(route: Route, query: Record<string, unknown>): string | undefined {
  if (query.fields !== undefined && route.refusesFields) throw invalid('property fields should not exist');
  return controlParam(route, query, 'fields');
}

/** The relations the handler adds whatever `expand` says (`always`), given those answered. */
function alwaysOf(route: Route, expand: string[] | undefined, query: Record<string, unknown>): string[] {
  if (typeof route.always !== 'function') return route.always ?? [];
  return route.always(expand ?? route.relations ?? [], query);
}

/** `expand` / `fields` as comma-separated text (or, where the route takes lists, `x[]=a&x[]=b`). */
function controlParam(route: Route, query: Record<string, unknown>, name: 'expand' | 'fields'): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (route.noControls) throw invalid(`property ${name} should not exist`);
  if (typeof value === 'string') return value;
  if (route.listQuery && Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(',');
  throw invalid(`${name} must be a string`);
}

function sendResult(route: Route, data: any, res: Response): void {
  const env = route.envelope;
  const status = route.status ?? 200;
  if (env === 'raw') res.status(status).json(data);
  else if ('empty' in env) env.empty === 204 ? res.status(204).end() : res.status(env.empty).type('text/plain').send('OK');
  else if ('one' in env) res.status(status).json({ [env.one]: data });
  else if ('all' in env) res.status(status).json({ [env.all]: data });
  else res.status(status).json({ [env.list]: data.items, count: data.count, offset: data.offset, limit: data.limit });
}

/** Medusa's error answers: `{type, message, code?}` with its statuses, a plain 401 for credentials. */
export function sendError(res: Response, err: Pick<GraphQLFormattedError, 'message' | 'extensions'>): void {
  const type = err.extensions?.type as string | undefined;
  const code = err.extensions?.code as string | undefined;
  if (type === 'unauthorized' && err.message === 'Unauthorized') {
    res.status(401).type('text/plain').send('Unauthorized');
  } else if (type && STATUS_OF[type] && type !== 'unknown_error') {
    res.status(STATUS_OF[type]).json(code && code !== type ? { type, message: err.message, code } : { type, message: err.message });
  } else if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED') {
    res.status(400).json({ type: 'invalid_data', message: cleanInputMessage(err.message) });
  } else {
    res.status(500).json({ code: 'unknown_error', type: 'unknown_error', message: 'An unknown error occurred.' });
  }
}

/**
 * GraphQL's variable errors name camelCase paths and echo the whole value (passwords included);
 * REST clients get the snake_case path and the reason only.
 */
export function cleanInputMessage(message: string): string {
  const m = /^Variable "\$(\w+)" got invalid value .*?(?: at "([\w.[\]]+)")?; (.*)$/s.exec(message);
  if (!m) return message;
  const path = (m[2] ?? m[1]).split('.').filter((p) => p !== 'input').map(toSnake).join('.');
  const reason = m[3].replace(/"(\w+)"/g, (_, name: string) => `"${/^[a-z]/.test(name) ? toSnake(name) : name}"`);
  return path ? `${path}: ${reason}` : reason;
}

// ---------------------------------------------------------------- variables

/**
 * Path params, query string and body as the operation's variables, coerced by the schema's types.
 * Path params win: the query string and the body cannot name them again.
 */
export function variablesFor(c: Compiled, req: Request): Record<string, unknown> {
  const args = new Map(c.field.args.map((a) => [a.name, a]));
  const vars: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(req.params ?? {})) vars[c.route.params?.[name] ?? toCamel(name)] = value;
  const fromPath = new Set(Object.keys(vars));
  if (!c.route.ignoresQuery) readQuery(c, req.query ?? {}, args, fromPath, vars);

  // DELETE reads a body too: Medusa's batch removals (`DELETE .../batch`) carry their ids in it.
  if (c.route.method !== 'GET') {
    const body = req.body ?? {};
    if (typeof body !== 'object' || Array.isArray(body)) throw invalid('The request body must be a JSON object');
    const errors: string[] = [];
    const input = args.get('input');
    if (input) {
      const type = getNamedType(input.type);
      if (!isInputObjectType(type)) throw new Error(`${c.route.operation}: input is not an input object`);
      vars.input = checkBody(body, Object.values(type.getFields()), errors, type);
    } else {
      const bodyArgs = c.field.args.filter((a) => !fromPath.has(a.name) && !(a.name in vars));
      Object.assign(vars, checkBody(body, bodyArgs, errors, undefined, argsClassOf(c.route.operation)));
    }
    if (errors.length) throw invalid(errors.join(', '));
  }
  return vars;
}

/** The query string as variables; every unknown parameter is named, in order, as class-validator's whitelist does. */
function readQuery(c: Compiled, query: Record<string, unknown>, args: Map<string, GraphQLArgument>, fromPath: Set<string>, vars: Record<string, unknown>): void {
  const filterArg = args.get('filter');
  const filterType = filterArg ? getNamedType(filterArg.type) : undefined;
  const unknown: string[] = [];
  const taken = c.route.queryParams;
  for (const [key, raw] of Object.entries(query)) {
    if (taken && !taken.includes(key)) {
      unknown.push(key);
      continue;
    }
    if (CONTROL_PARAMS.has(key)) continue;
    const name = toCamel(key);
    const arg = args.get(name);
    if (fromPath.has(name)) unknown.push(key);
    else if (arg && name !== 'filter' && name !== 'input') {
      setDefined(vars, name, integerWording(arg, key, () => coerceWorded(c.route, raw, arg.type, key)));
    } else if (filterType && isInputObjectType(filterType) && filterType.getFields()[name]) {
      const filter = (vars.filter ??= {}) as Record<string, unknown>;
      setDefined(filter, name, coerceWorded(c.route, raw, filterType.getFields()[name].type, key));
    } else {
      unknown.push(key);
    }
  }
  if (unknown.length) throw invalid(unknown.map((key) => `property ${key} should not exist`).join(', '));
}

/** `coerceQuery`, with the route's own wording for a mistyped value where it has one. */
function coerceWorded(route: Route, raw: unknown, type: GraphQLInputType, key: string): unknown {
  try {
    return coerceQuery(raw, type, key);
  } catch (err) {
    const words = route.queryWords?.[key];
    throw words && err instanceof AppError ? invalid(`${key} ${words}`) : err;
  }
}

function setDefined(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

/**
 * Where Medusa's query class checks a number with `@IsInt()` rather than `@IsNumber()` (the
 * variant list's `limit`), the argument says so with `@Extensions({ restInteger: true })`, and a
 * value that is no number gets IsInt's words.
 */
function integerWording(arg: GraphQLArgument, key: string, coerce: () => unknown): unknown {
  try {
    return coerce();
  } catch (err) {
    if (err instanceof AppError && arg.extensions?.restInteger === true) throw invalid(`${key} must be an integer number`);
    throw err;
  }
}

/** A query-string value (always text, or qs arrays and objects of text) as the argument's type. */
export function coerceQuery(value: unknown, type: GraphQLInputType, key: string): unknown {
  if (isNonNullType(type)) return coerceQuery(value, type.ofType, key);
  if (value === '' || value === undefined) return undefined; // `q=` means no filter
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : String(value).split(',');
    const item = getNamedType(type.ofType);
    if (isEnumType(item) && items.some((v) => !enumHas(item, v))) throw invalid(`each value in ${enumMessage(item, key)}`);
    return items.map((v) => coerceQuery(v, type.ofType, key)).filter((v) => v !== undefined);
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${key} must be an object, e.g. ${key}[gt]=...`);
    const fields = type.getFields();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const f = fields[toCamel(k)];
      if (!f) throw invalid(`property ${key}[${k}] should not exist`);
      setDefined(out, f.name, coerceQuery(v, f.type, `${key}[${k}]`));
    }
    return out;
  }
  // A scalar that parses query objects itself (opt-in: `extensions.queryObject`, e.g. a number or a range) gets the raw value.
  if (isScalarType(type) && type.extensions?.queryObject) return value;
  if (typeof value !== 'string') throw invalid(`${key} must be a single value`);
  if (isEnumType(type) && !enumHas(type, value)) throw invalid(enumMessage(type, key));
  if (isScalarType(type)) {
    if (type.name === 'Int' || type.name === 'Float') {
      const n = Number(value);
      if (value.trim() === '' || Number.isNaN(n)) throw invalid(`${key} must be a number conforming to the specified constraints`);
      if (type.name === 'Int' && !Number.isInteger(n)) throw invalid(`${key} must be an integer number`);
      return n;
    }
    if (type.name === 'Boolean') {
      if (value === 'true') return true;
      if (value === 'false') return false;
      throw invalid(`${key} must be a boolean value`);
    }
  }
  return value;
}

const enumHas = (type: GraphQLEnumType, value: unknown) => type.getValues().some((v) => v.name === value || v.value === value);

/** class-validator's `@IsEnum` words, naming the innermost key (`rule[type]` → `type`), as Medusa's nested query classes do. */
function enumMessage(type: GraphQLEnumType, key: string): string {
  const name = /\[(\w+)\]$/.exec(key)?.[1] ?? key;
  return `${name} must be one of the following values: ${type.getValues().map((v) => v.value).join(', ')}`;
}

// ---------------------------------------------------------------- selection

type Tree = Map<string, Tree>;

/** A column named in a tree (by a route's `always`): selected as it is. */
const COLUMN: Tree = new Map();

/**
 * A column that Medusa's handlers add only on some routes (`purchasable`) is marked in the schema
 * with `@Extensions({ restOnRequest: true })`: REST answers it only where a route's `always` names it.
 */
const onRequest = (field: { extensions?: Record<string, unknown> | null }) => field.extensions?.restOnRequest === true;

/**
 * The documents of the requests seen so far, parsed and validated once, per route, variable names,
 * expand and fields. Bounded, since expand and fields are the client's text.
 */
export class DocumentCache {
  private documents = new Map<string, Document>();

  constructor(private schema: GraphQLSchema, private compile: boolean) {}

  get(c: Compiled, variables: Record<string, unknown>, expand?: string[], fields?: string, always: string[] = []): Document {
    const key = `${c.route.method} ${c.route.path}|${Object.keys(variables).sort().join(',')}|${expand?.join(',') ?? '*'}|${fields ?? ''}|${always.join(',')}`;
    let doc = this.documents.get(key);
    if (!doc) {
      const text = documentText(c, Object.keys(variables), expand, fields, always);
      const document = parse(text);
      const errors = validate(this.schema, document);
      if (errors.length) throw new Error(`${c.route.operation}: generated document is invalid: ${errors[0].message}`);
      const selected = c.itemType && selectedOf(c, expand, fields, always);
      doc = { text, document, run: this.runner(document), finish: selected ? finisherOf(c.itemType!, selected.tree) : undefined };
      if (this.documents.size > 2000) this.documents.clear();
      this.documents.set(key, doc);
    }
    return doc;
  }

  private runner(document: DocumentNode): Document['run'] {
    const compiled = this.compile ? compileQuery(this.schema, document) : undefined;
    if (compiled && isCompiledQuery(compiled)) return (variables, ctx) => compiled.query(undefined, ctx, variables) as Promise<ExecutionResult> | ExecutionResult;
    const schema = this.schema;
    return (variables, ctx) => execute({ schema, document, variableValues: variables, contextValue: ctx }) as Promise<ExecutionResult> | ExecutionResult;
  }
}

/** The GraphQL document for one request; `expand` undefined means the route's default relations. */
export function documentText(c: Compiled, varNames: string[], expand?: string[], fields?: string, always?: string[]): string {
  const argTypes = new Map(c.field.args.map((a) => [a.name, String(a.type)]));
  const declared = varNames.filter((n) => argTypes.has(n));
  const unknown = varNames.filter((n) => !argTypes.has(n));
  if (unknown.length) throw invalid(`property ${unknown.map(toSnake).join(', ')} should not exist`);
  const defs = declared.length ? `(${declared.map((n) => `$${n}: ${argTypes.get(n)}`).join(', ')})` : '';
  const callArgs = declared.length ? `(${declared.map((n) => `${n}: $${n}`).join(', ')})` : '';
  return `${c.kind} Rest_${c.route.operation}${defs} { result: ${c.route.operation}${callArgs}${selectionOf(c, expand, fields, always)} }`;
}

function selectionOf(c: Compiled, expand?: string[], fields?: string, always?: string[]): string {
  const named = getNamedType(c.field.type);
  if (!isObjectType(named)) return '';
  const env = c.route.envelope;
  if (typeof env === 'object' && 'empty' in env) return ' { __typename }';
  if (!c.itemType) return ` ${selectAll(named, new Map(), undefined)}`;
  const { scalars, tree } = selectedOf(c, expand, fields, always);
  const items = selectAll(c.itemType, tree, scalars);
  return typeof env === 'object' && 'list' in env ? ` { items ${items} count offset limit }` : ` ${items}`;
}

/** The columns and the relation tree of the answered records. */
function selectedOf(c: Compiled, expand?: string[], fields?: string, always?: string[]): { scalars?: Set<string>; tree: Tree } {
  const env = c.route.envelope;
  const isList = typeof env === 'object' && ('list' in env || 'all' in env);
  const { scalars, relations } = parseFields(c.itemType!, splitList(fields), isList);
  // Medusa: `expand` names exactly the relations answered; without it, the defaults plus the relations `fields` names.
  const paths = expand ?? [...(c.route.relations ?? []), ...relations];
  // What the handler always adds may end in a column (a computed one, such as a variant's
  // `purchasable`), answered even where `fields` narrows the columns or the field is on request only.
  const added = always ?? (Array.isArray(c.route.always) ? c.route.always : []);
  return { scalars, tree: relationTree(c.itemType!, [...paths, ...added], new Set(added)) };
}

/** A function applying the registered finishers to an answer of `type` selected as `tree`; none when there are none to apply. */
function finisherOf(type: GraphQLObjectType, tree: Tree): ((value: unknown) => void) | undefined {
  const own = finishers.get(type.name);
  const nested: [string, (value: unknown) => void][] = [];
  for (const [name, sub] of tree) {
    const named = getNamedType(type.getFields()[name].type);
    const finish = isObjectType(named) ? finisherOf(named, sub) : undefined;
    if (finish) nested.push([toSnake(name), finish]);
  }
  if (!own && !nested.length) return undefined;
  const apply = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(apply);
    if (!value || typeof value !== 'object') return;
    for (const [key, finish] of nested) finish((value as Record<string, unknown>)[key]);
    own?.(value as Record<string, unknown>);
  };
  return apply;
}

function splitList(value?: string): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** Every scalar field (or only `scalars`) with snake_case aliases, plus the relations in `tree`. */
function selectAll(type: GraphQLObjectType, tree: Tree, scalars: Set<string> | undefined): string {
  const parts: string[] = [];
  for (const f of Object.values(type.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    if (isLeafType(getNamedType(f.type)) && (!scalars || scalars.has(f.name)) && !onRequest(f)) parts.push(aliased(f.name));
  }
  for (const [name, sub] of tree) {
    if (sub === COLUMN) {
      parts.push(aliased(name));
      continue;
    }
    parts.push(`${aliased(name)} ${selectAll(getNamedType(type.getFields()[name].type) as GraphQLObjectType, sub, undefined)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

function aliased(name: string): string {
  const snake = toSnake(name);
  return snake === name ? name : `${snake}: ${name}`;
}

/** `expand` paths (`variants.prices`) as a tree of fields, each checked against the schema. */
function relationTree(type: GraphQLObjectType, paths: string[], columnsAllowed = new Set<string>()): Tree {
  const root: Tree = new Map();
  const bad: string[] = [];
  for (const path of paths) {
    let node = root;
    let current: GraphQLObjectType = type;
    const segments = path.split('.');
    for (const [i, segment] of segments.entries()) {
      const field = current.getFields()[toCamel(segment)];
      const named = field && getNamedType(field.type);
      if (field && isLeafType(named) && i === segments.length - 1 && columnsAllowed.has(path)) {
        node.set(field.name, COLUMN);
        break;
      }
      if (!field || !isObjectType(named)) {
        bad.push(path);
        break;
      }
      if (!node.has(field.name)) node.set(field.name, new Map());
      node = node.get(field.name)!;
      current = named;
    }
  }
  if (bad.length) throw invalid(`Requested fields [${bad.join(', ')}] are not valid`);
  return root;
}

/**
 * Medusa's `fields`: plain names select exactly those columns (plus `id`, and `created_at` on
 * lists); `+name` / `-name` add to or remove from the defaults; `*relation` or `relation.field`
 * adds a relation. Unknown names are a 400.
 */
function parseFields(type: GraphQLObjectType, tokens: string[], isList: boolean): { scalars?: Set<string>; relations: string[] } {
  if (!tokens.length) return { relations: [] };
  const all = type.getFields();
  const leaves = new Set(Object.values(all).filter((f) => isLeafType(getNamedType(f.type))).map((f) => f.name));
  const relations: string[] = [];
  const plain: string[] = [];
  const add: string[] = [];
  const remove: string[] = [];
  const bad: string[] = [];
  for (const token of tokens) {
    if (token.startsWith('*')) relations.push(token.slice(1));
    else if (token.includes('.')) relations.push(token.split('.').slice(0, -1).join('.'));
    else {
      const sign = token[0] === '+' || token[0] === '-' ? token[0] : '';
      const name = toCamel(sign ? token.slice(1) : token);
      if (leaves.has(name)) (sign === '+' ? add : sign === '-' ? remove : plain).push(name);
      else if (all[name] && isObjectType(getNamedType(all[name].type))) relations.push(token.replace(/^[+]/, ''));
      else bad.push(token);
    }
  }
  if (bad.length) throw invalid(`Requested fields [${bad.join(', ')}] are not valid`);
  const scalars = new Set(plain.length ? ['id', ...(isList && leaves.has('createdAt') ? ['createdAt'] : []), ...plain] : leaves);
  add.forEach((n) => scalars.add(n));
  remove.filter((n) => n !== 'id').forEach((n) => scalars.delete(n));
  return { scalars: scalars.size === leaves.size && !plain.length ? undefined : scalars, relations };
}
