// One page of search hits, grouped by Akte (its Aktenzeichen and Betreff as the group's heading), each
// hit with where it matched; the count, and a hint while fresh documents wait for their text.
import type { Schemas } from '@eakte/api-client';
import { pfad } from '../pfade';
import { Link } from '../router';
import { T } from '../texte';
import { anzahlText, ausschnittTeile, nachAkte } from '../suche';

type Ergebnis = Schemas['Suchergebnis'];

const ziel = (t: Ergebnis['items'][number]) => (t.typ === 'dokument' ? pfad('dokument', { id: t.id }) : t.typ === 'vorgang' ? pfad('vorgang', { id: t.id }) : pfad('akte', { id: t.id }));

export function Ergebnisliste({ erg }: { erg: Ergebnis }) {
  return (
    <>
      {(erg.textAusstehend ?? 0) > 0 && (
        <div className="kern-alert kern-alert--info" role="status">
          <p className="kern-body">{T.suche.ausstehend(erg.textAusstehend ?? 0)}</p>
        </div>
      )}
      {erg.items.length === 0 ? (
        <p className="kern-body">{T.suche.keine}</p>
      ) : (
        <>
          <p className="kern-body" aria-live="polite">
            {anzahlText(erg.anzahl, erg.anzahlBegrenzt)}
          </p>
          {nachAkte(erg.items).map((g) => (
            <section key={g.akteId} aria-label={T.suche.akte(g.aktenzeichen, g.akteBetreff)}>
              <h2 className="kern-heading-small">
                <Link className="kern-link" href={pfad('akte', { id: g.akteId })}>
                  {T.suche.akte(g.aktenzeichen, g.akteBetreff)}
                </Link>
              </h2>
              <ol className="kern-list">
                {g.treffer.map((t) => (
                  <li key={`${t.typ}-${t.id}`}>
                    <Link className="kern-link" href={ziel(t)}>
                      {T.suche.typ[t.typ]} {t.kennzeichen}: {t.betreff}
                    </Link>
                    <span className="kern-body kern-body--small">
                      {' '}
                      ({T.suche.fundstelle[t.fundstelle] ?? t.fundstelle}
                      {t.trefferArt === 'aehnlich' ? `, ${T.suche.aehnlich}` : ''})
                    </span>
                    {t.ausschnitt && (
                      <p className="kern-body kern-body--small eakte-ausschnitt">
                        {ausschnittTeile(t.ausschnitt).map((teil, i) => (teil.treffer ? <mark key={i}>{teil.text}</mark> : <span key={i}>{teil.text}</span>))}
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </>
      )}
    </>
  );
}
