// One Vorgang: its documents, upload by drag and drop, its Verfügungen, the user's own Wiedervorlage, z.d.A.
import type { Schemas } from '@eakte/api-client';
import { useState } from 'react';
import { Ablage } from '../Ablage';
import { api, ergebnis, useAktion, useLaden, useSeitenweise } from '../api';
import type { Sitzung } from '../auth';
import { Bestaetigung } from '../bestaetigung';
import { dokumenteFiltern, formate, istGefiltert, OHNE_DOKUMENTFILTER, type DokumentFilter } from '../dokument-filter';
import { useNamen } from '../namen';
import { pfad } from '../pfade';
import { darf } from '../rechte';
import { Link } from '../router';
import { T } from '../texte';
import { Angaben, Auswahl, Erfolg, Feld, Fehlermeldung, FilterFormular, Formular, Seite, Tabelle, datum, groesse, statusText } from '../ui';
import { betreffAusDateiname, heute } from '../upload';
import { Geladen } from './Laden';
import { Pfadleiste } from './Pfadleiste';
import { bearbeiterText } from './Verfuegung';

/** The Dokumente with their filter (text, format, date) above the table and how many it shows. */
export function DokumentListe({ dokumente, beschriftung = T.vorgang.dokumente }: { dokumente: Schemas['Dokument'][]; beschriftung?: string }) {
  const [filter, setFilter] = useState<DokumentFilter>(OHNE_DOKUMENTFILTER);
  const gezeigt = dokumenteFiltern(dokumente, filter);
  return (
    <>
      <FilterFormular beschriftung={T.dokumentFilter.filter(beschriftung)} filter={filter} setFilter={setFilter}>
        {(f, aendern) => (
          <>
            <Feld label={T.dokumentFilter.text} type="search" maxLength={200} value={f.text} onChange={(e) => aendern({ text: e.target.value })} />
            <Auswahl
              label={T.dokumentFilter.format}
              value={f.format}
              onChange={(e) => aendern({ format: e.target.value })}
              optionen={[{ wert: '', text: T.dokumentFilter.alleFormate }, ...formate(dokumente).map((x) => ({ wert: x, text: x }))]}
            />
            <Feld label={T.dokumentFilter.von} type="date" value={f.von} onChange={(e) => aendern({ von: e.target.value })} />
            <Feld label={T.dokumentFilter.bis} type="date" value={f.bis} onChange={(e) => aendern({ bis: e.target.value })} />
          </>
        )}
      </FilterFormular>
      <p className="kern-body" role="status">
        {istGefiltert(filter) ? T.dokumentFilter.anzahl(gezeigt.length, dokumente.length) : ''}
      </p>
      {gezeigt.length ? <DokumentTabelle dokumente={gezeigt} beschriftung={beschriftung} /> : <p className="kern-body">{T.dokumentFilter.keine}</p>}
    </>
  );
}

export function DokumentTabelle({ dokumente, beschriftung = T.vorgang.dokumente }: { dokumente: Schemas['Dokument'][]; beschriftung?: string }) {
  return (
    <Tabelle
      zeilen={dokumente}
      beschriftung={beschriftung}
      spalten={[
        {
          titel: T.dokument.betreff,
          zelle: (d) => (
            <Link className="kern-link" href={pfad('dokument', { id: d.id })}>
              {d.betreff ?? d.aktuelleVersion?.dateiname}
            </Link>
          ),
          sortWert: (d) => d.betreff ?? d.aktuelleVersion?.dateiname,
        },
        { titel: T.dokument.datum, zelle: (d) => datum(d.datumDesSchreibens), sortWert: (d) => d.datumDesSchreibens },
        { titel: T.dokument.datei, zelle: (d) => d.aktuelleVersion?.dateiname, sortWert: (d) => d.aktuelleVersion?.dateiname },
        { titel: T.dokument.groesse, zelle: (d) => (d.aktuelleVersion ? groesse(d.aktuelleVersion.groesse) : '–'), sortWert: (d) => d.aktuelleVersion?.groesse },
      ]}
    />
  );
}

type Oes = Map<string, Schemas['Organisationseinheit']>;

