// One Aktenplaneinheit: its Akten and the form to create a new one.
import type { Schemas } from '@eakte/api-client';
import { useState } from 'react';
import { api, ergebnis, mitEtag, useAktion, useLaden } from '../api';
import type { Sitzung } from '../auth';
import { pfad } from '../pfade';
import { darfFeld } from '../rechte';
import { Link, navigieren } from '../router';
import { T } from '../texte';
import { AlleAuswaehlen, auswahlSpalte, nurWaehlbare, useAuswahl } from '../auswahl';
import { Angaben, Auswahl, Brotkrumen, Erfolg, Feld, FilterFormular, Formular, Seite, Tabelle, datum, statusText, type Spalte } from '../ui';
import { fristText } from './Aktenplan';
import { Geladen } from './Laden';
import { SperreSetzen } from './Loeschsperren';

/** A unit's Akten; with `auswahl` (the Registratur's bulk hold) a box per row and "alle auswählen". */
export function AktenTabelle({ akten, beschriftung, auswahl }: { akten: Schemas['Akte'][]; beschriftung: string; auswahl?: ReturnType<typeof useAuswahl> }) {
  const spalten: Spalte<Schemas['Akte']>[] = [
    {
      titel: T.akte.aktenzeichen,
      zelle: (a) => (
        <Link className="kern-link" href={pfad('akte', { id: a.id })}>
          {a.aktenzeichen}
        </Link>
      ),
      sortWert: (a) => a.aktenzeichen,
    },
    { titel: T.akte.betreff, zelle: (a) => a.betreff, sortWert: (a) => a.betreff },
    { titel: T.akte.status, zelle: (a) => statusText(a.status, a.zdaDatum), sortWert: (a) => a.zdaDatum ?? '' },
    { titel: T.akte.laufzeit, zelle: (a) => `${datum(a.laufzeit.beginn)} – ${a.laufzeit.ende ? datum(a.laufzeit.ende) : ''}`, sortWert: (a) => a.laufzeit.beginn },
  ];
  return (
    <>
      {auswahl && <AlleAuswaehlen auswahl={auswahl.auswahl} waehlbar={akten.map((a) => a.id)} alle={auswahl.alle} />}
      <Tabelle zeilen={akten} beschriftung={beschriftung} spalten={auswahl ? [auswahlSpalte<Schemas['Akte']>(auswahl, (a) => a.aktenzeichen), ...spalten] : spalten} />
    </>
  );
}

/** Registratur: one Löschsperre on the Akten chosen in the list. */
function SammelSperre({ akten, auswahl }: { akten: Schemas['Akte'][]; auswahl: ReturnType<typeof useAuswahl> }) {
  const gewaehlt = nurWaehlbare(
    auswahl.auswahl,
    akten.map((a) => a.id),
  );
  const [meldung, setMeldung] = useState<string>();
  return (
    <section className="eakte-sammel" aria-labelledby="sammelsperre-titel">
      <h3 id="sammelsperre-titel" className="kern-heading-small">
        {T.loeschsperre.auswahlTitel}
      </h3>
      {meldung && <Erfolg>{meldung}</Erfolg>}
      <p className="kern-body" role="status">
        {gewaehlt.length ? T.registratur.anbietenAnzahl(gewaehlt.length) : T.loeschsperre.auswahlHinweis}
      </p>
      {gewaehlt.length > 0 && (
        <SperreSetzen
          akten={gewaehlt}
          knopf={T.loeschsperre.auswahlKnopf(gewaehlt.length)}
          gesetzt={() => {
            setMeldung(T.loeschsperre.gesetztAuf(gewaehlt.length));
            auswahl.leeren();
          }}
        />
      )}
    </section>
  );
}

