// The Aussonderungen begun so far, newest first: where the Registratur resumes a running one.
import type { Schemas } from '@eakte/api-client';
import { useState } from 'react';
import { api, ergebnis, useAktion, useLaden } from '../api';
import { pfad } from '../pfade';
import { Link } from '../router';
import { T } from '../texte';
import { Fehlermeldung, zeit } from '../ui';
import { Geladen } from './Laden';

const R = T.registratur.begonnene;

export function BegonneneAussonderungen() {
  const [weitere, setWeitere] = useState<Schemas['AussonderungUebersicht'][]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const liste = useLaden(async () => {
    const s = await ergebnis(api.GET('/aussonderungen', { params: { query: { limit: 20 } } }));
    setCursor(s.nextCursor ?? null);
    return s;
  }, []);
  const mehr = useAktion(async () => {
    if (!cursor) return;
    const s = await ergebnis(api.GET('/aussonderungen', { params: { query: { limit: 50, cursor } } }));
    setWeitere((w) => [...w, ...s.items]);
    setCursor(s.nextCursor ?? null);
  });
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
            <div className="kern-table-responsive">
              <table className="kern-table kern-table--small">
                <caption className="kern-sr-only">{R.titel}</caption>
                <thead className="kern-table__header">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {R.begonnen}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {R.von}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {R.akten}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {R.status}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {zeilen.map((a) => (
                    <tr className="kern-table__row" key={a.id}>
                      <td className="kern-table__cell">
                        <Link className="kern-link" href={pfad('aussonderung', { id: a.id })} aria-label={R.oeffnen(zeit(a.erstelltAm))}>
                          {zeit(a.erstelltAm)}
                        </Link>
                      </td>
                      <td className="kern-table__cell">{a.erstelltVon}</td>
                      <td className="kern-table__cell">{a.objekte}</td>
                      <td className="kern-table__cell">
                        {T.aussonderung.status[a.status] ?? a.status}
                        {a.vernichtungOffen && (
                          <>
                            {' '}
                            <span className="kern-badge kern-badge--warning">
                              <span className="kern-label">{R.freigabeAusstehend}</span>
                            </span>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
