// The Posteingang of the Poststelle or Registratur: the items not yet assigned (scans, mails, uploads
// without a Vorgang), each with a look at its content, assigned one by one or several at once to a
// Vorgang found by search, or passed on (Zuleitung) to an org unit's Postkorb or a person who files
// them. On assignment each becomes a Dokument there with its Eingangsstempel. The receiver's part of
// it (ZugeleitetePost) is shown in their Postkorb.
import type { Schemas } from '@eakte/api-client';
import { useEffect, useState } from 'react';
import { AlleAuswaehlen, auswahlSpalte, nurWaehlbare, useAuswahl } from '../auswahl';
import { api, ergebnis, inhaltLaden, useAktion, useLaden, useSeitenweise } from '../api';
import { useNamen } from '../namen';
import { pfad } from '../pfade';
import { PersonWahl } from '../personen';
import { sammelMeldung, zielName, zuordnungsKoerper, type Ziel, type ZielArt } from '../posteingang';
import { Link } from '../router';
import { T } from '../texte';
import { Auswahl, Erfolg, Feld, Fehlermeldung, Seite, Tabelle, datum, groesse } from '../ui';
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

/**
 * The target of the selected items and the button that sends them: a Vorgang found by search, or
 * (`weiterleiten`) an org unit's Postkorb or a person, with a Hinweis to the receiver.
 */
