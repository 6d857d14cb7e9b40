// One Dokument: where it is filed, metadata (changeable with If-Match), the preview and OCR state of
// the current version, versions (download, PDF view), new version, Eingangsstempel.
import type { Schemas } from '@eakte/api-client';
import { useEffect, useState } from 'react';
import { Ablage } from '../Ablage';
import { api, ergebnis, inhaltLaden, mitEtag, speichern, useAktion, useLaden } from '../api';
import type { Sitzung } from '../auth';
import { pfad } from '../pfade';
import { Link } from '../router';
import { useNamen } from '../namen';
import { T } from '../texte';
import { Angaben, Erfolg, Feld, Fehlermeldung, Formular, Seite, Tabelle, datum, groesse, zeit } from '../ui';
import { Geladen } from './Laden';
import { Pfadleiste } from './Pfadleiste';
import { OcrStand, Vorschau } from './Vorschau';

/** Betreff, Absender, Eingangsdatum and Bemerkung; sent with the ETag the page was loaded with. */
function Bearbeiten({ dok, etag, registratur, gespeichert }: { dok: Schemas['Dokument']; etag: string; registratur: boolean; gespeichert: () => void }) {
  const [f, setF] = useState({ betreff: dok.betreff, absender: dok.absender ?? '', eingangsdatum: dok.eingangsdatum ?? '', bemerkung: dok.bemerkung ?? '', grund: '' });
  const feld = (k: keyof typeof f) => ({ name: k, value: f[k], onChange: (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value })) });
  const aendern = useAktion(async () => {
    await ergebnis(
      api.PATCH('/dokumente/{id}', {
        params: { path: { id: dok.id }, header: { 'If-Match': etag } },
        body: {
          betreff: f.betreff.trim(),
          absender: f.absender.trim() || null,
          eingangsdatum: f.eingangsdatum || null,
          bemerkung: f.bemerkung.trim() || null,
          ...(f.grund.trim() ? { grund: f.grund.trim() } : {}),
        },
      }),
    );
    gespeichert();
  });
  return (
    <section aria-labelledby="bearbeiten-titel">
      <h2 id="bearbeiten-titel" className="kern-heading-medium">
        {T.dokument.bearbeiten}
      </h2>
      <Formular aktion={aendern} knopf={T.dokument.speichern} zweitrangig>
        <Feld label={T.dokument.betreff} required maxLength={500} {...feld('betreff')} />
        <Feld label={T.dokument.absenderOptional} maxLength={500} {...feld('absender')} />
        <Feld label={T.dokument.eingangOptional} type="date" {...feld('eingangsdatum')} />
        <Feld label={T.dokument.bemerkung} maxLength={4000} {...feld('bemerkung')} />
        {registratur && <Feld label={T.dokument.grund} maxLength={1000} {...feld('grund')} />}
      </Formular>
    </section>
  );
}

const inhaltUrl = (id: string, nr: number) => `/api/v1/dokumente/${encodeURIComponent(id)}/versionen/${nr}/inhalt`;

