// The Posteingang of the Poststelle or Registratur: the items not yet assigned (scans, mails, uploads
// without a Vorgang), each with a look at its content, assigned one by one or several at once to a
// Vorgang found by search. On assignment each becomes a Dokument there (a PDF with Eingangsstempel).
// The API assigns to a Vorgang only; a Postkorb or a person is reached from there by a Verfügung.
import type { Schemas } from '@eakte/api-client';
import { useEffect, useState } from 'react';
import { AlleAuswaehlen, auswahlSpalte, nurWaehlbare, useAuswahl } from '../auswahl';
import { api, ergebnis, inhaltLaden, useAktion, useSeitenweise } from '../api';
import { pfad } from '../pfade';
import { Link } from '../router';
import { fehlertextFuer, T } from '../texte';
import { Erfolg, Feld, Fehlermeldung, Seite, Tabelle, datum, groesse } from '../ui';
import { Geladen } from './Laden';

type Eintrag = Schemas['PosteingangEintrag'];
type Treffer = Schemas['Suchtreffer'];

const inhaltUrl = (id: string) => `/api/v1/posteingang/${encodeURIComponent(id)}/inhalt`;
const zeigbar = (mime: string) => mime === 'application/pdf' || mime === 'image/png' || mime === 'image/jpeg';

