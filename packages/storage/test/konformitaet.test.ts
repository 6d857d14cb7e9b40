// Storage conformance: every storage operation the platform uses, against the backend the test
// run is configured with (the embedded emulator in `pnpm test`, a real S3 server such as
// OpenStack Swift or MinIO in `pnpm test:storage`).
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { startEmbeddedS3 } from '@eakte/embedded';
import { freePort, testEnv } from '@eakte/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { COMPLIANCE_MARKE, createObjectStore, ObjektsperreHerabgestuft, ObjektsperreNichtEingerichtet, type ObjectStore, type StorageConfig } from '../src/index.js';

function settings(overrides: Partial<StorageConfig> = {}): StorageConfig {
  const env = testEnv();
  return {
    endpoint: env.S3_ENDPOINT!,
    accessKey: env.S3_ACCESS_KEY!,
    secretKey: env.S3_SECRET_KEY!,
    bucket: env.S3_BUCKET!,
    region: env.S3_REGION ?? 'us-east-1',
    pathStyle: true,
    emulator: env.S3_EMULATOR === 'true',
    ...overrides,
  };
}

async function store(overrides: Partial<StorageConfig> = {}): Promise<ObjectStore> {
  const s = createObjectStore(settings(overrides));
  await s.ensureBucket();
  return s;
}

/** A stream of `size` deterministic pseudo-random bytes, generated chunk by chunk (never whole in memory). */
function erzeugt(size: number, seed = 1): { stream: Readable; sha256: Promise<string> } {
  const hash = createHash('sha256');
  let sent = 0;
  let state = seed;
  let resolve!: (v: string) => void;
  const sha256 = new Promise<string>((r) => (resolve = r));
  const stream = new Readable({
    read() {
      if (sent >= size) {
        resolve(hash.digest('hex'));
        this.push(null);
        return;
      }
      const n = Math.min(1024 * 1024, size - sent);
      const chunk = Buffer.allocUnsafe(n);
      for (let i = 0; i < n; i += 4) {
        state = (state * 1103515245 + 12345) >>> 0;
        chunk.writeUInt32LE(state, i < n - 3 ? i : n - 4);
      }
      hash.update(chunk);
      sent += n;
      this.push(chunk);
    },
  });
  return { stream, sha256 };
}

