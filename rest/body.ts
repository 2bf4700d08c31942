import {
  GraphQLArgument, GraphQLInputField, GraphQLInputObjectType, GraphQLInputType, getNamedType, isEnumType, isInputObjectType,
  isListType, isNonNullType, isScalarType,
} from 'graphql';
import { validateSync } from 'class-validator';
import { getMetadataStorage } from 'type-graphql';
import { toCamel, toSnake } from '../src/lib/naming';

/**
 * The REST door's check of a JSON body, as Medusa's validators answer it: JSON types are strict
 * (a string where a list is expected is refused, where GraphQL would make it a one-item list),
 * unknown keys are refused, and every problem is reported in class-validator's words, joined with
 * ", " in the order of the input's fields. Where an input class carries class-validator rules
 * (the same decorators as Medusa's request classes), those rules speak for their field; other
 * fields get the message Medusa's usual decorator for that type gives (`x must be a string`).
 *
 * Returns the body with the schema's camelCase names; `errors` collects the messages.
 */
export function checkBody(
  body: Record<string, unknown>, fields: ReadonlyArray<GraphQLInputField | GraphQLArgument>, errors: string[], type?: GraphQLInputObjectType, argsClass?: Function,
): Record<string, unknown> {
  // Fields marked `@Extensions({ restHidden: true })` are GraphQL's only: unknown to the REST body, as in Medusa.
  fields = fields.filter((f) => f.extensions?.restHidden !== true);
  const bySnake = new Map(fields.map((f) => [toSnake(f.name), f]));
  for (const key of Object.keys(body)) if (!bySnake.has(key)) errors.push(`property ${key} should not exist`);
  const ruled = type ? classRuleMessages(classOf(type.name), type.getFields(), body)
    : argsClass ? classRuleMessages(argsClass, Object.fromEntries(fields.map((f) => [f.name, f])), body) : new Map<string, Rule[]>();
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const key = toSnake(field.name);
    const present = Object.prototype.hasOwnProperty.call(body, key);
    const value = present ? body[key] : undefined;
    const required = isNonNullType(field.type) && field.defaultValue === undefined;
    const rules = ruled.get(field.name) ?? [];
    const problems = typeProblems(value, field.type, key, required);
    if (!problems.length) errors.push(...rules.map((r) => r.message));
    else if (!present && isInputObjectType(getNamedType(field.type)) && rules.some((r) => r.name === 'isNotEmpty')) {
      // A missing nested object that must be there: Medusa's `@IsNotEmpty()` says only that.
      errors.push(...rules.filter((r) => r.name === 'isNotEmpty').map((r) => r.message));
    } else {
      // A mistyped or missing value: the class's rules that speak of its kind (IsString, IsEnum, ...)
      // if any, else the type's own wording; range and presence rules (Min, IsNotEmpty, ...) say
      // nothing useful then, unless they are Medusa's too (`MEDUSA_RULE`): class-validator runs them all.
      // A missing value also gets the presence rules next to the kind's ("email should not be
      // empty, email must be an email"), as class-validator answers it.
      const speaking = rules.filter((r) => !QUIET_WHEN_MISTYPED.has(r.name) || r.medusa);
      const missing = value === undefined || value === null;
      const withPresence = missing && (speaking.length || isInputObjectType(getNamedType(field.type)))
        ? rules.filter((r) => speaking.includes(r) || PRESENCE_RULES.has(r.name))
        : speaking;
      errors.push(...(withPresence.length ? withPresence.map((r) => r.message) : problems));
    }
    if (present) out[field.name] = nested(value, field.type, errors);
  }
  return out;
}

const PRESENCE_RULES = new Set(['isNotEmpty', 'isDefined']);
// The nesting rule too: for a list of objects that is not a list, the list's own words say it
// (Medusa's IsArray with ValidateNested({each})); where Medusa's class has ValidateNested and the
// answer names it beside IsArray or alone, the rule is marked MEDUSA_RULE.
const QUIET_WHEN_MISTYPED = new Set(['nestedValidation', 'min', 'max', 'minLength', 'maxLength', 'arrayMinSize', 'arrayMaxSize', 'isPositive', 'isNegative', 'isLength', 'isNotEmpty', 'isDefined']);

/** The value's own type problems (not those inside nested objects), in class-validator's words. */
function typeProblems(value: unknown, type: GraphQLInputType, key: string, required: boolean): string[] {
  if (value === undefined || value === null) return required ? typeMessages(type, key) : [];
  const t = isNonNullType(type) ? type.ofType : type;
  if (isListType(t)) {
    if (!Array.isArray(value)) return typeMessages(t, key, value);
    const item = getNamedType(t);
    if (isInputObjectType(item)) return value.some((v) => !isPlainObject(v)) ? [`each value in nested property ${key} must be either object or array`] : [];
    if (isListType(isNonNullType(t.ofType) ? t.ofType.ofType : t.ofType)) return [];
    return value.some((v) => v === null || !scalarFits(v, item)) ? [`each value in ${scalarMessage(item, key)}`] : [];
  }
  if (isInputObjectType(t)) return isPlainObject(value) ? [] : [`nested property ${key} must be either object or array`];
  return scalarFits(value, t) ? [] : [scalarMessage(t, key)];
}

