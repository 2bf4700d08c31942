import {
  GraphQLError, GraphQLSchema, GraphQLFieldResolver, ValidationContext, ASTVisitor, Kind,
  FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode, lexicographicSortSchema, printSchema,
  getNamedType, isListType, getNullableType, GraphQLField, DocumentNode, parse,
} from 'graphql';
import type { Request, Response, NextFunction } from 'express';
import { buildSchema, ArgumentValidationError } from 'type-graphql';
import { ValidationError } from 'class-validator';
import { getComplexity, simpleEstimator, ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import { resolverClasses } from './registry';
import { DateTime } from '../schema/common';
import type { Context } from './context';
import { AppError, fromDatabaseError, invalid, unauthorized } from './lib/errors';
import { toSnake } from './lib/naming';
import { checkInput } from './lib/input';
import type { EventBus } from './lib/events';
import { Loaders } from './lib/loaders';

/** The only root operations that need no signed-in user (Medusa's five open admin routes). */
export const OPEN_OPERATIONS = new Set(['login', 'createAccessToken', 'requestPasswordReset', 'resetPassword', 'acceptInvite']);

export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: resolverClasses(),
    validate: { forbidUnknownValues: false, whitelist: false },
    // Dates leave as ISO 8601 strings, as in Medusa's JSON.
    scalarsMap: [{ type: Date, scalar: DateTime }],
  });
  guardRootFields(schema);
  return schema;
}

/** The schema as SDL, sorted so that the checked-in copy only changes when the API does. */
export function printAppSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

/**
 * Wraps every root field, once, at start-up: authentication is required unless the operation is
 * open (secure by default: a new operation is protected without anyone remembering to), every
 * mutation runs in one transaction that also writes its events to the outbox, and errors are put
 * into Medusa's vocabulary. Nested fields are left alone, so they cost nothing extra.
 */
function guardRootFields(schema: GraphQLSchema): void {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    const isMutation = type === schema.getMutationType();
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as GraphQLFieldResolver<unknown, Context>;
      const open = OPEN_OPERATIONS.has(field.name);
      field.resolve = async (source, args, ctx, info) => {
        if (!open && !ctx.auth) throw unauthorized();
        try {
          checkInput(args);
          return isMutation ? await inTransaction(ctx, () => resolve(source, args, ctx, info)) : await resolve(source, args, ctx, info);
        } catch (err) {
          throw translateError(err);
        }
      };
    }
  }
}

async function inTransaction<T>(ctx: Context, work: () => Promise<T> | T): Promise<T> {
  // Root mutations run one after another: what the loaders cached for an earlier one (a count,
  // a relation) is stale now, so each starts, and answers, with fresh loaders.
  ctx.loaders = new Loaders(() => ctx.em);
  const outer = ctx.em;
  let result: T;
  let eventJobs: string[] = [];
  try {
    result = await outer.transactional(async (em) => {
      ctx.em = em as typeof outer;
      const value = await work();
      // The outbox: the events become jobs in this transaction, so they commit with the change.
      eventJobs = await ctx.bus.write(em, ctx.events.take());
      return value;
    });
  } catch (err) {
    ctx.events.discard();
    throw err;
  } finally {
    ctx.em = outer;
  }
  await ctx.bus.committed(eventJobs, ctx.events.takeWakes());
  return result;
}

/** Errors as clients should see them: validation and database errors become Medusa's types. */
export function translateError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  // Date and number arithmetic on a client's value out of range (`new Date(…)` of a huge duration, toFixed, …).
  if (err instanceof RangeError) return invalid('A value is out of range.');
  if (err instanceof ArgumentValidationError) return invalid(validationMessage(err.extensions.validationErrors as ValidationError[]));
  return fromDatabaseError(err) ?? err;
}

/** class-validator's messages joined with ", " as Medusa does, with snake_case property names. */
function validationMessage(errors: ValidationError[], prefix = ''): string {
  const parts: string[] = [];
  for (const e of errors) {
    const name = prefix + toSnake(e.property);
    for (const msg of Object.values(e.constraints ?? {})) parts.push(msg.replace(new RegExp(`^${e.property}\\b`), name));
    if (e.children?.length) parts.push(validationMessage(e.children, /^\d+$/.test(e.property) ? prefix : `${name}.`));
  }
  return parts.filter(Boolean).join(', ');
}

/** Refuses operations nested deeper than `max` fields (fragments followed). */
export function depthLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) deepest = Math.max(deepest, sel.selectionSet ? 1 + depthOf(sel.selectionSet, seen) : 0);
        else if (sel.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(sel.selectionSet, seen));
        else if (!seen.has(sel.name.value)) {
          seen.add(sel.name.value);
          deepest = Math.max(deepest, depthOf(fragments.get(sel.name.value)?.selectionSet, seen));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node: OperationDefinitionNode) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > max) context.reportError(new GraphQLError(`Query is too deep: depth ${depth} exceeds the maximum of ${max}.`, { nodes: [node], extensions: { code: 'invalid_data', type: 'invalid_data' } }));
      },
    };
  };
}

/** Assumed size of a list relation that has no `limit` argument (variants of a product, ...). */
const FAN_OUT = 10;

