import type { EntityManager } from '@mikro-orm/postgresql';
import { Currency } from '../entities/currencies';
import { Store } from '../entities/store';

/**
 * A small demo store for exploring the API: a named store selling in USD, EUR and GBP. Each domain
 * adds its own demo data here. Running it twice changes nothing.
 */
export async function seed(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const [store] = await tx.find(Store, {}, { populate: ['currencies'], orderBy: { createdAt: 'asc' }, limit: 1 });
    store.name = 'Aegis Demo Store';
    for (const code of ['usd', 'eur', 'gbp']) {
      if (!store.currencies.getItems().some((c) => c.code === code)) store.currencies.add(tx.getReference(Currency, code));
    }
  });
}
