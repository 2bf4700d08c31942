import { NextFunction, Request, Response, Router } from 'express';
import type { Config } from '../src/config';
import type { Route } from './executor';
import { sendError } from './executor';
import { AppError } from '../src/lib/errors';
import { contentTypeOf, fileStoreFor, LocalFileStore, verifySignature } from '../src/lib/storage';
import { receiveUploads } from '../src/services/uploads';

export const routes: Route[] = [
  { method: 'POST', path: '/admin/uploads/download-url', operation: 'createDownloadUrl', envelope: 'raw' },
  { method: 'DELETE', path: '/admin/uploads', operation: 'deleteUpload', envelope: 'raw' },
];

/**
 * What the route rows cannot express, as plain express handlers: the multipart uploads, and
 * serving the local store's files (public ones at `/uploads/<key>`, any through a signed
 * `/downloads/<key>` URL). Mounted by the server after authentication.
 */
export function filesRouter(config: Config): Router {
  const router = Router();
  for (const [path, visibility] of [['/admin/uploads', 'public'], ['/admin/uploads/protected', 'private']] as const) {
    router.post(path, async (req: Request, res: Response, next: NextFunction) => {
      res.locals.operation = visibility === 'public' ? 'upload' : 'uploadProtected';
      if (!req.ctx.auth) return void res.status(401).type('text/plain').send('Unauthorized');
      try {
        res.status(200).json({ uploads: await receiveUploads(req, config, visibility) });
      } catch (err) {
        // The rest of the request is not read: the connection closes after the answer.
        res.set('connection', 'close');
        if (err instanceof AppError) return sendError(res, { message: err.message, extensions: err.extensions });
        next(err);
      }
    });
  }

  const store = fileStoreFor(config);
  if (!(store instanceof LocalFileStore)) return router;
  router.get('/uploads/*key', async (req: Request, res: Response, next: NextFunction) => {
    try {
      const key = keyOf(req);
      const file = key && (await store.publicPath(key));
      if (!file) return void res.status(404).type('text/plain').send('Not Found');
      serve(res, key!, 'inline');
      res.sendFile(file);
    } catch (err) {
      next(err);
    }
  });
  router.get('/downloads/*key', async (req: Request, res: Response, next: NextFunction) => {
    try {
      const key = keyOf(req);
      if (!key || !verifySignature(config, key, req.query.expires, req.query.signature)) {
        return void res.status(403).type('text/plain').send('This download link is not valid or has expired');
      }
      const visibility = await store.visibilityOf(key);
      if (!visibility) return void res.status(404).type('text/plain').send('Not Found');
      serve(res, key, 'attachment');
      (await store.read(key)).pipe(res);
    } catch (err) {
      next(err);
    }
  });
  return router;
}

/** The key of a file route (express gives the wildcard as segments); null when it is not a valid key. */
function keyOf(req: Request): string | null {
  const raw = (req.params as Record<string, unknown>).key;
  const key = Array.isArray(raw) ? raw.join('/') : String(raw ?? '');
  return /^[^\\\u0000-\u001f]+$/.test(key) && key.split('/').every((s) => s && s !== '.' && s !== '..') ? key : null;
}

/**
 * Headers of a stored file: its type from the name (never sniffed by the browser), and no right
 * to run scripts, so an uploaded file can never act as a page of this server.
 */
function serve(res: Response, key: string, disposition: 'inline' | 'attachment'): void {
  const type = contentTypeOf(key);
  res.type(type);
  res.set('x-content-type-options', 'nosniff');
  res.set('content-security-policy', "default-src 'none'; sandbox");
  const name = key.split('/').pop()!;
  res.set('content-disposition', `${type.startsWith('image/') ? disposition : 'attachment'}; filename*=UTF-8''${encodeURIComponent(name)}`);
}
