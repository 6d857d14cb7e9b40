// The client's paths, as data: the route table (routen.tsx) maps them to pages, and the gateway
// answers each with index.html. A new page needs one entry here and one in routen.tsx.
export const PFADE = {
  start: '/',
  anmeldung: '/anmeldung',
  rueckkehr: '/anmeldung/rueckkehr',
  aktenplan: '/aktenplan',
  einheit: '/aktenplan/:id',
  akte: '/akten/:id',
  vorgang: '/vorgaenge/:id',
  dokument: '/dokumente/:id',
  suche: '/suche',
  wiedervorlagen: '/wiedervorlagen',
  faellig: '/registratur/faellig',
  aussonderung: '/aussonderungen/:id',
  pruefung: '/pruefung',
  postkorb: '/postkorb',
  verfuegung: '/verfuegungen/:id',
  verfuegungNeu: '/vorgaenge/:id/verfuegung',
  vertretung: '/vertretung',
  laufwegvorlagen: '/organisation/laufwegvorlagen',
  benachrichtigungen: '/einstellungen/benachrichtigungen',
  posteingang: '/posteingang',
} as const;

export type PfadName = keyof typeof PFADE;

/** Fills a path's parameters: pfad('akte', { id }) → /akten/<id>. */
export function pfad(name: PfadName, params: Record<string, string> = {}): string {
  return PFADE[name].replace(/:([a-zA-Z]+)/g, (_m, k: string) => encodeURIComponent(params[k] ?? ''));
}

/** Matches a location path against a pattern; returns its parameters or undefined. */
export function passt(muster: string, pfadname: string): Record<string, string> | undefined {
  const a = muster.split('/').filter(Boolean);
  const b = pfadname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (a.length !== b.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const m = a[i]!;
    const teil = b[i]!;
    if (m.startsWith(':')) {
      try {
        params[m.slice(1)] = decodeURIComponent(teil);
      } catch {
        return undefined;
      }
    } else if (m !== teil) return undefined;
  }
  return params;
}
