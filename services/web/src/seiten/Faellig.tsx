// Registratur: Akten due for Aussonderung; the chosen ones are offered to the archive.
import { useState } from 'react';
import { api, ergebnis, useAktion, useSeitenweise } from '../api';
import { pfad } from '../pfade';
import { navigieren } from '../router';
import { T } from '../texte';
import { Fehlermeldung, Seite, Tabelle, datum } from '../ui';
import { AktenzeichenMitSperre, BegonneneAussonderungen } from './Aussonderungen';
import { Geladen } from './Laden';

export function Faellig() {
  const { liste, weitere, cursor, mehr } = useSeitenweise((cursor) => api.GET('/aussonderung/faellig', { params: { query: cursor ? { limit: 200, cursor } : { limit: 200 } } }));
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
              <Tabelle
                zeilen={akten}
                beschriftung={T.registratur.faelligTitel}
                spalten={[
                  {
                    titel: 'Auswahl',
                    verborgen: true,
                    zelle: (a) => (
                      <input
                        type="checkbox"
                        className="kern-form-check__checkbox"
                        aria-label={T.registratur.auswahl(a.aktenzeichen)}
                        checked={auswahl.has(a.id)}
                        disabled={a.gesperrt}
                        onChange={() => umschalten(a.id)}
                      />
                    ),
                  },
                  {
                    titel: T.akte.aktenzeichen,
                    zelle: (a) => <AktenzeichenMitSperre id={a.id} aktenzeichen={a.aktenzeichen} gesperrt={a.gesperrt} />,
                  },
                  { titel: T.akte.betreff, zelle: (a) => a.betreff },
                  { titel: T.akte.art, zelle: (a) => (a.aussonderungsart ? T.akte.arten[a.aussonderungsart] : '–') },
                  { titel: T.akte.faelligAb, zelle: (a) => datum(a.aussonderungFaelligAb) },
                ]}
              />
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
