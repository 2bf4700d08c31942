import os from 'os';
import path from 'path';

/** Everything Aegis reads from the environment, parsed once at start. */
export interface Config {
  port: number;
  nodeEnv: string;
  isProduction: boolean;
  /** When unset, an embedded PostgreSQL is started with its data under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** Empty when unset: then generated once and kept in the database (src/lib/secrets.ts). */
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
  /** Root fields and aliases of one GraphQL operation, and tokens of its document (src/graphql.ts `operationGuard`). */
  maxRootFields: number;
  maxAliases: number;
  maxQueryTokens: number;
  /** Server processes (`WEB_CONCURRENCY`); more than one forks workers that share the port. */
  workers: number;
  /** REST documents compiled by graphql-jit (default) or interpreted by graphql-js (tests compare the two). */
  restCompile?: boolean;
  /** Hot reads (store, regions) as raw rows in one statement (default) or through the ORM (tests compare the two). */
  rawReaders?: boolean;
  /** Whether this server process also runs the job workers and event delivery (`RUN_JOBS`, default true). */
  runJobs: boolean;
  /** How long one delivery of a domain event may take; a process that died delivering is retried after it. */
  eventTimeoutSeconds: number;
  /** Tests only: a mutation answers after this process has run its events' handlers. */
  waitForEvents?: boolean;
  /** Where uploads and exports are kept, and how they are reached (src/lib/storage.ts). */
  files: FilesConfig;
}

export interface FilesConfig {
  /** `local` (a folder on disk) or `s3` (an S3-compatible bucket). */
  driver: 'local' | 's3';
  /** The local store's folder (`FILES_DIR`, default `<AEGIS_DATA_DIR>/files`). */
  dir: string;
  /** The server's address as clients reach it, the start of file URLs (`BACKEND_URL`). */
  publicUrl: string;
  /** Largest accepted upload, in bytes (`UPLOAD_MAX_BYTES`). */
  maxUploadBytes: number;
  /** How long a download URL works, in seconds (`DOWNLOAD_URL_TTL`). */
  downloadUrlTtl: number;
  s3?: { bucket: string; region: string; endpoint?: string; accessKeyId?: string; secretAccessKey?: string; publicUrl?: string; forcePathStyle: boolean };
}


export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV || 'development';
  const isProduction = nodeEnv === 'production';
  const config: Config = {
    port: intOf(env.PORT, 9000),
    nodeEnv,
    isProduction,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.AEGIS_DATA_DIR || '.data'),
    jwtSecret: env.JWT_SECRET || '',
    cookieSecret: env.COOKIE_SECRET || '',
    adminCors: (env.ADMIN_CORS || 'http://localhost:7000,http://localhost:7001')
      .split(',').map((s) => s.trim()).filter(Boolean),
    sessionTtlMs: intOf(env.SESSION_TTL_MS, 10 * 60 * 60 * 1000),
    logLevel: (env.LOG_LEVEL as Config['logLevel']) || (nodeEnv === 'test' ? 'silent' : 'info'),
    maxQueryCost: intOf(env.MAX_QUERY_COST, 50000),
    maxQueryDepth: intOf(env.MAX_QUERY_DEPTH, 12),
    maxRootFields: intOf(env.MAX_ROOT_FIELDS, 20),
    maxAliases: intOf(env.MAX_ALIASES, 200),
    maxQueryTokens: intOf(env.MAX_QUERY_TOKENS, 5000),
    workers: Math.max(1, intOf(env.WEB_CONCURRENCY, 1)),
    runJobs: !/^(false|0|no|off)$/i.test(env.RUN_JOBS ?? ''),
    eventTimeoutSeconds: Math.max(1, intOf(env.EVENT_TIMEOUT_SECONDS, 60)),
    files: filesConfig(env, nodeEnv),
  };
  // Production secrets are set by the operator (rotated, kept in a vault), not generated.
  if (isProduction && (!config.jwtSecret || !config.cookieSecret)) {
    throw new Error('JWT_SECRET and COOKIE_SECRET must be set when NODE_ENV=production');
  }
  return config;
}

function filesConfig(env: NodeJS.ProcessEnv, nodeEnv: string): FilesConfig {
  const port = intOf(env.PORT, 9000);
  // Tests never write into the checkout: their files go to a folder of the system's temp area.
  const fallbackDir = nodeEnv === 'test' ? path.join(os.tmpdir(), `aegis-test-files-${process.pid}`) : path.join(path.resolve(env.AEGIS_DATA_DIR || '.data'), 'files');
  const driver = env.FILE_STORAGE === 's3' ? 's3' : 'local';
  if (env.FILE_STORAGE && !['s3', 'local'].includes(env.FILE_STORAGE)) throw new Error(`FILE_STORAGE must be local or s3, got "${env.FILE_STORAGE}"`);
  if (driver === 's3' && !env.S3_BUCKET) throw new Error('FILE_STORAGE=s3 needs S3_BUCKET');
  return {
    driver,
    dir: path.resolve(env.FILES_DIR || fallbackDir),
    publicUrl: (env.BACKEND_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    maxUploadBytes: intOf(env.UPLOAD_MAX_BYTES, 50 * 1024 * 1024),
    downloadUrlTtl: Math.max(1, intOf(env.DOWNLOAD_URL_TTL, 15 * 60)),
    s3: driver === 's3' ? {
      bucket: env.S3_BUCKET!,
      region: env.S3_REGION || 'us-east-1',
      endpoint: env.S3_ENDPOINT || undefined,
      accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
      publicUrl: env.S3_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
      forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true' || !!env.S3_ENDPOINT,
    } : undefined,
  };
}

function intOf(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected a whole number, got "${value}"`);
  return n;
}
