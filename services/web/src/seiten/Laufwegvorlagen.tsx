// Fachadministration maintains the Laufweg templates of an org unit: named Laufwege (people picked
// by name, org units by name, parallel steps, no Fristen) that the Verfügung editor offers. The unit's
// list is saved as a whole (PUT /organisationseinheiten/{id}/laufwegvorlagen); a problem with one
// template's field stands at that field.
import type { Schemas } from '@eakte/api-client';
import { useState } from 'react';
import { api, ergebnis, useAktion, useLaden } from '../api';
import { entwurfAusVorlage, laufwegAusEntwurf, type SchrittEntwurf } from '../geschaeftsgang';
import { T } from '../texte';
import { Auswahl, Erfolg, Feld, Formular, Seite } from '../ui';
import { Geladen } from './Laden';
import { leer, neuerSchluessel, SchrittZeile } from './VerfuegungSchreiben';

export interface VorlageEntwurf {
  schluessel: number;
  name: string;
  zeilen: SchrittEntwurf[];
}

export const vorlageEntwurf = (v?: Schemas['Laufwegvorlage']): VorlageEntwurf => ({
  schluessel: neuerSchluessel(),
  name: v?.name ?? '',
  zeilen: v ? entwurfAusVorlage(v.laufweg, neuerSchluessel) : [leer(), leer('zeichnung')],
});

/** The editor's templates as the API takes them: names trimmed, each Laufweg without dates. */
export function vorlagenAusEntwurf(entwuerfe: readonly VorlageEntwurf[]): Schemas['Laufwegvorlage'][] {
  return entwuerfe.map((v) => ({
    name: v.name.trim(),
    laufweg: laufwegAusEntwurf(v.zeilen).map(({ frist: _frist, ...s }) => s),
  }));
}

function Bearbeiten({ einheit, anfang, oes, fertig }: { einheit: string; anfang: Schemas['Laufwegvorlage'][]; oes: Schemas['Organisationseinheit'][]; fertig: () => void }) {
  const [vorlagen, setVorlagen] = useState<VorlageEntwurf[]>(() => anfang.map(vorlageEntwurf));
  const [gespeichert, setGespeichert] = useState(false);
  const aendere = (j: number, f: (v: VorlageEntwurf) => VorlageEntwurf) => setVorlagen((vs) => vs.map((v, k) => (k === j ? f(v) : v)));
  const zeilen = (j: number, f: (zs: SchrittEntwurf[]) => SchrittEntwurf[]) => aendere(j, (v) => ({ ...v, zeilen: f(v.zeilen) }));
  const speichern = useAktion(async () => {
    setGespeichert(false);
    await ergebnis(api.PUT('/organisationseinheiten/{id}/laufwegvorlagen', { params: { path: { id: einheit } }, body: { vorlagen: vorlagenAusEntwurf(vorlagen) } }));
    setGespeichert(true);
    fertig();
  });
  return (
    <>
      {gespeichert && <Erfolg>{T.vorlagen.gespeichert}</Erfolg>}
      {vorlagen.length === 0 && <p className="kern-body">{T.vorlagen.keine}</p>}
      <Formular aktion={speichern} knopf={T.vorlagen.speichern}>
        {vorlagen.map((v, j) => (
          <fieldset className="kern-fieldset eakte-entwurf" key={v.schluessel}>
            <legend className="kern-label">{T.vorlagen.vorlage(j + 1)}</legend>
            <Feld label={T.vorlagen.name} name={`vorlagen/${j}/name`} required maxLength={200} value={v.name} onChange={(e) => aendere(j, (x) => ({ ...x, name: e.target.value }))} />
            {v.zeilen.map((z, i) => (
              <SchrittZeile
                key={z.schluessel}
                z={z}
                i={i}
                anzahl={v.zeilen.length}
                oes={oes}
                praefix={`vorlagen/${j}/`}
                mitFrist={false}
                aendern={(neu) => zeilen(j, (zs) => zs.map((x, k) => (k === i ? { ...x, ...neu } : x)))}
                entfernen={() => zeilen(j, (zs) => zs.filter((_, k) => k !== i))}
                schieben={(um) =>
                  zeilen(j, (zs) => {
                    const l = [...zs];
                    const [x] = l.splice(i, 1);
                    l.splice(i + um, 0, x!);
                    return l;
                  })
                }
              />
            ))}
            <div className="eakte-knoepfe">
              <button className="kern-btn kern-btn--secondary" type="button" onClick={() => zeilen(j, (zs) => [...zs, leer()])}>
                <span className="kern-label">{T.vorlagen.schrittHinzufuegen(j + 1)}</span>
              </button>
              <button className="kern-btn kern-btn--tertiary" type="button" onClick={() => setVorlagen((vs) => vs.filter((_, k) => k !== j))}>
                <span className="kern-label">{T.vorlagen.entfernen(j + 1)}</span>
              </button>
            </div>
          </fieldset>
        ))}
        <div className="eakte-knoepfe">
          <button className="kern-btn kern-btn--secondary" type="button" onClick={() => setVorlagen((vs) => [...vs, vorlageEntwurf()])}>
            <span className="kern-label">{T.vorlagen.hinzufuegen}</span>
          </button>
        </div>
      </Formular>
    </>
  );
}

export function LaufwegvorlagenSeite() {
  const oes = useLaden(() => ergebnis(api.GET('/organisationseinheiten')), []);
  const alle = useLaden(() => ergebnis(api.GET('/laufwegvorlagen')), []);
  const [einheit, setEinheit] = useState('');
  return (
    <Seite titel={T.vorlagen.titel} unterzeile={T.vorlagen.hinweis}>
      <Geladen l={oes}>
        {(o) => (
          <>
            <Auswahl
              label={T.vorlagen.einheit}
              value={einheit}
              onChange={(e) => setEinheit(e.target.value)}
              optionen={[{ wert: '', text: T.vorlagen.bitteWaehlen }, ...o.items.map((x) => ({ wert: x.id, text: `${x.kuerzel} – ${x.name}` }))]}
            />
            {einheit && (
              <Geladen l={alle}>
                {(a) => <Bearbeiten key={einheit} einheit={einheit} anfang={a.items.find((g) => g.organisationseinheitId === einheit)?.vorlagen ?? []} oes={o.items} fertig={() => alle.neuLaden()} />}
              </Geladen>
            )}
          </>
        )}
      </Geladen>
    </Seite>
  );
}
