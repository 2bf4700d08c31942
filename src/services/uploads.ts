import path from 'path';
import type { IncomingMessage } from 'http';
import busboy from 'busboy';
import type { Context } from '../context';
import type { Config } from '../config';
import { AppError, invalid } from '../lib/errors';
import { checkFileName, checkKey, fileNotFound, fileStoreFor, FILE_TYPES, guardedStream, newKey, Visibility } from '../lib/storage';
import { DeleteResponse } from '../../schema/common';

/** At most this many files in one upload request. */
const MAX_FILES = 20;

export interface UploadResult {
  url: string;
  key: string;
}

/**
 * `POST /admin/uploads` (public files) and `/admin/uploads/protected` (private ones): the files of
 * the multipart field `files`, each streamed into the store as it arrives. Every file is checked
 * (name, kind, size); if any is refused, those already stored are removed and the whole request
 * is a 400, so an upload is all or nothing.
 */
export function receiveUploads(req: IncomingMessage, config: Config, visibility: Visibility): Promise<UploadResult[]> {
  if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(invalid('Send the files as multipart/form-data, in the field "files"'));
  }
  const store = fileStoreFor(config);
  const maxBytes = config.files.maxUploadBytes;
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', preservePath: true, limits: { files: MAX_FILES, fields: 20, parts: MAX_FILES + 20, fileSize: maxBytes + 1 } });
    } catch {
      return reject(invalid('The multipart request is malformed'));
    }
    const saves: Promise<UploadResult>[] = [];
    let refused: AppError | undefined;
    const refuse = (err: AppError) => { refused ??= err; };

    parser.on('file', (field, stream, info) => {
      try {
        if (refused) throw refused;
        if (field !== 'files') throw invalid(`Unexpected field ${field}: send the files in the field "files"`);
        const name = checkFileName(info.filename);
        const kind = FILE_TYPES[path.extname(name).slice(1).toLowerCase()];
        if (!kind) throw invalid(`The file ${name} is not of an accepted kind (${Object.keys(FILE_TYPES).join(', ')})`);
        const declared = info.mimeType.toLowerCase();
        if (declared !== 'application/octet-stream' && !kind.types.includes(declared)) throw invalid(`The file ${name} is declared as ${declared}, which does not match its name`);
        const key = newKey(name);
        const guard = guardedStream(name, maxBytes, kind.magic);
        // The part is drained whatever happens to the file, so the rest of the request is still read.
        guard.on('error', () => { stream.unpipe(guard); stream.resume(); });
        stream.pipe(guard);
        saves.push(store.save(key, guard, visibility, kind.types[0]).then(async () => ({
          key,
          url: visibility === 'public' ? store.publicUrl(key) : await store.signedUrl(key, config.files.downloadUrlTtl),
        })));
      } catch (err) {
        refuse(err instanceof AppError ? err : invalid(String(err)));
        stream.resume();
      }
    });
    parser.on('filesLimit', () => refuse(invalid(`At most ${MAX_FILES} files may be sent at once`)));
    parser.on('error', () => refuse(invalid('The multipart request is malformed')));
    parser.on('close', async () => {
      const results = await Promise.allSettled(saves);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      const problem = refused ?? (failed ? (failed.reason instanceof AppError ? failed.reason : failed.reason) : undefined)
        ?? (results.length ? undefined : invalid('No file was sent: send the files in the field "files"'));
      if (!problem) return resolve(results.map((r) => (r as PromiseFulfilledResult<UploadResult>).value));
      await Promise.all(results.map((r) => (r.status === 'fulfilled' ? store.delete(r.value.key) : undefined)));
      reject(problem);
    });
    req.pipe(parser);
  });
}

/**
 * `POST /admin/uploads/download-url`: a URL that reads the file for a limited time
 * (`DOWNLOAD_URL_TTL`). Medusa's local store answers the public URL of any key, even a missing
 * one; here an unknown file is a 404.
 */
export async function createDownloadUrl(ctx: Context, fileKey: unknown): Promise<{ downloadUrl: string }> {
  const key = checkKey(fileKey);
  const store = fileStoreFor(ctx.config);
  if (!(await store.visibilityOf(key))) throw fileNotFound(key);
  return { downloadUrl: await store.signedUrl(key, ctx.config.files.downloadUrlTtl) };
}

/** `DELETE /admin/uploads`: removes the file; as in Medusa, an unknown key answers the same confirmation. */
export async function deleteUpload(ctx: Context, fileKey: unknown): Promise<DeleteResponse> {
  const key = checkKey(fileKey);
  await fileStoreFor(ctx.config).delete(key);
  ctx.events.emit('file.deleted', { key });
  return DeleteResponse.of(key, 'file');
}
