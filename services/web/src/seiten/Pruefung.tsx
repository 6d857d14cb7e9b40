// Prüfung: verify the audit chain (clear green/red), search the Protokoll, export it.
import type { Schemas } from '@eakte/api-client';
import { useState } from 'react';
import { api, ergebnis, herunterladen, speichern, useAktion, useLaden } from '../api';
import { protokollCsv } from '../protokoll-csv';
import { T } from '../texte';
import { AKTIONSAUSWAHL, aktionText, objektText } from '@eakte/platform/protokoll-texte';
import { Auswahl, Feld, Fehlermeldung, Seite, Tabelle, zeit, type Spalte } from '../ui';
import { Geladen } from './Laden';

type Ereignis = Pick<Schemas['ProtokollEreignis'], 'sequenz' | 'zeit' | 'akteurName' | 'akteurSub' | 'aktion' | 'objektTyp'>;

/** Protokoll entries as a table (the search here, an Akte's Historie): when, who, what, on which object, plus the caller's columns. */
export function ProtokollTabelle<E extends Ereignis>({ ereignisse, beschriftung, vorne = [], hinten = [] }: { ereignisse: E[]; beschriftung: string; vorne?: Spalte<E>[]; hinten?: Spalte<E>[] }) {
  const spalten: Spalte<E>[] = [
    ...vorne,
    { titel: T.akte.historieZeit, zelle: (e) => zeit(e.zeit) },
    { titel: T.akte.historieWer, zelle: (e) => e.akteurName ?? e.akteurSub },
    { titel: T.akte.historieAktion, zelle: (e) => aktionText(e.aktion) },
    { titel: T.akte.historieObjekt, zelle: (e) => objektText(e.objektTyp) },
    ...hinten,
  ];
  return <Tabelle klein zeilen={ereignisse} schluessel={(e) => e.sequenz} beschriftung={beschriftung} spalten={spalten} />;
}

function Kette() {
  const [ergebnisse, setErgebnis] = useState<Schemas['Pruefergebnis']>();
  const pruefen = useAktion(async () => setErgebnis(await ergebnis(api.GET('/protokoll/pruefung'))));
  return (
    <section aria-labelledby="kette-titel">
      <h2 id="kette-titel" className="kern-heading-medium">
        {T.pruefung.kette}
      </h2>
      <button className="kern-btn kern-btn--primary" type="button" disabled={pruefen.laeuft} onClick={() => void pruefen.ausfuehren()}>
        <span className="kern-label">{T.pruefung.pruefen}</span>
      </button>
      <Fehlermeldung fehler={pruefen.fehler} />
      {ergebnisse &&
        (ergebnisse.gueltig ? (
          <div className="kern-alert kern-alert--success eakte-gruen" role="status">
            <div className="kern-alert__header">
              <span className="kern-icon kern-icon--success" aria-hidden="true" />
              <span className="kern-title">{T.pruefung.gueltig(ergebnisse.geprueft, ergebnisse.bisSequenz ?? 0)}</span>
            </div>
          </div>
        ) : (
          <div className="kern-alert kern-alert--danger eakte-rot" role="alert">
            <div className="kern-alert__header">
              <span className="kern-icon kern-icon--danger" aria-hidden="true" />
              <span className="kern-title">{T.pruefung.ungueltig}</span>
            </div>
            <div className="kern-alert__body">{ergebnisse.fehler && <p className="kern-body">{T.pruefung.fehlerBei(ergebnisse.fehler.sequenz, ergebnisse.fehler.meldung)}</p>}</div>
          </div>
        ))}
    </section>
  );
}

type Filter = { aktenzeichen: string; akteur: string; aktion: string; von: string };

function abfrage(f: Filter): Record<string, string> {
  const query = Object.fromEntries(Object.entries(f).filter(([, v]) => v.trim())) as Record<string, string>;
  // a calendar day means from its local midnight
  if (query.von) query.von = new Date(`${query.von}T00:00:00`).toISOString();
  return query;
}

/** At most this many pages of 200 go into one CSV of a search. */
const MAX_SEITEN = 50;

