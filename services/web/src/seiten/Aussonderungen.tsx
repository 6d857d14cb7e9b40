// The Aussonderungen begun so far, newest first: where the Registratur resumes a running one.
import { api, useSeitenweise } from '../api';
import { pfad } from '../pfade';
import { Link } from '../router';
import { useNamen } from '../namen';
import { T } from '../texte';
import { Fehlermeldung, Tabelle, zeit } from '../ui';
import { Geladen } from './Laden';

const R = T.registratur.begonnene;

/** An Akte's Aktenzeichen as a link, marked when a Löschsperre holds it. */
export function AktenzeichenMitSperre({ id, aktenzeichen, gesperrt }: { id: string; aktenzeichen: string; gesperrt?: boolean }) {
  return (
    <>
      <Link className="kern-link" href={pfad('akte', { id })}>
        {aktenzeichen}
      </Link>{' '}
      {gesperrt && <span className="kern-badge kern-badge--danger">{T.registratur.gesperrt}</span>}
    </>
  );
}

export function BegonneneAussonderungen() {
  const name = useNamen();
  const { liste, weitere, cursor, mehr } = useSeitenweise((cursor) => api.GET('/aussonderungen', { params: { query: cursor ? { limit: 50, cursor } : { limit: 20 } } }));
  return (
    <section aria-labelledby="begonnene-titel">
      <h2 id="begonnene-titel" className="kern-heading-medium">
        {R.titel}
      </h2>
      <Geladen l={liste}>
        {(d) => {
          const zeilen = [...d.items, ...weitere];
          if (!zeilen.length) return <p className="kern-body">{R.keine}</p>;
          return (
            <Tabelle
              klein
              zeilen={zeilen}
              beschriftung={R.titel}
              spalten={[
                {
                  titel: R.begonnen,
                  zelle: (a) => (
                    <Link className="kern-link" href={pfad('aussonderung', { id: a.id })} aria-label={R.oeffnen(zeit(a.erstelltAm))}>
                      {zeit(a.erstelltAm)}
                    </Link>
                  ),
                },
                { titel: R.von, zelle: (a) => name(a.erstelltVon) },
                { titel: R.akten, zelle: (a) => a.objekte },
                {
                  titel: R.status,
                  zelle: (a) => (
                    <>
                      {T.aussonderung.status[a.status] ?? a.status}
                      {a.vernichtungOffen && (
                        <>
                          {' '}
                          <span className="kern-badge kern-badge--warning">
                            <span className="kern-label">{R.freigabeAusstehend}</span>
                          </span>
                        </>
                      )}
                    </>
                  ),
                },
              ]}
            />
          );
        }}
      </Geladen>
      {cursor && (
        <button className="kern-btn kern-btn--tertiary" type="button" disabled={mehr.laeuft} onClick={() => void mehr.ausfuehren()}>
          <span className="kern-label">{R.mehr}</span>
        </button>
      )}
      <Fehlermeldung fehler={mehr.fehler} />
    </section>
  );
}
