// Registratur: Akten due for Aussonderung, filtered by unit and year; the chosen ones (or all of
// them at once) are offered to the archive.
import type { Schemas } from '@eakte/api-client';
import { useState } from 'react';
import { api, ergebnis, useAktion, useLaden, useSeitenweise } from '../api';
import { AlleAuswaehlen, auswahlSpalte, nurWaehlbare, useAuswahl } from '../auswahl';
import { pfad } from '../pfade';
import { navigieren } from '../router';
import { T } from '../texte';
import { Auswahl, Feld, Fehlermeldung, FilterFormular, Seite, Tabelle, datum } from '../ui';
import { AktenzeichenMitSperre, BegonneneAussonderungen } from './Aussonderungen';
import { Geladen } from './Laden';

type Faellige = Schemas['FaelligeAkte'];

export interface FaelligFilter {
  einheit: string;
  jahr: string;
}

/** The due list's query: a unit covers its sub-units; a year is the year the Akte fell due. */
export function faelligAbfrage(f: FaelligFilter) {
  const jahr = f.jahr.trim();
  return { ...(f.einheit ? { aktenplaneinheit: f.einheit } : {}), ...(/^\d{4}$/.test(jahr) ? { jahr } : {}) };
}

/** The units to filter by, in the order of the plan, each with its Kennzeichen. */
export function einheitOptionen(einheiten: readonly Pick<Schemas['Aktenplaneinheit'], 'id' | 'kennzeichen' | 'titel'>[]) {
  return [...einheiten].sort((a, b) => a.kennzeichen.localeCompare(b.kennzeichen, 'de', { numeric: true })).map((e) => ({ wert: e.id, text: `${e.kennzeichen} ${e.titel}` }));
}

function Filterformular({ filter, setFilter }: { filter: FaelligFilter; setFilter: (f: FaelligFilter) => void }) {
  const plan = useLaden(() => ergebnis(api.GET('/aktenplan')), []);
  return (
    <FilterFormular beschriftung={T.registratur.filter} filter={filter} setFilter={setFilter}>
      {(f, aendern) => (
        <>
          <Auswahl
            label={T.registratur.einheit}
            value={f.einheit}
            onChange={(e) => aendern({ einheit: e.target.value })}
            optionen={[{ wert: '', text: T.registratur.alleEinheiten }, ...einheitOptionen(plan.daten?.einheiten ?? [])]}
          />
          <Feld label={T.registratur.jahr} inputMode="numeric" maxLength={4} value={f.jahr} onChange={(e) => aendern({ jahr: e.target.value })} />
        </>
      )}
    </FilterFormular>
  );
}

/** The due Akten with a box each (a held one cannot be chosen) and "alle auswählen"; columns sort. */
export function FaelligTabelle({ akten, auswahl }: { akten: Faellige[]; auswahl: ReturnType<typeof useAuswahl> }) {
  const waehlbar = akten.filter((a) => !a.gesperrt).map((a) => a.id);
  return (
    <>
      <AlleAuswaehlen auswahl={auswahl.auswahl} waehlbar={waehlbar} alle={auswahl.alle} />
      <Tabelle
        zeilen={akten}
        beschriftung={T.registratur.faelligTitel}
        spalten={[
          auswahlSpalte<Faellige>(
            auswahl,
            (a) => a.aktenzeichen,
            (a) => a.gesperrt,
          ),
          {
            titel: T.akte.aktenzeichen,
            zelle: (a) => <AktenzeichenMitSperre id={a.id} aktenzeichen={a.aktenzeichen} gesperrt={a.gesperrt} />,
            sortWert: (a) => a.aktenzeichen,
          },
          { titel: T.akte.betreff, zelle: (a) => a.betreff, sortWert: (a) => a.betreff },
          { titel: T.akte.art, zelle: (a) => (a.aussonderungsart ? T.akte.arten[a.aussonderungsart] : '–'), sortWert: (a) => a.aussonderungsart },
          { titel: T.akte.faelligAb, zelle: (a) => datum(a.aussonderungFaelligAb), sortWert: (a) => a.aussonderungFaelligAb },
        ]}
      />
    </>
  );
}

export function Faellig() {
  const [filter, setFilter] = useState<FaelligFilter>({ einheit: '', jahr: '' });
  const { liste, weitere, cursor, mehr } = useSeitenweise(
    (cursor) => api.GET('/aussonderung/faellig', { params: { query: { ...faelligAbfrage(filter), limit: 200, ...(cursor ? { cursor } : {}) } } }),
    [filter],
  );
  const auswahl = useAuswahl();
  const akten = liste.daten ? [...liste.daten.items, ...weitere] : [];
  // only what is listed now and may be offered: a filter hides rows chosen before
  const gewaehlt = nurWaehlbare(
    auswahl.auswahl,
    akten.filter((a) => !a.gesperrt).map((a) => a.id),
  );
  const anbieten = useAktion(async () => {
    const a = await ergebnis(api.POST('/aussonderungen', { body: { akten: gewaehlt } }));
    navigieren(pfad('aussonderung', { id: a.id }));
  });
  return (
    <Seite titel={T.registratur.faelligTitel}>
      <p className="kern-body">{T.registratur.faelligEinleitung}</p>
      <Filterformular filter={filter} setFilter={setFilter} />
      <Geladen l={liste}>
        {() => {
          if (!akten.length) return <p className="kern-body">{filter.einheit || filter.jahr.trim() ? T.registratur.keineGefiltert : T.registratur.keineFaelligen}</p>;
          return (
            <form
              className="eakte-formular eakte-formular--breit"
              onSubmit={(e) => {
                e.preventDefault();
                void anbieten.ausfuehren();
              }}
            >
              <FaelligTabelle akten={akten} auswahl={auswahl} />
              {cursor && (
                <button className="kern-btn kern-btn--tertiary" type="button" onClick={() => void mehr.ausfuehren()}>
                  <span className="kern-label">{T.registratur.mehr}</span>
                </button>
              )}
              <Fehlermeldung fehler={anbieten.fehler ?? mehr.fehler} fokussieren />
              <div className="eakte-knoepfe">
                <button className="kern-btn kern-btn--primary" type="submit" disabled={gewaehlt.length === 0 || anbieten.laeuft}>
                  <span className="kern-label">{T.registratur.anbieten}</span>
                </button>
                <span className="kern-body" role="status">
                  {T.registratur.anbietenAnzahl(gewaehlt.length)}
                </span>
              </div>
            </form>
          );
        }}
      </Geladen>
      <BegonneneAussonderungen />
    </Seite>
  );
}
