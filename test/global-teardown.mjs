import pg from 'pg';

export default async function globalTeardown() {
  const instance = globalThis.__AEGIS_PG__;
  if (instance) return instance.stop(); // a throw-away cluster: its folder goes with it
  // A server given by DATABASE_URL: drop what this run created.
  const admin = new pg.Client({ connectionString: process.env.AEGIS_TEST_SERVER_URL });
  await admin.connect();
  const { rows } = await admin.query(`select datname from pg_database where datname like 'aegis_t\\_%' or datname = $1`, [process.env.AEGIS_TEST_TEMPLATE]);
  for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
  await admin.end();
}
