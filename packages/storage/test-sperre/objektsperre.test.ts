// Object lock against a real S3 server with Object Lock (Ceph RGW in `pnpm test:storage`, or your
// own MinIO with S3_TEST_OBJECT_LOCK=true): only the storage suite runs this file, and only when
// the server has object lock (scripts/vitest.storage.config.ts). Every call below is sent.
// COMPLIANCE test objects cannot be deleted by anyone before their retain-until date: the dates
// here are seconds to minutes away, the one from `sperreFuer` is the end of today (UTC).
import { randomBytes } from 'node:crypto';
import { testEnv } from '@eakte/testing';
import * as Minio from 'minio';
import { beforeAll, describe, expect, it } from 'vitest';
import { createObjectStore, LoeschungVerweigert, ObjektsperreNichtEingerichtet, sperreFuer, type ObjectStore, type Sperre, type StorageConfig } from '../src/index.js';

const inSekunden = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const warte = (ms: number) => new Promise((r) => setTimeout(r, ms));

function einstellungen(overrides: Partial<StorageConfig>): StorageConfig {
  const env = testEnv();
  return { endpoint: env.S3_ENDPOINT!, accessKey: env.S3_ACCESS_KEY!, secretKey: env.S3_SECRET_KEY!, bucket: env.S3_BUCKET!, region: env.S3_REGION ?? 'us-east-1', pathStyle: true, ...overrides };
}

function rohClient(): Minio.Client {
  const env = testEnv();
  const url = new URL(env.S3_ENDPOINT!);
  return new Minio.Client({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: url.protocol === 'https:',
    accessKey: env.S3_ACCESS_KEY!,
    secretKey: env.S3_SECRET_KEY!,
    region: env.S3_REGION ?? 'us-east-1',
    pathStyle: true,
  });
}

type Eintrag = { name?: string; versionId?: string; isDeleteMarker?: boolean };

