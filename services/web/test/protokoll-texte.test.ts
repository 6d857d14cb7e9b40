// The Protokoll and an Akte's Historie in words a clerk or an auditor reads: every action a service
// records has a German name, and a change reads "Feld: alt → neu" with German field names and dates.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AKTIONEN, aenderungText, aktionText, objektText } from '@eakte/platform/protokoll-texte';

const wurzel = fileURLToPath(new URL('../../..', import.meta.url));

function dateien(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? dateien(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every action string a service or package writes into the Protokoll (`aktion: …`). */
function aufgezeichneteAktionen(): Set<string> {
  const quellen = ['services', 'packages'].flatMap((d) =>
    readdirSync(path.join(wurzel, d))
      .filter((n) => n !== 'web' && n !== 'api-client')
      .map((n) => path.join(wurzel, d, n, 'src'))
      .filter((p) => {
        try {
          return statSync(p).isDirectory();
        } catch {
          return false;
        }
      }),
  );
  const aktionen = new Set<string>();
  for (const datei of quellen.flatMap(dateien)) {
    for (const m of readFileSync(datei, 'utf8').matchAll(/aktion:\s*([^,}]+)/g)) {
      for (const s of m[1]!.matchAll(/'([a-z]+(?:\.[a-z]+)+)'/g)) aktionen.add(s[1]!);
    }
  }
  return aktionen;
}

describe('Protokoll texts', () => {
  it('names every recorded action in German', () => {
    const aktionen = aufgezeichneteAktionen();
    expect(aktionen.size).toBeGreaterThan(30);
    expect([...aktionen].filter((a) => !(a in AKTIONEN))).toEqual([]);
    expect(aktionText('vorgang.zda')).toBe('Vorgang zu den Akten verfügt');
    // an action of a later version of the platform is still shown, as it was recorded
    expect(aktionText('akte.kuenftig')).toBe('akte.kuenftig');
  });

  it('reads a change as "Feld: alt → neu" with German names and dates', () => {
    expect(aenderungText({ feld: 'zdaDatum', alt: null, neu: '2026-12-02' })).toBe('z.d.A.-Datum: – → 02.12.2026');
    expect(aenderungText({ feld: 'betreff', alt: 'Bau', neu: 'Neubau' })).toBe('Betreff: „Bau“ → „Neubau“');
    expect(aenderungText({ feld: 'status', alt: 'offen', neu: 'geschlossen' })).toBe('Status: offen → z.d.A.');
    expect(aenderungText({ feld: 'aufbewahrungsfrist', alt: 10, neu: 30 })).toBe('Aufbewahrungsfrist: 10 Jahre → 30 Jahre');
    expect(aenderungText({ feld: 'unbekanntesFeld', alt: true, neu: false })).toBe('unbekanntesFeld: ja → nein');
    expect(objektText('aktenplaneinheit')).toBe('Aktenplaneinheit');
  });
});