async function sha256Of(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

const key = (name: string) => `konformitaet/${Date.now().toString(36)}-${randomBytes(4).toString('hex')}/${name}`;

describe('object storage conformance', () => {
  it('streams a put of known size and reads it back byte-exact, with stat', async () => {
    const s = await store();
    const k = key('klein');
    const { stream, sha256 } = erzeugt(300_000);
    await s.put(k, stream, 300_000, 'application/pdf');
    const info = await s.stat(k);
    expect(info?.size).toBe(300_000);
    expect(await sha256Of(await s.get(k))).toEqual({ sha256: await sha256, size: 300_000 });
    onTestFinished(() => s.remove(k));
  });

  it('uploads a 70 MiB object in multipart and reads it back byte-exact', { timeout: 120_000 }, async () => {
    const s = await store();
    const k = key('gross');
    const size = 70 * 1024 * 1024;
    const { stream, sha256 } = erzeugt(size, 7);
    await s.put(k, stream, size);
    // the ETag comes from a HEAD: Ceph RGW answers CompleteMultipartUpload with an empty one
    expect(await s.stat(k)).toMatchObject({ size, etag: expect.stringMatching(/^[0-9a-f]{32}(-\d+)?$/) });
    expect(await sha256Of(await s.get(k))).toEqual({ sha256: await sha256, size });
    onTestFinished(() => s.remove(k));
  });

  it('reads a byte range', async () => {
    const s = await store();
    const k = key('bereich');
    const data = Buffer.from('0123456789abcdefghij');
    await s.put(k, data, data.length);
    const part = await sha256Of(await s.get(k, { start: 5, end: 9 }));
    expect(part).toEqual({ sha256: createHash('sha256').update('56789').digest('hex'), size: 5 });
    onTestFinished(() => s.remove(k));
  });

  it('lists by prefix and deletes', async () => {
    const s = await store();
    const prefix = key('liste');
    await s.put(`${prefix}/a`, Buffer.from('a'), 1);
    await s.put(`${prefix}/b`, Buffer.from('bb'), 2);
    await s.put(`${prefix}x/c`, Buffer.from('c'), 1);
    const listed: { key: string; size: number }[] = [];
    for await (const o of s.list(`${prefix}/`)) listed.push(o);
    expect(listed.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: `${prefix}/a`, size: 1 },
      { key: `${prefix}/b`, size: 2 },
    ]);
    await s.remove(`${prefix}/a`);
    expect(await s.stat(`${prefix}/a`)).toBeNull();
    await s.remove(`${prefix}/b`);
    await s.remove(`${prefix}x/c`);
  });

  it('creates a missing bucket', async () => {
    const bucket = `konformitaet-${randomBytes(4).toString('hex')}`;
    const s = await store({ bucket });
    await s.put('x', Buffer.from('x'), 1);
    expect((await s.stat('x'))?.size).toBe(1);
    await s.remove('x');
  });

  it('with object lock configured, refuses a bucket without it by reading the bucket configuration only; objects stay untouched', async () => {
    const s = await store();
    const k = key('unberuehrt');
    await s.put(k, Buffer.from('Inhalt'), 6);
    onTestFinished(() => s.remove(k));
    for (const modus of ['governance', 'compliance'] as const) {
      const gesperrt = createObjectStore(settings({ objectLock: modus }));
      const fehler = await gesperrt.ensureBucket().then(
        () => null,
        (err: unknown) => err,
      );
      expect(fehler).toBeInstanceOf(ObjektsperreNichtEingerichtet);
      expect(String((fehler as Error).message)).toContain(`S3_OBJECT_LOCK=${modus}`);
    }
    expect(await sha256Of(await s.get(k))).toEqual({ sha256: createHash('sha256').update('Inhalt').digest('hex'), size: 6 });
  });

  it('refuses governance or off on a bucket whose records were locked in COMPLIANCE mode, by reading only', async () => {
    // a bucket of its own: the marker would refuse every other test's start on the shared one
    const bucket = `herabgestuft-${randomBytes(4).toString('hex')}`;
    const s = await store({ bucket });
    // what the first start with compliance left (on a server with object lock, under a legal hold)
    await s.put(COMPLIANCE_MARKE, Buffer.from('compliance'), 10);
    for (const modus of ['governance', 'off'] as const) {
      const fehler = await createObjectStore(settings({ bucket, objectLock: modus }))
        .ensureBucket()
        .then(
          () => null,
          (err: unknown) => err,
        );
      expect(fehler, modus).toBeInstanceOf(ObjektsperreHerabgestuft);
      expect(String((fehler as Error).message)).toContain(`S3_OBJECT_LOCK=${modus}, aber im Bucket ${bucket} wurden Akten schon im Modus COMPLIANCE gesperrt`);
    }
    // compliance itself passes this check (and then needs the bucket's object lock, which the test store lacks)
    await expect(createObjectStore(settings({ bucket, objectLock: 'compliance' })).ensureBucket()).rejects.toBeInstanceOf(ObjektsperreNichtEingerichtet);
    // the refusal changed nothing: the marker stays
    expect(await s.stat(COMPLIANCE_MARKE)).not.toBeNull();
  });

  it('fails clearly on wrong credentials', async () => {
    const s = createObjectStore(settings({ secretKey: 'falsch' }));
    await expect(s.ensureBucket()).rejects.toMatchObject({ code: expect.stringMatching(/SignatureDoesNotMatch|AccessDenied|InvalidAccessKeyId/) });
  });

  it('reports an unreachable backend and recovers without a new client when it is back', async () => {
    // an emulator of its own that the test can stop and start again on the same port
    const dir = mkdtempSync(path.join(tmpdir(), 'eakte-s3-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const port = await freePort();
    let s3 = await startEmbeddedS3({ dataDir: dir, port, bucket: 'wiederkehr' });
    const s = createObjectStore({ endpoint: s3.endpoint, accessKey: s3.accessKey, secretKey: s3.secretKey, bucket: 'wiederkehr', region: 'us-east-1', pathStyle: true, emulator: true });
    await s.ping();
    await s3.stop();
    await expect(s.ping()).rejects.toThrow();
    s3 = await startEmbeddedS3({ dataDir: dir, port, bucket: 'wiederkehr' });
    onTestFinished(() => s3.stop());
    await s.ping();
  });
});
