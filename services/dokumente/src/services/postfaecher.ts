// The function mailboxes of a tenant (issue 21), maintained by Fachadministration. The host is
// checked against the SSRF rules when saved (and again at every connect, by the poller); the secret
// is encrypted with the platform key and never leaves the service. Every change is audited (never the
// secret, only that it changed).
import type { Db } from '@eakte/db';
import { Errors, pruefeIfMatch, type Akteur, type Protokollierer } from '@eakte/platform';
import { v7 as uuidv7 } from 'uuid';
import { verschluessele } from '../adapter/geheimnis.js';
import { ZielUnzulaessig, type Zielpruefung } from '../adapter/zielpruefung.js';
import { PosteingangFehler, ZielFehler } from '../domain/posteingang.js';
import { postfachRepository as repo, type PostfachRow } from '../repositories/postfaecher.js';

type Handelnder = Akteur & { mandantId: string };
type Sicherheit = 'tls' | 'starttls' | 'keine';

export interface PostfachEingabe {
  bezeichnung?: string;
  host?: string;
  port?: number;
  sicherheit?: Sicherheit;
  benutzer?: string;
  geheimnis?: string;
  ordner?: string;
  aktiv?: boolean;
}

/** The rule an address breaks, as the problem the tenant sees (it names the rule, never an address). */
export function alsProblem(err: unknown): unknown {
  return err instanceof ZielUnzulaessig ? new ZielFehler[err.regel as keyof typeof ZielFehler](err.message) : err;
}

export const postfachEtag = (p: PostfachRow) => `"${p.version}"`;

export function createPostfachService(deps: { db: Db; protokolliere: Protokollierer; schluessel: Buffer | null; zielpruefung: Zielpruefung; ohneTlsErlaubt: boolean }) {
  const { db, protokolliere } = deps;

  function schluessel(): Buffer {
    if (!deps.schluessel) throw new Errors.DienstNichtVerfuegbar('Funktionspostfächer sind nicht eingerichtet: der Plattformbetrieb hat keinen Schlüssel (POSTFACH_SCHLUESSEL) gesetzt');
    return deps.schluessel;
  }

  async function pruefeVerbindung(host: string, port: number, sicherheit: Sicherheit) {
    if (sicherheit === 'keine' && !deps.ohneTlsErlaubt) throw new PosteingangFehler.OhneTls();
    try {
      await deps.zielpruefung.pruefe(host, port);
    } catch (err) {
      throw alsProblem(err);
    }
  }

  const sichtbar = (e: PostfachEingabe) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'geheimnis'));

  return {
    // reading needs no key: the secret is not part of it
    async alle(akteur: Handelnder) {
      return db.withMandant(akteur.mandantId, (tx) => repo.alle(tx));
    },

    async eines(akteur: Handelnder, id: string) {
      const p = await db.withMandant(akteur.mandantId, (tx) => repo.eines(tx, id));
      if (!p) throw new Errors.NichtGefunden('Postfach nicht gefunden');
      return p;
    },

    async neu(akteur: Handelnder, e: Required<Pick<PostfachEingabe, 'bezeichnung' | 'host' | 'port' | 'benutzer' | 'geheimnis'>> & PostfachEingabe & { ziel?: 'posteingang' }) {
      const k = schluessel();
      const sicherheit = e.sicherheit ?? 'tls';
      await pruefeVerbindung(e.host, e.port, sicherheit);
      const id = uuidv7();
      return db.withMandant(akteur.mandantId, async (tx) => {
        const p = await repo.neu(tx, {
          id,
          mandantId: akteur.mandantId,
          bezeichnung: e.bezeichnung,
          host: e.host,
          port: e.port,
          sicherheit,
          benutzer: e.benutzer,
          geheimnis: verschluessele(k, e.geheimnis, `${akteur.mandantId}/${id}`),
          ordner: e.ordner ?? 'INBOX',
          ziel: e.ziel ?? 'posteingang',
          aktiv: e.aktiv ?? true,
        });
        await protokolliere(tx, akteur, { aktion: 'postfach.erstellt', objektTyp: 'postfach', objektId: id, details: { ...sichtbar(e), sicherheit } });
        return p;
      });
    },

    async aendere(akteur: Handelnder, id: string, e: PostfachEingabe, ifMatch: string | undefined) {
      return db.withMandant(akteur.mandantId, async (tx) => {
        const alt = await repo.eines(tx, id, true);
        if (!alt) throw new Errors.NichtGefunden('Postfach nicht gefunden');
        pruefeIfMatch(ifMatch, postfachEtag(alt));
        const host = e.host ?? alt.host;
        const port = e.port ?? alt.port;
        await pruefeVerbindung(host, port, e.sicherheit ?? alt.sicherheit);
        const verbindungNeu = ['host', 'port', 'sicherheit', 'benutzer', 'geheimnis', 'ordner', 'aktiv'].some((f) => f in e);
        const p = await repo.aendere(tx, id, {
          ...sichtbar(e),
          ...(e.geheimnis !== undefined ? { geheimnis: verschluessele(schluessel(), e.geheimnis, `${akteur.mandantId}/${id}`) } : {}),
          // a changed connection is tried at once, its earlier error forgotten
          ...(verbindungNeu ? { zustand: 'neu' as const, fehler: null, fehlversuche: 0, naechsterAbruf: new Date() } : {}),
        });
        await protokolliere(tx, akteur, {
          aktion: 'postfach.geaendert',
          objektTyp: 'postfach',
          objektId: id,
          aenderungen: Object.keys(e).map((f) => (f === 'geheimnis' ? { feld: f, alt: '***', neu: '***' } : { feld: f, alt: alt[f as keyof PostfachRow], neu: e[f as keyof PostfachEingabe] })),
        });
        return p;
      });
    },
  };
}

export type PostfachService = ReturnType<typeof createPostfachService>;
