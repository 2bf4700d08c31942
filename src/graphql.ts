import {
  GraphQLError, GraphQLSchema, GraphQLFieldResolver, ValidationContext, ASTVisitor, Kind,
  FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode, lexicographicSortSchema, printSchema,
  getNamedType, isListType, getNullableType, GraphQLField,
} from 'graphql';
import { buildSchema, ArgumentValidationError } from 'type-graphql';
import { ValidationError } from 'class-validator';
import { getComplexity, simpleEstimator, ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import { resolverClasses } from './registry';
import { DateTime } from '../schema/common';
import type { Context } from './context';
import { AppError, fromDatabaseError, invalid, unauthorized } from './lib/errors';
import { toSnake } from './lib/naming';
import type { EventBus } from './lib/events';

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
          return isMutation ? await inTransaction(ctx, () => resolve(source, args, ctx, info)) : await resolve(source, args, ctx, info);
        } catch (err) {
          throw translateError(err);
        }
      };
    }
  }
}

async function inTransaction<T>(ctx: Context, work: () => Promise<T> | T): Promise<T> {
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
              estimators: [limitEstimator, simpleEstimator({ defaultComplexity: 0 })],
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
