// The Protokoll service's configuration: the platform's plus the checkpoint signing key and the sequencer's pace.
import { createPrivateKey } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { serviceConfigSchema } from '@eakte/platform';
import { z } from 'zod';

export const protokollConfigSchema = serviceConfigSchema.extend({
  /** Ed25519 private key (PKCS#8 PEM; `\n` escapes allowed) that signs checkpoints. */
  PROTOKOLL_SIGNING_KEY: z
    .string()
    .transform((v) => v.replaceAll('\\n', '\n'))
    .superRefine((pem, ctx) => {
      try {
        const key = createPrivateKey(pem);
        if (key.asymmetricKeyType !== 'ed25519') ctx.addIssue({ code: 'custom', message: `must be an Ed25519 key, not ${key.asymmetricKeyType}` });
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be an Ed25519 private key in PEM (PKCS#8)' });
      }
    }),
  /** Seconds between periodic checkpoints (0 = only on demand). */
  PROTOKOLL_CHECKPOINT_INTERVALL: z.coerce.number().int().min(0).default(300),
  /** Milliseconds between sequencer rounds (0 = only when the Protokoll API is read and in the periodic round). */
  PROTOKOLL_SEQUENZ_INTERVALL_MS: z.coerce.number().int().min(0).default(200),
  /** A tree checkpoint is signed at the latest after this many new events (and every PROTOKOLL_CHECKPOINT_INTERVALL seconds). */
  PROTOKOLL_CHECKPOINT_EREIGNISSE: z.coerce.number().int().min(1).default(1000),
  /** /health reports `degradiert` when the oldest event waiting for the sequencer is older than this (seconds). */
  PROTOKOLL_RUECKSTAND_GRENZE_SEKUNDEN: z.coerce.number().int().min(1).default(10),
  /** Worker threads of the whole-log verification (default: one per core). */
  PROTOKOLL_PRUEFUNG_ARBEITER: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
  /** Logs from this many events on are verified in worker threads (below, one pass costs less than starting them). */
  PROTOKOLL_PRUEFUNG_PARALLEL_AB: z.coerce.number().int().min(0).default(20_000),
  /** Events per range of the parallel verification: a power of two (ranges are Merkle subtrees). */
  PROTOKOLL_PRUEFUNG_ABSCHNITT: z.coerce
    .number()
    .int()
    .min(1)
    .default(16_384)
    .refine((n) => (n & (n - 1)) === 0, 'must be a power of two'),
});
export type ProtokollConfig = z.infer<typeof protokollConfigSchema>;