/** A page of the Vorgang's Verfügungen (those the user may read), oldest first. */
export const verfuegungenLaden = (id: string, cursor?: string) => ergebnis(api.GET('/vorgaenge/{id}/verfuegungen', { params: { path: { id }, query: { limit: 100, ...(cursor ? { cursor } : {}) } } }));

/** The state of a Verfügung, a finished one with its Schlussverfügung. */
function standText(v: Schemas['VerfuegungUebersicht']): string {
  const status = T.verfuegung.statusText[v.status] ?? v.status;
  const s = v.schlussverfuegung;
  if (!s) return status;
  const schluss = T.verfuegung.schlussKurz[s.art] ?? s.art;
  return T.verfuegung.mitSchluss(status, s.art === 'wv' && s.datum ? `${schluss} ${datum(s.datum)}` : schluss);
}

export function VerfuegungTabelle({ verfuegungen, oes }: { verfuegungen: Schemas['VerfuegungUebersicht'][]; oes: Oes }) {
  const name = useNamen();
  return (
    <Tabelle
      zeilen={verfuegungen}
      beschriftung={T.vorgang.verfuegungen}
      spalten={[
        {
          titel: T.vorgang.verfuegungBetreff,
          zelle: (v) => (
            <Link className="kern-link" href={pfad('verfuegung', { id: v.id })}>
              {v.betreff}
            </Link>
          ),
        },
        { titel: T.vorgang.verfuegungStand, zelle: standText },
        {
          titel: T.vorgang.verfuegungBeiWem,
          zelle: (v) =>
            v.aktuelleSchritte.length === 0
              ? '–'
              : v.aktuelleSchritte.map((s) => (
                  <span className="eakte-block" key={s.id}>
                    {`${T.aktion[s.aktion] ?? s.aktion}: ${s.uebernommenVon ? name(s.uebernommenVon) : bearbeiterText(s.bearbeiter, oes, name)}${s.frist ? ` ${T.verfuegung.fristKurz(datum(s.frist))}` : ''}`}
                  </span>
                )),
        },
      ]}
    />
  );
}

/** The Verfügungen section; keyed by the Vorgang, so another Vorgang starts from its first page. */
function VerfuegungenDesVorgangs({ vorgangId }: { vorgangId: string }) {
  const { liste, weitere, cursor, mehr } = useSeitenweise((c) => api.GET('/vorgaenge/{id}/verfuegungen', { params: { path: { id: vorgangId }, query: { limit: 100, ...(c ? { cursor: c } : {}) } } }));
  const oes = useLaden(() => ergebnis(api.GET('/organisationseinheiten')).catch(() => ({ items: [] })), []);
  const oeMap: Oes = new Map((oes.daten?.items ?? []).map((o) => [o.id, o]));
  return (
    <section aria-labelledby="vfgl-titel">
      <h2 id="vfgl-titel" className="kern-heading-medium">
        {T.vorgang.verfuegungen}
      </h2>
      <Geladen l={liste}>
        {(d) => {
          const alle = [...d.items, ...weitere];
          if (alle.length === 0) return <p className="kern-body">{T.vorgang.keineVerfuegungen}</p>;
          return (
            <>
              <VerfuegungTabelle verfuegungen={alle} oes={oeMap} />
              {cursor && (
                <div className="eakte-knoepfe">
                  <button className="kern-btn kern-btn--secondary" type="button" disabled={mehr.laeuft} onClick={() => void mehr.ausfuehren()}>
                    <span className="kern-label">{T.vorgang.weitereVerfuegungen}</span>
                  </button>
                </div>
              )}
              <Fehlermeldung fehler={mehr.fehler} />
            </>
          );
        }}
      </Geladen>
    </section>
  );
}

