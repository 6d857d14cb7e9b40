// Object storage port and its S3 implementation (MinIO client). Keys are always chosen by the
// application, never taken from a user's file name.
import type { Readable } from 'node:stream';
import * as Minio from 'minio';
import type { ObjektsperreModus, Sperre } from './objektsperre.js';

export * from './objektsperre.js';

export interface StorageConfig {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
  pathStyle: boolean;
  /** The embedded emulator cannot list multipart uploads; the client must not try to resume them. */
  emulator?: boolean;
  /** Object lock (needs a MinIO bucket created with object lock); never probed, only configured. */
  objectLock?: ObjektsperreModus;
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
  /**
   * Deletes the object; on a versioned bucket every version and delete marker, so nothing stays
   * behind. A locked version is refused by the server: `LoeschungVerweigert`, the rest is deleted.
   */
  remove(key: string): Promise<void>;
  list(prefix: string): AsyncIterable<{ key: string; size: number }>;
  /** Whether the bucket keeps object versions (asked once, at ensureBucket). */
  readonly versioniert: boolean;
  /**
   * Applies a lock (from `sperreFuer`) to every version of the object: retain-until only ever
   * lengthened (a backend refuses to shorten it), legal hold on or off. Call only with object lock on.
   */
  setzeSperre(key: string, sperre: Sperre): Promise<void>;
}

/** `S3_OBJECT_LOCK` is on, but the bucket has no object lock: a setting to fix before the start. */
export class ObjektsperreNichtEingerichtet extends Error {
  constructor(bucket: string, modus: ObjektsperreModus, ursache: string) {
    super(
      `S3_OBJECT_LOCK=${modus}, aber der Bucket ${bucket} hat keine Object-Lock-Konfiguration (${ursache}). ` +
        'Object Lock lässt sich nur beim Anlegen eines Buckets einschalten (MinIO: mc mb --with-lock); sonst S3_OBJECT_LOCK=off.',
    );
    this.name = 'ObjektsperreNichtEingerichtet';
  }
}

/**
 * Marks a bucket whose records were once locked in COMPLIANCE mode: written at the first start with
 * `compliance`, under a legal hold (a plain delete leaves the held version; removing it takes lifting the hold
 * and deleting the version on purpose). Its existence, in any version, refuses a start with a lower setting.
 * Not a key the application hands out: the sweeper leaves it alone.
 */
export const COMPLIANCE_MARKE = '.eakte/objektsperre/compliance';

/** `S3_OBJECT_LOCK` is set lower than `compliance` on a bucket that has held COMPLIANCE locks. */
export class ObjektsperreHerabgestuft extends Error {
  constructor(bucket: string, modus: ObjektsperreModus) {
    super(
      `S3_OBJECT_LOCK=${modus}, aber im Bucket ${bucket} wurden Akten schon im Modus COMPLIANCE gesperrt (Marke ${COMPLIANCE_MARKE}). ` +
        'Ein Wechsel von compliance zu governance oder off senkt den Schutz neuer Akten und wird verweigert; S3_OBJECT_LOCK=compliance.',
    );
    this.name = 'ObjektsperreHerabgestuft';
  }
}

/**
 * The storage refused to delete versions of an object (object lock: a retain-until date not yet
 * passed, or a legal hold). What was refused stays; callers keep their job and retry it later.
 */
export class LoeschungVerweigert extends Error {
  /** The server's error code of the first refused version (`AccessDenied` for a lock). */
  readonly code: string;
  constructor(
    readonly schluessel: string,
    readonly verweigert: { versionId?: string; code: string }[],
  ) {
    const codes = [...new Set(verweigert.map((v) => v.code))].join(', ');
    super(`Der Speicher verweigert das Löschen von ${verweigert.length} Version(en) von ${schluessel} (${codes}); der Inhalt bleibt`);
    this.name = 'LoeschungVerweigert';
    this.code = verweigert[0]?.code ?? 'AccessDenied';
  }
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
  const isNotFound = (err: unknown) => typeof err === 'object' && err !== null && ['NotFound', 'NoSuchKey'].includes((err as { code?: string }).code ?? '');

  let versioniert = false;
  const lockMode = cfg.objectLock ?? 'off';

