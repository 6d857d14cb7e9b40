// Registratur: the Löschsperren (legal holds) on one Akte — place one, release one with a reason.
import type { Schemas } from '@eakte/api-client';
import { useState } from 'react';
import { api, ergebnis, useAktion, useLaden } from '../api';
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
export function SperreEintrag({ sperre: s }: { sperre: Schemas['Loeschsperre'] }) {
  return (
    <p className="kern-body">
      <strong>{s.bezeichnung}</strong> ({s.aktiv ? T.loeschsperre.aktiv : T.loeschsperre.aufgehoben}) – {s.grund}
      {s.aktenzeichenGericht ? `, ${s.aktenzeichenGericht}` : ''}; {T.loeschsperre.gesetztVon(s.erstelltVon, zeit(s.erstelltAm))}
      {!s.aktiv && s.aufgehobenAm ? `; ${T.loeschsperre.aufgehobenVon(s.aufgehobenVon ?? '–', zeit(s.aufgehobenAm), s.aufhebungsgrund ?? '–')}` : ''}
    </p>
  );
}

export function Loeschsperren({ akteId, darfAendern }: { akteId: string; darfAendern: boolean }) {
  const liste = useLaden(() => ergebnis(api.GET('/loeschsperren', { params: { query: { akte: akteId, limit: 100 } } })), [akteId]);
  const [neu, setNeu] = useState({ bezeichnung: '', grund: '', aktenzeichenGericht: '' });
  const [meldung, setMeldung] = useState<string>();
  const setzen = useAktion(async () => {
    await ergebnis(
      api.POST('/loeschsperren', {
        body: { bezeichnung: neu.bezeichnung.trim(), grund: neu.grund.trim(), akten: [akteId], ...(neu.aktenzeichenGericht.trim() ? { aktenzeichenGericht: neu.aktenzeichenGericht.trim() } : {}) },
      }),
    );
    setNeu({ bezeichnung: '', grund: '', aktenzeichenGericht: '' });
    setMeldung(T.loeschsperre.gesetzt);
    liste.neuLaden();
  });
  return (
    <>
      {meldung && <Erfolg>{meldung}</Erfolg>}
      <Geladen l={liste}>
        {(d) =>
          d.items.length ? (
            <ul className="kern-list">
              {d.items.map((s) => (
                <li key={s.id}>
                  <SperreEintrag sperre={s} />
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
          <Formular aktion={setzen} knopf={T.loeschsperre.setzen}>
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
        </section>
      )}
    </>
  );
}
