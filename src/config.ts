import path from 'path';

/** Everything Aegis reads from the environment, parsed once at start. */
export interface Config {
  port: number;
  nodeEnv: string;
  isProduction: boolean;
  /** When unset, an embedded PostgreSQL is started with its data under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  jwtSecret: string;
  cookieSecret: string;
  /** Origins allowed to call the API from a browser with credentials (the admin dashboard). */
  adminCors: string[];
  /** Session lifetime in milliseconds (Medusa's default is 10 hours). */
  sessionTtlMs: number;
  logLevel: 'info' | 'error' | 'silent';
  /** Complexity budget of one GraphQL operation, and its maximum depth. */
  maxQueryCost: number;
  maxQueryDepth: number;
  /** Server processes (`WEB_CONCURRENCY`); more than one forks workers that share the port. */
  workers: number;
  /** REST documents compiled by graphql-jit (default) or interpreted by graphql-js (tests compare the two). */
  restCompile?: boolean;
  /** Whether this server process also runs the job workers and event delivery (`RUN_JOBS`, default true). */
  runJobs: boolean;
  /** How long one delivery of a domain event may take; a process that died delivering is retried after it. */
  eventTimeoutSeconds: number;
  /** Tests only: a mutation answers after this process has run its events' handlers. */
  waitForEvents?: boolean;
}

const DEV_SECRET = 'aegis-development-secret';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV || 'development';
  const isProduction = nodeEnv === 'production';
  const config: Config = {
    port: intOf(env.PORT, 9000),
    nodeEnv,
    isProduction,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.AEGIS_DATA_DIR || '.data'),
    jwtSecret: env.JWT_SECRET || DEV_SECRET,
    cookieSecret: env.COOKIE_SECRET || DEV_SECRET,
    adminCors: (env.ADMIN_CORS || 'http://localhost:7000,http://localhost:7001,http://localhost:9000')
      .split(',').map((s) => s.trim()).filter(Boolean),
    sessionTtlMs: intOf(env.SESSION_TTL_MS, 10 * 60 * 60 * 1000),
    logLevel: (env.LOG_LEVEL as Config['logLevel']) || (nodeEnv === 'test' ? 'silent' : 'info'),
    maxQueryCost: intOf(env.MAX_QUERY_COST, 50000),
    maxQueryDepth: intOf(env.MAX_QUERY_DEPTH, 12),
    workers: Math.max(1, intOf(env.WEB_CONCURRENCY, 1)),
    runJobs: !/^(false|0|no|off)$/i.test(env.RUN_JOBS ?? ''),
    eventTimeoutSeconds: Math.max(1, intOf(env.EVENT_TIMEOUT_SECONDS, 60)),
  };
  // A production server signing tokens with a published secret would accept forged sessions.
  if (isProduction && (config.jwtSecret === DEV_SECRET || config.cookieSecret === DEV_SECRET)) {
    throw new Error('JWT_SECRET and COOKIE_SECRET must be set when NODE_ENV=production');
  }
  return config;
}

function intOf(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected a whole number, got "${value}"`);
  return n;
}
