import type { Request } from 'express';
import { createSecretKey, KeyObject } from 'crypto';
import jwt from 'jsonwebtoken';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { AuthInfo } from '../context';
import { User } from '../entities/users';
import { digest } from '../lib/password';

declare module 'express-session' {
  interface SessionData {
    user_id?: string;
    /** The user's token version at login: a password reset since then ends the session. */
    tv?: number;
  }
}

const TOKEN_TTL = '24h';

// The secret as a key object, made once: given as a string, it would be turned into one per request.
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

/**
 * Medusa's admin JWT: HS256 over `{user_id, domain: "admin"}`, valid for 24 hours, plus the
 * user's token version (`tv`), so that a password reset revokes it.
 */
export function signAccessToken(userId: string, config: Config, tokenVersion = 0): string {
  return jwt.sign({ user_id: userId, domain: 'admin', tv: tokenVersion }, keyOf(config.jwtSecret), { algorithm: 'HS256', expiresIn: TOKEN_TTL });
}

/**
 * Finds who is calling, trying Medusa's three strategies in its order: the session cookie, a
 * bearer JWT, then the `x-medusa-access-token` API token. A credential only counts when its user
 * still exists, so deleting a user ends their sessions and tokens at once.
 */
export async function authenticate(req: Request, em: EntityManager, config: Config): Promise<AuthInfo | undefined> {
  const sessionUser = req.session?.user_id;
  if (sessionUser) {
    const user = await liveUser(em, sessionUser, req.session.tv ?? 0);
    if (user) return { userId: sessionUser, via: 'session', role: user.role };
  }

  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) {
    const claims = verifyAccessToken(bearer, config);
    const user = claims && (await liveUser(em, claims.userId, claims.tokenVersion));
    if (user) return { userId: user.id, via: 'bearer', role: user.role };
  }

  // API tokens are kept as SHA-256 hashes (random tokens of 16+ characters need no slow hash).
  const apiToken = req.headers['x-medusa-access-token'];
  if (typeof apiToken === 'string' && apiToken) {
    const user = await em.findOne(User, { apiToken: digest(apiToken) }, { fields: ['id', 'role'] });
    if (user) return { userId: user.id, via: 'api_token', role: user.role };
  }
  return undefined;
}

function verifyAccessToken(token: string, config: Config): { userId: string; tokenVersion: number } | undefined {
  try {
    const payload = jwt.verify(token, keyOf(config.jwtSecret), { algorithms: ['HS256'] }) as jwt.JwtPayload;
    if (payload.domain !== 'admin' || typeof payload.user_id !== 'string') return undefined;
    return { userId: payload.user_id, tokenVersion: typeof payload.tv === 'number' ? payload.tv : 0 };
  } catch {
    return undefined;
  }
}

/**
 * The user behind a credential, if it still exists and its token version is the credential's.
 * Every signed-in request asks this, so it is one prepared statement rather than an ORM query (the
 * query building cost more than the lookup), and it leaves no partial user in the request's
 * identity map.
 */
async function liveUser(em: EntityManager, id: string, tokenVersion: number): Promise<Pick<User, 'id' | 'role'> | undefined> {
  const [row] = await em.getConnection().execute<{ id: string; role: User['role']; token_version: number }[]>(
    'select "id", "role", "token_version" from "user" where "id" = ? and "deleted_at" is null', [id],
  );
  return row && row.token_version === tokenVersion ? { id: row.id, role: row.role } : undefined;
}

/** Starts a fresh session for `userId`: a new session id, so a planted cookie cannot be reused. */
export function startSession(req: Request, userId: string, tokenVersion = 0): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((err) => {
      if (err) return reject(err);
      req.session.user_id = userId;
      req.session.tv = tokenVersion;
      req.session.save((saveErr) => (saveErr ? reject(saveErr) : resolve()));
    });
  });
}

export function endSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!req.session) return resolve();
    req.session.destroy((err) => (err ? reject(err) : resolve()));
  });
}
