// Search results grouped by Akte (Suchergebnis.tsx); an exact Aktenzeichen jumps straight to its Akte.
import { useEffect } from 'react';
import { api, ergebnis, useLaden } from '../api';
import { pfad } from '../pfade';
import { navigieren, useOrt } from '../router';
import { T } from '../texte';
import { Fehlermeldung, Laedt, Seite } from '../ui';
import { sprungZiel } from '../suche';
import { Ergebnisliste } from './Suchergebnis';

export function Suche() {
  const { suche, nr } = useOrt();
  const q = (suche.get('q') ?? '').trim();
  const erg = useLaden(
    () => (q ? ergebnis(api.GET('/suche', { params: { query: { q, limit: 50 } } })) : Promise.resolve({ items: [], nextCursor: null, anzahl: 0, anzahlBegrenzt: false, textAusstehend: 0 })),
    [q, nr],
  );
  useEffect(() => {
    const ziel = erg.daten && sprungZiel(q, erg.daten.items);
    if (ziel) navigieren(pfad('akte', { id: ziel }), true);
  }, [erg.daten, q]);
  return (
    <Seite titel={q ? T.suche.ergebnisse(q) : T.suche.titel}>
      {!q && <p className="kern-body">{T.suche.leer}</p>}
      {erg.fehler && <Fehlermeldung fehler={erg.fehler} />}
      {q && erg.laedt && <Laedt />}
      {q && erg.daten && !erg.laedt && <Ergebnisliste erg={erg.daten} />}
    </Seite>
  );
}