/** The content of one item: a PDF in the browser's viewer, an image as it is; read (and audited) on request. */
function Ansicht({ eintrag, schliessen }: { eintrag: Eintrag; schliessen: () => void }) {
  const [url, setUrl] = useState<string>();
  const laden = useAktion(async () => {
    const b = await inhaltLaden(inhaltUrl(eintrag.id));
    setUrl(URL.createObjectURL(new Blob([b], { type: eintrag.mimeType })));
  });
  const { ausfuehren } = laden;
  useEffect(() => {
    void ausfuehren();
  }, [ausfuehren]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  const titel = T.posteingang.ansichtTitel(eintrag.betreff);
  return (
    <section aria-labelledby="pe-ansicht-titel">
      <h2 id="pe-ansicht-titel" className="kern-heading-medium">
        {titel}
      </h2>
      <Fehlermeldung fehler={laden.fehler} />
      {url && eintrag.mimeType === 'application/pdf' && <iframe className="eakte-pdf" src={url} title={titel} />}
      {url && eintrag.mimeType !== 'application/pdf' && <img className="eakte-vorschau" src={url} alt={titel} />}
      <button className="kern-btn kern-btn--tertiary" type="button" onClick={schliessen}>
        <span className="kern-label">{T.posteingang.schliessen}</span>
      </button>
    </section>
  );
}

/** Finds a Vorgang by Aktenzeichen, Kennzeichen or Betreff words (the platform's search) and offers its hits. */
function VorgangSuche({ gewaehlt, waehle }: { gewaehlt?: Treffer; waehle: (t: Treffer) => void }) {
  const [q, setQ] = useState('');
  const [treffer, setTreffer] = useState<Treffer[]>();
  const suchen = useAktion(async () => {
    const r = await ergebnis(api.GET('/suche', { params: { query: { q: q.trim(), limit: 20 } } }));
    setTreffer(r.items.filter((t) => t.typ === 'vorgang'));
  });
  return (
    <div>
      <form
        className="eakte-knoepfe"
        aria-label={T.posteingang.vorgangSuchen}
        onSubmit={(e) => {
          e.preventDefault();
          if (q.trim()) void suchen.ausfuehren();
        }}
      >
        <Feld label={T.posteingang.suchbegriff} hinweis={T.posteingang.suchhinweis} name="q" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
        <button className="kern-btn kern-btn--secondary" type="submit" disabled={suchen.laeuft}>
          <span className="kern-label">{T.posteingang.suchen}</span>
        </button>
      </form>
      <Fehlermeldung fehler={suchen.fehler} />
      {treffer && treffer.length === 0 && (
        <p className="kern-body" role="status">
          {T.posteingang.keineTreffer}
        </p>
      )}
      {treffer && treffer.length > 0 && (
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{T.posteingang.vorgangWaehlen}</legend>
          <div className="kern-fieldset__body">
            {treffer.map((t) => (
              <div className="kern-form-check" key={t.id}>
                <input className="kern-form-check__radio" type="radio" id={`pe-vg-${t.id}`} name="vorgang" checked={gewaehlt?.id === t.id} onChange={() => waehle(t)} />
                <label className="kern-label" htmlFor={`pe-vg-${t.id}`}>
                  {T.posteingang.trefferZeile(t.kennzeichen, t.betreff, t.aktenzeichen)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}

export function PosteingangSeite() {
  const { liste, weitere, cursor, mehr } = useSeitenweise((c) => api.GET('/posteingang', { params: { query: { status: 'offen', limit: 100, ...(c ? { cursor: c } : {}) } } }));
  const a = useAuswahl();
  const [ansicht, setAnsicht] = useState<Eintrag>();
  const [vorgang, setVorgang] = useState<Treffer>();
  const [meldung, setMeldung] = useState<{ erfolg: number; fehler: string[] }>();
  const alle = liste.daten ? [...liste.daten.items, ...weitere] : [];
  const ids = alle.map((e) => e.id);
  const gewaehlt = nurWaehlbare(a.auswahl, ids);

  const zuordnen = useAktion(async () => {
    if (!vorgang || gewaehlt.length === 0) return;
    if (gewaehlt.length === 1) {
      await ergebnis(api.POST('/posteingang/{id}/zuordnung', { params: { path: { id: gewaehlt[0]! } }, body: { vorgangId: vorgang.id } }));
      setMeldung({ erfolg: 1, fehler: [] });
    } else {
      // each item on its own: the failed ones are named, the others are assigned
      const r = await ergebnis(api.POST('/posteingang/zuordnungen', { body: { vorgangId: vorgang.id, eintraege: gewaehlt } }));
      const betreff = (id: string) => alle.find((e) => e.id === id)?.betreff ?? id;
      setMeldung({
        erfolg: r.ergebnisse.filter((x) => x.status === 200).length,
        fehler: r.ergebnisse.filter((x) => x.status !== 200).map((x) => `${betreff(x.id)}: ${(x.problem && fehlertextFuer(x.problem.code)?.text) ?? x.problem?.detail ?? ''}`),
      });
    }
    a.leeren();
    setAnsicht(undefined);
    liste.neuLaden();
  });

  return (
    <Seite titel={T.posteingang.titel} unterzeile={T.posteingang.kicker}>
      <p className="kern-body">{T.posteingang.einleitung}</p>
      {meldung && meldung.erfolg > 0 && vorgang && (
        <Erfolg>
          {T.posteingang.zugeordnet(meldung.erfolg)}{' '}
          <Link className="kern-link" href={pfad('vorgang', { id: vorgang.id })}>
            {T.posteingang.zumVorgang(vorgang.kennzeichen)}
          </Link>
        </Erfolg>
      )}
      {meldung && meldung.fehler.length > 0 && (
        <div className="kern-alert kern-alert--danger" role="alert">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <span className="kern-title">{T.posteingang.teilweise(meldung.fehler.length)}</span>
          </div>
          <div className="kern-alert__body">
            <ul className="kern-list">
              {meldung.fehler.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <Geladen l={liste}>
        {() =>
          alle.length === 0 ? (
            <p className="kern-body">{T.posteingang.leer}</p>
          ) : (
            <>
              <AlleAuswaehlen auswahl={a.auswahl} waehlbar={ids} alle={a.alle} />
              <Tabelle
                zeilen={alle}
                beschriftung={T.posteingang.titel}
                spalten={[
                  auswahlSpalte<Eintrag>(a, (e) => e.betreff),
                  { titel: T.posteingang.betreff, zelle: (e) => e.betreff, sortWert: (e) => e.betreff },
                  { titel: T.posteingang.absender, zelle: (e) => e.absender ?? '–', sortWert: (e) => e.absender },
                  { titel: T.posteingang.eingang, zelle: (e) => datum(e.eingangsdatum), sortWert: (e) => e.eingangsdatum },
                  { titel: T.posteingang.art, zelle: (e) => T.posteingang.arten[e.art] ?? e.art },
                  { titel: T.posteingang.datei, zelle: (e) => `${e.dateiname} (${groesse(e.groesse)})` },
                  {
                    titel: T.posteingang.aktionen,
                    verborgen: true,
                    zelle: (e) =>
                      zeigbar(e.mimeType) ? (
                        <button className="kern-btn kern-btn--tertiary kern-btn--x-small" type="button" aria-label={T.posteingang.ansehenVon(e.betreff)} onClick={() => setAnsicht(e)}>
                          <span className="kern-icon kern-icon--visibility" aria-hidden="true" />
                          <span className="kern-label">{T.posteingang.ansehen}</span>
                        </button>
                      ) : (
                        <span className="kern-body">{T.posteingang.keineAnsicht}</span>
                      ),
                  },
                ]}
              />
              {cursor && (
                <button className="kern-btn kern-btn--secondary" type="button" disabled={mehr.laeuft} onClick={() => void mehr.ausfuehren()}>
                  <span className="kern-label">{T.posteingang.mehr}</span>
                </button>
              )}
            </>
          )
        }
      </Geladen>
      {ansicht && <Ansicht key={ansicht.id} eintrag={ansicht} schliessen={() => setAnsicht(undefined)} />}
      {alle.length > 0 && (
        <section aria-labelledby="pe-zuordnen-titel">
          <h2 id="pe-zuordnen-titel" className="kern-heading-medium">
            {T.posteingang.zuordnenTitel}
          </h2>
          <p className="kern-body">{T.posteingang.zuordnenText}</p>
          <VorgangSuche gewaehlt={vorgang} waehle={setVorgang} />
          <Fehlermeldung fehler={zuordnen.fehler} fokussieren />
          <div className="eakte-knoepfe">
            <button className="kern-btn kern-btn--primary" type="button" disabled={zuordnen.laeuft || !vorgang || gewaehlt.length === 0} onClick={() => void zuordnen.ausfuehren()}>
              <span className="kern-label">{T.posteingang.zuordnen(gewaehlt.length, vorgang?.kennzeichen)}</span>
            </button>
          </div>
        </section>
      )}
    </Seite>
  );
}
