// The clerk's Postkorb: what waits for them (steps, returned Verfügungen, and whatever kinds the
// server adds), overdue Frist first, counts per kind (the server's, of the whole Postkorb), each item
// opened with one click.
import type { Schemas } from '@eakte/api-client';
import { api, ergebnis, useLaden, useSeitenweise } from '../api';
import type { Sitzung } from '../auth';
import { darf } from '../rechte';
import { artDes, istUeberfaellig, postkorbOrdnen, postkorbZahlen, postkorbZiel, type PostkorbEintrag } from '../geschaeftsgang';
import { useNamen } from '../namen';
import { Link } from '../router';
import { T } from '../texte';
import { Fehlermeldung, Seite, Tabelle, datum, zeit } from '../ui';
import { heute } from '../upload';
import { Geladen } from './Laden';
import { ZugeleitetePost } from './Posteingang';

const artText = (a: string) => T.postkorb.art[a] ?? T.postkorb.artUnbekannt(a);

/** What the item asks: the step's action, "returned", or the kind the server names. */
function aufgabe(e: PostkorbEintrag): string {
  const art = artDes(e);
  if (art === 'schritt' && e.aktion) return T.aktion[e.aktion] ?? e.aktion;
  return artText(art);
}

/** The counts of the whole Postkorb: a page of 100 items would undercount a full one. */
export const postkorbAnzahlLaden = () => ergebnis(api.GET('/postkorb/anzahl'));

export function PostkorbZahlen({ anzahl }: { anzahl: Schemas['PostkorbAnzahl'] }) {
  return (
    <dl className="kern-description-list eakte-postkorb-zahlen" aria-label={T.postkorb.zahlen}>
      {postkorbZahlen(anzahl).map((z) => (
        <div className="kern-description-list-item" key={z.schluessel}>
          <dt className="kern-description-list-item__key">{z.davon ? T.postkorb.davon[z.schluessel] : artText(z.schluessel)}</dt>
          <dd className="kern-description-list-item__value">{z.n}</dd>
        </div>
      ))}
    </dl>
  );
}

export function PostkorbListe({ ueberschrift = 2 }: { ueberschrift?: 1 | 2 }) {
  const { liste, weitere, cursor, mehr } = useSeitenweise((c) => api.GET('/postkorb', { params: { query: { limit: 100, ...(c ? { cursor: c } : {}) } } }));
  const anzahl = useLaden(postkorbAnzahlLaden, []);
  const name = useNamen();
  const tag = heute();
  const inhalt = (
    <Geladen l={liste}>
      {(d) => {
        const alle = [...(d.items as PostkorbEintrag[]), ...(weitere as PostkorbEintrag[])];
        if (alle.length === 0) return <p className="kern-body">{T.postkorb.leer}</p>;
        const zeilen = postkorbOrdnen(alle, tag);
        return (
          <>
            {/* the counts load apart from the list: a failed count leaves the list usable */}
            {anzahl.daten && <PostkorbZahlen anzahl={anzahl.daten} />}
            <Tabelle
              zeilen={zeilen}
              beschriftung={T.postkorb.titel}
              schluessel={(e) => `${artDes(e)}-${e.schrittId ?? e.verfuegungId ?? e.vorgangId ?? ''}-${e.eingangAm ?? ''}`}
              spalten={[
                {
                  titel: T.postkorb.eintrag,
                  zelle: (e) => {
                    const ziel = postkorbZiel(e);
                    const text = e.betreff ?? e.vorgangKennzeichen ?? artText(artDes(e));
                    return (
                      <>
                        {ziel ? (
                          <Link className="kern-link" href={ziel}>
                            {text}
                          </Link>
                        ) : (
                          text
                        )}
                        {e.inVertretungFuer && <span className="kern-body kern-body--small eakte-block">{T.postkorb.inVertretung(name(e.inVertretungFuer))}</span>}
                        {e.fuer?.organisationseinheitId && <span className="kern-body kern-body--small eakte-block">{T.postkorb.fuerEinheit}</span>}
                      </>
                    );
                  },
                },
                { titel: T.postkorb.aufgabe, zelle: (e) => aufgabe(e) },
                { titel: T.postkorb.absender, zelle: (e) => (e.absender ? name(e.absender) : '–') },
                { titel: T.postkorb.vorgang, zelle: (e) => e.vorgangKennzeichen ?? '–' },
                {
                  titel: T.postkorb.frist,
                  zelle: (e) => {
                    const f = e.frist ?? e.datum;
                    if (!f) return '–';
                    return istUeberfaellig(e, tag) ? <strong className="eakte-ueberfaellig">{T.postkorb.fristUeberfaellig(datum(f))}</strong> : datum(f);
                  },
                },
                { titel: T.postkorb.eingang, zelle: (e) => zeit(e.eingangAm) },
              ]}
            />
            {cursor && (
              <div className="eakte-knoepfe">
                <button className="kern-btn kern-btn--secondary" type="button" disabled={mehr.laeuft} onClick={() => void mehr.ausfuehren()}>
                  <span className="kern-label">{T.postkorb.mehr}</span>
                </button>
              </div>
            )}
            <Fehlermeldung fehler={mehr.fehler} />
          </>
        );
      }}
    </Geladen>
  );
  if (ueberschrift === 1) return inhalt;
  return (
    <section aria-labelledby="postkorb-titel">
      <h2 id="postkorb-titel" className="kern-heading-medium">
        {T.postkorb.titel}
      </h2>
      {inhalt}
    </section>
  );
}

export function PostkorbSeite({ sitzung }: { sitzung: Sitzung }) {
  return (
    <Seite titel={T.postkorb.titel}>
      <PostkorbListe ueberschrift={1} />
      {darf(sitzung.rollen, 'zugeleitet') && <ZugeleitetePost />}
    </Seite>
  );
}
