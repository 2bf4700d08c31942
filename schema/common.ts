import { ArgsType, ClassType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLScalarType, Kind } from 'graphql';
import { Max, Min } from 'class-validator';

/**
 * A date or date-time in ISO 8601 (`2024-01-31` or `2024-01-31T10:00:00Z`), as Medusa's list
 * filters accept; the stricter DateTime scalar would refuse plain dates.
 */
export const DateLike = new GraphQLScalarType({
  name: 'DateLike',
  description: 'An ISO 8601 date (2024-01-31) or date-time (2024-01-31T10:00:00Z).',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => parseDateLike(value),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDateLike(ast.value) : invalidDate(ast.kind)),
});

/**
 * Every date field of the API: ISO 8601 out (`Date#toISOString`, no re-validation of values that
 * come from the database: a page of products has thousands of them), ISO 8601 in.
 */
export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO 8601 date-time, e.g. 2024-01-31T10:00:00.000Z (a plain date is accepted as input).',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string') return value;
    throw new TypeError(`${JSON.stringify(value)} is not a date`);
  },
  parseValue: (value) => parseDateLike(value),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDateLike(ast.value) : invalidDate(ast.kind)),
});

function parseDateLike(value: unknown): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return invalidDate(value);
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? invalidDate(value) : date;
}

function invalidDate(value: unknown): never {
  throw new TypeError(`${JSON.stringify(value)} is not an ISO 8601 date`);
}

@InputType({ description: 'A date range; each bound is optional.' })
export class DateRange {
  @Field(() => DateLike, { nullable: true }) lt?: Date;
  @Field(() => DateLike, { nullable: true }) gt?: Date;
  @Field(() => DateLike, { nullable: true }) lte?: Date;
  @Field(() => DateLike, { nullable: true }) gte?: Date;
}

@InputType({ description: 'A numeric range; each bound is optional.' })
export class NumberRange {
  @Field(() => Float, { nullable: true }) lt?: number;
  @Field(() => Float, { nullable: true }) gt?: number;
  @Field(() => Float, { nullable: true }) lte?: number;
  @Field(() => Float, { nullable: true }) gte?: number;
}

@ObjectType({ description: 'The answer to a delete: which record, of what kind, and that it is gone.' })
export class DeleteResponse {
  @Field() id!: string;
  @Field() object!: string;
  @Field() deleted!: boolean;

  static of(id: string, object: string): DeleteResponse {
    return Object.assign(new DeleteResponse(), { id, object, deleted: true });
  }
}

/** Upper bound of `limit` on every list; the cost limit also counts it. */
export const MAX_PAGE = 1000;

/**
 * Paging arguments of a list, with that list's default page size (Medusa's defaults differ per
 * resource). `order` is a field name, `-` first for descending (`-created_at`).
 */
export function ListArgs(defaultLimit: number): ClassType<{ offset: number; limit: number; order?: string; q?: string }> {
  @ArgsType()
  abstract class ListArgsClass {
    @Field(() => Int, { defaultValue: 0 })
    @Min(0)
    offset!: number;

    @Field(() => Int, { defaultValue: defaultLimit })
    @Min(0)
    @Max(MAX_PAGE)
    limit!: number;

    @Field(() => String, { nullable: true, description: 'A field to sort by; prefix with - for descending.' })
    order?: string;

    @Field(() => String, { nullable: true, description: 'Free-text search.' })
    q?: string;
  }
  return ListArgsClass as any;
}

/** `{items, count, offset, limit}`: one page of a list and the size of the whole list. */
export function PageOf<T extends object>(item: ClassType<T>, name = `${item.name}List`): ClassType<Page<T>> {
  @ObjectType(name)
  class PageClass {
    @Field(() => [item]) items!: T[];
    @Field(() => Int) count!: number;
    @Field(() => Int) offset!: number;
    @Field(() => Int) limit!: number;
  }
  return PageClass as ClassType<Page<T>>;
}

export interface Page<T> {
  items: T[];
  count: number;
  offset: number;
  limit: number;
}

/**
 * Options of a class-validator rule that Medusa's request class has too (`@IsNotEmpty(MEDUSA_RULE)`):
 * the REST door then reports it even for a missing or mistyped value, as class-validator does in
 * Medusa. Rules without it are Aegis's own checks and stay quiet then (rest/body.ts).
 */
export const MEDUSA_RULE = { context: { medusa: true } };