/**
 * Cost of a field: scalars are free, an object costs 1, and a list multiplies what it selects by
 * its `limit` argument or, for a relation without one, by an assumed fan-out.
 */
const limitEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const f = field as GraphQLField<unknown, unknown>;
  const named = getNamedType(f.type);
  if (!('getFields' in named)) return 0;
  // A page's `items`: the list field that returned the page already multiplied by its limit.
  if (f.name === 'items' && 'getFields' in type && 'count' in type.getFields() && 'offset' in type.getFields()) return childComplexity;
  const limit = typeof args.limit === 'number' ? args.limit : undefined;
  if (limit !== undefined) return 1 + limit * Math.max(childComplexity, 1);
  if (isListType(getNullableType(f.type))) return FAN_OUT * (1 + childComplexity);
  return 1 + childComplexity;
};

/** A root field is a resolver call (a transaction for a mutation): never free, even when it answers a scalar. */
function floorAtOne(estimator: ComplexityEstimator): ComplexityEstimator {
  return (options) => {
    const cost = estimator(options);
    const isRoot = options.type.name === 'Query' || options.type.name === 'Mutation';
    return isRoot ? Math.max(1, cost ?? 0) : cost;
  };
}

export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [floorAtOne(limitEstimator), simpleEstimator({ defaultComplexity: 0 })],
            });
          } catch {
            return; // invalid variables: execution reports them to the client as bad input
          }
          if (cost > maxCost) {
            throw new GraphQLError(`Query is too expensive: cost ${cost} exceeds the maximum of ${maxCost}. Ask for fewer items or fewer relations.`, {
              extensions: { code: 'invalid_data', type: 'invalid_data', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

export type { EventBus };

/** How much one GraphQL operation may ask for, checked before validation and execution. */
export interface OperationCaps {
  /** Root fields (aliases included) in the operation. */
  maxRootFields: number;
  /** Aliased fields anywhere in the operation. */
  maxAliases: number;
  /** Lexical tokens of the document: bounds parse time and nesting (`[[[[…`) at once. */
  maxTokens: number;
}

interface Shape { rootFields: string[]; aliases: number }

/** The root field names the operation runs (fragments at the root followed) and its alias count. */
function shapeOf(document: DocumentNode, operationName?: string): Shape | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    else if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
  }
  const op = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!op) return undefined; // GraphQL's own validation explains what is wrong
  const shape: Shape = { rootFields: [], aliases: 0 };
  const walk = (set: SelectionSetNode, depth: number, seen: Set<string>) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) shape.aliases++;
        if (depth === 0) shape.rootFields.push(sel.name.value);
        if (sel.selectionSet) walk(sel.selectionSet, depth + 1, seen);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, depth, seen);
      } else if (!seen.has(sel.name.value)) {
        // Each fragment counted once per operation: a fragment spread many times is still refused by the other limits.
        seen.add(sel.name.value);
        const fragment = fragments.get(sel.name.value);
        if (fragment) walk(fragment.selectionSet, depth, seen);
      }
    }
  };
  walk(op.selectionSet, 0, new Set());
  return shape;
}

function refuse(res: Response, status: number, message: string, type: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code: type, type } }] });
}

/**
 * Express middleware in front of Apollo on `/graphql`. GraphQL's validation is quadratic in the
 * fields of one selection (overlapping-fields check), so floods of aliases must be refused before
 * Apollo sees them: the document is parsed once here with a token cap, then its root fields and
 * aliases are counted, and an operation that names a protected root field without credentials is
 * refused with 401 before anything runs. It also names the operation for the request log.
 */
export function operationGuard(caps: OperationCaps) {
  return (req: Request, res: Response, next: NextFunction) => {
    const params = (req.method === 'GET' ? req.query : req.body) ?? {};
    const query = (params as Record<string, unknown>).query;
    if (typeof query !== 'string') return next();
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: caps.maxTokens, noLocation: true });
    } catch (err) {
      // A syntax error, the token cap, or a nesting deep enough to exhaust the stack: the client's mistake.
      const message = err instanceof GraphQLError ? err.message : 'The document is nested too deeply.';
      return refuse(res, 400, message, 'invalid_data');
    }
    const operationName = typeof (params as any).operationName === 'string' ? (params as any).operationName : undefined;
    const shape = shapeOf(document, operationName);
    if (!shape) return next();
    const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
    res.locals.operation = op?.name?.value ?? shape.rootFields.slice(0, 3).join(',');
    if (shape.rootFields.length > caps.maxRootFields) {
      return refuse(res, 400, `The operation has ${shape.rootFields.length} root fields; at most ${caps.maxRootFields} are allowed.`, 'invalid_data');
    }
    if (shape.aliases > caps.maxAliases) {
      return refuse(res, 400, `The operation has ${shape.aliases} aliases; at most ${caps.maxAliases} are allowed.`, 'invalid_data');
    }
    const isProtected = (name: string) => !OPEN_OPERATIONS.has(name) && !name.startsWith('__');
    if (!req.ctx?.auth && shape.rootFields.some(isProtected)) return refuse(res, 401, 'Unauthorized', 'unauthorized');
    next();
  };
}