export function Dokument({ id, sitzung }: { id: string; sitzung: Sitzung }) {
  const geladen = useLaden(() => mitEtag(api.GET('/dokumente/{id}', { params: { path: { id } } })), [id]);
  const dok = { ...geladen, daten: geladen.daten?.daten };
  const vorgangId = geladen.daten?.daten.vorgangId;
  const vorgang = useLaden(async () => (vorgangId ? ergebnis(api.GET('/vorgaenge/{id}', { params: { path: { id: vorgangId } } })) : undefined), [vorgangId]);
  const [gespeichert, setGespeichert] = useState(false);
  const name = useNamen();
  const versionen = useLaden(() => ergebnis(api.GET('/dokumente/{id}/versionen', { params: { path: { id } } })), [id]);
  const [ansicht, setAnsicht] = useState<{ url: string; name: string }>();
  const [meldung, setMeldung] = useState<string>();
  useEffect(() => () => ansicht && URL.revokeObjectURL(ansicht.url), [ansicht]);

  const herunterladen = useAktion(async (v: Schemas['DokumentVersion']) => speichern(await inhaltLaden(inhaltUrl(id, v.nr)), v.dateiname));
  const anzeigen = useAktion(async (v: Schemas['DokumentVersion']) => {
    const blob = await inhaltLaden(inhaltUrl(id, v.nr));
    setAnsicht({ url: URL.createObjectURL(new Blob([blob], { type: 'application/pdf' })), name: v.dateiname });
  });
  const pdfAnzeigen = useAktion(async (url: string, name: string) => {
    const blob = await inhaltLaden(url);
    setAnsicht({ url: URL.createObjectURL(new Blob([blob], { type: 'application/pdf' })), name });
  });
  const stempeln = useAktion(async () => {
    const v = await ergebnis(api.POST('/dokumente/{id}/eingangsstempel', { params: { path: { id } } }));
    setMeldung(T.dokument.stempelErfolg(v.nr));
    versionen.neuLaden();
    geladen.neuLaden();
  });
  const fehler = herunterladen.fehler ?? anzeigen.fehler ?? pdfAnzeigen.fehler ?? stempeln.fehler;

  return (
    <Geladen l={dok}>
      {(d) => (
        <Seite
          titel={d.betreff ?? d.aktuelleVersion?.dateiname ?? T.vorgang.dokumente}
          unterzeile={T.dokument.kicker}
          vorspann={
            <Pfadleiste
              akteId={d.akteId}
              vorgang={vorgang.daten ? { id: d.vorgangId, kennzeichen: vorgang.daten.kennzeichen } : undefined}
              dokument={d.betreff ?? d.aktuelleVersion?.dateiname ?? ''}
            />
          }
        >
          <Angaben
            eintraege={[
              [
                T.vorgang.akte,
                <Link className="kern-link" href={pfad('akte', { id: d.akteId })}>
                  {vorgang.daten ? T.dokument.akteZeile(vorgang.daten.aktenzeichen) : T.dokument.zurAkte}
                </Link>,
              ],
              [
                T.dokument.vorgang,
                <Link className="kern-link" href={pfad('vorgang', { id: d.vorgangId })}>
                  {vorgang.daten ? T.akte.vorgangZeile(vorgang.daten.kennzeichen, vorgang.daten.betreff) : T.dokument.zumVorgang}
                </Link>,
              ],
              [T.dokument.datum, datum(d.datumDesSchreibens)],
              [T.dokument.eingang, datum(d.eingangsdatum)],
              [T.dokument.absender, d.absender ?? '–'],
              [T.dokument.bemerkung, d.bemerkung ?? '–'],
            ]}
          />
          {gespeichert && <Erfolg>{T.dokument.gespeichert}</Erfolg>}
          <Fehlermeldung fehler={fehler} />
          {meldung && <Erfolg>{meldung}</Erfolg>}
          {d.aktuelleVersion && <Vorschau key={d.aktuelleVersion.nr} dokumentId={d.id} version={d.aktuelleVersion} pdfAnzeigen={(url, name) => void pdfAnzeigen.ausfuehren(url, name)} />}
          {d.aktuelleVersion?.ocr && <OcrStand ocr={d.aktuelleVersion.ocr} />}
          <section aria-labelledby="versionen-titel">
            <h2 id="versionen-titel" className="kern-heading-medium">
              {T.dokument.versionen}
            </h2>
            <Geladen l={versionen}>
              {(l) => (
                <Tabelle
                  zeilen={l.items}
                  schluessel={(v) => v.nr}
                  beschriftung={T.dokument.versionen}
                  spalten={[
                    { titel: T.dokument.nr, zelle: (v) => v.nr },
                    {
                      titel: T.dokument.datei,
                      zelle: (v) => (
                        <>
                          {v.dateiname} ({T.dokument.herkunft[v.herkunft] ?? v.herkunft})
                        </>
                      ),
                    },
                    { titel: T.dokument.groesse, zelle: (v) => groesse(v.groesse) },
                    {
                      titel: T.dokument.erstellt,
                      zelle: (v) => (
                        <>
                          {zeit(v.erstelltAm)} {T.dokument.von} {name(v.erstelltVon)}
                        </>
                      ),
                    },
                    {
                      titel: T.dokument.aktionen,
                      verborgen: true,
                      zelle: (v) => (
                        <div className="eakte-knoepfe">
                          <button
                            className="kern-btn kern-btn--secondary kern-btn--x-small"
                            type="button"
                            aria-label={`${T.dokument.herunterladenVon(v.dateiname)} (Version ${v.nr})`}
                            onClick={() => void herunterladen.ausfuehren(v)}
                          >
                            <span className="kern-icon kern-icon--download" aria-hidden="true" />
                            <span className="kern-label">{T.dokument.herunterladen}</span>
                          </button>
                          {v.mimeType === 'application/pdf' && (
                            <button
                              className="kern-btn kern-btn--tertiary kern-btn--x-small"
                              type="button"
                              aria-label={`${T.dokument.anzeigen}: ${v.dateiname} (Version ${v.nr})`}
                              onClick={() => void anzeigen.ausfuehren(v)}
                            >
                              <span className="kern-icon kern-icon--visibility" aria-hidden="true" />
                              <span className="kern-label">{T.dokument.anzeigen}</span>
                            </button>
                          )}
                        </div>
                      ),
                    },
                  ]}
                />
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
              geladen.neuLaden();
            }}
          />
          {geladen.daten && (
            <Bearbeiten
              key={geladen.daten.etag}
              dok={d}
              etag={geladen.daten.etag}
              registratur={sitzung.rollen.includes('registratur')}
              gespeichert={() => {
                setGespeichert(true);
                geladen.neuLaden();
              }}
            />
          )}
        </Seite>
      )}
    </Geladen>
  );
}
