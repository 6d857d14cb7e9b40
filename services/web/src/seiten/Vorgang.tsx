// One Vorgang: its documents, upload by drag and drop, z.d.A.
import type { Schemas } from '@eakte/api-client';
import { useState } from 'react';
import { Ablage } from '../Ablage';
import { api, ergebnis, useAktion, useLaden } from '../api';
import { Bestaetigung } from '../bestaetigung';
import { pfad } from '../pfade';
import { Link } from '../router';
import { T } from '../texte';
import { Angaben, Erfolg, Seite, Tabelle, datum, groesse } from '../ui';
import { betreffAusDateiname, heute } from '../upload';
import { Geladen } from './Laden';

export function DokumentTabelle({ dokumente, beschriftung = T.vorgang.dokumente }: { dokumente: Schemas['Dokument'][]; beschriftung?: string }) {
  return (
    <Tabelle
      zeilen={dokumente}
      beschriftung={beschriftung}
      spalten={[
        { titel: T.dokument.betreff, zelle: (d) => <Link className="kern-link" href={pfad('dokument', { id: d.id })}>{d.betreff ?? d.aktuelleVersion?.dateiname}</Link> },
        { titel: T.dokument.datum, zelle: (d) => datum(d.datumDesSchreibens) },
        { titel: T.dokument.datei, zelle: (d) => d.aktuelleVersion?.dateiname },
        { titel: T.dokument.groesse, zelle: (d) => (d.aktuelleVersion ? groesse(d.aktuelleVersion.groesse) : '–') },
      ]}
    />
  );
}

export function Vorgang({ id }: { id: string }) {
  const vorgang = useLaden(() => ergebnis(api.GET('/vorgaenge/{id}', { params: { path: { id } } })), [id]);
  const dokumente = useLaden(() => ergebnis(api.GET('/vorgaenge/{id}/dokumente', { params: { path: { id }, query: { limit: 200 } } })), [id]);
  const [erfolg, setErfolg] = useState(false);
  const [frage, setFrage] = useState(false);
  const zda = useAktion(async () => {
    await ergebnis(api.POST('/vorgaenge/{id}/zda', { params: { path: { id } }, body: {} }));
    setFrage(false);
    setErfolg(true);
    vorgang.neuLaden();
  });
  return (
    <Geladen l={vorgang}>
      {(v) => (
        <Seite titel={`Vorgang ${v.kennzeichen}`} unterzeile={v.betreff}>
          <Angaben
            eintraege={[
              [T.vorgang.akte, <Link className="kern-link" href={pfad('akte', { id: v.akteId })}>{v.aktenzeichen}</Link>],
              [T.akte.status, v.status === 'geschlossen' ? T.akte.geschlossen : T.akte.offen],
              [T.vorgang.wiedervorlage, datum(v.wiedervorlage)],
              [T.akte.zdaDatum, datum(v.zdaDatum)],
            ]}
          />
          <section aria-labelledby="dok-titel">
            <h2 id="dok-titel" className="kern-heading-medium">
              {T.vorgang.dokumente}
            </h2>
            <Geladen l={dokumente}>{(d) => (d.items.length ? <DokumentTabelle dokumente={d.items} /> : <p className="kern-body">{T.vorgang.keineDokumente}</p>)}</Geladen>
          </section>
          {v.status === 'offen' && (
            <Ablage<Schemas['Dokument']>
              titel={T.upload.titel}
              mehrere
              url={`/api/v1/vorgaenge/${encodeURIComponent(id)}/dokumente`}
              formular={(datei) => {
                const f = new FormData();
                f.append('betreff', betreffAusDateiname(datei.name));
                f.append('datumDesSchreibens', heute());
                f.append('datei', datei, datei.name);
                return f;
              }}
              fertig={() => dokumente.neuLaden()}
            />
          )}
          {erfolg && <Erfolg>{T.vorgang.zdaErfolg}</Erfolg>}
          {v.status === 'offen' && (
            <section aria-labelledby="vzda-titel">
              <h2 id="vzda-titel" className="kern-heading-medium">
                {T.vorgang.zda}
              </h2>
              <button className="kern-btn kern-btn--secondary" type="button" disabled={zda.laeuft} onClick={() => setFrage(true)}>
                <span className="kern-label">{T.vorgang.zda}</span>
              </button>
              {frage && (
                <Bestaetigung titel={T.bestaetigung.zdaVorgangTitel} knopf={T.bestaetigung.zdaVorgangKnopf} aktion={zda} abbrechen={() => setFrage(false)}>
                  <p className="kern-body">{T.bestaetigung.zdaVorgang(v.kennzeichen, dokumente.daten?.items.length ?? 0)}</p>
                </Bestaetigung>
              )}
            </section>
          )}
        </Seite>
      )}
    </Geladen>
  );
}
