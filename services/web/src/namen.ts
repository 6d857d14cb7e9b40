// Users by their display name, not by their login id (`sub`): one way for every screen, the tenant's
// user directory (GET /benutzer), which every role of the tenant reads and which holds everyone who
// used the platform. Read once per login; one's own name comes from the session; an unknown id
// (a user no longer in the directory) stays as it is.
import type { Schemas } from '@eakte/api-client';
import { api, ergebnis, useLaden } from './api';
import { aktuelleSitzung, type Sitzung } from './auth';
import { darf } from './rechte';

export type Namen = ReadonlyMap<string, string>;
export type Person = Schemas['BenutzerEintrag'];

export function namenAusVerzeichnis(personen: readonly Pick<Person, 'sub' | 'name'>[]): Map<string, string> {
  return new Map(personen.filter((p) => p.name.trim()).map((p) => [p.sub, p.name.trim()]));
}

/** The name to show for `sub`: one's own from the session, a known one, else the login id itself. */
export function nameVon(namen: Namen, sub: string | null | undefined, sitzung?: Pick<Sitzung, 'sub' | 'name'>): string {
  if (!sub) return '–';
  if (sitzung && sub === sitzung.sub && sitzung.name.trim()) return sitzung.name.trim();
  return namen.get(sub) ?? sub;
}

/** A person as offered in a list of hits: the name, and the login id where it tells two apart. */
export const personText = (p: Pick<Person, 'sub' | 'name'>) => (p.name === p.sub ? p.sub : `${p.name} (${p.sub})`);

/** At most this many pages of 200 users are read for names. */
const MAX_SEITEN = 20;

async function alleBenutzer(): Promise<Person[]> {
  const alle: Person[] = [];
  let cursor: string | undefined;
  for (let seite = 0; seite < MAX_SEITEN; seite++) {
    const r = await ergebnis(api.GET('/benutzer', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }));
    alle.push(...r.items);
    cursor = r.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return alle;
}

/** Up to `limit` users whose name or login id contains `suche`, by name. */
export async function sucheBenutzer(suche: string, limit = 10): Promise<Person[]> {
  return (await ergebnis(api.GET('/benutzer', { params: { query: { suche, limit } } }))).items;
}

// the tenant's users change rarely: read once per login, not on every page
let gelesen: { token: string; namen: Promise<Map<string, string>> } | undefined;
function namenDerSitzung(token: string): Promise<Map<string, string>> {
  if (gelesen?.token !== token) gelesen = { token, namen: alleBenutzer().then(namenAusVerzeichnis) };
  return gelesen.namen;
}

/** A function naming users. Names are a help: a failed read leaves the ids. */
export function useNamen(): (sub: string | null | undefined) => string {
  // rendered without a browser (static markup) there is no session, hence no names
  const sitzung = typeof sessionStorage === 'undefined' ? undefined : aktuelleSitzung();
  const l = useLaden(async () => {
    if (!darf(sitzung?.rollen ?? [], 'namen')) return new Map<string, string>();
    return namenDerSitzung(sitzung?.token ?? '').catch(() => new Map<string, string>());
  }, []);
  return (sub) => nameVon(l.daten ?? new Map(), sub, sitzung);
}
