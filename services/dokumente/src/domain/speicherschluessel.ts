// Storage keys are chosen by the application: `<mandantId>/<uuidv7>`. The UUIDv7 carries the
// time the key was handed out, which the sweeper uses for its grace period.
import { v7 as uuidv7 } from 'uuid';

const SCHLUESSEL = /^([0-9a-f-]{36})\/([0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/;

export function neuerSpeicherschluessel(mandantId: string, jetzt = Date.now()): string {
  return `${mandantId}/${uuidv7({ msecs: jetzt })}`;
}

/** Tenant and issue time of a key the application chose; null for anything else. */
export function leseSpeicherschluessel(key: string): { mandantId: string; ausgegebenAm: number } | null {
  const m = SCHLUESSEL.exec(key);
  if (!m) return null;
  const hex = m[2]!.replaceAll('-', '').slice(0, 12);
  return { mandantId: m[1]!, ausgegebenAm: parseInt(hex, 16) };
}
