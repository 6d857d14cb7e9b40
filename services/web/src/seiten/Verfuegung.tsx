// One Verfügung as a step of the Postkorb opens it: its pinned documents (read in the pinned
// version), the whole Laufweg with who did what ("i. V." for deputies), and the form for the
// user's current step: Votum and comment, on the last step the Schlussverfügung; group steps
// are taken over first.
import type { Schemas } from '@eakte/api-client';
import { useEffect, useRef, useState } from 'react';
import { api, ergebnis, inhaltLaden, speichern, useAktion, useLaden } from '../api';
import type { Sitzung } from '../auth';
import { bearbeitbareSchritte, endetLaufweg, laufwegAenderbar, laufwegAusEntwurf, positionen, uebernehmbar, type SchrittEntwurf } from '../geschaeftsgang';
import { pfad } from '../pfade';
import { darf } from '../rechte';
import { Link, useOrt } from '../router';
import { T } from '../texte';
import { Angaben, Auswahl, Erfolg, Feld, Fehlermeldung, Formular, Seite, datum, zeit } from '../ui';
import { useNamen } from '../namen';
import { heute } from '../upload';
import { Geladen } from './Laden';
import { Pfadleiste } from './Pfadleiste';
import { leer, SchrittZeile } from './VerfuegungSchreiben';

type Oes = Map<string, Schemas['Organisationseinheit']>;

type NameVon = (sub: string | null | undefined) => string;
const ohneNamen: NameVon = (sub) => sub ?? '–';

/** A step's Bearbeiter: a person by name, an org unit by Kürzel and name. */
export function bearbeiterText(b: Schemas['Bearbeiter'], oes: Oes, name: NameVon = ohneNamen): string {
  if (b.sub) return T.verfuegung.bearbeiterPerson(name(b.sub));
  const oe = b.organisationseinheitId ? oes.get(b.organisationseinheitId) : undefined;
  return T.verfuegung.bearbeiterEinheit(oe ? `${oe.kuerzel} – ${oe.name}` : (b.organisationseinheitId ?? '–'));
}

/** Who completed the step and when; a deputy reads "X i. V. für Y". */
export function erledigtText(s: Schemas['Schritt'], name: NameVon = ohneNamen): string | undefined {
  if (!s.erledigtVon) return undefined;
  const wer = s.imAuftragVon ? T.verfuegung.iV(name(s.erledigtVon), name(s.imAuftragVon)) : name(s.erledigtVon);
  return T.verfuegung.erledigtVon(wer, zeit(s.erledigtAm));
}

const inhaltUrl = (id: string, nr: number) => `/api/v1/dokumente/${encodeURIComponent(id)}/versionen/${nr}/inhalt`;

