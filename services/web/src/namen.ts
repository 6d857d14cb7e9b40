// Users by their display name, not by their login id (`sub`): the API's records name people by
// `sub`, and the names are those the Protokoll recorded with their entries — the tenant's users
// (GET /protokoll/akteure) for the roles that may read them, otherwise those who acted on the
// Akte at hand (its Historie). One's own name comes from the session. Unknown ones keep their id.
import type { Schemas } from '@eakte/api-client';
import { api, ergebnis, useLaden } from './api';
import { aktuelleSitzung, type Sitzung } from './auth';
import { darf } from './rechte';

export type Namen = ReadonlyMap<string, string>;

/** sub → name from Protokoll entries, oldest first: the latest name recorded wins; an empty one is skipped. */
export function namenAusProtokoll(eintraege: readonly Pick<Schemas['ProtokollEreignis'], 'akteurSub' | 'akteurName'>[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of eintraege) if (e.akteurSub && e.akteurName?.trim()) m.set(e.akteurSub, e.akteurName.trim());
  return m;
}

export function namenAusAkteuren(akteure: readonly Schemas['ProtokollAkteur'][]): Map<string, string> {
  return new Map(akteure.filter((a) => a.name.trim()).map((a) => [a.sub, a.name.trim()]));
}

/** The name to show for `sub`: one's own from the session, a known one, else the login id itself. */
export function nameVon(namen: Namen, sub: string | null | undefined, sitzung?: Pick<Sitzung, 'sub' | 'name'>): string {
  if (!sub) return '–';
  if (sitzung && sub === sitzung.sub && sitzung.name.trim()) return sitzung.name.trim();
  return namen.get(sub) ?? sub;
}

/** At most this many pages of 200 users are read. */
const MAX_AKTEUR_SEITEN = 20;

export async function alleAkteure(): Promise<Schemas['ProtokollAkteur'][]> {
  const alle: Schemas['ProtokollAkteur'][] = [];
  let cursor: string | undefined;
  for (let seite = 0; seite < MAX_AKTEUR_SEITEN; seite++) {
    const r = await ergebnis(api.GET('/protokoll/akteure', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }));
    alle.push(...r.items);
    cursor = r.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return alle;
}

// the tenant's users change rarely: read once per login, not on every page
let akteureGelesen: { token: string; namen: Promise<Map<string, string>> } | undefined;
function akteureDerSitzung(token: string): Promise<Map<string, string>> {
  if (akteureGelesen?.token !== token) akteureGelesen = { token, namen: alleAkteure().then(namenAusAkteuren) };
  return akteureGelesen.namen;
}

/** A function naming users; `akteId` adds those in that Akte's Historie. Names are a help: a failed read leaves the ids. */
export function useNamen(akteId?: string): (sub: string | null | undefined) => string {
  const sitzung = aktuelleSitzung();
  const rollen = sitzung?.rollen ?? [];
  const l = useLaden(async () => {
    if (darf(rollen, 'namen')) return akteureDerSitzung(sitzung?.token ?? '').catch(() => new Map<string, string>());
    if (!akteId || !darf(rollen, 'namenDerAkte')) return new Map<string, string>();
    const h = await ergebnis(api.GET('/akten/{id}/historie', { params: { path: { id: akteId }, query: { limit: 200 } } })).catch(() => undefined);
    return namenAusProtokoll(h?.items ?? []);
  }, [akteId]);
  return (sub) => nameVon(l.daten ?? new Map(), sub, sitzung);
}
