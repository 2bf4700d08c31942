import fs from 'fs';
import path from 'path';
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import { Readable, Transform } from 'stream';
import { pipeline } from 'stream/promises';
import type { Config, FilesConfig } from '../config';
import { AppError, invalid } from './errors';

/**
 * Where uploads, exports and import files are kept. Every file has a key (`1700000000000-a1b2-shirt.png`,
 * `exports/products/…csv`) and a visibility: public files have a permanent URL anyone may open
 * (product images), private ones are reached only through a signed URL that expires (imports,
 * exports, protected uploads). The local disk is the default store; `S3FileStore`
 * (src/lib/storage-s3.ts) keeps them in an S3-compatible bucket. Another store implements this
 * interface and is chosen in `fileStoreFor`.
 */
export interface FileStore {
  /** Writes the stream under `key`; nothing is visible under the key until the whole stream is written. */
  save(key: string, body: Readable, visibility: Visibility, contentType?: string): Promise<{ size: number }>;
  /** The file's contents; a 404 `not_found` when there is none. */
  read(key: string): Promise<Readable>;
  /** The file's visibility, or null when there is no such file. */
  visibilityOf(key: string): Promise<Visibility | null>;
  /** Removes the file; removing a missing file is not an error (as Medusa). */
  delete(key: string): Promise<void>;
  /** The permanent URL of a public file. */
  publicUrl(key: string): string;
  /** A URL that reads the file (public or private) for `ttlSeconds`. */
  signedUrl(key: string, ttlSeconds: number): Promise<string>;
}

export type Visibility = 'public' | 'private';

