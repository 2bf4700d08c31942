import { randomBytes } from 'crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';

/**
 * A secret that was not configured: generated once (256 random bits) and kept in the database,
 * so every instance on that database shares it, restarts keep it, and no two installations
 * share one (there is no built-in default to forge tokens with).
 */
async function storedSecret(orm: MikroORM, name: string): Promise<string> {
  const conn = orm.em.getConnection();
  await conn.execute('insert into "aegis_secret" ("name", "value") values (?, ?) on conflict ("name") do nothing', [name, randomBytes(32).toString('base64url')]);
  const [row] = await conn.execute<{ value: string }[]>('select "value" from "aegis_secret" where "name" = ?', [name]);
  return row.value;
}

/** Fills `jwtSecret` and `cookieSecret` from the database where the environment left them unset. */
export async function resolveSecrets(orm: MikroORM, config: Config): Promise<void> {
  if (!config.jwtSecret) config.jwtSecret = await storedSecret(orm, 'jwt');
  if (!config.cookieSecret) config.cookieSecret = await storedSecret(orm, 'cookie');
}
