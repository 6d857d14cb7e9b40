// Object storage port and its S3 implementation (MinIO client). Keys are always chosen by the
// application, never taken from a user's file name.
import type { Readable } from 'node:stream';
import * as Minio from 'minio';

export interface StorageConfig {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
  pathStyle: boolean;
  /** The embedded emulator cannot list multipart uploads; the client must not try to resume them. */
  emulator?: boolean;
}

export interface ObjectInfo {
  size: number;
  etag: string;
  lastModified: Date;
}

export interface ObjectStore {
  readonly bucket: string;
  /** Creates the bucket when missing; fails clearly on wrong credentials. */
  ensureBucket(): Promise<void>;
  /** Resolves when the backend answers an authenticated request for the bucket. */
  ping(): Promise<void>;
  /** Streams `body` of exactly `size` bytes to `key`. */
  put(key: string, body: Readable | Buffer, size: number, contentType?: string): Promise<void>;
  get(key: string, range?: { start: number; end: number }): Promise<Readable>;
  stat(key: string): Promise<ObjectInfo | null>;
  remove(key: string): Promise<void>;
  list(prefix: string): AsyncIterable<{ key: string; size: number }>;
}

/** Parts of at most 16 MiB keep the client's buffers small for any object size. */
export const PART_SIZE = 16 * 1024 * 1024;

export function createObjectStore(cfg: StorageConfig): ObjectStore {
  const url = new URL(cfg.endpoint);
  const useSSL = url.protocol === 'https:';
  const client = new Minio.Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey: cfg.accessKey,
    secretKey: cfg.secretKey,
    region: cfg.region,
    pathStyle: cfg.pathStyle,
    partSize: PART_SIZE,
  });
  if (cfg.emulator) {
    // s3rver has no ListMultipartUploads: always start a fresh multipart upload.
    client.findUploadId = async () => undefined;
  }
  const bucket = cfg.bucket;
  const isNotFound = (err: unknown) =>
    typeof err === 'object' && err !== null && ['NotFound', 'NoSuchKey'].includes((err as { code?: string }).code ?? '');

  return {
    bucket,
    async ensureBucket() {
      if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket, cfg.region);
    },
    async ping() {
      if (!(await client.bucketExists(bucket))) throw new Error(`bucket ${bucket} does not exist`);
    },
    async put(key, body, size, contentType = 'application/octet-stream') {
      await client.putObject(bucket, key, body, size, { 'Content-Type': contentType });
    },
    async get(key, range) {
      if (range) return client.getPartialObject(bucket, key, range.start, range.end - range.start + 1);
      return client.getObject(bucket, key);
    },
    async stat(key) {
      try {
        const s = await client.statObject(bucket, key);
        return { size: s.size, etag: s.etag, lastModified: s.lastModified };
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
    async remove(key) {
      await client.removeObject(bucket, key);
    },
    async *list(prefix) {
      const stream = client.listObjectsV2(bucket, prefix, true);
      for await (const item of stream as AsyncIterable<{ name?: string; size: number }>) {
        if (item.name) yield { key: item.name, size: item.size };
      }
    },
  };
}
