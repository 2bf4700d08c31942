import path from 'path';
import { MikroORM, Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import PgBoss from 'pg-boss';
import { entityClasses } from '../registry';
import { ColumnLimits } from '../lib/column-limits';

const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

export function ormOptions(clientUrl: string, extra: Partial<Options> = {}): Options {
  return {
    clientUrl,
    entities: entityClasses(),
    extensions: [Migrator],
    migrations: {
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      glob: '!(*.d).{js,ts}',
      // Each migration is written for its own domain; there is no snapshot to merge between branches.
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
    },
    // connect-pg-simple owns the session table, pg-boss its own schema; secrets and rate-limit
    // counters are plain SQL of src/lib (no entity: nothing else reads them).
    schemaGenerator: { skipTables: ['session', 'aegis_secret', 'rate_limit'], ignoreSchema: ['pgboss'] },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    // Relations that the client did not ask for stay unloaded; field resolvers batch what is asked.
    populateWhere: 'infer',
    pool: { min: 0, max: 10 },
    debug: false,
    // Strings longer than their varchar column are a 400 naming the field, not a database error.
    subscribers: [new ColumnLimits()],
    ...extra,
  } as Options;
}

export async function openOrm(clientUrl: string, extra: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormOptions(clientUrl, extra));
}

/** Applies the migrations, then creates or upgrades the job queue's `pgboss` schema. */
export async function migrate(orm: MikroORM): Promise<void> {
  await orm.getMigrator().up();
  const boss = new PgBoss({ connectionString: orm.config.get('clientUrl'), max: 1, supervise: false, schedule: false });
  boss.on('error', () => undefined); // start() rejects with the same error
  await boss.start();
  await boss.stop({ graceful: false });
}
