// The S3 store against a local S3-compatible server (s3rver, from npm): the same contract as the
// local disk store, through the real S3 client.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Readable } from 'stream';
import { loadConfig } from '../src/config';
import { S3FileStore } from '../src/lib/storage-s3';
import { fileStoreFor, guardedStream } from '../src/lib/storage';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const S3rver = require('s3rver');

let server: any;
let dir: string;
let store: S3FileStore;

const text = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString();
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aegis-s3rver-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'aegis' }] });
  const { port } = await server.run();
  const config = loadConfig({
    NODE_ENV: 'test', FILE_STORAGE: 's3', S3_BUCKET: 'aegis', S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER',
  });
  const chosen = fileStoreFor(config);
  expect(chosen).toBeInstanceOf(S3FileStore);
  store = chosen as S3FileStore;
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('saves, reads, signs and deletes files in a bucket', async () => {
  const { size } = await store.save('exports/products/1-a.csv', Readable.from(['Product Id;Product Handle\r\n', 'prod_1;shirt\r\n']), 'private');
  expect(size).toBe(41);
  expect(await store.visibilityOf('exports/products/1-a.csv')).toBe('private');
  expect(await text(await store.read('exports/products/1-a.csv'))).toBe('Product Id;Product Handle\r\nprod_1;shirt\r\n');

  const url = await store.signedUrl('exports/products/1-a.csv', 60);
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('prod_1;shirt');
  // The presigned URL expires (s3rver itself does not check signatures: S3 does).
  expect(url).toMatch(/X-Amz-Expires=60\b/);
  expect(url).toMatch(/X-Amz-Signature=[0-9a-f]{64}/);

  await store.save('1-logo.png', Readable.from([Buffer.from('png')]), 'public');
  expect(await store.visibilityOf('1-logo.png')).toBe('public');
  expect(store.publicUrl('1-logo.png')).toMatch(/\/aegis\/public\/1-logo\.png$/);

  await store.delete('exports/products/1-a.csv');
  expect(await store.visibilityOf('exports/products/1-a.csv')).toBeNull();
  await expect(store.read('exports/products/1-a.csv')).rejects.toThrow(/was not found/);
  await store.delete('never-there.csv');
});

it('stores nothing when the stream fails', async () => {
  const tooBig = Readable.from([Buffer.alloc(100), Buffer.alloc(100)]).pipe(guardedStream('x.csv', 150));
  await expect(store.save('x.csv', tooBig, 'private')).rejects.toThrow(/larger than the limit/);
  expect(await store.visibilityOf('x.csv')).toBeNull();
});

it('refuses keys that are not plain', async () => {
  await expect(store.save('../x.csv', Readable.from(['a']), 'private')).rejects.toThrow(/not a valid file key/);
});