export function NeueAkte({ einheitId, sitzung }: { einheitId: string; sitzung: Sitzung }) {
  const [betreff, setBetreff] = useState('');
  const [federfuehrung, setFederfuehrung] = useState('');
  const [beginn, setBeginn] = useState('');
  const oes = useLaden(() => ergebnis(api.GET('/organisationseinheiten')), []);
  const anlegen = useAktion(async () => {
    const akte = await ergebnis(
      api.POST('/akten', {
        body: { aktenplaneinheitId: einheitId, betreff: betreff.trim(), ...(federfuehrung ? { federfuehrung } : {}), ...(beginn ? { laufzeitBeginn: beginn } : {}) },
      }),
    );
    navigieren(pfad('akte', { id: akte.id }));
  });
  return (
    <section aria-labelledby="neue-akte">
      <h2 id="neue-akte" className="kern-heading-medium">
        {T.einheit.neueAkte}
      </h2>
      <Formular aktion={anlegen} knopf={T.einheit.anlegen}>
        <Feld label={T.einheit.betreff} name="betreff" required maxLength={500} value={betreff} onChange={(e) => setBetreff(e.target.value)} />
        <Auswahl
          label={T.einheit.federfuehrung}
          name="federfuehrung"
          value={federfuehrung}
          onChange={(e) => setFederfuehrung(e.target.value)}
          optionen={[{ wert: '', text: T.einheit.keine }, ...(oes.daten?.items ?? []).map((o) => ({ wert: o.id, text: `${o.kuerzel} – ${o.name}` }))]}
        />
        {darfFeld(sitzung.rollen, 'laufzeitBeginn') && (
          <Feld label={T.einheit.beginn} name="laufzeitBeginn" hinweis={T.einheit.beginnHinweis} type="date" value={beginn} onChange={(e) => setBeginn(e.target.value)} />
        )}
      </Formular>
    </section>
  );
}

type Frist = Schemas['Aktenplaneinheit']['aufbewahrungsfrist'];
export const fristAusFeld = (frist: string, unbefristet: boolean): Frist => (unbefristet ? 'unbefristet' : frist.trim() ? Number(frist) : null);

interface FristWerte {
  frist: string;
  setFrist: (v: string) => void;
  unbefristet: boolean;
  setUnbefristet: (v: boolean) => void;
}

/** The Frist in years, or "unbefristet" (which disables the number). */
export function FristFeld({ frist, setFrist, unbefristet, setUnbefristet, unbefristetId }: FristWerte & { unbefristetId: string }) {
  return (
    <>
      <Feld
        label={T.aufbewahrung.frist}
        name="aufbewahrungsfrist"
        type="number"
        min={0}
        max={200}
        inputMode="numeric"
        disabled={unbefristet}
        value={frist}
        onChange={(e) => setFrist(e.target.value)}
      />
      <div className="kern-form-check">
        <input className="kern-form-check__checkbox" type="checkbox" id={unbefristetId} checked={unbefristet} onChange={(e) => setUnbefristet(e.target.checked)} />
        <label className="kern-label" htmlFor={unbefristetId}>
          {T.aufbewahrung.unbefristet}
        </label>
      </div>
    </>
  );
}

function FristFelder({ art, setArt, praefix, ...werte }: FristWerte & { art: string; setArt: (v: string) => void; praefix: string }) {
  return (
    <>
      <FristFeld {...werte} unbefristetId={`${praefix}-unbefristet`} />
      <Auswahl
        label={T.aufbewahrung.art}
        name="aussonderungsart"
        value={art}
        onChange={(e) => setArt(e.target.value)}
        optionen={[{ wert: '', text: T.einheit.keine }, ...['A', 'B', 'V'].map((w) => ({ wert: w, text: T.akte.arten[w]! }))]}
      />
    </>
  );
}

