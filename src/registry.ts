import fs from 'fs';
import path from 'path';
import { MetadataStorage } from '@mikro-orm/core';

/**
 * Each layer is one file per domain. Instead of a central list that every new domain edits, the
 * layers are read from their folders: entities from src/entities, resolvers from resolvers/,
 * route rows from rest/. Files are required in name order so the result is stable.
 */
const ROOT = path.resolve(__dirname, '..');

function requireAll(dir: string, match: (file: string) => boolean): Record<string, unknown>[] {
  const full = path.join(ROOT, dir);
  return fs
    .readdirSync(full)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && match(f))
    .sort()
    .map((f) => require(path.join(full, f)));
}

/** Every class decorated with @Entity in src/entities. */
export function entityClasses(): Function[] {
  const found = new Set<Function>();
  for (const mod of requireAll('src/entities', () => true)) {
    for (const value of Object.values(mod)) {
      if (typeof value !== 'function') continue;
      const meta = MetadataStorage.getMetadataFromDecorator(value as any);
      if (meta.class === value && meta.name === value.name && !meta.abstract) found.add(value);
    }
  }
  return [...found];
}

/** Every exported resolver class in resolvers/*.resolver.ts. */
export function resolverClasses(): [Function, ...Function[]] {
  const classes = requireAll('resolvers', (f) => /\.resolver\.(ts|js)$/.test(f)).flatMap((mod) =>
    Object.values(mod).filter((v): v is Function => typeof v === 'function'),
  );
  return classes as [Function, ...Function[]];
}

/**
 * What service modules contribute besides functions: `subscribers` (domain event handlers, run by
 * a worker after the emitting transaction commits), `workers` (job queue handlers, see
 * src/lib/queue.ts) and `featureFlags` (reported by GET /admin/store).
 */
export function serviceContributions<S, W = unknown>(): { subscribers: S[]; workers: W[]; featureFlags: Record<string, boolean> } {
  const mods = requireAll('src/services', () => true);
  return {
    subscribers: mods.flatMap((m) => (m.subscribers as S[] | undefined) ?? []),
    workers: mods.flatMap((m) => (m.workers as W[] | undefined) ?? []),
    featureFlags: Object.assign({}, ...mods.map((m) => (m.featureFlags as Record<string, boolean> | undefined) ?? {})),
  };
}

/** Every `routes` array exported by a domain file in rest/. */
export function routeModules<T>(): T[] {
  return requireAll('rest', (f) => !f.startsWith('_')).flatMap((mod) => (mod.routes as T[] | undefined) ?? []);
}