/** Nested input objects checked in turn (their messages carry no prefix, as class-validator's). */
function nested(value: unknown, type: GraphQLInputType, errors: string[]): unknown {
  const t = isNonNullType(type) ? type.ofType : type;
  const item = getNamedType(t);
  if (!isInputObjectType(item)) return value;
  const check = (v: unknown) => (isPlainObject(v) ? checkBody(v, Object.values(item.getFields()), errors, item) : v);
  if (isListType(t)) return Array.isArray(value) ? value.map(check) : value;
  return check(value);
}

/**
 * What Medusa's usual decorators say of a missing or mistyped value of this type. A list is
 * `@IsArray()` with its items' rule applied to each item (class-validator's `each`), which a
 * single value that fits the item type passes: `"usd"` for a list of strings is only "not an array".
 */
function typeMessages(type: GraphQLInputType, key: string, value?: unknown): string[] {
  const t = isNonNullType(type) ? type.ofType : type;
  if (isListType(t)) {
    const item = getNamedType(t);
    // Medusa's `@ValidateNested()` says nothing of a missing list, and of an object only that it is not one.
    if (isInputObjectType(item)) return value === undefined || value === null || isPlainObject(value) ? [`${key} must be an array`] : [`${key} must be an array`, `each value in nested property ${key} must be either object or array`];
    if (value !== undefined && value !== null && scalarFits(value, item)) return [`${key} must be an array`];
    return [`each value in ${scalarMessage(item, key)}`, `${key} must be an array`];
  }
  if (isInputObjectType(t)) return [`nested property ${key} must be either object or array`];
  return [scalarMessage(t, key)];
}

function scalarMessage(type: GraphQLInputType, key: string): string {
  const t = getNamedType(type);
  if (isEnumType(t)) return `${key} must be one of the following values: ${t.getValues().map((v) => v.value).join(', ')}`;
  switch (t.name) {
    case 'Int': return `${key} must be an integer number`;
    case 'Float': return `${key} must be a number conforming to the specified constraints`;
    case 'Boolean': return `${key} must be a boolean value`;
    case 'JSONObject': return `${key} must be an object`;
    case 'DateTime':
    case 'DateLike': return `${key} must be a Date instance`;
    default: return `${key} must be a string`;
  }
}

function scalarFits(value: unknown, type: GraphQLInputType): boolean {
  const t = getNamedType(type);
  if (isEnumType(t)) return t.getValues().some((v) => v.value === value || v.name === value);
  switch (t.name) {
    case 'String':
    case 'ID': return typeof value === 'string';
    case 'Int': return Number.isInteger(value);
    case 'Float': return typeof value === 'number' && Number.isFinite(value);
    case 'Boolean': return typeof value === 'boolean';
    case 'JSONObject': return isPlainObject(value);
    default:
      if (!isScalarType(t)) return true;
      try {
        t.parseValue(value);
        return true;
      } catch {
        return false;
      }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * class-validator's messages for the body's own fields (not nested ones: `checkBody` walks those
 * itself, as Medusa's class-transformer would), by field name, with snake_case property names.
 */
interface Rule {
  name: string;
  message: string;
  /** Medusa's request class has this rule too (`MEDUSA_RULE`): it speaks whatever the value. */
  medusa?: boolean;
}

function classRuleMessages(target: Function | undefined, fields: Record<string, { type: GraphQLInputType }>, body: Record<string, unknown>): Map<string, Rule[]> {
  const out = new Map<string, Rule[]>();
  if (!target) return out;
  const instance = Object.create(target.prototype) as Record<string, unknown>;
  for (const [key, value] of Object.entries(body)) instance[toCamel(key)] = value;
  for (const error of validateSync(instance, { forbidUnknownValues: false })) {
    // A missing optional value is not checked (the input's nullability is its @IsOptional).
    const value = instance[error.property];
    if ((value === undefined || value === null) && !isNonNullType(fields[error.property]?.type)) continue;
    const snake = toSnake(error.property);
    const messages = Object.entries(error.constraints ?? {}).map(([name, m]) => ({
      name, message: m.replace(new RegExp(`\\b${error.property}\\b`, 'g'), snake), medusa: error.contexts?.[name]?.medusa === true,
    }));
    if (messages.length) out.set(error.property, messages);
  }
  return out;
}

let classes: Map<string, Function> | undefined;

/** The TypeGraphQL class behind an input type, for its class-validator rules. */
function classOf(name: string): Function | undefined {
  classes ??= new Map(getMetadataStorage().inputTypes.map((c) => [c.name, c.target]));
  return classes.get(name);
}

let argsClasses: Map<string, Function> | undefined;

/**
 * The TypeGraphQL `@ArgsType` class of a root operation whose body is its arguments (no `input`),
 * for its class-validator rules (a batch route's `product_ids`).
 */
export function argsClassOf(operation: string): Function | undefined {
  if (!argsClasses) {
    const storage = getMetadataStorage();
    argsClasses = new Map();
    for (const op of [...storage.mutations, ...storage.queries]) {
      const param = storage.params.find((p) => p.target === op.target && p.methodName === op.methodName && p.kind === 'args');
      const cls = param && 'getType' in param && param.getType ? (param.getType() as Function) : undefined;
      if (cls) argsClasses.set(op.schemaName, cls);
    }
  }
  return argsClasses.get(operation);
}