// Registratur: change this unit (title, retention, retirement) and add units below it
function Pflege({ einheit, etag, geaendert }: { einheit: Schemas['Aktenplaneinheit']; etag: string; geaendert: () => void }) {
  const f = einheit.aufbewahrungsfrist;
  const [titel, setTitel] = useState(einheit.titel);
  const [frist, setFrist] = useState(typeof f === 'number' ? String(f) : '');
  const [unbefristet, setUnbefristet] = useState(f === 'unbefristet');
  const [art, setArt] = useState<string>(einheit.aussonderungsart ?? '');
  const [gueltigBis, setGueltigBis] = useState(einheit.gueltigBis ?? '');
  const [ok, setOk] = useState(false);
  const aendern = useAktion(async () => {
    await ergebnis(
      api.PATCH('/aktenplan/einheiten/{id}', {
        params: { path: { id: einheit.id }, header: { 'If-Match': etag } },
        body: { titel: titel.trim(), aufbewahrungsfrist: fristAusFeld(frist, unbefristet), aussonderungsart: (art || null) as 'A' | 'B' | 'V' | null, gueltigBis: gueltigBis || null },
      }),
    );
    setOk(true);
    geaendert();
  });
  const [neu, setNeu] = useState({ kennzeichen: `${einheit.kennzeichen}.`, titel: '', frist: '', unbefristet: false, art: '' });
  const anlegen = useAktion(async () => {
    const e = await ergebnis(
      api.POST('/aktenplan/einheiten', {
        body: {
          parentId: einheit.id,
          kennzeichen: neu.kennzeichen.trim(),
          titel: neu.titel.trim(),
          aufbewahrungsfrist: fristAusFeld(neu.frist, neu.unbefristet),
          aussonderungsart: (neu.art || null) as 'A' | 'B' | 'V' | null,
        },
      }),
    );
    navigieren(pfad('einheit', { id: e.id }));
  });
  return (
    <section aria-labelledby="pflege-titel">
      <h2 id="pflege-titel" className="kern-heading-medium">
        {T.pflege.titel}
      </h2>
      <h3 className="kern-heading-small">{T.pflege.aendern}</h3>
      {ok && <Erfolg>{T.pflege.gespeichert}</Erfolg>}
      <Formular aktion={aendern} knopf={T.pflege.speichern} zweitrangig>
        <Feld label={T.pflege.titelFeld} name="titel" required maxLength={300} value={titel} onChange={(e) => setTitel(e.target.value)} />
        <FristFelder praefix="aendern" frist={frist} setFrist={setFrist} unbefristet={unbefristet} setUnbefristet={setUnbefristet} art={art} setArt={setArt} />
        <Feld label={T.pflege.gueltigBis} name="gueltigBis" type="date" value={gueltigBis} onChange={(e) => setGueltigBis(e.target.value)} />
      </Formular>
      <h3 className="kern-heading-small">{T.pflege.neu}</h3>
      <Formular aktion={anlegen} knopf={T.pflege.anlegen}>
        <Feld
          label={T.pflege.kennzeichen}
          name="kennzeichen"
          hinweis={T.pflege.kennzeichenHinweis(einheit.kennzeichen)}
          required
          maxLength={60}
          value={neu.kennzeichen}
          onChange={(e) => setNeu((n) => ({ ...n, kennzeichen: e.target.value }))}
        />
        <Feld label={T.pflege.titelFeld} name="titel" required maxLength={300} value={neu.titel} onChange={(e) => setNeu((n) => ({ ...n, titel: e.target.value }))} />
        <FristFelder
          praefix="neu"
          frist={neu.frist}
          setFrist={(v) => setNeu((n) => ({ ...n, frist: v }))}
          unbefristet={neu.unbefristet}
          setUnbefristet={(v) => setNeu((n) => ({ ...n, unbefristet: v }))}
          art={neu.art}
          setArt={(v) => setNeu((n) => ({ ...n, art: v }))}
        />
      </Formular>
    </section>
  );
}

export interface AktenFilter {
  status: '' | 'offen' | 'geschlossen';
  jahr: string;
  betreff: string;
  sortierung: 'aktenzeichen' | 'geaendert';
}

/** The list's query for the server: a year is a Laufzeit overlapping it. */
export function aktenAbfrage(einheitId: string, f: AktenFilter) {
  const jahr = /^\d{4}$/.test(f.jahr.trim()) ? f.jahr.trim() : '';
  return {
    aktenplaneinheit: einheitId,
    ...(f.status ? { status: f.status } : {}),
    ...(jahr ? { laufzeitVon: `${jahr}-01-01`, laufzeitBis: `${jahr}-12-31` } : {}),
    ...(f.betreff.trim() ? { betreff: f.betreff.trim() } : {}),
    sortierung: f.sortierung,
  };
}

const OHNE_FILTER: AktenFilter = { status: '', jahr: '', betreff: '', sortierung: 'aktenzeichen' };

