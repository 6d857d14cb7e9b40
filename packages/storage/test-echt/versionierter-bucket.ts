// A fresh bucket with versioning on, on the real S3 server of `pnpm test:storage`, and what it
// holds of every object: its versions and delete markers, straight from the server.
import { randomBytes } from 'node:crypto';
import { testEnv } from '@eakte/testing';
import * as Minio from 'minio';

export interface Version {
  name: string;
  versionId?: string;
  isDeleteMarker?: boolean;
}

export async function versionierterBucket(praefix: string) {
  const env = testEnv();
  const url = new URL(env.S3_ENDPOINT!);
  const region = env.S3_REGION ?? 'us-east-1';
  const client = new Minio.Client({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: url.protocol === 'https:',
    accessKey: env.S3_ACCESS_KEY!,
    secretKey: env.S3_SECRET_KEY!,
    region,
    pathStyle: true,
  });
  const bucket = `${praefix}-${randomBytes(4).toString('hex')}`;
  await client.makeBucket(bucket, region);
  await client.setBucketVersioning(bucket, { Status: 'Enabled' });
  return {
    client,
    bucket,
    /** Every object version and delete marker under `prefix`. */
    async versionen(prefix: string): Promise<Version[]> {
      const out: Version[] = [];
      for await (const item of client.listObjects(bucket, prefix, true, { IncludeVersion: true } as never) as AsyncIterable<Partial<Version>>) {
        if (item.name) out.push(item as Version);
      }
      return out;
    },
  };
}
