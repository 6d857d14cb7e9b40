// Prüfung: verify the audit chain (clear green/red), search the Protokoll, export it.
import type { Schemas } from '@eakte/api-client';
import { ROLLEN_NAMEN, type Rolle } from '@eakte/platform/berechtigungen';
import { AKTIONSAUSWAHL, aktionText, ergebnisText, feldText, objektText, wertText } from '@eakte/platform/protokoll-texte';
import { useEffect, useRef, useState } from 'react';
import { api, ergebnis, herunterladen, useAktion, useLaden } from '../api';
import { abfrage, akteurOptionen, exportUrl, type Filter } from '../protokoll-suche';
import { T } from '../texte';
import { Angaben, Auswahl, Feld, Fehlermeldung, Seite, Tabelle, zeit, type Spalte } from '../ui';
import { Geladen } from './Laden';

/** Everyone the Protokoll names as an actor: the ones a search of it may pick (at most 20 pages of 200). */
async function alleAkteure(): Promise<Schemas['ProtokollAkteur'][]> {
  const alle: Schemas['ProtokollAkteur'][] = [];
  let cursor: string | undefined;
  for (let seite = 0; seite < 20 && (seite === 0 || cursor); seite++) {
    const r = await ergebnis(api.GET('/protokoll/akteure', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }));
    alle.push(...r.items);
    cursor = r.nextCursor ?? undefined;
  }
  return alle;
}

type Ereignis = Pick<Schemas['ProtokollEreignis'], 'sequenz' | 'zeit' | 'akteurName' | 'akteurSub' | 'aktion' | 'objektTyp'>;

/** Protokoll entries as a table (the search here, an Akte's Historie): when, who, what, on which object, plus the caller's columns. */
export function ProtokollTabelle<E extends Ereignis>({ ereignisse, beschriftung, vorne = [], hinten = [] }: { ereignisse: E[]; beschriftung: string; vorne?: Spalte<E>[]; hinten?: Spalte<E>[] }) {
  const spalten: Spalte<E>[] = [
    ...vorne,
    { titel: T.akte.historieZeit, zelle: (e) => zeit(e.zeit) },
    { titel: T.akte.historieWer, zelle: (e) => e.akteurName || e.akteurSub },
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

/** One entry opened: who did what when, each changed field with its value before and after, the details by name. */
export function EintragDetails({ e, ueberschriftRef }: { e: Schemas['ProtokollEreignis']; ueberschriftRef?: React.Ref<HTMLHeadingElement> }) {
  const details = Object.entries(e.details ?? {});
  return (
    <section aria-labelledby={`eintrag-${e.sequenz}`} className="eakte-eintrag">
      <h3 id={`eintrag-${e.sequenz}`} className="kern-heading-small" tabIndex={-1} ref={ueberschriftRef}>
        {T.pruefung.eintrag(e.sequenz)}
      </h3>
      <Angaben
        eintraege={[
          [T.akte.historieZeit, zeit(e.zeit)],
          [T.akte.historieWer, e.akteurName || e.akteurSub],
          [T.pruefung.kennung, e.akteurSub],
          [T.pruefung.rollen, e.akteurRollen.map((r) => ROLLEN_NAMEN[r as Rolle] ?? r).join(', ') || '–'],
          [T.akte.historieAktion, aktionText(e.aktion)],
          [T.akte.historieObjekt, `${objektText(e.objektTyp)}${e.objektId ? ` (${e.objektId})` : ''}`],
          [T.pruefung.aktenzeichen, e.aktenzeichen ?? '–'],
          [T.pruefung.ergebnis, ergebnisText(e.ergebnis)],
          [T.pruefung.anfrage, e.requestId ?? '–'],
          [T.pruefung.adresse, e.clientIp ?? '–'],
        ]}
      />
      <h4 className="kern-title kern-title--small">{T.pruefung.aenderungen}</h4>
      {e.aenderungen.length ? (
        <Tabelle
          klein
          zeilen={e.aenderungen.map((a, i) => ({ ...a, i }))}
          schluessel={(a) => a.i}
          beschriftung={T.pruefung.aenderungen}
          spalten={[
            { titel: T.pruefung.feld, zelle: (a) => feldText(a.feld) },
            { titel: T.pruefung.vorher, zelle: (a) => wertText(a.feld, a.alt) },
            { titel: T.pruefung.nachher, zelle: (a) => wertText(a.feld, a.neu) },
          ]}
        />
      ) : (
        <p className="kern-body">{T.pruefung.keineAenderungen}</p>
      )}
      {details.length > 0 && (
        <>
          <h4 className="kern-title kern-title--small">{T.pruefung.weitereAngaben}</h4>
          <Angaben eintraege={details.map(([k, v]) => [feldText(k), wertText(k, v)])} />
        </>
      )}
    </section>
  );
}

function Suche() {
  const [filter, setFilter] = useState<Filter>({ aktenzeichen: '', akteur: '', aktion: '', von: '' });
  const [aktiv, setAktiv] = useState(filter);
  const [offen, setOffen] = useState<Schemas['ProtokollEreignis']>();
  const ueberschrift = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // the opened entry is read next: the focus moves to its heading
    if (offen) ueberschrift.current?.focus();
  }, [offen]);
  const liste = useLaden(() => ergebnis(api.GET('/protokoll', { params: { query: { ...abfrage(aktiv), limit: 100 } as never } })), [aktiv]);
  const akteure = useLaden(alleAkteure, []);
  // exactly the entries of the search shown, streamed by the service as the German table
  const csv = useAktion(() => herunterladen(exportUrl(aktiv), 'protokoll-suche.csv'));
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
          setOffen(undefined);
          setAktiv(filter);
        }}
      >
        {feld('aktenzeichen', T.pruefung.aktenzeichen)}
        <Auswahl
          label={T.pruefung.akteur}
          value={filter.akteur}
          onChange={(e) => setFilter((f) => ({ ...f, akteur: e.target.value }))}
          optionen={[{ wert: '', text: T.pruefung.alleAkteure }, ...akteurOptionen(akteure.daten ?? [])]}
        />
        <Fehlermeldung fehler={akteure.fehler} />
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
              hinten={[
                { titel: T.pruefung.aktenzeichen, zelle: (e) => e.aktenzeichen ?? '–' },
                {
                  titel: T.pruefung.details,
                  verborgen: true,
                  zelle: (e) => (
                    <button className="kern-btn kern-btn--tertiary" type="button" aria-expanded={offen?.sequenz === e.sequenz} onClick={() => setOffen(e)}>
                      <span className="kern-label">{T.pruefung.oeffnen(e.sequenz)}</span>
                    </button>
                  ),
                },
              ]}
            />
          ) : (
            <p className="kern-body">{T.pruefung.keine}</p>
          )
        }
      </Geladen>
      {offen && <EintragDetails e={offen} ueberschriftRef={ueberschrift} />}
      <div className="eakte-knoepfe">
        <button className="kern-btn kern-btn--secondary" type="button" disabled={csv.laeuft} onClick={() => void csv.ausfuehren()}>
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          <span className="kern-label">{T.pruefung.exportSuche}</span>
        </button>
      </div>
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
