// The Verfügung editor on a Vorgang: Betreff, the documents (pinned in their current version),
// the Laufweg from people (picked by name from the tenant's user directory) and org units (by name),
// with parallel steps, or started from an org unit's Laufweg template; sent, it opens the new Verfügung.
import type { Schemas } from '@eakte/api-client';
import { useState } from 'react';
import { api, ergebnis, useAktion, useLaden } from '../api';
import { entwurfAusVorlage, laufwegAusEntwurf, type SchrittEntwurf } from '../geschaeftsgang';
import { pfad } from '../pfade';
import { PersonWahl } from '../personen';
import { navigieren } from '../router';
import { T } from '../texte';
import { Auswahl, Feld, Formular, Seite } from '../ui';
import { heute } from '../upload';
import { Geladen } from './Laden';
import { Pfadleiste } from './Pfadleiste';

let zaehler = 0;
/** A fresh key for a row of an editor. */
export const neuerSchluessel = () => ++zaehler;
export const leer = (aktion: Schemas['SchrittAktion'] = 'mitzeichnung'): SchrittEntwurf => ({
  schluessel: ++zaehler,
  art: 'person',
  sub: '',
  organisationseinheitId: '',
  aktion,
  frist: '',
  hinweis: '',
  parallel: false,
});

const AKTIONEN = ['mitzeichnung', 'zeichnung', 'bearbeitung', 'kenntnisnahme', 'stellungnahme'] as const;

export function SchrittZeile({
  z,
  i,
  anzahl,
  oes,
  aendern,
  entfernen,
  schieben,
  praefix = '',
  mitFrist = true,
}: {
  z: SchrittEntwurf;
  i: number;
  anzahl: number;
  oes: Schemas['Organisationseinheit'][];
  aendern: (neu: Partial<SchrittEntwurf>) => void;
  entfernen: () => void;
  schieben: (um: -1 | 1) => void;
  /** before the API pointer of each field: `vorlagen/0/` for a template's rows */
  praefix?: string;
  /** a template has no dates */
  mitFrist?: boolean;
}) {
  const n = i + 1;
  // field names are the API's pointers, so a problem with one step's field stands at that field
  const name = (f: string) => `${praefix}laufweg/${i}/${f}`;
  return (
    <fieldset className="kern-fieldset eakte-entwurf">
      <legend className="kern-label">{T.editor.schritt(n)}</legend>
      <Auswahl
        label={T.editor.bearbeiterArt}
        value={z.art}
        onChange={(e) => aendern({ art: e.target.value as SchrittEntwurf['art'] })}
        optionen={[
          { wert: 'person', text: T.editor.person },
          { wert: 'einheit', text: T.editor.einheit },
        ]}
      />
      {z.art === 'person' ? (
        <PersonWahl label={T.editor.sub} name={name('bearbeiter/sub')} required sub={z.sub} onWahl={(sub) => aendern({ sub })} />
      ) : (
        <Auswahl
          label={T.editor.organisationseinheit}
          name={name('bearbeiter/organisationseinheitId')}
          required
          value={z.organisationseinheitId}
          onChange={(e) => aendern({ organisationseinheitId: e.target.value })}
          optionen={[{ wert: '', text: T.editor.bitteWaehlen }, ...oes.map((o) => ({ wert: o.id, text: `${o.kuerzel} – ${o.name}` }))]}
        />
      )}
      <Auswahl
        label={T.editor.aktion}
        name={name('aktion')}
        value={z.aktion}
        onChange={(e) => aendern({ aktion: e.target.value as SchrittEntwurf['aktion'] })}
        optionen={AKTIONEN.map((a) => ({ wert: a, text: T.aktion[a]! }))}
      />
      {mitFrist && <Feld label={T.editor.frist} name={name('frist')} type="date" min={heute()} value={z.frist} onChange={(e) => aendern({ frist: e.target.value })} />}
      <Feld label={T.editor.hinweis} name={name('hinweis')} maxLength={2000} value={z.hinweis} onChange={(e) => aendern({ hinweis: e.target.value })} />
      {i > 0 && (
        <div className="kern-form-check">
          <input className="kern-form-check__checkbox" type="checkbox" id={`parallel-${z.schluessel}`} checked={z.parallel} onChange={(e) => aendern({ parallel: e.target.checked })} />
          <label className="kern-label" htmlFor={`parallel-${z.schluessel}`}>
            {T.editor.parallel}
          </label>
        </div>
      )}
      <div className="eakte-knoepfe">
        <button className="kern-btn kern-btn--tertiary kern-btn--small" type="button" disabled={i === 0} onClick={() => schieben(-1)}>
          <span className="kern-label">{T.editor.hoch(n)}</span>
        </button>
        <button className="kern-btn kern-btn--tertiary kern-btn--small" type="button" disabled={i === anzahl - 1} onClick={() => schieben(1)}>
          <span className="kern-label">{T.editor.runter(n)}</span>
        </button>
        <button className="kern-btn kern-btn--tertiary kern-btn--small" type="button" disabled={anzahl === 1} onClick={entfernen}>
          <span className="kern-label">{T.editor.entfernen(n)}</span>
        </button>
      </div>
    </fieldset>
  );
}

