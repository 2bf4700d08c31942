// Configuration for the MikroORM CLI (`npx mikro-orm migration:create`); the server builds the
// same options in src/db/orm.ts.
import 'reflect-metadata';
import { ormOptions } from './src/db/orm';

export default ormOptions(process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/aegis');
