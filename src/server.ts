import http from 'http';
import { randomUUID } from 'crypto';
import express, { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import cors from 'cors';
import { Pool } from 'pg';
import { ApolloServer, GraphQLRequestContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLSchema, GraphQLFormattedError } from 'graphql';
import type { Config } from './config';
import { Context, createContext } from './context';
import { authenticate } from './auth/authenticate';
import { buildAppSchema, costLimitPlugin, depthLimit, operationGuard } from './graphql';
import type { EventBus } from './lib/events';
import { startBackground } from './background';
import { resolveSecrets } from './lib/secrets';
import { createLogger, errorText, Logger } from './lib/log';
import { AppError, fromDatabaseError } from './lib/errors';
import { restRouter, Route, sendError } from '../rest/executor';
import { filesRouter } from '../rest/uploads';
import { routeModules } from './registry';
import { registerProviders } from './services/store';

export interface AegisServer {
  app: express.Express;
  schema: GraphQLSchema;
  apollo: ApolloServer<Context>;
  bus: EventBus;
  log: Logger;
  /** Stops Apollo, the job workers and the session pool (the ORM and database belong to the caller). */
  close(): Promise<void>;
}

/** Builds the HTTP application: sessions, authentication, GraphQL at /graphql and REST at /admin. */
export async function createServer(orm: MikroORM, config: Config, databaseUrl: string): Promise<AegisServer> {
  const log = createLogger(config);
  await resolveSecrets(orm, config);
  const schema = await buildAppSchema();
  await registerProviders(orm.em.fork());
  const background = await startBackground(orm, config, databaseUrl, log, config.runJobs);
  const { bus } = background;

  const apollo = new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    // src/main.ts owns shutdown (HTTP first, then pools and the database).
    stopOnTerminationSignals: false,
    introspection: !config.isProduction,
    validationRules: [depthLimit(config.maxQueryDepth)],
    includeStacktraceInErrorResponses: false,
    // No "Did you mean …" in production: the schema is not published there.
    hideSchemaDetailsFromClientErrors: config.isProduction,
    parseOptions: { maxTokens: config.maxQueryTokens },
    formatError: (formatted, err) => formatError(formatted, err),
    plugins: [
      config.isProduction ? ApolloServerPluginLandingPageProductionDefault({ footer: false }) : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
      costLimitPlugin(schema, config.maxQueryCost),
      // No @cacheControl hints exist; the default plugin would still wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      {
        async requestDidStart() {
          return {
            async willSendResponse(rc: GraphQLRequestContext<Context>) {
              // While the database is unreachable, the HTTP status says so too (503), as REST does.
              if (rc.errors?.some((e) => e.originalError instanceof AppError && e.originalError.type === 'unavailable')) rc.response.http.status = 503;
            },
            async didEncounterErrors(rc: GraphQLRequestContext<Context>) {
              for (const e of rc.errors ?? []) {
                if (!(e.originalError instanceof AppError) && e.originalError) {
                  log('error', { msg: 'unexpected error', req_id: rc.contextValue.requestId, op: rc.operationName, error: errorText(e.originalError) });
                }
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const sessionPool = new Pool({ connectionString: databaseUrl, max: 5 });
  // An idle connection that PostgreSQL ends (restart, failover, pg_terminate_backend) is an
  // 'error' event on the pool: without a listener it would end the process. The pool drops
  // that connection and opens a new one on the next request.
  sessionPool.on('error', (err) => log('error', { msg: 'session pool connection lost', error: errorText(err) }));
  const PgStore = connectPgSimple(session);
  const sessionStore = new PgStore({
    pool: sessionPool, tableName: 'session', createTableIfMissing: true,
    // Its pruning timer fails while the database is away: one JSON log line, not a console trace.
    errorLog: (...args: unknown[]) => log('error', { msg: 'session store error', error: errorText(args.find((a) => a instanceof Error) ?? args.join(' ')) }),
  });
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended'); // created_at[gt]=…, status[]=a
  app.set('trust proxy', config.isProduction ? 1 : false);

  app.use(requestLog(log));
  app.use(cors({ origin: config.adminCors, credentials: true }));
  app.get('/health', (_req, res) => { res.status(200).type('text/plain').send('OK'); });
  app.use(
    session({
      store: sessionStore,
      name: 'connect.sid',
      secret: config.cookieSecret,
      resave: false,
      // No row for visitors who never sign in: bearer and API-token requests stay off the session table.
      saveUninitialized: false,
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.isProduction, maxAge: config.sessionTtlMs },
    }),
  );
  app.use(refuseCrossSiteWrites(config));
  app.use(async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const em = orm.em.fork();
      const auth = await authenticate(req, em, config);
      req.ctx = createContext({ em: em as any, auth, req, config, requestId: _res.locals.requestId, bus });
      next();
    } catch (err) {
      next(err);
    }
  });
  const caps = { maxRootFields: config.maxRootFields, maxAliases: config.maxAliases, maxTokens: config.maxQueryTokens };
  app.use('/graphql', express.json({ limit: '1mb' }), operationGuard(caps), expressMiddleware(apollo, { context: async ({ req }) => req.ctx }));
  // Multipart uploads and stored files: plain handlers, as they are not JSON.
  app.use(filesRouter(config));

  app.use(express.json({ limit: '1mb' }));
  app.use(restRouter(schema, routeModules<Route>(), { compile: config.restCompile ?? true }));
  // Medusa authenticates before routing, so an unknown admin path is a 401 until signed in (the
  // dashboard probes /admin/batch-jobs before login and expects exactly that).
  app.use('/admin', (req, res) => {
    if (!req.ctx.auth) res.status(401).type('text/plain').send('Unauthorized');
    else res.status(404).json({ type: 'not_found', message: 'Route not found' });
  });
  app.use((err: any, req: Request, res: Response, _next: NextFunction) => {
    if (err?.type === 'entity.parse.failed') return sendError(res, { message: 'The request body is not valid JSON', extensions: { type: 'invalid_data' } });
    if (err?.type === 'entity.too.large') return sendError(res, { message: 'The request body is too large', extensions: { type: 'invalid_data' } });
    // A path that is not valid percent-encoded UTF-8 (`/admin/users/%C3%28`): the router cannot decode its params.
    if (err instanceof URIError) return sendError(res, { message: 'The request path is not valid UTF-8', extensions: { type: 'invalid_data' } });
    // The database went away (authentication and sessions read it before any route): 503, retryable.
    const known = err instanceof AppError ? err : fromDatabaseError(err);
    if (known?.type === 'unavailable') {
      if (req.originalUrl.startsWith('/graphql')) return void res.status(503).json({ errors: [{ message: known.message, extensions: known.extensions }] });
      return sendError(res, known);
    }
    log('error', { msg: 'unexpected error', req_id: res.locals.requestId, path: req.path, error: errorText(err) });
    sendError(res, { message: 'An unknown error occurred.', extensions: { type: 'unknown_error' } });
  });

  return {
    app,
    schema,
    apollo,
    bus,
    log,
    async close() {
      await apollo.stop();
      await background.stop();
      // The store prunes expired sessions on a timer, which would outlive the pool.
      sessionStore.close();
      await sessionPool.end();
    },
  };
}

/** Errors reach GraphQL clients in Medusa's vocabulary; anything unexpected loses its internals. */
function formatError(formatted: GraphQLFormattedError, err: unknown): GraphQLFormattedError {
  const original = (err as any)?.originalError ?? err;
  if (original instanceof AppError || formatted.extensions?.type) return formatted;
  const code = formatted.extensions?.code as string | undefined;
  if (code === 'BAD_USER_INPUT') return { ...formatted, message: withoutValues(formatted.message) };
  if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted; // parse, validation
  return { message: 'An unknown error occurred.', locations: formatted.locations, path: formatted.path, extensions: { code: 'unknown_error', type: 'unknown_error' } };
}

/**
 * A variable's coercion error quotes the value sent (a password, a token): the value goes, the
 * path and the reason stay, and a reason that quotes the value after a colon stops before it.
 */
export function withoutValues(message: string): string {
  const m = /^(Variable "\$\w+" got invalid value) .*?((?: at "[\w.[\]]+")?; )(.*)$/s.exec(message);
  if (!m) return message;
  return `${m[1]}${m[2]}${m[3].replace(/:\s.*$/s, '.')}`;
}

/** One line per request: id, method, path, operation, status, duration. Nothing from bodies or headers. */
function requestLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      // req.path loses its mount point when a mounted handler (Apollo on /graphql) ends the response.
      const path = req.originalUrl.split('?')[0];
      const op = res.locals.operation ?? (path === '/graphql' ? req.body?.operationName : undefined);
      log('info', { req_id: requestId, method: req.method, path, op, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    });
    next();
  };
}

/**
 * CSRF defence for cookie-authenticated REST writes (GraphQL has Apollo's own): a browser always
 * sends Origin on cross-site POST/DELETE, so a write from an origin that is neither this server
 * nor an allowed admin origin is refused. The SameSite=Lax cookie is the second line.
 */
function refuseCrossSiteWrites(config: Config) {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (!origin || req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host === req.headers.host || config.adminCors.includes(origin)) return next();
    res.status(403).json({ type: 'not_allowed', message: 'Cross-site request refused' });
  };
}

/** Listens on `port`; resolves with the http server once it accepts connections. */
export function listen(app: express.Express, port: number): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    const server = http.createServer(app);
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
