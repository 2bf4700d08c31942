import { invalid } from './errors';
import { toSnake } from './naming';

/** Keys that would reach an object's prototype when merged (`merged[key] = value`). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Levels of objects and lists a `metadata` value may have (Medusa sets none; this is ample for real data). */
export const MAX_METADATA_DEPTH = 10;
/** Levels of any argument: inputs nest a few levels (product → variants → prices), never dozens. */
const MAX_INPUT_DEPTH = 32;

/**
 * Checks a root field's arguments (after GraphQL coercion, whichever door they came through)
 * for what PostgreSQL or JavaScript would turn into a 500 or a silent loss: NUL characters
 * (PostgreSQL text cannot hold them), keys that would write a prototype, and nesting beyond a
 * sane depth. Throws 400 `invalid_data` naming the field.
 */
export function checkInput(args: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(args)) walk(value, key === 'input' ? '' : toSnake(key), 0, undefined);
}

function walk(value: unknown, path: string, depth: number, metadataDepth: number | undefined): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw invalid(`${path || 'a value'} must not contain NUL characters`);
    return;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return;
  if (depth > MAX_INPUT_DEPTH) throw invalid(`${path || 'the input'} is nested too deeply`);
  if (metadataDepth !== undefined && metadataDepth > MAX_METADATA_DEPTH) {
    throw invalid(`metadata may be nested at most ${MAX_METADATA_DEPTH} levels deep`);
  }
  const inner = metadataDepth === undefined ? undefined : metadataDepth + 1;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1, inner));
    return;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw invalid(`${path ? `${path}.` : ''}${key} is not an allowed key`);
    if (key.includes('\u0000')) throw invalid(`${path || 'a key'} must not contain NUL characters`);
    const isMetadata = metadataDepth === undefined && key === 'metadata';
    const name = metadataDepth === undefined ? toSnake(key) : key;
    walk((value as Record<string, unknown>)[key], path ? `${path}.${name}` : name, depth + 1, isMetadata ? 0 : inner);
  }
}
