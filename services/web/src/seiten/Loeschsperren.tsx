// Registratur: the Löschsperren (legal holds) on one Akte — place one, release one with a reason.
import type { Schemas } from '@eakte/api-client';
import { useState } from 'react';
import { api, ergebnis, useAktion, useLaden } from '../api';
import { useNamen } from '../namen';
import { T } from '../texte';
import { Erfolg, Feld, Formular, zeit } from '../ui';
import { Geladen } from './Laden';

function Aufheben({ sperre, fertig }: { sperre: Schemas['Loeschsperre']; fertig: () => void }) {
  const [grund, setGrund] = useState('');
  const aufheben = useAktion(async () => {
    await ergebnis(api.DELETE('/loeschsperren/{id}', { params: { path: { id: sperre.id }, query: { grund: grund.trim() } } }));
    fertig();
  });
  return (
    <Formular aktion={aufheben} knopf={T.loeschsperre.aufheben} zweitrangig>
      <Feld label={T.loeschsperre.aufhebungsgrund(sperre.bezeichnung)} name="grund" required maxLength={1000} value={grund} onChange={(e) => setGrund(e.target.value)} />
    </Formular>
  );
}

/** One hold: what, why, who placed it and when; a released one also who released it, when and why. */
export function SperreEintrag({ sperre: s, name }: { sperre: Schemas['Loeschsperre']; name: (sub: string | null | undefined) => string }) {
  return (
    <p className="kern-body">
      <strong>{s.bezeichnung}</strong> ({s.aktiv ? T.loeschsperre.aktiv : T.loeschsperre.aufgehoben}) – {s.grund}
      {s.aktenzeichenGericht ? `, ${s.aktenzeichenGericht}` : ''}; {T.loeschsperre.gesetztVon(name(s.erstelltVon), zeit(s.erstelltAm))}
      {!s.aktiv && s.aufgehobenAm ? `; ${T.loeschsperre.aufgehobenVon(name(s.aufgehobenVon), zeit(s.aufgehobenAm), s.aufhebungsgrund ?? '–')}` : ''}
    </p>
  );
}

export interface NeueSperre {
  bezeichnung: string;
  grund: string;
  aktenzeichenGericht: string;
}

/** The request placing one hold on these Akten (trimmed; the court's file number only when given). */
export function sperreKoerper(neu: NeueSperre, akten: readonly string[]) {
  const gericht = neu.aktenzeichenGericht.trim();
  return { bezeichnung: neu.bezeichnung.trim(), grund: neu.grund.trim(), akten: [...akten], ...(gericht ? { aktenzeichenGericht: gericht } : {}) };
}

/** Registratur: place one Löschsperre on the given Akten (one Akte, or a selection of a unit's). */
export function SperreSetzen({ akten, knopf, gesetzt }: { akten: readonly string[]; knopf: string; gesetzt: () => void }) {
  const [neu, setNeu] = useState<NeueSperre>({ bezeichnung: '', grund: '', aktenzeichenGericht: '' });
  const setzen = useAktion(async () => {
    await ergebnis(api.POST('/loeschsperren', { body: sperreKoerper(neu, akten) }));
    setNeu({ bezeichnung: '', grund: '', aktenzeichenGericht: '' });
    gesetzt();
  });
  return (
    <Formular aktion={setzen} knopf={knopf}>
      <Feld label={T.loeschsperre.bezeichnung} name="bezeichnung" required maxLength={300} value={neu.bezeichnung} onChange={(e) => setNeu((n) => ({ ...n, bezeichnung: e.target.value }))} />
      <Feld label={T.loeschsperre.grund} name="grund" required maxLength={2000} value={neu.grund} onChange={(e) => setNeu((n) => ({ ...n, grund: e.target.value }))} />
      <Feld
        label={T.loeschsperre.gericht}
        name="aktenzeichenGericht"
        maxLength={200}
        value={neu.aktenzeichenGericht}
        onChange={(e) => setNeu((n) => ({ ...n, aktenzeichenGericht: e.target.value }))}
      />
    </Formular>
  );
}

export function Loeschsperren({ akteId, darfAendern }: { akteId: string; darfAendern: boolean }) {
  const liste = useLaden(() => ergebnis(api.GET('/loeschsperren', { params: { query: { akte: akteId, limit: 100 } } })), [akteId]);
  const [meldung, setMeldung] = useState<string>();
  const name = useNamen();
  return (
    <>
      {meldung && <Erfolg>{meldung}</Erfolg>}
      <Geladen l={liste}>
        {(d) =>
          d.items.length ? (
            <ul className="kern-list">
              {d.items.map((s) => (
                <li key={s.id}>
                  <SperreEintrag sperre={s} name={name} />
                  {s.aktiv && darfAendern && (
                    <Aufheben
                      sperre={s}
                      fertig={() => {
                        setMeldung(T.loeschsperre.aufgehobenMeldung);
                        liste.neuLaden();
                      }}
                    />
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="kern-body">{T.loeschsperre.keine}</p>
          )
        }
      </Geladen>
      {darfAendern && (
        <section aria-labelledby="sperre-neu">
          <h2 id="sperre-neu" className="kern-heading-medium">
            {T.loeschsperre.setzen}
          </h2>
          <SperreSetzen
            akten={[akteId]}
            knopf={T.loeschsperre.setzen}
            gesetzt={() => {
              setMeldung(T.loeschsperre.gesetzt);
              liste.neuLaden();
            }}
          />
        </section>
      )}
    </>
  );
}
