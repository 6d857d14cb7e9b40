// A selection of table rows for a bulk action: one row at a time, or "alle auswählen" over the
// rows that may be chosen (a held Akte cannot be offered, for one).
import { useEffect, useId, useRef, useState } from 'react';
import { T } from './texte';
import type { Spalte } from './ui';

export function umschalten(auswahl: ReadonlySet<string>, id: string): Set<string> {
  const n = new Set(auswahl);
  if (n.has(id)) n.delete(id);
  else n.add(id);
  return n;
}

/** All of the selectable rows chosen: none of them; otherwise all of them (others chosen stay). */
export function alleUmschalten(auswahl: ReadonlySet<string>, waehlbar: readonly string[]): Set<string> {
  const n = new Set(auswahl);
  const alle = waehlbar.length > 0 && waehlbar.every((id) => n.has(id));
  for (const id of waehlbar) {
    if (alle) n.delete(id);
    else n.add(id);
  }
  return n;
}

/** Only the rows still listed and selectable (after a filter or a reload). */
export const nurWaehlbare = (auswahl: ReadonlySet<string>, waehlbar: readonly string[]) => waehlbar.filter((id) => auswahl.has(id));

export function useAuswahl() {
  const [auswahl, setAuswahl] = useState<Set<string>>(new Set());
  return {
    auswahl,
    setAuswahl,
    umschalten: (id: string) => setAuswahl((s) => umschalten(s, id)),
    alle: (ids: readonly string[]) => setAuswahl((s) => alleUmschalten(s, ids)),
    leeren: () => setAuswahl(new Set()),
  };
}

/** The checkbox column of a table: one box per row, named by the row. */
export function auswahlSpalte<Z extends { id: string }>(a: { auswahl: ReadonlySet<string>; umschalten: (id: string) => void }, name: (z: Z) => string, gesperrt?: (z: Z) => boolean): Spalte<Z> {
  return {
    titel: T.auswahl.spalte,
    verborgen: true,
    zelle: (z) => (
      <input type="checkbox" className="kern-form-check__checkbox" aria-label={T.auswahl.eine(name(z))} checked={a.auswahl.has(z.id)} disabled={gesperrt?.(z)} onChange={() => a.umschalten(z.id)} />
    ),
  };
}

/** "Alle auswählen" above a table: checked when every selectable row is, mixed when some are. */
export function AlleAuswaehlen({ auswahl, waehlbar, alle }: { auswahl: ReadonlySet<string>; waehlbar: readonly string[]; alle: (ids: readonly string[]) => void }) {
  const id = useId();
  const box = useRef<HTMLInputElement>(null);
  const gewaehlt = nurWaehlbare(auswahl, waehlbar).length;
  const ganz = waehlbar.length > 0 && gewaehlt === waehlbar.length;
  useEffect(() => {
    if (box.current) box.current.indeterminate = gewaehlt > 0 && !ganz;
  }, [gewaehlt, ganz]);
  return (
    <div className="kern-form-check eakte-alle">
      <input className="kern-form-check__checkbox" type="checkbox" id={id} ref={box} checked={ganz} disabled={waehlbar.length === 0} onChange={() => alle(waehlbar)} />
      <label className="kern-label" htmlFor={id}>
        {T.auswahl.alle(waehlbar.length)}
      </label>
    </div>
  );
}
