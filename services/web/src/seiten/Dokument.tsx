// One Dokument: metadata, versions (download, PDF view), new version, Eingangsstempel.
import type { Schemas } from '@eakte/api-client';
import { useEffect, useState } from 'react';
import { Ablage } from '../Ablage';
import { api, ergebnis, inhaltLaden, speichern, useAktion, useLaden } from '../api';
import { pfad } from '../pfade';
import { Link } from '../router';
import { T } from '../texte';
import { Angaben, Erfolg, Fehlermeldung, Seite, datum, groesse, zeit } from '../ui';
import { Geladen } from './Laden';

const inhaltUrl = (id: string, nr: number) => `/api/v1/dokumente/${encodeURIComponent(id)}/versionen/${nr}/inhalt`;

export function Dokument({ id }: { id: string }) {
  const dok = useLaden(() => ergebnis(api.GET('/dokumente/{id}', { params: { path: { id } } })), [id]);
  const versionen = useLaden(() => ergebnis(api.GET('/dokumente/{id}/versionen', { params: { path: { id } } })), [id]);
  const [ansicht, setAnsicht] = useState<{ url: string; name: string }>();
  const [meldung, setMeldung] = useState<string>();
  useEffect(() => () => ansicht && URL.revokeObjectURL(ansicht.url), [ansicht]);

  const herunterladen = useAktion(async (v: Schemas['DokumentVersion']) => speichern(await inhaltLaden(inhaltUrl(id, v.nr)), v.dateiname));
  const anzeigen = useAktion(async (v: Schemas['DokumentVersion']) => {
    const blob = await inhaltLaden(inhaltUrl(id, v.nr));
    setAnsicht({ url: URL.createObjectURL(new Blob([blob], { type: 'application/pdf' })), name: v.dateiname });
  });
  const stempeln = useAktion(async () => {
    const v = await ergebnis(api.POST('/dokumente/{id}/eingangsstempel', { params: { path: { id } } }));
    setMeldung(T.dokument.stempelErfolg(v.nr));
    versionen.neuLaden();
    dok.neuLaden();
  });
  const fehler = herunterladen.fehler ?? anzeigen.fehler ?? stempeln.fehler;

  return (
    <Geladen l={dok}>
      {(d) => (
        <Seite titel={d.betreff ?? d.aktuelleVersion?.dateiname ?? T.vorgang.dokumente} unterzeile={T.dokument.versionen}>
          <Angaben
            eintraege={[
              [T.dokument.vorgang, <Link className="kern-link" href={pfad('vorgang', { id: d.vorgangId })}>{T.dokument.zumVorgang}</Link>],
              [T.dokument.datum, datum(d.datumDesSchreibens)],
              [T.dokument.eingang, datum(d.eingangsdatum)],
              [T.dokument.absender, d.absender ?? '–'],
            ]}
          />
          <Fehlermeldung fehler={fehler} />
          {meldung && <Erfolg>{meldung}</Erfolg>}
          <section aria-labelledby="versionen-titel">
            <h2 id="versionen-titel" className="kern-heading-medium">
              {T.dokument.versionen}
            </h2>
            <Geladen l={versionen}>
              {(l) => (
                <div className="kern-table-responsive">
                  <table className="kern-table">
                    <caption className="kern-sr-only">{T.dokument.versionen}</caption>
                    <thead className="kern-table__header">
                      <tr className="kern-table__row">
                        <th scope="col" className="kern-table__header">{T.dokument.nr}</th>
                        <th scope="col" className="kern-table__header">{T.dokument.datei}</th>
                        <th scope="col" className="kern-table__header">{T.dokument.groesse}</th>
                        <th scope="col" className="kern-table__header">{T.dokument.erstellt}</th>
                        <th scope="col" className="kern-table__header">
                          <span className="kern-sr-only">{T.dokument.aktionen}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody className="kern-table__body">
                      {l.items.map((v) => (
                        <tr className="kern-table__row" key={v.nr}>
                          <td className="kern-table__cell">{v.nr}</td>
                          <td className="kern-table__cell">
                            {v.dateiname} ({T.dokument.herkunft[v.herkunft] ?? v.herkunft})
                          </td>
                          <td className="kern-table__cell">{groesse(v.groesse)}</td>
                          <td className="kern-table__cell">
                            {zeit(v.erstelltAm)} {T.dokument.von} {v.erstelltVon}
                          </td>
                          <td className="kern-table__cell">
                            <div className="eakte-knoepfe">
                              <button className="kern-btn kern-btn--secondary kern-btn--x-small" type="button" aria-label={`${T.dokument.herunterladenVon(v.dateiname)} (Version ${v.nr})`} onClick={() => void herunterladen.ausfuehren(v)}>
                                <span className="kern-icon kern-icon--download" aria-hidden="true" />
                                <span className="kern-label">{T.dokument.herunterladen}</span>
                              </button>
                              {v.mimeType === 'application/pdf' && (
                                <button className="kern-btn kern-btn--tertiary kern-btn--x-small" type="button" aria-label={`${T.dokument.anzeigen}: ${v.dateiname} (Version ${v.nr})`} onClick={() => void anzeigen.ausfuehren(v)}>
                                  <span className="kern-icon kern-icon--visibility" aria-hidden="true" />
                                  <span className="kern-label">{T.dokument.anzeigen}</span>
                                </button>
                              )}
                            </div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </Geladen>
          </section>
          {ansicht && (
            <section aria-labelledby="ansicht-titel">
              <h2 id="ansicht-titel" className="kern-heading-medium">
                {T.dokument.ansichtTitel(ansicht.name)}
              </h2>
              <iframe className="eakte-pdf" src={ansicht.url} title={T.dokument.ansichtTitel(ansicht.name)} />
              <button className="kern-btn kern-btn--tertiary" type="button" onClick={() => setAnsicht(undefined)}>
                <span className="kern-label">{T.dokument.schliessen}</span>
              </button>
            </section>
          )}
          {d.aktuelleVersion?.mimeType === 'application/pdf' && (
            <div className="eakte-knoepfe">
              <button className="kern-btn kern-btn--secondary" type="button" disabled={stempeln.laeuft} onClick={() => void stempeln.ausfuehren()}>
                <span className="kern-label">{T.dokument.stempel}</span>
              </button>
            </div>
          )}
          <Ablage<Schemas['DokumentVersion']>
            titel={T.upload.neueVersion}
            mehrere={false}
            url={`/api/v1/dokumente/${encodeURIComponent(id)}/versionen`}
            formular={(datei) => {
              const f = new FormData();
              f.append('datei', datei, datei.name);
              return f;
            }}
            fertig={(v) => {
              setMeldung(T.upload.versionFertig(v.nr));
              versionen.neuLaden();
              dok.neuLaden();
            }}
          />
        </Seite>
      )}
    </Geladen>
  );
}
