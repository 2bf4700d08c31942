import fs from 'fs';
import os from 'os';
import path from 'path';
import { Readable } from 'stream';
import { startApp, TestApp, errorType } from './helpers';
import { loadConfig } from '../src/config';
import { checkFileName, checkKey, guardedStream, LocalFileStore, signedPath, verifySignature } from '../src/lib/storage';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const CSV = Buffer.from('Product Handle;Product Title\r\nshirt;Shirt\r\n');

let t: TestApp;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aegis-uploads-'));
  const base = loadConfig({ NODE_ENV: 'test' });
  t = await startApp({ files: { ...base.files, dir, maxUploadBytes: 4096 } });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Files under the store's folder, relative to it. */
function stored(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.filter((f) => !f.startsWith('tmp'));
}

/**
 * A multipart body written by hand: HTTP clients (and supertest) keep only the last part of a
 * file name, while an attacker's request may carry anything.
 */
function rawPart(r: any, filename: string, type: string, content: Buffer) {
  const boundary = 'xXxBoundaryxXx';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="files"; filename="${filename}"\r\ncontent-type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return r.set('content-type', `multipart/form-data; boundary=${boundary}`).send(body);
}

/** A URL of this server as a path supertest can ask. */
const pathOf = (url: string) => url.replace(t.config.files.publicUrl, '');