function Suche() {
  const [filter, setFilter] = useState<Filter>({ aktenzeichen: '', akteur: '', aktion: '', von: '' });
  const [aktiv, setAktiv] = useState(filter);
  const [hinweis, setHinweis] = useState<string>();
  const liste = useLaden(() => ergebnis(api.GET('/protokoll', { params: { query: { ...abfrage(aktiv), limit: 100 } as never } })), [aktiv]);
  // exactly the entries of the search shown, every page of it
  const csv = useAktion(async () => {
    const alle: Schemas['ProtokollEreignis'][] = [];
    let cursor: string | undefined;
    for (let seite = 0; seite < MAX_SEITEN; seite++) {
      const r = await ergebnis(api.GET('/protokoll', { params: { query: { ...abfrage(aktiv), limit: 200, ...(cursor ? { cursor } : {}) } as never } }));
      alle.push(...r.items);
      cursor = r.nextCursor ?? undefined;
      if (!cursor) break;
    }
    speichern(new Blob([protokollCsv(alle)], { type: 'text/csv;charset=utf-8' }), 'protokoll-suche.csv');
    setHinweis(cursor ? T.pruefung.csvGekuerzt(alle.length) : T.pruefung.csvFertig(alle.length));
  });
  const feld = (name: keyof typeof filter, label: string, type = 'text') => (
    <Feld label={label} type={type} value={filter[name]} onChange={(e) => setFilter((f) => ({ ...f, [name]: e.target.value }))} />
  );
  return (
    <section aria-labelledby="suche-titel">
      <h2 id="suche-titel" className="kern-heading-medium">
        {T.pruefung.suche}
      </h2>
      <form
        className="eakte-formular"
        onSubmit={(e) => {
          e.preventDefault();
          setAktiv(filter);
        }}
      >
        {feld('aktenzeichen', T.pruefung.aktenzeichen)}
        {feld('akteur', T.pruefung.akteur)}
        <Auswahl
          label={T.pruefung.aktion}
          value={filter.aktion}
          onChange={(e) => setFilter((f) => ({ ...f, aktion: e.target.value }))}
          optionen={[{ wert: '', text: T.pruefung.alleAktionen }, ...AKTIONSAUSWAHL]}
        />
        {feld('von', T.pruefung.von, 'date')}
        <div className="eakte-knoepfe">
          <button className="kern-btn kern-btn--primary" type="submit">
            <span className="kern-label">{T.pruefung.filtern}</span>
          </button>
        </div>
      </form>
      <Geladen l={liste}>
        {(d) =>
          d.items.length ? (
            <ProtokollTabelle
              ereignisse={d.items}
              beschriftung={T.pruefung.suche}
              vorne={[{ titel: T.pruefung.seq, zelle: (e) => e.sequenz }]}
              hinten={[{ titel: T.pruefung.aktenzeichen, zelle: (e) => e.aktenzeichen ?? '–' }]}
            />
          ) : (
            <p className="kern-body">{T.pruefung.keine}</p>
          )
        }
      </Geladen>
      <div className="eakte-knoepfe">
        <button className="kern-btn kern-btn--secondary" type="button" disabled={csv.laeuft} onClick={() => void csv.ausfuehren()}>
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          <span className="kern-label">{T.pruefung.exportSuche}</span>
        </button>
      </div>
      {hinweis && (
        <p className="kern-body" role="status">
          {hinweis}
        </p>
      )}
      <Fehlermeldung fehler={csv.fehler} />
    </section>
  );
}

export function Pruefung() {
  const exportieren = useAktion((format: 'jsonl' | 'csv') => herunterladen(`/api/v1/protokoll/export?format=${format}`, `protokoll.${format}`));
  return (
    <Seite titel={T.pruefung.titel}>
      <Kette />
      <Suche />
      <section aria-labelledby="export-titel">
        <h2 id="export-titel" className="kern-heading-medium">
          {T.pruefung.export}
        </h2>
        <p className="kern-body">{T.pruefung.exportHinweis}</p>
        <div className="eakte-knoepfe">
          <button className="kern-btn kern-btn--secondary" type="button" onClick={() => void exportieren.ausfuehren('jsonl')}>
            <span className="kern-icon kern-icon--download" aria-hidden="true" />
            <span className="kern-label">{T.pruefung.exportJsonl}</span>
          </button>
          <button className="kern-btn kern-btn--secondary" type="button" onClick={() => void exportieren.ausfuehren('csv')}>
            <span className="kern-icon kern-icon--download" aria-hidden="true" />
            <span className="kern-label">{T.pruefung.exportCsv}</span>
          </button>
        </div>
        <Fehlermeldung fehler={exportieren.fehler} />
      </section>
    </Seite>
  );
}