export function VerfuegungSchreiben({ vorgangId }: { vorgangId: string }) {
  const vorgang = useLaden(() => ergebnis(api.GET('/vorgaenge/{id}', { params: { path: { id: vorgangId } } })), [vorgangId]);
  const dokumente = useLaden(() => ergebnis(api.GET('/vorgaenge/{id}/dokumente', { params: { path: { id: vorgangId }, query: { limit: 200 } } })), [vorgangId]);
  const oes = useLaden(() => ergebnis(api.GET('/organisationseinheiten')), []);
  const vorlagen = useLaden(() => ergebnis(api.GET('/laufwegvorlagen')), []);
  const [vorlage, setVorlage] = useState('');
  const [betreff, setBetreff] = useState('');
  const [gewaehlt, setGewaehlt] = useState<Set<string>>(new Set());
  // the Entwurf is one of the chosen Dokumente, or none
  const [entwurf, setEntwurf] = useState('');
  const [zeilen, setZeilen] = useState<SchrittEntwurf[]>(() => [leer(), leer('zeichnung')]);
  const aendern = (i: number, neu: Partial<SchrittEntwurf>) => setZeilen((zs) => zs.map((z, j) => (j === i ? { ...z, ...neu } : z)));
  const schieben = (i: number, um: -1 | 1) =>
    setZeilen((zs) => {
      const l = [...zs];
      const [z] = l.splice(i, 1);
      l.splice(i + um, 0, z!);
      return l;
    });
  const senden = useAktion(async () => {
    const docs = (dokumente.daten?.items ?? []).filter((d) => gewaehlt.has(d.id) && d.aktuelleVersion);
    const v = await ergebnis(
      api.POST('/vorgaenge/{id}/verfuegungen', {
        params: { path: { id: vorgangId } },
        body: { betreff: betreff.trim(), dokumente: docs.map((d) => ({ dokumentId: d.id, version: d.aktuelleVersion!.nr, entwurf: d.id === entwurf })), laufweg: laufwegAusEntwurf(zeilen) },
      }),
    );
    navigieren(pfad('verfuegung', { id: v.id }));
  });
  return (
    <Geladen l={vorgang}>
      {(vg) => (
        <Seite titel={T.editor.titel} unterzeile={T.editor.aufVorgang(vg.kennzeichen)} vorspann={<Pfadleiste akteId={vg.akteId} vorgang={vg} dokument={T.editor.titel} />}>
          <Formular aktion={senden} knopf={T.editor.senden}>
            <Feld label={T.editor.betreff} name="betreff" required maxLength={500} value={betreff} onChange={(e) => setBetreff(e.target.value)} />
            <fieldset className="kern-fieldset">
              <legend className="kern-label">{T.editor.dokumente}</legend>
              <p className="kern-hint">{T.editor.dokumenteHinweis}</p>
              <Geladen l={dokumente}>
                {(d) =>
                  d.items.length === 0 ? (
                    <p className="kern-body">{T.editor.keineDokumente}</p>
                  ) : (
                    <div className="kern-fieldset__body">
                      {d.items
                        .filter((x) => x.aktuelleVersion)
                        .map((x) => (
                          <div className="kern-form-check" key={x.id}>
                            <input
                              className="kern-form-check__checkbox"
                              type="checkbox"
                              id={`dok-${x.id}`}
                              checked={gewaehlt.has(x.id)}
                              onChange={(e) =>
                                setGewaehlt((g) => {
                                  const n = new Set(g);
                                  if (e.target.checked) n.add(x.id);
                                  else n.delete(x.id);
                                  return n;
                                })
                              }
                            />
                            <label className="kern-label" htmlFor={`dok-${x.id}`}>
                              {T.editor.dokumentZeile(x.betreff ?? x.aktuelleVersion!.dateiname, x.aktuelleVersion!.nr)}
                            </label>
                          </div>
                        ))}
                      {gewaehlt.size > 0 && (
                        <Auswahl
                          label={T.editor.entwurf}
                          name="entwurf"
                          value={gewaehlt.has(entwurf) ? entwurf : ''}
                          onChange={(e) => setEntwurf(e.target.value)}
                          optionen={[
                            { wert: '', text: T.editor.keinEntwurf },
                            ...d.items
                              .filter((x) => gewaehlt.has(x.id) && x.aktuelleVersion)
                              .map((x) => ({ wert: x.id, text: T.editor.dokumentZeile(x.betreff ?? x.aktuelleVersion!.dateiname, x.aktuelleVersion!.nr) })),
                          ]}
                        />
                      )}
                    </div>
                  )
                }
              </Geladen>
            </fieldset>
            <h2 className="kern-heading-medium">{T.editor.laufweg}</h2>
            <p className="kern-body">{T.editor.laufwegHinweis}</p>
            {(vorlagen.daten?.items.length ?? 0) > 0 && (
              <div className="eakte-knoepfe">
                <Auswahl
                  label={T.editor.vorlage}
                  name="vorlage"
                  value={vorlage}
                  onChange={(e) => setVorlage(e.target.value)}
                  optionen={[
                    { wert: '', text: T.editor.keineVorlage },
                    ...(vorlagen.daten?.items ?? []).flatMap((g, i) => {
                      const oe = oes.daten?.items.find((x) => x.id === g.organisationseinheitId);
                      return g.vorlagen.map((v, j) => ({ wert: `${i}/${j}`, text: T.editor.vorlageZeile(oe ? `${oe.kuerzel} – ${oe.name}` : g.organisationseinheitId, v.name) }));
                    }),
                  ]}
                />
                <button
                  className="kern-btn kern-btn--secondary"
                  type="button"
                  disabled={vorlage === ''}
                  aria-describedby="vfg-vorlage-hinweis"
                  onClick={() => {
                    const [i, j] = vorlage.split('/').map(Number);
                    const v = vorlagen.daten?.items[i!]?.vorlagen[j!];
                    if (v) setZeilen(entwurfAusVorlage(v.laufweg, () => ++zaehler));
                  }}
                >
                  <span className="kern-label">{T.editor.vorlageUebernehmen}</span>
                </button>
                <p className="kern-hint" id="vfg-vorlage-hinweis">
                  {T.editor.vorlageHinweis}
                </p>
              </div>
            )}
            {zeilen.map((z, i) => (
              <SchrittZeile
                key={z.schluessel}
                z={z}
                i={i}
                anzahl={zeilen.length}
                oes={oes.daten?.items ?? []}
                aendern={(neu) => aendern(i, neu)}
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
        </Seite>
      )}
    </Geladen>
  );
}
