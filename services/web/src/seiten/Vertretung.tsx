// The user's own Vertretung: the deputies and, for each, the absence during which they act "i. V.".
import { useState } from 'react';
import { api, ergebnis, useAktion, useLaden } from '../api';
import type { Sitzung } from '../auth';
import { PersonWahl } from '../personen';
import { T } from '../texte';
import { Erfolg, Feld, Formular, Seite } from '../ui';
import { Geladen } from './Laden';

interface Zeile {
  schluessel: number;
  sub: string;
  abwesendVon: string;
  abwesendBis: string;
}

let zaehler = 0;
const zeile = (v: { sub?: string; abwesendVon?: string | null; abwesendBis?: string | null } = {}): Zeile => ({
  schluessel: ++zaehler,
  sub: v.sub ?? '',
  abwesendVon: v.abwesendVon ?? '',
  abwesendBis: v.abwesendBis ?? '',
});

/** The rows as the API takes them: empty rows left out, open ends as null. */
export const vertreterAus = (zeilen: readonly Zeile[]) =>
  zeilen.filter((z) => z.sub.trim()).map((z) => ({ sub: z.sub.trim(), abwesendVon: z.abwesendVon || null, abwesendBis: z.abwesendBis || null }));

function Bearbeiten({ anfang, gespeichert }: { anfang: Zeile[]; gespeichert: () => void }) {
  const [zeilen, setZeilen] = useState<Zeile[]>(anfang.length ? anfang : [zeile()]);
  const [meldung, setMeldung] = useState(false);
  const aendern = (i: number, neu: Partial<Zeile>) => setZeilen((zs) => zs.map((z, j) => (j === i ? { ...z, ...neu } : z)));
  const speichern = useAktion(async () => {
    setMeldung(false);
    await ergebnis(api.PUT('/vertretung', { body: { vertreter: vertreterAus(zeilen) } }));
    setMeldung(true);
    gespeichert();
  });
  return (
    <>
      {meldung && <Erfolg>{T.vertretung.gespeichert}</Erfolg>}
      <Formular aktion={speichern} knopf={T.vertretung.speichern}>
        {zeilen.map((z, i) => (
          <fieldset className="kern-fieldset eakte-entwurf" key={z.schluessel}>
            <legend className="kern-label">{T.vertretung.vertreter(i + 1)}</legend>
            {/* named by the API's pointer: a problem with one deputy stands at their field */}
            <PersonWahl label={T.vertretung.sub} name={`vertreter/${i}/sub`} sub={z.sub} onWahl={(sub) => aendern(i, { sub })} />
            <Feld label={T.vertretung.von} name={`vertreter/${i}/abwesendVon`} type="date" value={z.abwesendVon} onChange={(e) => aendern(i, { abwesendVon: e.target.value })} />
            <Feld label={T.vertretung.bis} name={`vertreter/${i}/abwesendBis`} type="date" value={z.abwesendBis} onChange={(e) => aendern(i, { abwesendBis: e.target.value })} />
            <div className="eakte-knoepfe">
              <button className="kern-btn kern-btn--tertiary kern-btn--small" type="button" onClick={() => setZeilen((zs) => zs.filter((_, j) => j !== i))}>
                <span className="kern-label">{T.vertretung.entfernen(i + 1)}</span>
              </button>
            </div>
          </fieldset>
        ))}
        <div className="eakte-knoepfe">
          <button className="kern-btn kern-btn--secondary" type="button" onClick={() => setZeilen((zs) => [...zs, zeile()])}>
            <span className="kern-label">{T.vertretung.hinzufuegen}</span>
          </button>
        </div>
      </Formular>
    </>
  );
}

export function VertretungSeite({ sitzung }: { sitzung: Sitzung }) {
  const l = useLaden(() => ergebnis(api.GET('/vertretung')), [sitzung.sub]);
  return (
    <Seite titel={T.vertretung.titel} unterzeile={T.vertretung.hinweis}>
      <Geladen l={l}>
        {(v) => (
          <>
            {v.vertreter.length === 0 && <p className="kern-body">{T.vertretung.keine}</p>}
            <Bearbeiten anfang={v.vertreter.map((x) => zeile(x))} gespeichert={() => l.neuLaden()} />
          </>
        )}
      </Geladen>
    </Seite>
  );
}