/** The pinned documents: each read inline or downloaded in exactly the version the Verfügung names. */
export function Dokumente({ dokumente }: { dokumente: Schemas['Verfuegung']['dokumente'] }) {
  const namen = useLaden(
    () =>
      Promise.all(
        dokumente.map((d) =>
          ergebnis(api.GET('/dokumente/{id}', { params: { path: { id: d.dokumentId } } })).then(
            (x) => x.betreff ?? x.aktuelleVersion?.dateiname ?? d.dokumentId,
            () => d.dokumentId,
          ),
        ),
      ),
    [dokumente.map((d) => d.dokumentId).join()],
  );
  const [ansicht, setAnsicht] = useState<{ url: string; name: string; nr: number }>();
  useEffect(() => () => ansicht && URL.revokeObjectURL(ansicht.url), [ansicht]);
  const anzeigen = useAktion(async (id: string, nr: number, name: string) => {
    const blob = await inhaltLaden(inhaltUrl(id, nr));
    setAnsicht({ url: URL.createObjectURL(blob), name, nr });
  });
  const laden = useAktion(async (id: string, nr: number, name: string) => speichern(await inhaltLaden(inhaltUrl(id, nr)), name));
  return (
    <section aria-labelledby="vfg-dok-titel">
      <h2 id="vfg-dok-titel" className="kern-heading-medium">
        {T.verfuegung.dokumente}
      </h2>
      {dokumente.length === 0 ? (
        <p className="kern-body">{T.verfuegung.keineDokumente}</p>
      ) : (
        <ul className="kern-list">
          {dokumente.map((d, i) => {
            const name = namen.daten?.[i] ?? d.dokumentId;
            return (
              <li key={d.dokumentId} className="kern-body">
                <Link className="kern-link" href={pfad('dokument', { id: d.dokumentId })}>
                  {name}
                </Link>{' '}
                ({d.entwurf ? `${T.verfuegung.dokumentVersion(d.version)}, ${T.verfuegung.entwurf}` : T.verfuegung.dokumentVersion(d.version)})
                <div className="eakte-knoepfe">
                  <button
                    className="kern-btn kern-btn--tertiary kern-btn--x-small"
                    type="button"
                    aria-label={T.verfuegung.anzeigenVon(name, d.version)}
                    onClick={() => void anzeigen.ausfuehren(d.dokumentId, d.version, name)}
                  >
                    <span className="kern-icon kern-icon--visibility" aria-hidden="true" />
                    <span className="kern-label">{T.verfuegung.anzeigen}</span>
                  </button>
                  <button
                    className="kern-btn kern-btn--secondary kern-btn--x-small"
                    type="button"
                    aria-label={T.verfuegung.herunterladenVon(name, d.version)}
                    onClick={() => void laden.ausfuehren(d.dokumentId, d.version, name)}
                  >
                    <span className="kern-icon kern-icon--download" aria-hidden="true" />
                    <span className="kern-label">{T.verfuegung.herunterladen}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Fehlermeldung fehler={anzeigen.fehler ?? laden.fehler} fokussieren />
      {ansicht && (
        <section aria-labelledby="vfg-ansicht-titel">
          <h3 id="vfg-ansicht-titel" className="kern-heading-small">
            {T.verfuegung.ansicht(ansicht.name, ansicht.nr)}
          </h3>
          <iframe className="eakte-pdf" src={ansicht.url} title={T.verfuegung.ansicht(ansicht.name, ansicht.nr)} />
          <button className="kern-btn kern-btn--tertiary" type="button" onClick={() => setAnsicht(undefined)}>
            <span className="kern-label">{T.verfuegung.schliessen}</span>
          </button>
        </section>
      )}
    </section>
  );
}

/** The whole Laufweg: each position (a parallel group side by side), each step's state and who did what. */
export function Laufweg({ v, oes, uebernehmen }: { v: Schemas['Verfuegung']; oes: Oes; uebernehmen?: { schritt: string; aktion: () => void; laeuft: boolean } }) {
  const name = useNamen();
  return (
    <section aria-labelledby="vfg-laufweg-titel">
      <h2 id="vfg-laufweg-titel" className="kern-heading-medium">
        {T.verfuegung.laufweg}
      </h2>
      <ol className="eakte-laufweg">
        {positionen(v.laufweg).map((gruppe, i) => (
          <li key={gruppe[0]!.position} className={gruppe.some((s) => s.zustand === 'aktuell') ? 'eakte-laufweg--aktuell' : undefined}>
            <h3 className="kern-heading-small">
              {T.verfuegung.position(i + 1)}
              {gruppe.length > 1 ? ` (${T.verfuegung.parallel(gruppe.length)})` : ''}
            </h3>
            <ul className="eakte-laufweg-zweige">
              {gruppe.map((s) => {
                const aktion = T.aktion[s.aktion] ?? s.aktion;
                const erledigt = erledigtText(s, name);
                return (
                  <li key={s.id} className="kern-body">
                    <strong>{aktion}</strong>: {bearbeiterText(s.bearbeiter, oes, name)} – {T.verfuegung.zustand[s.zustand] ?? s.zustand}
                    {s.uebernommenVon && <span className="eakte-block">{T.verfuegung.uebernommen(name(s.uebernommenVon))}</span>}
                    {erledigt && <span className="eakte-block">{erledigt}</span>}
                    {s.votum && <span className="eakte-block">{T.verfuegung.votumVon(T.verfuegung.votumText[s.votum] ?? s.votum)}</span>}
                    {s.kommentar && <span className="eakte-block">{T.verfuegung.kommentar(s.kommentar)}</span>}
                    {s.frist && <span className="eakte-block">{T.verfuegung.frist(datum(s.frist))}</span>}
                    {s.hinweis && <span className="eakte-block">{T.verfuegung.hinweis(s.hinweis)}</span>}
                    {uebernehmen?.schritt === s.id && uebernehmbar(s) && (
                      <div className="eakte-knoepfe">
                        <button className="kern-btn kern-btn--secondary" type="button" disabled={uebernehmen.laeuft} aria-label={T.verfuegung.uebernehmenFuer(aktion)} onClick={uebernehmen.aktion}>
                          <span className="kern-label">{T.verfuegung.uebernehmen}</span>
                        </button>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The user's current step: Votum (for a Mitzeichnung), comment, and on the last step the Schlussverfügung. */
function Abschliessen({ v, s, fertig }: { v: Schemas['Verfuegung']; s: Schemas['Schritt']; fertig: (neu: Schemas['Verfuegung'], votum: string) => void }) {
  const [votum, setVotum] = useState('');
  const [kommentar, setKommentar] = useState('');
  const [schluss, setSchluss] = useState('');
  const [wvDatum, setWvDatum] = useState('');
  const letzter = endetLaufweg(v, s);
  const aktion = useAktion(async () => {
    const neu = await ergebnis(
      api.POST('/schritte/{id}/abschliessen', {
        params: { path: { id: s.id } },
        body: {
          ...(s.aktion === 'mitzeichnung' && votum ? { votum: votum as Schemas['Votum'] } : {}),
          ...(kommentar.trim() ? { kommentar: kommentar.trim() } : {}),
          ...(letzter && schluss === 'zdA' ? { schlussverfuegung: { art: 'zdA' as const } } : {}),
          ...(letzter && schluss === 'wv' ? { schlussverfuegung: { art: 'wv' as const, datum: wvDatum } } : {}),
        },
      }),
    );
    fertig(neu, votum);
  });
  const name = T.aktion[s.aktion] ?? s.aktion;
  return (
    <section aria-labelledby={`abschluss-${s.id}`}>
      <h2 id={`abschluss-${s.id}`} className="kern-heading-medium">
        {T.verfuegung.abschliessenTitel(name)}
      </h2>
      <Formular aktion={aktion} knopf={T.verfuegung.abschliessen(s.aktion)}>
        {s.aktion === 'mitzeichnung' && (
          <Auswahl
            label={T.verfuegung.votum}
            name="votum"
            required
            value={votum}
            onChange={(e) => setVotum(e.target.value)}
            optionen={[
              { wert: '', text: T.editor.bitteWaehlen },
              ...(['einverstanden', 'einverstanden_mit_aenderungen', 'nicht_einverstanden'] as const).map((w) => ({ wert: w, text: T.verfuegung.votumText[w]! })),
            ]}
          />
        )}
        <Feld label={T.verfuegung.kommentarFeld} name="kommentar" maxLength={4000} value={kommentar} onChange={(e) => setKommentar(e.target.value)} />
        {letzter && (
          <Auswahl
            label={T.verfuegung.schlussTitel}
            name="art"
            value={schluss}
            onChange={(e) => setSchluss(e.target.value)}
            optionen={[
              { wert: '', text: T.verfuegung.schlussKeine },
              { wert: 'zdA', text: T.verfuegung.schlussZda },
              { wert: 'wv', text: T.verfuegung.schlussWv },
            ]}
          />
        )}
        {letzter && schluss === 'wv' && <Feld label={T.verfuegung.schlussDatum} name="datum" type="date" required min={heute()} value={wvDatum} onChange={(e) => setWvDatum(e.target.value)} />}
      </Formular>
    </section>
  );
}

export function VerfuegungSeite({ id, sitzung }: { id: string; sitzung: Sitzung }) {
  const { suche } = useOrt();
  const schrittId = suche.get('schritt');
  const name = useNamen();
  const l = useLaden(() => ergebnis(api.GET('/verfuegungen/{id}', { params: { path: { id } } })), [id]);
  const vorgangId = l.daten?.vorgangId;
  // a Bearbeiter may not see the Vorgang itself: then the page goes without its Kennzeichen
  const vorgang = useLaden(async () => (vorgangId ? ergebnis(api.GET('/vorgaenge/{id}', { params: { path: { id: vorgangId } } })).catch(() => undefined) : undefined), [vorgangId]);
  const oeListe = useLaden(() => ergebnis(api.GET('/organisationseinheiten')).catch(() => ({ items: [] })), []);
  const oes: Oes = new Map((oeListe.daten?.items ?? []).map((o) => [o.id, o]));
  const [meldung, setMeldung] = useState<{ text: string; nr: number }>();
  // the form of a completed step is gone with its button: the focus goes to what happened
  const meldungRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (meldung) meldungRef.current?.focus();
  }, [meldung]);
  const melden = (text: string) => setMeldung((m) => ({ text, nr: (m?.nr ?? 0) + 1 }));
  const uebernehmen = useAktion(async () => {
    await ergebnis(api.POST('/schritte/{id}/uebernehmen', { params: { path: { id: schrittId! } } }));
    melden(T.verfuegung.uebernommenMeldung);
    l.neuLaden();
  });
  return (
    <Geladen l={l}>
      {(v) => {
        const meine = bearbeitbareSchritte(v, sitzung.sub, schrittId);
        return (
          <Seite
            titel={T.verfuegung.titel(v.betreff)}
            unterzeile={T.verfuegung.unterzeile}
            vorspann={vorgang.daten ? <Pfadleiste akteId={vorgang.daten.akteId} vorgang={vorgang.daten} dokument={v.betreff} /> : undefined}
          >
            <Angaben
              eintraege={[
                [
                  T.verfuegung.vorgang,
                  vorgang.daten ? (
                    <Link className="kern-link" href={pfad('vorgang', { id: v.vorgangId })}>
                      {T.akte.vorgangZeile(vorgang.daten.kennzeichen, vorgang.daten.betreff)}
                    </Link>
                  ) : (
                    '–'
                  ),
                ],
                [T.verfuegung.verfasser, name(v.verfasser)],
                [T.verfuegung.erstellt, zeit(v.erstelltAm)],
                [T.verfuegung.status, T.verfuegung.statusText[v.status] ?? v.status],
                [T.verfuegung.schlussverfuegung, v.schlussverfuegung ? (v.schlussverfuegung.art === 'zdA' ? T.verfuegung.schlussZda : `Wv. ${datum(v.schlussverfuegung.datum)}`) : '–'],
              ]}
            />
            {meldung && (
              <div tabIndex={-1} ref={meldungRef}>
                <Erfolg>{meldung.text}</Erfolg>
                <p className="kern-body">
                  <Link className="kern-link" href={pfad('postkorb')}>
                    {T.verfuegung.zurPostkorb}
                  </Link>
                </p>
              </div>
            )}
            <Fehlermeldung fehler={uebernehmen.fehler} fokussieren />
            <Dokumente dokumente={v.dokumente} />
            <Laufweg v={v} oes={oes} uebernehmen={schrittId ? { schritt: schrittId, aktion: () => void uebernehmen.ausfuehren(), laeuft: uebernehmen.laeuft } : undefined} />
            {meine.map((s) => (
              <Abschliessen
                key={s.id}
                v={v}
                s={s}
                fertig={(neu, votum) => {
                  melden(neu.status === 'abgeschlossen' ? T.verfuegung.abgeschlossenMeldung : votum === 'nicht_einverstanden' ? T.verfuegung.zurueckMeldung : T.verfuegung.erledigtMeldung);
                  l.neuLaden();
                }}
              />
            ))}
            {laufwegAenderbar(v, sitzung.sub) && darf(sitzung.rollen, 'laufwegAendern') && (
              <LaufwegAendern
                key={v.version}
                v={v}
                fertig={() => {
                  melden(T.verfuegung.geaendertMeldung);
                  l.neuLaden();
                }}
              />
            )}
          </Seite>
        );
      }}
    </Geladen>
  );
}

/** The author's change of the remaining Laufweg, with a reason; a returned Verfügung is sent again with it. */
export function LaufwegAendern({ v, fertig }: { v: Schemas['Verfuegung']; fertig: () => void }) {
  const [grund, setGrund] = useState('');
  const [zeilen, setZeilen] = useState<SchrittEntwurf[]>(() => [leer(), leer('zeichnung')]);
  const oes = useLaden(() => ergebnis(api.GET('/organisationseinheiten')).catch(() => ({ items: [] })), []);
  const zurueck = v.status === 'zurueckgegeben';
  // a running Verfügung changes its way rarely: the form opens on request; a returned one needs it
  const [offen, setOffen] = useState(zurueck);
  const aktion = useAktion(async () => {
    await ergebnis(api.PUT('/verfuegungen/{id}/laufweg', { params: { path: { id: v.id } }, body: { grund: grund.trim(), laufweg: laufwegAusEntwurf(zeilen) } }));
    fertig();
  });
  const schieben = (i: number, um: -1 | 1) =>
    setZeilen((zs) => {
      const l = [...zs];
      const [z] = l.splice(i, 1);
      l.splice(i + um, 0, z!);
      return l;
    });
  return (
    <section aria-labelledby="laufweg-aendern-titel">
      <h2 id="laufweg-aendern-titel" className="kern-heading-medium">
        {T.verfuegung.aendernTitel}
      </h2>
      <p className="kern-body">{zurueck ? T.verfuegung.aendernZurueck : T.verfuegung.aendernHinweis}</p>
      {!offen && (
        <button className="kern-btn kern-btn--secondary" type="button" aria-expanded={false} onClick={() => setOffen(true)}>
          <span className="kern-label">{T.verfuegung.aendern}</span>
        </button>
      )}
      {offen && (
        <Formular aktion={aktion} knopf={zurueck ? T.verfuegung.erneutSenden : T.verfuegung.aendern} zweitrangig={!zurueck}>
          <Feld label={T.verfuegung.grund} name="grund" required maxLength={1000} value={grund} onChange={(e) => setGrund(e.target.value)} />
          {zeilen.map((z, i) => (
            <SchrittZeile
              key={z.schluessel}
              z={z}
              i={i}
              anzahl={zeilen.length}
              oes={oes.daten?.items ?? []}
              aendern={(neu) => setZeilen((zs) => zs.map((x, j) => (j === i ? { ...x, ...neu } : x)))}
              entfernen={() => setZeilen((zs) => zs.filter((_, j) => j !== i))}
              schieben={(um) => schieben(i, um)}
            />
          ))}
          <div className="eakte-knoepfe">
            <button className="kern-btn kern-btn--secondary" type="button" onClick={() => setZeilen((zs) => [...zs, leer()])}>
              <span className="kern-label">{T.editor.hinzufuegen}</span>
            </button>
          </div>
        </Formular>
      )}
    </section>
  );
}