  return {
    bucket,
    get versioniert() {
      return versioniert;
    },
    async ensureBucket() {
      if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket, cfg.region, lockMode !== 'off' ? { ObjectLocking: true } : {});
      if (!cfg.emulator) {
        // reading the versioning state is harmless on every backend (unlike the lock APIs)
        const state = (await client.getBucketVersioning(bucket).catch(() => null)) as { Status?: string } | null;
        versioniert = state?.Status === 'Enabled' || state?.Status === 'Suspended';
      }
      // once COMPLIANCE, never lower: plain reads (a stat, a version listing), asked on every backend
      if (lockMode !== 'compliance' && (await hatComplianceMarke())) throw new ObjektsperreHerabgestuft(bucket, lockMode);
      if (lockMode !== 'off') {
        // a read of the bucket's lock configuration (never a write to an object: on plain Swift a
        // PUT ?retention would replace the object's content); only asked when the setting is on
        const lock = await (client.getObjectLockConfig(bucket) as unknown as Promise<{ objectLockEnabled?: string }>).catch((err: unknown) => {
          const code = (err as { code?: string }).code;
          // unreachable (no answer, ECONNREFUSED …) or rejected credentials: reported as such by the caller
          if (!code || /^E[A-Z_]+$/.test(code) || ['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch'].includes(code)) throw err;
          return { fehler: code };
        });
        if ((lock as { objectLockEnabled?: string }).objectLockEnabled !== 'Enabled') {
          throw new ObjektsperreNichtEingerichtet(bucket, lockMode, (lock as { fehler?: string }).fehler ?? 'nicht aktiviert');
        }
      }
      if (lockMode === 'compliance' && !(await hatComplianceMarke())) {
        const text = `Dieser Bucket hält Akten unter Object Lock COMPLIANCE; S3_OBJECT_LOCK darf nicht mehr niedriger stehen.\n`;
        await client.putObject(bucket, COMPLIANCE_MARKE, Buffer.from(text), Buffer.byteLength(text), { 'Content-Type': 'text/plain; charset=utf-8' });
        await setzeSperre(COMPLIANCE_MARKE, { retention: null, legalHold: 'ON' });
      }
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
      if (!versioniert) {
        await client.removeObject(bucket, key);
        return;
      }
      const versions: { name: string; versionId: string }[] = [];
      const stream = client.listObjects(bucket, key, false, { IncludeVersion: true } as never);
      for await (const item of stream as AsyncIterable<{ name?: string; versionId?: string }>) {
        if (item.name === key && item.versionId) versions.push({ name: key, versionId: item.versionId });
      }
      // nothing stored under the key (already removed, never written): a DELETE would add a marker
      if (versions.length === 0) return;
      const results = (await client.removeObjects(bucket, versions)) as { Code?: string; VersionId?: string }[];
      const failed = results.filter((r) => r.Code);
      if (failed.length > 0)
        throw new LoeschungVerweigert(
          key,
          failed.map((r) => ({ code: r.Code!, ...(r.VersionId ? { versionId: r.VersionId } : {}) })),
        );
    },
    setzeSperre,
    async *list(prefix) {
      const stream = client.listObjectsV2(bucket, prefix, true);
      for await (const item of stream as AsyncIterable<{ name?: string; size: number }>) {
        if (item.name) yield { key: item.name, size: item.size };
      }
    },
  };

  async function setzeSperre(key: string, sperre: Sperre): Promise<void> {
    const versionIds: (string | undefined)[] = [];
    if (versioniert) {
      for await (const item of client.listObjects(bucket, key, false, { IncludeVersion: true } as never) as AsyncIterable<{ name?: string; versionId?: string; isDeleteMarker?: boolean }>) {
        if (item.name === key && item.versionId && !item.isDeleteMarker) versionIds.push(item.versionId);
      }
    }
    if (versionIds.length === 0) versionIds.push(undefined);
    // a date that has passed protects nothing, and servers refuse it ("must be in the future"): an Akte
    // closed backdated after its retention ran out would otherwise keep the legal hold of its open days
    const aufbewahren = sperre.retention && new Date(sperre.retention.retainUntilDate).getTime() > Date.now() ? sperre.retention : null;
    for (const versionId of versionIds) {
      if (aufbewahren) {
        const jetzt = await client.getObjectRetention(bucket, key, versionId ? { versionId } : (undefined as never)).catch(() => null);
        // never shorter: a backend refuses to shorten a retention (compliance always, governance without bypass)
        if (!jetzt?.retainUntilDate || new Date(jetzt.retainUntilDate) < new Date(aufbewahren.retainUntilDate)) {
          await client.putObjectRetention(bucket, key, { versionId: versionId ?? '', mode: aufbewahren.mode as never, retainUntilDate: aufbewahren.retainUntilDate });
        }
      }
      await client.setObjectLegalHold(bucket, key, { status: sperre.legalHold, ...(versionId ? { versionId } : {}) });
    }
  }

  /** Whether the marker exists; on a versioned bucket any version counts (a delete marker hides a locked one that stays). */
  async function hatComplianceMarke(): Promise<boolean> {
    try {
      await client.statObject(bucket, COMPLIANCE_MARKE);
      return true;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    if (!versioniert) return false;
    for await (const item of client.listObjects(bucket, COMPLIANCE_MARKE, false, { IncludeVersion: true } as never) as AsyncIterable<{ name?: string; versionId?: string; isDeleteMarker?: boolean }>) {
      if (item.name === COMPLIANCE_MARKE && item.versionId && !item.isDeleteMarker) return true;
    }
    return false;
  }
}