function Zuordnung({
  eintraege,
  gewaehlt,
  titel,
  text,
  weiterleiten,
  danach,
  unterabschnitt,
}: {
  eintraege: Eintrag[];
  gewaehlt: string[];
  titel: string;
  text: string;
  weiterleiten: boolean;
  danach: () => void;
  /** inside another section (the Postkorb's): its heading one level down */
  unterabschnitt?: boolean;
}) {
  const Ueberschrift = unterabschnitt ? 'h3' : 'h2';
  const nameVon = useNamen();
  const [art, setArt] = useState<ZielArt>('vorgang');
  const [vorgang, setVorgang] = useState<Treffer>();
  const [oeId, setOeId] = useState('');
  const [sub, setSub] = useState('');
  const [hinweis, setHinweis] = useState('');
  const [meldung, setMeldung] = useState<{ ziel: Ziel; erfolg: number; fehler: string[] }>();
  const oes = useLaden(() => (weiterleiten ? ergebnis(api.GET('/organisationseinheiten')) : Promise.resolve({ items: [] })), [weiterleiten]);
  const oe = oes.daten?.items.find((o) => o.id === oeId);
  const ziel: Ziel | undefined =
    art === 'vorgang'
      ? vorgang && { art, vorgangId: vorgang.id, kennzeichen: vorgang.kennzeichen }
      : art === 'einheit'
        ? oe && { art, organisationseinheitId: oe.id, name: `${oe.kuerzel} – ${oe.name}` }
        : sub
          ? { art, sub, name: nameVon(sub) }
          : undefined;

  const senden = useAktion(async () => {
    if (!ziel || gewaehlt.length === 0) return;
    const body = zuordnungsKoerper(ziel, hinweis);
    if (gewaehlt.length === 1) {
      await ergebnis(api.POST('/posteingang/{id}/zuordnung', { params: { path: { id: gewaehlt[0]! } }, body }));
      setMeldung({ ziel, erfolg: 1, fehler: [] });
    } else {
      // into a Vorgang each item on its own, passed on in one statement: the failed ones are named
      const r = await ergebnis(api.POST('/posteingang/zuordnungen', { body: { ...body, eintraege: gewaehlt } }));
      setMeldung({ ziel, ...sammelMeldung(r.ergebnisse, (id) => eintraege.find((e) => e.id === id)?.betreff ?? id) });
    }
    setHinweis('');
    danach();
  });

  const knopf = art === 'vorgang' ? T.posteingang.zuordnen(gewaehlt.length, ziel && zielName(ziel)) : T.posteingang.weiterleiten(gewaehlt.length, ziel && zielName(ziel));
  return (
    <section aria-labelledby="pe-zuordnen-titel">
      <Ueberschrift id="pe-zuordnen-titel" className={unterabschnitt ? 'kern-heading-small' : 'kern-heading-medium'}>
        {titel}
      </Ueberschrift>
      <p className="kern-body">{text}</p>
      {meldung && meldung.erfolg > 0 && (
        <Erfolg>
          {meldung.ziel.art === 'vorgang' ? (
            <>
              {T.posteingang.zugeordnet(meldung.erfolg)}{' '}
              <Link className="kern-link" href={pfad('vorgang', { id: meldung.ziel.vorgangId })}>
                {T.posteingang.zumVorgang(meldung.ziel.kennzeichen)}
              </Link>
            </>
          ) : (
            T.posteingang.weitergeleitet(meldung.erfolg, zielName(meldung.ziel))
          )}
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
      {eintraege.length > 0 && weiterleiten && (
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{T.posteingang.zielArt}</legend>
          <div className="kern-fieldset__body">
            {(['vorgang', 'einheit', 'person'] as const).map((z) => (
              <div className="kern-form-check" key={z}>
                <input className="kern-form-check__radio" type="radio" id={`pe-ziel-${z}`} name="ziel" checked={art === z} onChange={() => setArt(z)} />
                <label className="kern-label" htmlFor={`pe-ziel-${z}`}>
                  {T.posteingang.ziele[z]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      {eintraege.length > 0 && art === 'vorgang' && <VorgangSuche gewaehlt={vorgang} waehle={setVorgang} />}
      {eintraege.length > 0 && art === 'einheit' && (
        <Auswahl
          label={T.posteingang.einheit}
          name="an/organisationseinheitId"
          value={oeId}
          onChange={(e) => setOeId(e.target.value)}
          optionen={[{ wert: '', text: T.posteingang.bitteWaehlen }, ...(oes.daten?.items ?? []).map((o) => ({ wert: o.id, text: `${o.kuerzel} – ${o.name}` }))]}
        />
      )}
      {eintraege.length > 0 && art === 'person' && <PersonWahl label={T.posteingang.person} name="an/sub" sub={sub} onWahl={setSub} />}
      {eintraege.length > 0 && art !== 'vorgang' && (
        <Feld label={T.posteingang.hinweis} hinweis={T.posteingang.hinweisHilfe} name="hinweis" maxLength={1000} value={hinweis} onChange={(e) => setHinweis(e.target.value)} />
      )}
      <Fehlermeldung fehler={oes.fehler ?? senden.fehler} fokussieren />
      {eintraege.length > 0 && (
        <div className="eakte-knoepfe">
          <button className="kern-btn kern-btn--primary" type="button" disabled={senden.laeuft || !ziel || gewaehlt.length === 0} onClick={() => void senden.ausfuehren()}>
            <span className="kern-label">{knopf}</span>
          </button>
        </div>
      )}
    </section>
  );
}

/** The table of items with selection and a look at each one's content. */
function EintragTabelle({
  eintraege,
  a,
  beschriftung,
  oeName,
  ansehen,
}: {
  eintraege: Eintrag[];
  a: ReturnType<typeof useAuswahl>;
  beschriftung: string;
  /** with the receiver's columns: the org unit's name by its id */
  oeName?: (id: string) => string;
  ansehen: (e: Eintrag) => void;
}) {
  const ids = eintraege.map((e) => e.id);
  return (
    <>
      <AlleAuswaehlen auswahl={a.auswahl} waehlbar={ids} alle={a.alle} />
      <Tabelle
        zeilen={eintraege}
        beschriftung={beschriftung}
        spalten={[
          auswahlSpalte<Eintrag>(a, (e) => e.betreff),
          { titel: T.posteingang.betreff, zelle: (e) => e.betreff, sortWert: (e) => e.betreff },
          { titel: T.posteingang.absender, zelle: (e) => e.absender ?? '–', sortWert: (e) => e.absender },
          { titel: T.posteingang.eingang, zelle: (e) => datum(e.eingangsdatum), sortWert: (e) => e.eingangsdatum },
          { titel: T.posteingang.art, zelle: (e) => T.posteingang.arten[e.art] ?? e.art },
          ...(oeName
            ? [
                { titel: T.posteingang.an, zelle: (e: Eintrag) => (e.an?.sub ? T.posteingang.anPerson : T.posteingang.anEinheit(oeName(e.an?.organisationseinheitId ?? ''))) },
                { titel: T.posteingang.hinweis, zelle: (e: Eintrag) => e.hinweis ?? '–' },
              ]
            : []),
          { titel: T.posteingang.datei, zelle: (e) => `${e.dateiname} (${groesse(e.groesse)})` },
          {
            titel: T.posteingang.aktionen,
            verborgen: true,
            zelle: (e) =>
              zeigbar(e.mimeType) ? (
                <button className="kern-btn kern-btn--tertiary kern-btn--x-small" type="button" aria-label={T.posteingang.ansehenVon(e.betreff)} onClick={() => ansehen(e)}>
                  <span className="kern-icon kern-icon--visibility" aria-hidden="true" />
                  <span className="kern-label">{T.posteingang.ansehen}</span>
                </button>
              ) : (
                <span className="kern-body">{T.posteingang.keineAnsicht}</span>
              ),
          },
        ]}
      />
    </>
  );
}

/** A page-wise list of Posteingang items: the table, or the empty text, and the button for more. */
function Liste({
  seiten,
  alle,
  leer,
  ...tabelle
}: { seiten: Pick<ReturnType<typeof useSeitenweise<{ items: Eintrag[]; nextCursor?: string | null }>>, 'liste' | 'cursor' | 'mehr'>; alle: Eintrag[]; leer: string } & Omit<
  Parameters<typeof EintragTabelle>[0],
  'eintraege'
>) {
  const { liste, cursor, mehr } = seiten;
  return (
    <Geladen l={liste}>
      {() =>
        alle.length === 0 ? (
          <p className="kern-body">{leer}</p>
        ) : (
          <>
            <EintragTabelle eintraege={alle} {...tabelle} />
            {cursor && (
              <button className="kern-btn kern-btn--secondary" type="button" disabled={mehr.laeuft} onClick={() => void mehr.ausfuehren()}>
                <span className="kern-label">{T.posteingang.mehr}</span>
              </button>
            )}
          </>
        )
      }
    </Geladen>
  );
}

export function PosteingangSeite() {
  const seiten = useSeitenweise((c) => api.GET('/posteingang', { params: { query: { status: 'offen', limit: 100, ...(c ? { cursor: c } : {}) } } }));
  const a = useAuswahl();
  const [ansicht, setAnsicht] = useState<Eintrag>();
  const { liste } = seiten;
  const alle = liste.daten ? [...liste.daten.items, ...seiten.weitere] : [];
  const gewaehlt = nurWaehlbare(
    a.auswahl,
    alle.map((e) => e.id),
  );

  return (
    <Seite titel={T.posteingang.titel} unterzeile={T.posteingang.kicker}>
      <p className="kern-body">{T.posteingang.einleitung}</p>
      <Liste seiten={seiten} alle={alle} a={a} beschriftung={T.posteingang.titel} leer={T.posteingang.leer} ansehen={setAnsicht} />
      {ansicht && <Ansicht key={ansicht.id} eintrag={ansicht} schliessen={() => setAnsicht(undefined)} />}
      {liste.daten && (
        <Zuordnung
          eintraege={alle}
          gewaehlt={gewaehlt}
          titel={T.posteingang.zuordnenTitel}
          text={T.posteingang.zuordnenText}
          weiterleiten
          danach={() => {
            a.leeren();
            setAnsicht(undefined);
            liste.neuLaden();
          }}
        />
      )}
    </Seite>
  );
}

/** The receiver's part of the Postkorb: what the Poststelle passed on to them or their org unit, filed into a Vorgang from here. */
export function ZugeleitetePost() {
  const seiten = useSeitenweise((c) => api.GET('/posteingang/zugeleitet', { params: { query: { limit: 100, ...(c ? { cursor: c } : {}) } } }));
  const oes = useLaden(() => ergebnis(api.GET('/organisationseinheiten')).catch(() => ({ items: [] })), []);
  const oeName = (id: string) => {
    const o = oes.daten?.items.find((x) => x.id === id);
    return o ? `${o.kuerzel} – ${o.name}` : id;
  };
  const a = useAuswahl();
  const [ansicht, setAnsicht] = useState<Eintrag>();
  const { liste } = seiten;
  const alle = liste.daten ? [...liste.daten.items, ...seiten.weitere] : [];
  const gewaehlt = nurWaehlbare(
    a.auswahl,
    alle.map((e) => e.id),
  );
  return (
    <section aria-labelledby="pe-zugeleitet-titel">
      <h2 id="pe-zugeleitet-titel" className="kern-heading-medium">
        {T.posteingang.zugeleitetTitel}
      </h2>
      <p className="kern-body">{T.posteingang.zugeleitetText}</p>
      <Liste seiten={seiten} alle={alle} a={a} beschriftung={T.posteingang.zugeleitetTitel} leer={T.posteingang.zugeleitetLeer} oeName={oeName} ansehen={setAnsicht} />
      {ansicht && <Ansicht key={ansicht.id} eintrag={ansicht} schliessen={() => setAnsicht(undefined)} />}
      {liste.daten && (
        <Zuordnung
          eintraege={alle}
          gewaehlt={gewaehlt}
          titel={T.posteingang.zugeleitetZuordnenTitel}
          text={T.posteingang.zugeleitetZuordnenText}
          weiterleiten={false}
          unterabschnitt
          danach={() => {
            a.leeren();
            setAnsicht(undefined);
            liste.neuLaden();
          }}
        />
      )}
    </section>
  );
}