describe.each(['governance', 'compliance'] as const)('object lock %s on a real server', (modus) => {
  const MODE = modus === 'compliance' ? 'COMPLIANCE' : 'GOVERNANCE';
  let client: Minio.Client;
  let store: ObjectStore;
  let bucket: string;

  beforeAll(async () => {
    client = rohClient();
    bucket = `sperre-${modus}-${randomBytes(4).toString('hex')}`;
    // the services create a missing bucket with object lock (and so versioning) on
    store = createObjectStore(einstellungen({ bucket, objectLock: modus }));
    await store.ensureBucket();
  });

  const key = (name: string) => `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}/${name}`;

  async function versionen(k: string): Promise<Eintrag[]> {
    const out: Eintrag[] = [];
    for await (const item of client.listObjects(bucket, k, false, { IncludeVersion: true } as never) as AsyncIterable<Eintrag>) {
      if (item.name === k) out.push(item);
    }
    return out;
  }
  const inhalte = async (k: string) => (await versionen(k)).filter((v) => !v.isDeleteMarker);

  /** An object with two versions (our layout never overwrites a key, but a lock must cover any). */
  async function zweiFassungen(name: string): Promise<string> {
    const k = key(name);
    await store.put(k, Buffer.from('Fassung 1'), 9);
    await store.put(k, Buffer.from('Fassung 2!'), 10);
    expect(await inhalte(k)).toHaveLength(2);
    return k;
  }

  async function aufbewahrung(k: string, versionId: string) {
    return client.getObjectRetention(bucket, k, { versionId });
  }
  async function legalHold(k: string, versionId: string) {
    return ((await client.getObjectLegalHold(bucket, k, { versionId })) as unknown as { Status: string }).Status;
  }

  it('creates a missing bucket with object lock and versioning, and accepts it at the next start', async () => {
    expect(store.versioniert).toBe(true);
    expect(await client.getObjectLockConfig(bucket)).toMatchObject({ objectLockEnabled: 'Enabled' });
    const zweiterStart = createObjectStore(einstellungen({ bucket, objectLock: modus }));
    await zweiterStart.ensureBucket();
    expect(zweiterStart.versioniert).toBe(true);
  });

  it('refuses to start on a bucket of the same server without object lock', async () => {
    const ohne = `ohne-sperre-${randomBytes(4).toString('hex')}`;
    await client.makeBucket(ohne, 'us-east-1');
    await client.setBucketVersioning(ohne, { Status: 'Enabled' });
    await expect(createObjectStore(einstellungen({ bucket: ohne, objectLock: modus })).ensureBucket()).rejects.toBeInstanceOf(ObjektsperreNichtEingerichtet);
  });

  it('sets the retain-until date that sperreFuer computes on every version of the object', async () => {
    const k = await zweiFassungen('zda');
    const heute = new Date();
    const sperre = sperreFuer(modus, { aufbewahrungBis: heute, unbefristet: false, loeschsperre: false })!;
    await store.setzeSperre(k, sperre);
    for (const v of await inhalte(k)) {
      const r = await aufbewahrung(k, v.versionId!);
      expect(r).toMatchObject({ mode: MODE });
      expect(new Date(r!.retainUntilDate!).toISOString()).toBe(sperre.retention!.retainUntilDate);
      expect(await legalHold(k, v.versionId!)).toBe('OFF');
    }
  });

  it('a retain-until date that has already passed is not sent (the server refuses it); the legal hold is still set', async () => {
    // an Akte closed backdated whose retention ran out before its first lock: nothing left to retain
    const k = await zweiFassungen('abgelaufen');
    await store.setzeSperre(k, { retention: null, legalHold: 'ON' });
    await store.setzeSperre(k, sperreFuer(modus, { aufbewahrungBis: new Date('2021-12-31'), unbefristet: false, loeschsperre: false })!);
    for (const v of await inhalte(k)) {
      expect(await aufbewahrung(k, v.versionId!).catch(() => null)).toBeNull();
      expect(await legalHold(k, v.versionId!)).toBe('OFF');
    }
    await store.remove(k);
    expect(await versionen(k)).toEqual([]);
  });

  it('lengthens a retention; a shorter one is never sent, and the server refuses it anyway', async () => {
    const k = await zweiFassungen('verlaengert');
    const kurz: Sperre = { retention: { mode: MODE, retainUntilDate: inSekunden(60) }, legalHold: 'OFF' };
    const lang: Sperre = { retention: { mode: MODE, retainUntilDate: inSekunden(120) }, legalHold: 'OFF' };
    await store.setzeSperre(k, kurz);
    await store.setzeSperre(k, lang);
    const [erste] = await inhalte(k);
    expect(new Date((await aufbewahrung(k, erste!.versionId!))!.retainUntilDate!).getTime()).toBe(new Date(lang.retention!.retainUntilDate).getTime());

    // the application's shorter date (a retention shortened after the lock was set) keeps the longer lock
    await store.setzeSperre(k, kurz);
    for (const v of await inhalte(k)) {
      expect(new Date((await aufbewahrung(k, v.versionId!))!.retainUntilDate!).getTime()).toBe(new Date(lang.retention!.retainUntilDate).getTime());
    }
    // sent directly (without governance bypass, which the platform never uses), the server refuses it
    await expect(client.putObjectRetention(bucket, k, { versionId: erste!.versionId!, mode: MODE as never, retainUntilDate: kurz.retention!.retainUntilDate })).rejects.toMatchObject({
      code: 'AccessDenied',
    });
  });

  it('refuses a direct delete of a locked version by the storage client; a plain delete only hides the object', async () => {
    const k = await zweiFassungen('direkt');
    await store.setzeSperre(k, { retention: { mode: MODE, retainUntilDate: inSekunden(120) }, legalHold: 'OFF' });
    const [erste, zweite] = await inhalte(k);
    await expect(client.removeObject(bucket, k, { versionId: erste!.versionId! })).rejects.toMatchObject({ code: 'AccessDenied' });
    // a DELETE without a version id adds a delete marker, which a lock does not prevent: content stays
    await client.removeObject(bucket, k);
    expect(await inhalte(k)).toHaveLength(2);
    expect(await store.stat(k)).toBeNull();
    // a later lock job still reaches every version behind the marker
    await store.setzeSperre(k, { retention: { mode: MODE, retainUntilDate: inSekunden(180) }, legalHold: 'OFF' });
    expect(new Date((await aufbewahrung(k, zweite!.versionId!))!.retainUntilDate!).getTime()).toBeGreaterThan(Date.now() + 150_000);
    if (modus === 'governance') {
      // what GOVERNANCE means: a user with the bypass permission can still delete (the platform never does)
      await client.removeObject(bucket, k, { versionId: erste!.versionId!, governanceBypass: true });
      expect(await inhalte(k)).toHaveLength(1);
    } else {
      await expect(client.removeObject(bucket, k, { versionId: erste!.versionId!, governanceBypass: true })).rejects.toMatchObject({ code: 'AccessDenied' });
    }
  });

  it('destruction before expiry fails with LoeschungVerweigert and keeps the content; after expiry it removes every version', { timeout: 60_000 }, async () => {
    const k = await zweiFassungen('ablauf');
    await store.setzeSperre(k, { retention: { mode: MODE, retainUntilDate: inSekunden(4) }, legalHold: 'OFF' });
    const fehler = await store.remove(k).then(
      () => null,
      (err: unknown) => err,
    );
    // the error the Aussonderung's removal job records (loeschFehler) and retries on
    expect(fehler).toBeInstanceOf(LoeschungVerweigert);
    expect(fehler).toMatchObject({ code: 'AccessDenied', schluessel: k });
    expect((fehler as Error).message).toContain('AccessDenied');
    expect(await inhalte(k)).toHaveLength(2);
    expect((await store.stat(k))?.size).toBe(10);

    await warte(5_000);
    await store.remove(k);
    expect(await versionen(k)).toEqual([]);
  });

  it('a legal hold refuses destruction (even with governance bypass) until it is released', async () => {
    const k = await zweiFassungen('loeschsperre');
    await store.setzeSperre(k, sperreFuer(modus, { aufbewahrungBis: null, unbefristet: false, loeschsperre: true })!);
    for (const v of await inhalte(k)) expect(await legalHold(k, v.versionId!)).toBe('ON');
    await expect(store.remove(k)).rejects.toBeInstanceOf(LoeschungVerweigert);
    const [erste] = await inhalte(k);
    await expect(client.removeObject(bucket, k, { versionId: erste!.versionId!, governanceBypass: true })).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(await inhalte(k)).toHaveLength(2);

    // released: the hold is off on every version, destruction goes through
    await store.setzeSperre(k, { retention: null, legalHold: 'OFF' });
    for (const v of await inhalte(k)) expect(await legalHold(k, v.versionId!)).toBe('OFF');
    await store.remove(k);
    expect(await versionen(k)).toEqual([]);
  });

  it('a legal hold on top of a retention that has run out still refuses destruction', { timeout: 30_000 }, async () => {
    const k = await zweiFassungen('beides');
    await store.setzeSperre(k, { retention: { mode: MODE, retainUntilDate: inSekunden(2) }, legalHold: 'ON' });
    await warte(3_000);
    await expect(store.remove(k)).rejects.toMatchObject({ name: 'LoeschungVerweigert', code: 'AccessDenied' });
    expect(await inhalte(k)).toHaveLength(2);
    await store.setzeSperre(k, { retention: null, legalHold: 'OFF' });
    await store.remove(k);
    expect(await versionen(k)).toEqual([]);
  });
});