describe('POST /admin/uploads', () => {
  it('stores public files and serves them at their URL', async () => {
    const res = await t.http.post('/admin/uploads').set(t.auth)
      .attach('files', PNG, { filename: 'shirt front.png', contentType: 'image/png' })
      .attach('files', CSV, { filename: 'products.csv', contentType: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.body.uploads).toHaveLength(2);
    const [png, csv] = res.body.uploads;
    expect(png.key).toMatch(/^\d{13}-[0-9a-f]{6}-shirt front\.png$/);
    expect(png.url).toBe(`${t.config.files.publicUrl}/uploads/${encodeURIComponent(png.key)}`);
    expect(fs.readFileSync(path.join(dir, 'public', png.key))).toEqual(PNG);
    expect(fs.readFileSync(path.join(dir, 'public', csv.key))).toEqual(CSV);

    const served = await t.http.get(pathOf(png.url)).buffer(true);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.body).toEqual(PNG);
    const csvServed = await t.http.get(pathOf(csv.url));
    expect(csvServed.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('keeps protected uploads private: only a signed URL reads them, until it expires', async () => {
    const res = await t.http.post('/admin/uploads/protected').set(t.auth).attach('files', CSV, { filename: 'import.csv', contentType: 'text/csv' });
    expect(res.status).toBe(200);
    const [{ key, url }] = res.body.uploads;
    expect(fs.existsSync(path.join(dir, 'private', key))).toBe(true);
    expect((await t.http.get(`/uploads/${encodeURIComponent(key)}`)).status).toBe(404);
    expect(url).toContain('/downloads/');
    const ok = await t.http.get(pathOf(url));
    expect(ok.status).toBe(200);
    expect(ok.text).toBe(CSV.toString());

    const forged = pathOf(url).replace(/signature=[^&]+/, 'signature=AAAA');
    expect((await t.http.get(forged)).status).toBe(403);
    const expired = signedPath(t.config, key, 60, Date.now() - 3600_000);
    expect((await t.http.get(expired)).status).toBe(403);
    const otherKey = pathOf(url).replace(encodeURIComponent(key), 'other.csv');
    expect((await t.http.get(otherKey)).status).toBe(403);
  });

  it('refuses bad files with 400 and keeps none of the request\'s files', async () => {
    const before = stored();
    const cases: [string, (r: any) => any][] = [
      ['too large', (r) => r.attach('files', Buffer.alloc(5000, 1), { filename: 'big.csv', contentType: 'text/csv' })],
      ['kind not accepted', (r) => r.attach('files', Buffer.from('MZ'), { filename: 'tool.exe', contentType: 'application/octet-stream' })],
      ['no extension', (r) => r.attach('files', CSV, { filename: 'README', contentType: 'text/plain' })],
      ['declared type does not match', (r) => r.attach('files', CSV, { filename: 'a.csv', contentType: 'image/png' })],
      ['not the image its name says', (r) => r.attach('files', Buffer.from('<svg onload=alert(1)>'), { filename: 'x.png', contentType: 'image/png' })],
      ['path in the name', (r) => rawPart(r, '../../evil.png', 'image/png', PNG)],
      ['folder in the name', (r) => rawPart(r, 'a/b.png', 'image/png', PNG)],
      ['windows path in the name', (r) => rawPart(r, '..\\..\\evil.png', 'image/png', PNG)],
      ['wrong field', (r) => r.attach('file', PNG, { filename: 'a.png', contentType: 'image/png' })],
      ['one good, one bad', (r) => r.attach('files', PNG, { filename: 'ok.png', contentType: 'image/png' }).attach('files', Buffer.alloc(5000), { filename: 'big.png', contentType: 'image/png' })],
      ['no file', (r) => r.field('x', 'y')],
    ];
    for (const [what, build] of cases) {
      const res = await build(t.http.post('/admin/uploads').set(t.auth));
      expect({ what, status: res.status, type: res.body.type }).toEqual({ what, status: 400, type: 'invalid_data' });
    }
    const json = await t.http.post('/admin/uploads').set(t.auth).send({ files: ['a'] });
    expect(json.status).toBe(400);
    expect(stored()).toEqual(before);
  });

  it('needs credentials', async () => {
    const before = stored();
    const res = await t.http.post('/admin/uploads').attach('files', PNG, { filename: 'a.png', contentType: 'image/png' });
    expect(res.status).toBe(401);
    expect(res.text).toBe('Unauthorized');
    expect((await t.http.post('/admin/uploads/protected').attach('files', CSV, { filename: 'a.csv', contentType: 'text/csv' })).status).toBe(401);
    expect(stored()).toEqual(before);
  });
});

describe('download URLs and deletes', () => {
  let key: string;
  beforeAll(async () => {
    const res = await t.http.post('/admin/uploads/protected').set(t.auth).attach('files', CSV, { filename: 'prices.csv', contentType: 'text/csv' });
    key = res.body.uploads[0].key;
  });

  it('POST /admin/uploads/download-url answers a signed URL that reads the file', async () => {
    const res = await t.http.post('/admin/uploads/download-url').set(t.auth).send({ file_key: key });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['download_url']);
    const file = await t.http.get(pathOf(res.body.download_url));
    expect(file.status).toBe(200);
    expect(file.text).toBe(CSV.toString());
  });

  it('refuses bad keys, 404s unknown files, 401s without credentials', async () => {
    expect((await t.http.post('/admin/uploads/download-url').set(t.auth).send({})).body).toEqual({ type: 'invalid_data', message: 'file_key must be a string' });
    for (const bad of ['../../package.json', '/etc/passwd', 'a/../b', 'a\\b', '']) {
      const res = await t.http.post('/admin/uploads/download-url').set(t.auth).send({ file_key: bad });
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
      expect((await t.http.delete('/admin/uploads').set(t.auth).send({ file_key: bad })).status).toBe(400);
    }
    expect((await t.http.post('/admin/uploads/download-url').set(t.auth).send({ file_key: key, extra: 1 })).status).toBe(400);
    const missing = await t.http.post('/admin/uploads/download-url').set(t.auth).send({ file_key: 'nope.csv' });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'File with key nope.csv was not found' });
    expect((await t.http.post('/admin/uploads/download-url').send({ file_key: key })).status).toBe(401);
    expect((await t.http.delete('/admin/uploads').send({ file_key: key })).status).toBe(401);
    expect(fs.existsSync(path.join(dir, 'private', key))).toBe(true);
  });

  it('DELETE /admin/uploads removes the file, and answers the same again', async () => {
    const res = await t.http.delete('/admin/uploads').set(t.auth).send({ file_key: key });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: key, object: 'file', deleted: true });
    expect(fs.existsSync(path.join(dir, 'private', key))).toBe(false);
    expect((await t.http.delete('/admin/uploads').set(t.auth).send({ file_key: key })).body).toEqual({ id: key, object: 'file', deleted: true });
    expect(t.events.some((e) => e.name === 'file.deleted' && e.data.key === key)).toBe(true);
  });

  it('works through GraphQL too', async () => {
    const up = await t.http.post('/admin/uploads').set(t.auth).attach('files', PNG, { filename: 'g.png', contentType: 'image/png' });
    const k = up.body.uploads[0].key;
    const url = await t.gql('mutation($k: String) { createDownloadUrl(fileKey: $k) { downloadUrl } }', { k });
    expect(url.errors).toBeUndefined();
    expect((await t.http.get(pathOf(url.data.createDownloadUrl.downloadUrl))).status).toBe(200);
    expect(errorType(await t.gql('mutation($k: String) { createDownloadUrl(fileKey: $k) { downloadUrl } }', { k: '../x' }))).toBe('invalid_data');
    expect(errorType(await t.gql('mutation($k: String) { createDownloadUrl(fileKey: $k) { downloadUrl } }', { k: 'gone.png' }))).toBe('not_found');
    const del = await t.gql('mutation($k: String) { deleteUpload(fileKey: $k) { id object deleted } }', { k });
    expect(del.data.deleteUpload).toEqual({ id: k, object: 'file', deleted: true });
    expect(fs.existsSync(path.join(dir, 'public', k))).toBe(false);
    expect(errorType(await t.gql('mutation($k: String) { deleteUpload(fileKey: $k) { id } }', { k }, {}))).toBe('unauthorized');
  });
});

