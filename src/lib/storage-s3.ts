import { Readable } from 'stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { FilesConfig } from '../config';
import { checkKey, contentTypeOf, FileStore, fileNotFound, keyPath, Visibility } from './storage';

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, R2, …). Public files live under `public/`,
 * private ones under `private/`; the bucket's policy should make only `public/` readable by
 * anyone (or `S3_PUBLIC_URL` points at a CDN that serves it). Download URLs are S3's own
 * presigned URLs.
 */
export class S3FileStore implements FileStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(private readonly files: FilesConfig) {
    const s3 = files.s3!;
    this.bucket = s3.bucket;
    this.client = new S3Client({
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: s3.forcePathStyle,
      credentials: s3.accessKeyId && s3.secretAccessKey ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } : undefined,
      // Checksums only where S3 requires them: S3-compatible servers do not all know the newer ones.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private objectKey(visibility: Visibility, key: string): string {
    return `${visibility}/${checkKey(key)}`;
  }

  async save(key: string, body: Readable, visibility: Visibility, contentType?: string): Promise<{ size: number }> {
    let size = 0;
    body.on('data', (chunk: Buffer | string) => { size += Buffer.byteLength(chunk); });
    // A multipart upload: the stream is sent in parts as it comes, never held whole in memory.
    await new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.objectKey(visibility, key), Body: body, ContentType: contentType ?? contentTypeOf(key) },
    }).done();
    return { size };
  }

  async visibilityOf(key: string): Promise<Visibility | null> {
    for (const visibility of ['private', 'public'] as const) {
      try {
        await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(visibility, key) }));
        return visibility;
      } catch (err: any) {
        if (err?.$metadata?.httpStatusCode !== 404 && err?.name !== 'NotFound') throw err;
      }
    }
    return null;
  }

  async read(key: string): Promise<Readable> {
    const visibility = await this.visibilityOf(key);
    if (!visibility) throw fileNotFound(key);
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(visibility, key) }));
    return res.Body as Readable;
  }

  async delete(key: string): Promise<void> {
    for (const visibility of ['private', 'public'] as const) {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(visibility, key) }));
    }
  }

  publicUrl(key: string): string {
    const s3 = this.files.s3!;
    if (s3.publicUrl) return `${s3.publicUrl}/public/${keyPath(key)}`;
    const base = s3.endpoint ? `${s3.endpoint.replace(/\/+$/, '')}/${this.bucket}` : `https://${this.bucket}.s3.${s3.region}.amazonaws.com`;
    return `${base}/public/${keyPath(key)}`;
  }

  async signedUrl(key: string, ttlSeconds: number): Promise<string> {
    const visibility = (await this.visibilityOf(key)) ?? 'private';
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(visibility, key) }), { expiresIn: ttlSeconds });
  }
}
