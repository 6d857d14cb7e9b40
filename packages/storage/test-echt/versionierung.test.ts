// Only for real S3 servers with versioning (Swift, MinIO): run by `pnpm test:storage`.
// Destruction must leave no object version and no delete marker behind.
import { testEnv } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { createObjectStore } from '../src/index.js';
import { versionierterBucket } from './versionierter-bucket.js';

describe('versioned bucket', () => {
  it('removes every version and delete marker of an object', async () => {
    const env = testEnv();
    const { client, bucket, versionen: unter } = await versionierterBucket('versioniert');

    const store = createObjectStore({ endpoint: env.S3_ENDPOINT!, accessKey: env.S3_ACCESS_KEY!, secretKey: env.S3_SECRET_KEY!, bucket, region: 'us-east-1', pathStyle: true });
    await store.ensureBucket();
    expect(store.versioniert).toBe(true);

    const versionen = async (key: string) => (await unter(key)).filter((v) => v.name === key);

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
