// Only for real S3 servers with versioning (Swift, MinIO): run by `pnpm test:storage`.
// Destruction must leave no object version and no delete marker behind.
import { randomBytes } from 'node:crypto';
import { testEnv } from '@eakte/testing';
import * as Minio from 'minio';
import { describe, expect, it } from 'vitest';
import { createObjectStore } from '../src/index.js';

describe('versioned bucket', () => {
  it('removes every version and delete marker of an object', async () => {
    const env = testEnv();
    const url = new URL(env.S3_ENDPOINT!);
    const client = new Minio.Client({
      endPoint: url.hostname,
      port: Number(url.port),
      useSSL: url.protocol === 'https:',
      accessKey: env.S3_ACCESS_KEY!,
      secretKey: env.S3_SECRET_KEY!,
      region: env.S3_REGION ?? 'us-east-1',
      pathStyle: true,
    });
    const bucket = `versioniert-${randomBytes(4).toString('hex')}`;
    await client.makeBucket(bucket, env.S3_REGION ?? 'us-east-1');
    await client.setBucketVersioning(bucket, { Status: 'Enabled' });

    const store = createObjectStore({ endpoint: env.S3_ENDPOINT!, accessKey: env.S3_ACCESS_KEY!, secretKey: env.S3_SECRET_KEY!, bucket, region: 'us-east-1', pathStyle: true });
    await store.ensureBucket();
    expect(store.versioniert).toBe(true);

    const versionen = async (key: string) => {
      const out: { versionId?: string; isDeleteMarker?: boolean }[] = [];
      for await (const item of client.listObjects(bucket, key, false, { IncludeVersion: true } as never) as AsyncIterable<{ name?: string; versionId?: string; isDeleteMarker?: boolean }>) {
        if (item.name === key) out.push(item);
      }
      return out;
    };

    await store.put('akte/dok', Buffer.from('Fassung 1'), 9);
    await store.put('akte/dok', Buffer.from('Fassung 2!'), 10);
    // a plain delete would only add a marker and keep both versions
    await client.removeObject(bucket, 'akte/dok');
    expect((await versionen('akte/dok')).length).toBe(3);

    await store.remove('akte/dok');
    expect(await versionen('akte/dok')).toEqual([]);
    expect(await store.stat('akte/dok')).toBeNull();

    // a removal repeated (a job retried after its first run deleted everything) or of a key never
    // written (an upload that failed) leaves nothing either: a plain DELETE would add a marker
    await store.remove('akte/dok');
    await store.remove('akte/nie-geschrieben');
    expect(await versionen('akte/dok')).toEqual([]);
    expect(await versionen('akte/nie-geschrieben')).toEqual([]);
  });
});
