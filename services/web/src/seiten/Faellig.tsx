// Registratur: Akten due for Aussonderung; the chosen ones are offered to the archive.
import type { Schemas } from '@eakte/api-client';
import { useState } from 'react';
import { api, ergebnis, useAktion, useLaden } from '../api';
import { pfad } from '../pfade';
import { Link, navigieren } from '../router';
import { T } from '../texte';
import { Fehlermeldung, Seite, datum } from '../ui';
import { BegonneneAussonderungen } from './Aussonderungen';
import { Geladen } from './Laden';

export function Faellig() {
  const [weitere, setWeitere] = useState<Schemas['FaelligeAkte'][]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const liste = useLaden(async () => {
    const s = await ergebnis(api.GET('/aussonderung/faellig', { params: { query: { limit: 200 } } }));
    setCursor(s.nextCursor ?? null);
    return s;
  }, []);
  const mehr = useAktion(async () => {
    if (!cursor) return;
    const s = await ergebnis(api.GET('/aussonderung/faellig', { params: { query: { limit: 200, cursor } } }));
    setWeitere((w) => [...w, ...s.items]);
    setCursor(s.nextCursor ?? null);
  });
  const [auswahl, setAuswahl] = useState<Set<string>>(new Set());
  const anbieten = useAktion(async () => {
    const a = await ergebnis(api.POST('/aussonderungen', { body: { akten: [...auswahl] } }));
    navigieren(pfad('aussonderung', { id: a.id }));
  });
  const umschalten = (id: string) =>
    setAuswahl((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  return (
    <Seite titel={T.registratur.faelligTitel}>
      <p className="kern-body">{T.registratur.faelligEinleitung}</p>
      <Geladen l={liste}>
        {(d) => {
          const akten = [...d.items, ...weitere];
          if (!akten.length) return <p className="kern-body">{T.registratur.keineFaelligen}</p>;
          return (
            <form
              className="eakte-formular eakte-formular--breit"
              onSubmit={(e) => {
                e.preventDefault();
                void anbieten.ausfuehren();
              }}
            >
              <div className="kern-table-responsive">
                <table className="kern-table">
                  <caption className="kern-sr-only">{T.registratur.faelligTitel}</caption>
                  <thead className="kern-table__header">
                    <tr className="kern-table__row">
                      <th scope="col" className="kern-table__header">
                        <span className="kern-sr-only">Auswahl</span>
                      </th>
                      <th scope="col" className="kern-table__header">
                        {T.akte.aktenzeichen}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {T.akte.betreff}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {T.akte.art}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {T.akte.faelligAb}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {akten.map((a) => (
                      <tr className="kern-table__row" key={a.id}>
                        <td className="kern-table__cell">
                          <input
                            type="checkbox"
                            className="kern-form-check__checkbox"
                            aria-label={T.registratur.auswahl(a.aktenzeichen)}
                            checked={auswahl.has(a.id)}
                            disabled={a.gesperrt}
                            onChange={() => umschalten(a.id)}
                          />
                        </td>
                        <td className="kern-table__cell">
                          <Link className="kern-link" href={pfad('akte', { id: a.id })}>
                            {a.aktenzeichen}
                          </Link>{' '}
                          {a.gesperrt && <span className="kern-badge kern-badge--danger">{T.registratur.gesperrt}</span>}
                        </td>
                        <td className="kern-table__cell">{a.betreff}</td>
                        <td className="kern-table__cell">{a.aussonderungsart ? T.akte.arten[a.aussonderungsart] : '–'}</td>
                        <td className="kern-table__cell">{datum(a.aussonderungFaelligAb)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {cursor && (
                <button className="kern-btn kern-btn--tertiary" type="button" onClick={() => void mehr.ausfuehren()}>
                  <span className="kern-label">{T.registratur.mehr}</span>
                </button>
              )}
              <Fehlermeldung fehler={anbieten.fehler ?? mehr.fehler} />
              <div className="eakte-knoepfe">
                <button className="kern-btn kern-btn--primary" type="submit" disabled={auswahl.size === 0 || anbieten.laeuft}>
                  <span className="kern-label">{T.registratur.anbieten}</span>
                </button>
                <span className="kern-body" role="status">
                  {T.registratur.anbietenAnzahl(auswahl.size)}
                </span>
              </div>
            </form>
          );
        }}
      </Geladen>
      <BegonneneAussonderungen />
    </Seite>
  );
}
