// One Aktenplaneinheit: its Akten and the form to create a new one.
import type { Schemas } from '@eakte/api-client';
import { useState } from 'react';
import { api, ergebnis, useAktion, useLaden } from '../api';
import { pfad } from '../pfade';
import { Link, navigieren } from '../router';
import { T } from '../texte';
import { Angaben, Auswahl, Feld, Fehlermeldung, Seite, datum } from '../ui';
import { fristText } from './Aktenplan';
import { Geladen } from './Laden';

export function AktenTabelle({ akten, beschriftung }: { akten: Schemas['Akte'][]; beschriftung: string }) {
  return (
    <div className="kern-table-responsive">
      <table className="kern-table">
        <caption className="kern-sr-only">{beschriftung}</caption>
        <thead className="kern-table__header">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">{T.akte.aktenzeichen}</th>
            <th scope="col" className="kern-table__header">{T.akte.betreff}</th>
            <th scope="col" className="kern-table__header">{T.akte.status}</th>
            <th scope="col" className="kern-table__header">{T.akte.laufzeit}</th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {akten.map((a) => (
            <tr className="kern-table__row" key={a.id}>
              <td className="kern-table__cell">
                <Link className="kern-link" href={pfad('akte', { id: a.id })}>
                  {a.aktenzeichen}
                </Link>
              </td>
              <td className="kern-table__cell">{a.betreff}</td>
              <td className="kern-table__cell">{a.status === 'geschlossen' ? T.akte.geschlossen : T.akte.offen}</td>
              <td className="kern-table__cell">
                {datum(a.laufzeit.beginn)} – {a.laufzeit.ende ? datum(a.laufzeit.ende) : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NeueAkte({ einheitId }: { einheitId: string }) {
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
      <form
        className="eakte-formular"
        onSubmit={(e) => {
          e.preventDefault();
          void anlegen.ausfuehren();
        }}
      >
        <Fehlermeldung fehler={anlegen.fehler} />
        <Feld label={T.einheit.betreff} required maxLength={500} value={betreff} onChange={(e) => setBetreff(e.target.value)} />
        <Auswahl
          label={T.einheit.federfuehrung}
          value={federfuehrung}
          onChange={(e) => setFederfuehrung(e.target.value)}
          optionen={[{ wert: '', text: T.einheit.keine }, ...(oes.daten?.items ?? []).map((o) => ({ wert: o.id, text: `${o.kuerzel} – ${o.name}` }))]}
        />
        <Feld label={T.einheit.beginn} hinweis={T.einheit.beginnHinweis} type="date" value={beginn} onChange={(e) => setBeginn(e.target.value)} />
        <div className="eakte-knoepfe">
          <button className="kern-btn kern-btn--primary" type="submit" disabled={anlegen.laeuft}>
            <span className="kern-label">{T.einheit.anlegen}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

export function Einheit({ id }: { id: string }) {
  const einheit = useLaden(() => ergebnis(api.GET('/aktenplan/einheiten/{id}', { params: { path: { id } } })), [id]);
  const [seiten, setSeiten] = useState<string[]>([]);
  const akten = useLaden(async () => {
    const erste = await ergebnis(api.GET('/akten', { params: { query: { aktenplaneinheit: id, limit: 50 } } }));
    setSeiten([]);
    return erste;
  }, [id]);
  const [weitere, setWeitere] = useState<{ items: Schemas['Akte'][]; cursor: string | null }>({ items: [], cursor: null });
  const cursor = weitere.cursor ?? akten.daten?.nextCursor ?? null;
  const mehr = useAktion(async () => {
    if (!cursor) return;
    const s = await ergebnis(api.GET('/akten', { params: { query: { aktenplaneinheit: id, limit: 50, cursor } } }));
    setWeitere((w) => ({ items: [...w.items, ...s.items], cursor: s.nextCursor ?? null }));
    setSeiten((x) => [...x, cursor]);
  });
  return (
    <Geladen l={einheit}>
      {(e) => (
        <Seite titel={`${e.kennzeichen} ${e.titel}`} unterzeile={T.aktenplan.titel}>
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
            <Geladen l={akten}>
              {(d) =>
                d.items.length ? (
                  <>
                    <AktenTabelle akten={[...d.items, ...weitere.items]} beschriftung={T.einheit.akten} />
                    {cursor && !seiten.includes(cursor) && (
                      <button className="kern-btn kern-btn--secondary" type="button" onClick={() => void mehr.ausfuehren()}>
                        <span className="kern-label">{T.einheit.mehr}</span>
                      </button>
                    )}
                  </>
                ) : (
                  <p className="kern-body">{T.einheit.keineAkten}</p>
                )
              }
            </Geladen>
          </section>
          <NeueAkte einheitId={id} />
        </Seite>
      )}
    </Geladen>
  );
}
