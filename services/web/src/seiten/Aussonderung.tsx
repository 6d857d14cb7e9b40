// Registratur: one Aussonderung as a wizard — offer (0501), appraisal (0502), transfer (0503),
// confirmations (0504/0507, 0506), destruction by two people, and the Vernichtungsprotokoll.
import type { Schemas } from '@eakte/api-client';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { api, dateiSenden, ergebnis, herunterladen, useAktion, useLaden } from '../api';
import { loeschungText, naechsteAbfrage, protokollDateien } from '../aussonderung';
import type { Sitzung } from '../auth';
import { Bestaetigung } from '../bestaetigung';
import { useNamen } from '../namen';
import { T } from '../texte';
import { Erfolg, Feld, Fehlermeldung, Formular, Seite, Tabelle, datum, zeit } from '../ui';
import { AktenzeichenMitSperre } from './Aussonderungen';
import { Geladen } from './Laden';

type Aussonderung = Schemas['Aussonderung'];
const basis = (id: string) => `/api/v1/aussonderungen/${encodeURIComponent(id)}`;

function Schritt({ nr, titel, erledigt, children }: { nr: number; titel: string; erledigt: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <li className="eakte-schritt" aria-labelledby={id}>
      <h3 id={id} className="kern-heading-small">
        {nr}. {titel} {erledigt && <span className="kern-badge kern-badge--success">{T.aussonderung.erledigt}</span>}
      </h3>
      <div className="eakte-knoepfe">{children}</div>
    </li>
  );
}

function NachrichtHochladen({ label, url, fertig }: { label: string; url: string; fertig: (a: Aussonderung) => void }) {
  const id = useId();
  const [datei, setDatei] = useState<File>();
  const senden = useAktion(async () => {
    if (!datei) return;
    fertig(await dateiSenden<Aussonderung>(url, datei));
    setDatei(undefined);
  });
  return (
    <form
      className="eakte-knoepfe"
      onSubmit={(e) => {
        e.preventDefault();
        void senden.ausfuehren();
      }}
    >
      <span className="kern-label" id={`${id}-label`}>
        {label}
      </span>
      <input
        id={id}
        className="kern-sr-only eakte-datei"
        type="file"
        aria-labelledby={`${id}-label`}
        accept=".xml,.zip,application/xml,application/zip"
        onChange={(e) => setDatei(e.target.files?.[0])}
      />
      <label className="kern-btn kern-btn--tertiary" htmlFor={id}>
        <span className="kern-icon kern-icon--drive-folder-upload" aria-hidden="true" />
        <span className="kern-label">{T.aussonderung.dateiWaehlen}</span>
      </label>
      <span className="kern-body">{datei?.name ?? T.aussonderung.keineDatei}</span>
      <button className="kern-btn kern-btn--secondary" type="submit" disabled={!datei || senden.laeuft}>
        <span className="kern-label">{T.aussonderung.einlesen}</span>
      </button>
      <Fehlermeldung fehler={senden.fehler} fokussieren />
    </form>
  );
}

