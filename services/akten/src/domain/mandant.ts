// The tenant as the contract shows it. Its ETag is a hash of that representation: a tenant row
// has no version column, and any visible change must change the tag.
import { createHash } from 'node:crypto';
import type { components } from '@eakte/api-client';
import { etag, gespeicherteBehoerdenkennung } from '@eakte/platform';
import { einstellungenAus } from '@eakte/schriftgutverwaltung/einstellungen';
import type { MandantRow } from '../repositories/mandanten.js';

export type Mandant = components['schemas']['Mandant'];

export function mandantDarstellung(row: MandantRow): Mandant {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    behoerdenkennung: gespeicherteBehoerdenkennung(row.behoerdenkennung),
    einstellungen: einstellungenAus(row.einstellungen),
    erstelltAm: row.erstelltAm.toISOString(),
  };
}

export const mandantEtag = (m: Mandant) => etag(createHash('sha256').update(JSON.stringify(m)).digest('base64url').slice(0, 22));