function Filterformular({ filter, setFilter }: { filter: AktenFilter; setFilter: (f: AktenFilter) => void }) {
  return (
    <FilterFormular beschriftung={T.einheit.filter} filter={filter} setFilter={setFilter}>
      {(f, aendern) => (
        <>
          <Auswahl
            label={T.akte.status}
            value={f.status}
            onChange={(e) => aendern({ status: e.target.value as AktenFilter['status'] })}
            optionen={[
              { wert: '', text: T.einheit.alle },
              { wert: 'offen', text: T.akte.offen },
              { wert: 'geschlossen', text: T.einheit.zda },
            ]}
          />
          <Feld label={T.einheit.jahr} inputMode="numeric" maxLength={4} value={f.jahr} onChange={(e) => aendern({ jahr: e.target.value })} />
          <Feld label={T.einheit.betreffEnthaelt} maxLength={200} value={f.betreff} onChange={(e) => aendern({ betreff: e.target.value })} />
          <Auswahl
            label={T.einheit.sortierung}
            value={f.sortierung}
            onChange={(e) => aendern({ sortierung: e.target.value as AktenFilter['sortierung'] })}
            optionen={[
              { wert: 'aktenzeichen', text: T.akte.aktenzeichen },
              { wert: 'geaendert', text: T.einheit.zuletztGeaendert },
            ]}
          />
        </>
      )}
    </FilterFormular>
  );
}

export function Einheit({ id, sitzung }: { id: string; sitzung: Sitzung }) {
  const geladen = useLaden(() => mitEtag(api.GET('/aktenplan/einheiten/{id}', { params: { path: { id } } })), [id]);
  const einheit = { ...geladen, daten: geladen.daten?.daten };
  const [seiten, setSeiten] = useState<string[]>([]);
  const [filter, setFilter] = useState<AktenFilter>(OHNE_FILTER);
  const [weitere, setWeitere] = useState<{ items: Schemas['Akte'][]; cursor: string | null }>({ items: [], cursor: null });
  const akten = useLaden(async () => {
    const erste = await ergebnis(api.GET('/akten', { params: { query: { ...aktenAbfrage(id, filter), limit: 50 } } }));
    setSeiten([]);
    setWeitere({ items: [], cursor: null });
    return erste;
  }, [id, filter]);
  const cursor = weitere.cursor ?? akten.daten?.nextCursor ?? null;
  // the Registratur places a hold on a selection of the listed Akten
  const sperren = sitzung.rollen.includes('registratur');
  const auswahl = useAuswahl();
  const mehr = useAktion(async () => {
    if (!cursor) return;
    const s = await ergebnis(api.GET('/akten', { params: { query: { ...aktenAbfrage(id, filter), limit: 50, cursor } } }));
    setWeitere((w) => ({ items: [...w.items, ...s.items], cursor: s.nextCursor ?? null }));
    setSeiten((x) => [...x, cursor]);
  });
  return (
    <Geladen l={einheit}>
      {(e) => (
        <Seite
          titel={`${e.kennzeichen} ${e.titel}`}
          unterzeile={T.aktenplan.titel}
          vorspann={<Brotkrumen teile={[{ text: T.orientierung.aktenplan, href: pfad('aktenplan') }, { text: `${e.kennzeichen} ${e.titel}` }]} />}
        >
          <Angaben
            eintraege={[
              [T.aktenplan.frist, fristText(e.aufbewahrungsfrist)],
              [T.aktenplan.art, e.aussonderungsart ? T.akte.arten[e.aussonderungsart] : '–'],
            ]}
          />
          <section aria-labelledby="akten-titel">
            <h2 id="akten-titel" className="kern-heading-medium">
              {T.einheit.akten}
            </h2>
            <Filterformular filter={filter} setFilter={setFilter} />
            <Geladen l={akten}>
              {(d) =>
                d.items.length ? (
                  <>
                    <AktenTabelle akten={[...d.items, ...weitere.items]} beschriftung={T.einheit.akten} auswahl={sperren ? auswahl : undefined} />
                    {cursor && !seiten.includes(cursor) && (
                      <button className="kern-btn kern-btn--secondary" type="button" onClick={() => void mehr.ausfuehren()}>
                        <span className="kern-label">{T.einheit.mehr}</span>
                      </button>
                    )}
                    {sperren && <SammelSperre akten={[...d.items, ...weitere.items]} auswahl={auswahl} />}
                  </>
                ) : (
                  <p className="kern-body">{T.einheit.keineAkten}</p>
                )
              }
            </Geladen>
          </section>
          <NeueAkte einheitId={id} sitzung={sitzung} />
          {sitzung.rollen.includes('registratur') && geladen.daten && <Pflege key={geladen.daten.etag} einheit={e} etag={geladen.daten.etag} geaendert={geladen.neuLaden} />}
        </Seite>
      )}
    </Geladen>
  );
}
