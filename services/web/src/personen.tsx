// Picking a person by name: a search field over the tenant's user directory and a list of hits, each
// a button (Tab or the arrow keys reach them, Enter picks one: no pointer needed). The hits' count is
// announced; the chosen person is shown by name with their login id, which the API is sent.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { personText, sucheBenutzer, useNamen, type Person } from './namen';
import { T } from './texte';
import { Feld } from './ui';

/** How long typing pauses before the directory is asked. */
const PAUSE_MS = 250;

type Stand = { art: 'ruhe' } | { art: 'sucht' } | { art: 'treffer'; personen: Person[] } | { art: 'fehler' };

/** The status line under the field, read out as it changes. */
export function personStatus(stand: Stand, gewaehlt?: { name: string; sub: string }): string {
  if (gewaehlt) return T.person.gewaehlt(gewaehlt.name, gewaehlt.sub);
  if (stand.art === 'sucht') return T.person.sucht;
  if (stand.art === 'fehler') return T.person.fehler;
  if (stand.art === 'treffer') return stand.personen.length ? T.person.treffer(stand.personen.length) : T.person.keine;
  return '';
}

export function PersonWahl({ label, name, sub, onWahl, required }: { label: string; name: string; sub: string; onWahl: (sub: string) => void; required?: boolean }) {
  const nameVon = useNamen();
  // null: the field shows the chosen person's name
  const [text, setText] = useState<string | null>(sub ? null : '');
  const [stand, setStand] = useState<Stand>({ art: 'ruhe' });
  const listeId = useId();
  const feld = useRef<HTMLDivElement>(null);
  const liste = useRef<HTMLUListElement>(null);
  const suche = text?.trim() ?? '';
  useEffect(() => {
    if (!suche) {
      setStand({ art: 'ruhe' });
      return;
    }
    let aktuell = true;
    setStand({ art: 'sucht' });
    const t = setTimeout(() => {
      sucheBenutzer(suche).then(
        (personen) => aktuell && setStand({ art: 'treffer', personen }),
        () => aktuell && setStand({ art: 'fehler' }),
      );
    }, PAUSE_MS);
    return () => {
      aktuell = false;
      clearTimeout(t);
    };
  }, [suche]);

  const knoepfe = () => [...(liste.current?.querySelectorAll('button') ?? [])];
  const eingabe = () => feld.current?.querySelector('input');
  const waehle = (p: Person) => {
    onWahl(p.sub);
    setText(null);
    eingabe()?.focus();
  };
  const imFeld = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && knoepfe()[0]) {
      e.preventDefault();
      knoepfe()[0]!.focus();
    }
  };
  const inListe = (e: KeyboardEvent, i: number) => {
    const k = knoepfe();
    const ziel = e.key === 'ArrowDown' ? k[i + 1] : e.key === 'ArrowUp' ? (k[i - 1] ?? eingabe()) : e.key === 'Escape' ? eingabe() : undefined;
    if (ziel) {
      e.preventDefault();
      ziel.focus();
    }
  };
  const personen = text !== null && stand.art === 'treffer' ? stand.personen : [];
  const status = personStatus(text === null ? { art: 'ruhe' } : stand, sub && text === null ? { name: nameVon(sub), sub } : undefined);
  return (
    <div className="eakte-personwahl" ref={feld}>
      <Feld
        label={label}
        hinweis={T.person.hinweis}
        name={name}
        type="search"
        autoComplete="off"
        maxLength={200}
        required={required}
        aria-controls={personen.length ? listeId : undefined}
        value={text ?? (sub ? nameVon(sub) : '')}
        onChange={(e) => {
          if (sub) onWahl('');
          setText(e.target.value);
        }}
        onKeyDown={imFeld}
        // the form refuses a name typed but not picked from the hits (ui.tsx, pruefePflicht)
        data-ungewaehlt={text?.trim() && !sub ? 'ja' : undefined}
      />
      <p className="kern-hint eakte-personwahl__status" role="status">
        {status}
      </p>
      {personen.length > 0 && (
        <ul className="eakte-personwahl__liste" id={listeId} ref={liste} aria-label={T.person.liste(label)}>
          {personen.map((p, i) => (
            <li key={p.sub}>
              <button className="kern-btn kern-btn--tertiary kern-btn--small" type="button" onClick={() => waehle(p)} onKeyDown={(e) => inListe(e, i)}>
                <span className="kern-label">{personText(p)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