describe('storage helpers', () => {
  it('accepts only plain keys and names', () => {
    expect(checkKey('exports/products/1-a.csv')).toBe('exports/products/1-a.csv');
    for (const bad of ['', '..', '../a', 'a/../b', '/a', 'a//b', 'a\\b', 'a\u0000b', 5, null]) expect(() => checkKey(bad)).toThrow();
    expect(checkFileName('été 2024.png')).toBe('été 2024.png');
    for (const bad of ['', '.', '..', 'a/b.png', '..\\x.png', 'a\nb.png', 'x'.repeat(201)]) expect(() => checkFileName(bad)).toThrow();
  });

  it('signs download URLs for one key and a limited time', () => {
    const config = { cookieSecret: 's1' };
    const url = new URL(`http://x${signedPath(config, 'a/b.csv', 60, 1_000_000)}`);
    const [expires, signature] = [url.searchParams.get('expires'), url.searchParams.get('signature')];
    expect(verifySignature(config, 'a/b.csv', expires, signature, 1_000_000)).toBe(true);
    expect(verifySignature(config, 'a/b.csv', expires, signature, 1_000_000 + 61_000)).toBe(false);
    expect(verifySignature(config, 'a/c.csv', expires, signature, 1_000_000)).toBe(false);
    expect(verifySignature({ cookieSecret: 's2' }, 'a/b.csv', expires, signature, 1_000_000)).toBe(false);
    expect(verifySignature(config, 'a/b.csv', String(Number(expires) + 1000), signature, 1_000_000)).toBe(false);
  });

  it('never shows half a file, and leaves nothing when a write fails', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aegis-store-'));
    const store = new LocalFileStore({ ...t.config.files, dir: folder }, t.config);
    const tooBig = Readable.from([Buffer.alloc(100), Buffer.alloc(100)]).pipe(guardedStream('x.csv', 150));
    await expect(store.save('x.csv', tooBig, 'private')).rejects.toThrow(/larger than the limit/);
    expect(await store.visibilityOf('x.csv')).toBeNull();
    expect(fs.readdirSync(path.join(folder, 'tmp'))).toEqual([]);
    await store.save('exports/a.csv', Readable.from(['a;b\r\n']), 'private');
    expect(await store.visibilityOf('exports/a.csv')).toBe('private');
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