export function AussonderungSeite({ id, sitzung }: { id: string; sitzung: Sitzung }) {
  const a = useLaden(() => ergebnis(api.GET('/aussonderungen/{id}', { params: { path: { id } } })), [id]);
  const [meldung, setMeldung] = useState<string>();
  const name = useNamen();
  const [bewertung, setBewertung] = useState<Record<string, 'A' | 'V'>>({});
  // a hand appraisal names the archive's letter it was taken from
  const [schreiben, setSchreiben] = useState({ zeichen: '', datum: '', archivar: '' });
  const [dialog, setDialog] = useState<'freigabe' | 'ablehnung'>();
  const [grund, setGrund] = useState('');
  // a running job (transfer, destruction, the protocol) reports its progress: look again until it is done
  const warten = naechsteAbfrage(a.daten);
  const [angebotGeladen, setAngebotGeladen] = useState(false);
  useEffect(() => {
    if (warten === null) return;
    const t = setTimeout(a.neuLaden, warten);
    return () => clearTimeout(t);
  }, [warten, a.daten, a.neuLaden]);
  const fertig = () => {
    setMeldung(T.aussonderung.eingelesen);
    a.neuLaden();
  };
  const laden = useAktion((url: string, name: string) => herunterladen(url, name));
  const anbietung = useAktion(async () => {
    await herunterladen(`${basis(id)}/anbietung`, `${id}_Aussonderung.Anbieteverzeichnis.0501.zip`);
    setAngebotGeladen(true);
  });
  const bewerten = useAktion(async () => {
    await ergebnis(api.POST('/aussonderungen/{id}/bewertung', { params: { path: { id } }, body: { bewertungen: bewertung, ...schreiben } }));
    setMeldung(T.aussonderung.bewertet);
    a.neuLaden();
  });
  const vernichtung = useAktion(async () => {
    await ergebnis(api.POST('/aussonderungen/{id}/vernichtung', { params: { path: { id } } }));
    a.neuLaden();
  });
  const freigabe = useAktion(async () => {
    await ergebnis(api.POST('/aussonderungen/{id}/vernichtung/freigabe', { params: { path: { id } } }));
    setDialog(undefined);
    a.neuLaden();
  });
  const ablehnung = useAktion(async () => {
    await ergebnis(api.POST('/aussonderungen/{id}/vernichtung/ablehnung', { params: { path: { id } }, body: { grund } }));
    setDialog(undefined);
    setGrund('');
    a.neuLaden();
  });
  return (
    <Geladen l={a}>
      {(d) => {
        const hatV = d.objekte.some((o) => o.bewertung === 'V');
        const hatA = d.objekte.some((o) => o.bewertung === 'A');
        const unbewertet = d.objekte.filter((o) => !o.bewertung);
        const nachricht = (typ: string) => d.nachrichten.some((n) => n.typ === typ);
        // steps shown depend on the appraisal: numbered as shown, without gaps
        let nr = 0;
        const naechste = () => ++nr;
        // the request in force; a refused one is history shown above the new request button
        const antrag = d.vernichtung && !d.vernichtung.abgelehntAm ? d.vernichtung : null;
        const abgelehnt = d.vernichtung?.abgelehntAm ? d.vernichtung : null;
        const zuVernichten = d.objekte.filter((o) => o.bewertung === 'V' && o.status === 'bewertet');
        return (
          <Seite titel={`${T.aussonderung.titel}: ${T.aussonderung.status[d.status] ?? d.status}`} unterzeile={T.aussonderung.prozess(datum(d.erstelltAm), d.objekte.length)}>
            {d.fortschritt.schritt && (
              <div className="kern-progress">
                <label className="kern-label" htmlFor="job">
                  {T.aussonderung.fortschrittText(T.aussonderung.jobs[d.fortschritt.schritt] ?? d.fortschritt.schritt, d.fortschritt.erledigt, d.fortschritt.gesamt)}
                </label>
                <progress id="job" max={Math.max(1, d.fortschritt.gesamt)} value={d.fortschritt.erledigt} />
              </div>
            )}
            {meldung && <Erfolg>{meldung}</Erfolg>}
            <Fehlermeldung fehler={anbietung.fehler ?? laden.fehler ?? vernichtung.fehler} />
            <section aria-labelledby="objekte-titel">
              <h2 id="objekte-titel" className="kern-heading-medium">
                {T.aussonderung.objekte}
              </h2>
              <Tabelle
                zeilen={d.objekte}
                schluessel={(o) => o.akteId}
                beschriftung={T.aussonderung.objekte}
                spalten={[
                  {
                    titel: T.akte.aktenzeichen,
                    zelle: (o) => <AktenzeichenMitSperre id={o.akteId} aktenzeichen={o.aktenzeichen} gesperrt={o.gesperrt} />,
                  },
                  { titel: T.akte.betreff, zelle: (o) => o.betreff },
                  { titel: T.aussonderung.bewertung, zelle: (o) => o.bewertung ?? '–' },
                  { titel: T.akte.status, zelle: (o) => o.status },
                  { titel: T.aussonderung.archivkennung, zelle: (o) => o.archivkennung ?? '–' },
                  { titel: T.aussonderung.loeschungSpalte, zelle: (o) => loeschungText(o) },
                ]}
              />
            </section>
            <section aria-labelledby="schritte-titel">
              <h2 id="schritte-titel" className="kern-heading-medium">
                {T.aussonderung.schritte}
              </h2>
              <ol className="eakte-schritte">
                <Schritt nr={naechste()} titel={T.aussonderung.s1} erledigt={angebotGeladen || !!d.bewertetAm || d.status !== 'angeboten'}>
                  <button className="kern-btn kern-btn--secondary" type="button" onClick={() => void anbietung.ausfuehren()}>
                    <span className="kern-icon kern-icon--download" aria-hidden="true" />
                    <span className="kern-label">{T.aussonderung.s1knopf}</span>
                  </button>
                </Schritt>
                <Schritt nr={naechste()} titel={T.aussonderung.s2} erledigt={!!d.bewertetAm}>
                  {unbewertet.length > 0 && (
                    <>
                      <NachrichtHochladen label={T.aussonderung.s2datei} url={`${basis(id)}/bewertung`} fertig={fertig} />
                      <Formular
                        aktion={bewerten}
                        knopf={T.aussonderung.s2speichern}
                        pruefen={() => (Object.keys(bewertung).length ? [] : [{ id: `${unbewertet[0]!.akteId}-A`, label: T.aussonderung.s2manuell, text: T.aussonderung.s2keine }])}
                      >
                        <fieldset className="kern-fieldset">
                          <legend className="kern-label">{T.aussonderung.s2manuell}</legend>
                          {unbewertet.map((o) => (
                            <div className="kern-fieldset__body kern-fieldset__body--horizontal" role="radiogroup" aria-label={o.aktenzeichen} key={o.akteId}>
                              <span className="kern-body">{o.aktenzeichen}</span>
                              {(['A', 'V'] as const).map((w) => (
                                <div className="kern-form-check" key={w}>
                                  <input
                                    className="kern-form-check__radio"
                                    type="radio"
                                    id={`${o.akteId}-${w}`}
                                    name={`bewertung-${o.akteId}`}
                                    checked={bewertung[o.akteId] === w}
                                    onChange={() => setBewertung((b) => ({ ...b, [o.akteId]: w }))}
                                  />
                                  <label className="kern-label" htmlFor={`${o.akteId}-${w}`}>
                                    {w === 'A' ? T.aussonderung.s2a : T.aussonderung.s2v}
                                  </label>
                                </div>
                              ))}
                            </div>
                          ))}
                        </fieldset>
                        <Feld label={T.aussonderung.s2zeichen} name="zeichen" required value={schreiben.zeichen} onChange={(e) => setSchreiben((x) => ({ ...x, zeichen: e.target.value }))} />
                        <Feld label={T.aussonderung.s2datum} name="datum" type="date" required value={schreiben.datum} onChange={(e) => setSchreiben((x) => ({ ...x, datum: e.target.value }))} />
                        <Feld label={T.aussonderung.s2archivar} name="archivar" required value={schreiben.archivar} onChange={(e) => setSchreiben((x) => ({ ...x, archivar: e.target.value }))} />
                      </Formular>
                    </>
                  )}
                </Schritt>
                {hatA && (
                  <Schritt nr={naechste()} titel={T.aussonderung.s3} erledigt={!!d.abgegebenAm}>
                    <button className="kern-btn kern-btn--secondary" type="button" onClick={() => void laden.ausfuehren(`${basis(id)}/abgabe`, `${id}_Aussonderung.Aussonderung.0503.zip`)}>
                      <span className="kern-icon kern-icon--download" aria-hidden="true" />
                      <span className="kern-label">{T.aussonderung.s3knopf}</span>
                    </button>
                  </Schritt>
                )}
                {hatA && (
                  <Schritt nr={naechste()} titel={T.aussonderung.s4} erledigt={nachricht('0506')}>
                    <NachrichtHochladen label={T.aussonderung.s4datei0507} url={`${basis(id)}/empfangsbestaetigung`} fertig={fertig} />
                    <NachrichtHochladen label={T.aussonderung.s4datei0506} url={`${basis(id)}/importbestaetigung`} fertig={fertig} />
                  </Schritt>
                )}
                {hatV && (
                  <Schritt nr={naechste()} titel={T.aussonderung.s5} erledigt={!!antrag?.freigegebenAm}>
                    {abgelehnt && <p className="kern-body">{T.bestaetigung.abgelehnt(name(abgelehnt.abgelehntVon), zeit(abgelehnt.abgelehntAm!), abgelehnt.ablehnungsgrund ?? '')}</p>}
                    {!antrag && (
                      <button className="kern-btn kern-btn--secondary" type="button" disabled={vernichtung.laeuft} onClick={() => void vernichtung.ausfuehren()}>
                        <span className="kern-label">{T.aussonderung.s5beantragen}</span>
                      </button>
                    )}
                    {antrag && <p className="kern-body">{T.aussonderung.s5beantragt(name(antrag.beantragtVon), zeit(antrag.beantragtAm))}</p>}
                    {antrag && !antrag.freigegebenAm && (
                      <>
                        <p className="kern-body">{T.aussonderung.s5zweite}</p>
                        {antrag.beantragtVon !== sitzung.sub && (
                          <>
                            <button className="kern-btn kern-btn--primary" type="button" onClick={() => setDialog('freigabe')}>
                              <span className="kern-label">{T.aussonderung.s5freigeben}</span>
                            </button>
                            <button className="kern-btn kern-btn--secondary" type="button" onClick={() => setDialog('ablehnung')}>
                              <span className="kern-label">{T.bestaetigung.ablehnen}</span>
                            </button>
                          </>
                        )}
                      </>
                    )}
                    {dialog === 'freigabe' && (
                      <Bestaetigung titel={T.bestaetigung.freigabeTitel} knopf={T.bestaetigung.freigabeKnopf} aktion={freigabe} abbrechen={() => setDialog(undefined)}>
                        <p className="kern-body">{T.bestaetigung.freigabe(zuVernichten.length)}</p>
                        <p className="kern-body">{T.bestaetigung.freigabeAkten}</p>
                        <ul className="kern-list">
                          {zuVernichten.map((o) => (
                            <li key={o.akteId} className="kern-body">
                              {o.aktenzeichen} – {o.betreff}
                            </li>
                          ))}
                        </ul>
                      </Bestaetigung>
                    )}
                    {dialog === 'ablehnung' && (
                      <Bestaetigung
                        titel={T.bestaetigung.ablehnenTitel}
                        knopf={T.bestaetigung.ablehnenKnopf}
                        aktion={ablehnung}
                        abbrechen={() => setDialog(undefined)}
                        bereit={grund.trim().length > 0}
                      >
                        <p className="kern-body">{T.bestaetigung.ablehnenText}</p>
                        <div className="kern-form-input">
                          <label className="kern-label" htmlFor="ablehnungsgrund">
                            {T.bestaetigung.grund}
                          </label>
                          <textarea className="kern-form-input__input" id="ablehnungsgrund" required maxLength={2000} rows={4} value={grund} onChange={(e) => setGrund(e.target.value)} />
                        </div>
                      </Bestaetigung>
                    )}
                    {d.vernichtung?.freigegebenAm && (
                      <>
                        <p className="kern-body">{T.aussonderung.s5frei(name(d.vernichtung.freigegebenVon), zeit(d.vernichtung.freigegebenAm))}</p>
                        {d.vernichtungsstand && (
                          <p className="kern-body" role="status">
                            {T.aussonderung.vernichtungsstand(d.vernichtungsstand)}
                          </p>
                        )}
                        {protokollDateien(id, d.vernichtungsstand).map((f) => (
                          <button key={f.pfad} className="kern-btn kern-btn--secondary" type="button" onClick={() => void laden.ausfuehren(f.pfad, f.dateiname)}>
                            <span className="kern-icon kern-icon--download" aria-hidden="true" />
                            <span className="kern-label">{f.text}</span>
                          </button>
                        ))}
                      </>
                    )}
                  </Schritt>
                )}
              </ol>
            </section>
            {d.nachrichten.length > 0 && (
              <section aria-labelledby="nachrichten-titel">
                <h2 id="nachrichten-titel" className="kern-heading-medium">
                  {T.aussonderung.nachrichten}
                </h2>
                <ul className="kern-list">
                  {d.nachrichten.map((n) => (
                    <li key={`${n.typ}-${n.empfangenAm}`}>{T.aussonderung.nachricht(n.typ, zeit(n.empfangenAm))}</li>
                  ))}
                </ul>
              </section>
            )}
          </Seite>
        );
      }}
    </Geladen>
  );
}
