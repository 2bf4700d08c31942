import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';

/**
 * Request-scoped DataLoaders. Field resolvers ask for one parent's relation; the loader gathers the
 * parents of the whole page and answers them with one query, so a list costs a fixed number of
 * queries whatever its size. Loaders are created on first use and live as long as the request.
 */
export class Loaders {
  private loaders = new Map<string, DataLoader<any, any>>();
  private states = new Map<string, unknown>();

  constructor(private em: () => EntityManager) {}

  /**
   * Request state other than a loader (a pricing context, a memo): kept here rather than in a
   * module-level map so that it lives and is renewed with the loaders (after each root mutation).
   * `key` names it; `init` makes it on first use.
   */
  state<T>(key: string, init: () => T): T {
    if (!this.states.has(key)) this.states.set(key, init());
    return this.states.get(key) as T;
  }

  private get<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>, cacheKey?: (k: K) => unknown): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { cacheKeyFn: cacheKey as any });
      this.loaders.set(key, loader);
    }
    return loader;
  }

  /**
   * A loader whose batch function the caller writes, for a relation the helpers below cannot
   * express (a hand-written query on a hot path). `key` names it; calls with the same key in the
   * same tick are answered by one call of `batch`, in the order of `keys`.
   */
  load<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>, item: K, cacheKey?: (k: K) => unknown): Promise<V> {
    return this.get<K, V>(`custom:${key}`, batch, cacheKey).load(item);
  }

  /** The entities whose `fk` equals `parentId` (a one-to-many relation), in `orderBy` order. */
  children<T extends object>(entity: EntityName<T>, fk: string, parentId: string, orderBy: Record<string, 'asc' | 'desc'> = { createdAt: 'asc' }, where: FilterQuery<T> = {} as FilterQuery<T>): Promise<T[]> {
    const key = `children:${String((entity as any).name ?? entity)}:${fk}:${JSON.stringify(orderBy)}:${JSON.stringify(where)}`;
    return this.get<string, T[]>(key, async (ids) => {
      const rows = await this.em().find(entity, { ...(where as object), [fk]: { $in: [...ids] } } as FilterQuery<T>, { orderBy: orderBy as any });
      const byParent = new Map<string, T[]>(ids.map((id) => [id, []]));
      for (const row of rows) {
        const ref = (row as any)[fk];
        const parent = typeof ref === 'object' && ref !== null ? ref.id ?? ref.code : ref;
        byParent.get(parent)?.push(row);
      }
      return ids.map((id) => byParent.get(id) ?? []);
    }).load(parentId);
  }

  /** One entity by primary key (null when missing), batched across the request. */
  byId<T extends object>(entity: EntityName<T>, id: string, pk = 'id'): Promise<T | null> {
    return this.byIdLoader<T>(entity, pk).load(id);
  }

  /**
   * Tells `byId` what a reader already fetched (a raw-row reader that read the row in the same
   * statement as its parent), so that the field asking for it answers without a query.
   */
  primeById<T extends object>(entity: EntityName<T>, id: string, value: T | null, pk = 'id'): void {
    this.byIdLoader<T>(entity, pk).prime(id, value);
  }

  private byIdLoader<T extends object>(entity: EntityName<T>, pk: string): DataLoader<string, T | null> {
    const key = `byId:${String((entity as any).name ?? entity)}:${pk}`;
    return this.get<string, T | null>(key, async (ids) => {
      const rows = await this.em().find(entity, { [pk]: { $in: [...ids] } } as FilterQuery<T>);
      const found = new Map(rows.map((r) => [(r as any)[pk], r]));
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /**
   * A relation of `parent` as MikroORM maps it (many-to-many, one-to-many or many-to-one),
   * populated for every parent asked for in the same tick with one query per relation.
   */
  async relation<P extends object, V = unknown>(parent: P, prop: string): Promise<V> {
    const key = `relation:${parent.constructor.name}:${prop}`;
    await this.get<P, P>(key, async (parents) => {
      await this.em().populate([...parents] as any, [prop] as any);
      return [...parents];
    }, (p: any) => p.id ?? p.code).load(parent);
    const value = (parent as any)[prop];
    if (value && typeof value.getItems === 'function') return value.getItems() as V;
    if (value && typeof value.unwrap === 'function') return value.unwrap() as V;
    return value as V;
  }
}

/**
 * The response key (alias or name) of the root field a resolver works for. State that one root
 * field sets for its own nested fields (a list's pricing context) is keyed by it, so another root
 * field of the same operation never sees it.
 */
export function rootFieldOf(info: Pick<GraphQLResolveInfo, 'path'>): string {
  let path = info.path;
  while (path.prev) path = path.prev;
  return String(path.key);
}