/** The user's own Wiedervorlage: set or move it to a day (today or later), mark it done, or clear it. */
export function MeineWiedervorlage({ vorgang, geaendert }: { vorgang: Schemas['Vorgang']; geaendert: () => void }) {
  const [tag, setTag] = useState(vorgang.wiedervorlage ?? '');
  const [meldung, setMeldung] = useState<string>();
  const setzen = useAktion(async () => {
    const w = await ergebnis(api.PUT('/vorgaenge/{id}/wiedervorlage', { params: { path: { id: vorgang.id } }, body: { datum: tag } }));
    setMeldung(T.meineWiedervorlage.gesetzt(w.datum));
    geaendert();
  });
  const erledigen = useAktion(async () => {
    await ergebnis(api.POST('/vorgaenge/{id}/wiedervorlage/erledigt', { params: { path: { id: vorgang.id } } }));
    setTag('');
    setMeldung(T.meineWiedervorlage.erledigtMeldung);
    geaendert();
  });
  const loeschen = useAktion(async () => {
    await ergebnis(api.DELETE('/vorgaenge/{id}/wiedervorlage', { params: { path: { id: vorgang.id } } }));
    setTag('');
    setMeldung(T.meineWiedervorlage.geloescht);
    geaendert();
  });
  const laeuft = setzen.laeuft || erledigen.laeuft || loeschen.laeuft;
  return (
    <section aria-labelledby="wv-titel">
      <h2 id="wv-titel" className="kern-heading-medium">
        {T.meineWiedervorlage.titel}
      </h2>
      <p className="kern-body">{vorgang.wiedervorlage ? T.meineWiedervorlage.am(vorgang.wiedervorlage) : T.meineWiedervorlage.keine}</p>
      {meldung && <Erfolg>{meldung}</Erfolg>}
      <Formular aktion={setzen} knopf={vorgang.wiedervorlage ? T.meineWiedervorlage.verschieben : T.meineWiedervorlage.setzen} zweitrangig>
        <Feld label={T.meineWiedervorlage.datum} hinweis={T.meineWiedervorlage.hinweis} name="datum" type="date" required min={heute()} value={tag} onChange={(e) => setTag(e.target.value)} />
      </Formular>
      {vorgang.wiedervorlage && (
        <div className="eakte-knoepfe">
          <button className="kern-btn kern-btn--secondary" type="button" disabled={laeuft} onClick={() => void erledigen.ausfuehren()}>
            <span className="kern-label">{T.meineWiedervorlage.erledigt}</span>
          </button>
          <button className="kern-btn kern-btn--tertiary" type="button" disabled={laeuft} onClick={() => void loeschen.ausfuehren()}>
            <span className="kern-label">{T.meineWiedervorlage.loeschen}</span>
          </button>
        </div>
      )}
      <Fehlermeldung fehler={erledigen.fehler ?? loeschen.fehler} fokussieren />
    </section>
  );
}

export function Vorgang({ id, sitzung }: { id: string; sitzung: Sitzung }) {
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
        <Seite titel={`Vorgang ${v.kennzeichen}`} unterzeile={v.betreff} vorspann={<Pfadleiste akteId={v.akteId} vorgang={v} />}>
          <Angaben
            eintraege={[
              [
                T.vorgang.akte,
                <Link className="kern-link" href={pfad('akte', { id: v.akteId })}>
                  {v.aktenzeichen}
                </Link>,
              ],
              [T.akte.status, statusText(v.status, v.zdaDatum)],
              [T.vorgang.wiedervorlage, v.wiedervorlage ? datum(v.wiedervorlage) : null],
              [T.akte.zdaDatum, datum(v.zdaDatum)],
            ]}
          />
          <section aria-labelledby="dok-titel">
            <h2 id="dok-titel" className="kern-heading-medium">
              {T.vorgang.dokumente}
            </h2>
            <Geladen l={dokumente}>{(d) => (d.items.length ? <DokumentListe dokumente={d.items} /> : <p className="kern-body">{T.vorgang.keineDokumente}</p>)}</Geladen>
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
          {darf(sitzung.rollen, 'verfuegungen') && <VerfuegungenDesVorgangs key={v.id} vorgangId={v.id} />}
          {v.status === 'offen' && darf(sitzung.rollen, 'verfuegungSchreiben') && (
            <section aria-labelledby="vfg-titel">
              <h2 id="vfg-titel" className="kern-heading-medium">
                {T.editor.titel}
              </h2>
              <Link className="kern-link" href={pfad('verfuegungNeu', { id: v.id })}>
                {T.editor.link}
              </Link>
            </section>
          )}
          {v.status === 'offen' && darf(sitzung.rollen, 'wiedervorlageSetzen') && <MeineWiedervorlage vorgang={v} geaendert={() => vorgang.neuLaden()} />}
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
