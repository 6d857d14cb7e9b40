// Search results with the matching passage; an exact Aktenzeichen jumps straight to its Akte.
import { useEffect } from 'react';
import { api, ergebnis, useLaden } from '../api';
import { pfad } from '../pfade';
import { Link, navigieren, useOrt } from '../router';
import { T } from '../texte';
import { Fehlermeldung, Laedt, Seite } from '../ui';
import { ausschnittTeile, sprungZiel } from '../suche';

export function Suche() {
  const { suche, nr } = useOrt();
  const q = (suche.get('q') ?? '').trim();
  const erg = useLaden(
    () => (q ? ergebnis(api.GET('/suche', { params: { query: { q, limit: 50 } } })) : Promise.resolve({ items: [], nextCursor: null, anzahl: 0, anzahlBegrenzt: false, textAusstehend: 0 })),
    [q, nr],
  );
  useEffect(() => {
    const ziel = erg.daten && sprungZiel(q, erg.daten.items);
    if (ziel) navigieren(pfad('akte', { id: ziel }), true);
  }, [erg.daten, q]);
  return (
    <Seite titel={q ? T.suche.ergebnisse(q) : T.suche.titel}>
      {!q && <p className="kern-body">{T.suche.leer}</p>}
      {erg.fehler && <Fehlermeldung fehler={erg.fehler} />}
      {q && erg.laedt && <Laedt />}
      {q &&
        erg.daten &&
        !erg.laedt &&
        (erg.daten.items.length === 0 ? (
          <p className="kern-body">{T.suche.keine}</p>
        ) : (
          <ol className="kern-list">
            {erg.daten.items.map((t) => (
              <li key={`${t.typ}-${t.id}`}>
                <Link className="kern-link" href={t.typ === 'dokument' ? pfad('dokument', { id: t.id }) : t.typ === 'vorgang' ? pfad('vorgang', { id: t.id }) : pfad('akte', { id: t.id })}>
                  {T.suche.typ[t.typ]} {t.kennzeichen}: {t.betreff}
                </Link>
                <span className="kern-body kern-body--small"> ({T.suche.trefferArt[t.trefferArt] ?? t.trefferArt})</span>
                {t.ausschnitt && (
                  <p className="kern-body kern-body--small eakte-ausschnitt">
                    {ausschnittTeile(t.ausschnitt).map((teil, i) => (teil.treffer ? <mark key={i}>{teil.text}</mark> : <span key={i}>{teil.text}</span>))}
                  </p>
                )}
              </li>
            ))}
          </ol>
        ))}
    </Seite>
  );
}