/** Kinds of files accepted, by extension: the content types a client may declare, and magic bytes for images. */
export const FILE_TYPES: Record<string, { types: string[]; magic?: (head: Buffer) => boolean }> = {
  png: { types: ['image/png'], magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  jpg: { types: ['image/jpeg', 'image/pjpeg'], magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { types: ['image/jpeg', 'image/pjpeg'], magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  gif: { types: ['image/gif'], magic: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  webp: { types: ['image/webp'], magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  avif: { types: ['image/avif'], magic: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
  // Browsers on Windows declare CSV files as Excel's type.
  csv: { types: ['text/csv', 'application/csv', 'application/vnd.ms-excel', 'text/plain'] },
  txt: { types: ['text/plain'] },
  json: { types: ['application/json'] },
  pdf: { types: ['application/pdf'], magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
};

/** The content type a file is served with, from its extension. */
export function contentTypeOf(key: string): string {
  const ext = path.extname(key).slice(1).toLowerCase();
  return FILE_TYPES[ext]?.types[0] ?? 'application/octet-stream';
}

/**
 * A file key as clients send it back (`file_key`): segments joined by `/`, none of them empty,
 * `.` or `..`, without backslashes or control characters. Anything else is refused before it
 * comes near a path, so a key can never name a file outside the store.
 */
export function checkKey(key: unknown): string {
  if (typeof key !== 'string') throw invalid('file_key must be a string');
  const ok = key.length > 0 && key.length <= 512 && !/[\\\u0000-\u001f\u007f]/.test(key)
    && key.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
  if (!ok) throw invalid(`${JSON.stringify(key)} is not a valid file key`);
  return key;
}

/**
 * A client's file name as the last part of a key: a plain name (no folders, no `..`, no control
 * characters) of at most 200 characters. Medusa takes folders from the name; here they are refused.
 */
export function checkFileName(name: string | undefined): string {
  const value = (name ?? '').normalize('NFC');
  if (!value || value.length > 200 || value === '.' || value === '..' || /[/\\\u0000-\u001f\u007f]/.test(value)) {
    throw invalid(`The file name ${JSON.stringify(name ?? '')} is not allowed: give a plain file name without folders`);
  }
  return value;
}

/** A new key for `name`: the time (as Medusa's keys start) and a few random characters, so names never collide. */
export function newKey(name: string, folder?: string): string {
  const key = `${Date.now()}-${randomBytes(3).toString('hex')}-${name}`;
  return folder ? `${folder}/${key}` : key;
}

/** Each segment of a key, escaped for a URL path. */
export function keyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/**
 * A Transform that passes a file through while checking it: refuses it past `maxBytes`, and,
 * when `magic` is given, refuses a first chunk that does not start as that kind of file should.
 */
export function guardedStream(name: string, maxBytes: number, magic?: (head: Buffer) => boolean): Transform {
  let size = 0;
  let head: Buffer | null = magic ? Buffer.alloc(0) : null;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(invalid(`The file ${name} is larger than the limit of ${maxBytes} bytes`));
      if (head) {
        head = Buffer.concat([head, chunk]);
        if (head.length < 12) return done();
        if (!magic!(head)) return done(invalid(`The file ${name} is not the kind of file its name says`));
        const all = head;
        head = null;
        return done(null, all);
      }
      done(null, chunk);
    },
    flush(done) {
      if (head && !magic!(head)) return done(invalid(`The file ${name} is not the kind of file its name says`));
      done(null, head ?? undefined);
    },
  });
}

// ---------------------------------------------------------------- signed download URLs

/** The secret of download URLs, derived from the cookie secret (required in production). */
function signingKey(config: Pick<Config, 'cookieSecret'>): Buffer {
  return createHmac('sha256', config.cookieSecret).update('aegis file download urls').digest();
}

function signatureOf(config: Pick<Config, 'cookieSecret'>, key: string, expires: number): string {
  return createHmac('sha256', signingKey(config)).update(`${key}\n${expires}`).digest('base64url');
}

/** `/downloads/<key>?expires=…&signature=…`, valid until `expires` (seconds since the epoch). */
export function signedPath(config: Pick<Config, 'cookieSecret'>, key: string, ttlSeconds: number, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + ttlSeconds;
  return `/downloads/${keyPath(key)}?expires=${expires}&signature=${signatureOf(config, key, expires)}`;
}

/** Whether a download URL's signature is the server's and it has not expired. */
export function verifySignature(config: Pick<Config, 'cookieSecret'>, key: string, expires: unknown, signature: unknown, now = Date.now()): boolean {
  if (typeof expires !== 'string' || typeof signature !== 'string' || !/^\d{1,12}$/.test(expires)) return false;
  if (Number(expires) * 1000 < now) return false;
  const wanted = Buffer.from(signatureOf(config, key, Number(expires)));
  const given = Buffer.from(signature);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

// ---------------------------------------------------------------- the local disk

/**
 * Files on the local disk: `<dir>/public/<key>` and `<dir>/private/<key>`. The server serves the
 * public folder at `/uploads/<key>` and any file through signed `/downloads/<key>` URLs.
 */
export class LocalFileStore implements FileStore {
  constructor(private readonly files: FilesConfig, private readonly config: Pick<Config, 'cookieSecret'>) {}

  private pathOf(visibility: Visibility, key: string): string {
    const root = path.join(this.files.dir, visibility);
    const full = path.resolve(root, checkKey(key));
    // checkKey already refuses `..`; this is the second line.
    if (!full.startsWith(root + path.sep)) throw invalid(`${JSON.stringify(key)} is not a valid file key`);
    return full;
  }

  async save(key: string, body: Readable, visibility: Visibility): Promise<{ size: number }> {
    const target = this.pathOf(visibility, key);
    const tmpDir = path.join(this.files.dir, 'tmp');
    // Synchronous, so that the stream is piped at once and none of its errors goes unheard.
    fs.mkdirSync(tmpDir, { recursive: true });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Written aside and moved in place at the end: a reader never sees half a file.
    const tmp = path.join(tmpDir, `${randomBytes(8).toString('hex')}.part`);
    try {
      await pipeline(body, fs.createWriteStream(tmp, { flags: 'wx' }));
      const { size } = await fs.promises.stat(tmp);
      await fs.promises.rename(tmp, target);
      return { size };
    } catch (err) {
      await fs.promises.rm(tmp, { force: true });
      throw err;
    }
  }

  async visibilityOf(key: string): Promise<Visibility | null> {
    for (const visibility of ['private', 'public'] as const) {
      const stat = await fs.promises.stat(this.pathOf(visibility, key)).catch(() => null);
      if (stat?.isFile()) return visibility;
    }
    return null;
  }

  async read(key: string): Promise<Readable> {
    const visibility = await this.visibilityOf(key);
    if (!visibility) throw fileNotFound(key);
    return fs.createReadStream(this.pathOf(visibility, key));
  }

  async delete(key: string): Promise<void> {
    for (const visibility of ['private', 'public'] as const) await fs.promises.rm(this.pathOf(visibility, key), { force: true });
  }

  publicUrl(key: string): string {
    return `${this.files.publicUrl}/uploads/${keyPath(key)}`;
  }

  async signedUrl(key: string, ttlSeconds: number): Promise<string> {
    return `${this.files.publicUrl}${signedPath(this.config, checkKey(key), ttlSeconds)}`;
  }

  /** The path of a public file, for the server's static route (null when it is not a public file). */
  async publicPath(key: string): Promise<string | null> {
    const full = this.pathOf('public', key);
    const stat = await fs.promises.stat(full).catch(() => null);
    return stat?.isFile() ? full : null;
  }
}

export const fileNotFound = (key: string) => new AppError('not_found', `File with key ${key} was not found`);

const stores = new WeakMap<FilesConfig, FileStore>();

/** The store the configuration names; one per configuration (the S3 client is kept and reused). */
export function fileStoreFor(config: Pick<Config, 'files' | 'cookieSecret'>): FileStore {
  let store = stores.get(config.files);
  if (!store) {
    if (config.files.driver === 's3') {
      // Loaded only when used: the S3 client is large.
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const { S3FileStore } = require('./storage-s3') as typeof import('./storage-s3');
      store = new S3FileStore(config.files);
    } else {
      store = new LocalFileStore(config.files, config);
    }
    stores.set(config.files, store);
  }
  return store;
}
