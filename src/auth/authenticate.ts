import type { Request } from 'express';
import { createSecretKey, KeyObject } from 'crypto';
import jwt from 'jsonwebtoken';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { AuthInfo } from '../context';
import { User } from '../entities/users';

declare module 'express-session' {
  interface SessionData {
    user_id?: string;
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

/** Medusa's admin JWT: HS256 over `{user_id, domain: "admin"}`, valid for 24 hours. */
export function signAccessToken(userId: string, config: Config): string {
  return jwt.sign({ user_id: userId, domain: 'admin' }, keyOf(config.jwtSecret), { algorithm: 'HS256', expiresIn: TOKEN_TTL });
}

/**
 * Finds who is calling, trying Medusa's three strategies in its order: the session cookie, a
 * bearer JWT, then the `x-medusa-access-token` API token. A credential only counts when its user
 * still exists, so deleting a user ends their sessions and tokens at once.
 */
export async function authenticate(req: Request, em: EntityManager, config: Config): Promise<AuthInfo | undefined> {
  const sessionUser = req.session?.user_id;
  if (sessionUser && (await isLiveUser(em, sessionUser))) return { userId: sessionUser, via: 'session' };

  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) {
    const userId = verifyAccessToken(bearer, config);
    if (userId && (await isLiveUser(em, userId))) return { userId, via: 'bearer' };
  }

  const apiToken = req.headers['x-medusa-access-token'];
  if (typeof apiToken === 'string' && apiToken) {
    const user = await em.findOne(User, { apiToken }, { fields: ['id'] });
    if (user) return { userId: user.id, via: 'api_token' };
  }
  return undefined;
}

function verifyAccessToken(token: string, config: Config): string | undefined {
  try {
    const payload = jwt.verify(token, keyOf(config.jwtSecret), { algorithms: ['HS256'] }) as jwt.JwtPayload;
    return payload.domain === 'admin' && typeof payload.user_id === 'string' ? payload.user_id : undefined;
  } catch {
    return undefined;
  }
}

async function isLiveUser(em: EntityManager, id: string): Promise<boolean> {
  return (await em.count(User, { id })) > 0;
}

/** Starts a fresh session for `userId`: a new session id, so a planted cookie cannot be reused. */
export function startSession(req: Request, userId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((err) => {
      if (err) return reject(err);
      req.session.user_id = userId;
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
