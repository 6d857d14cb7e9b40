// Mailbox secrets at rest: AES-256-GCM with the platform key, bound to tenant and mailbox as
// associated data (a ciphertext copied to another row does not decrypt). Never logged, never returned.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const b64 = (b: Buffer) => b.toString('base64url');

/** The platform key from its setting: 32 bytes, base64; anything else fails the boot. */
export function leseSchluessel(wert: string): Buffer {
  const k = Buffer.from(wert, 'base64');
  if (k.length !== 32) throw new Error('Invalid configuration: POSTFACH_SCHLUESSEL must be 32 bytes, base64 encoded (e.g. `openssl rand -base64 32`)');
  return k;
}

export function verschluessele(schluessel: Buffer, klartext: string, bindung: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', schluessel, iv);
  c.setAAD(Buffer.from(bindung, 'utf8'));
  const ct = Buffer.concat([c.update(klartext, 'utf8'), c.final()]);
  return `v1.${b64(iv)}.${b64(c.getAuthTag())}.${b64(ct)}`;
}

export function entschluessele(schluessel: Buffer, wert: string, bindung: string): string {
  const [v, iv, tag, ct] = wert.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('unknown secret format');
  const d = createDecipheriv('aes-256-gcm', schluessel, Buffer.from(iv, 'base64url'));
  d.setAAD(Buffer.from(bindung, 'utf8'));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
}
