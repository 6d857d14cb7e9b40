// The frame of every page: skip link, KERN header bar, navigation by role, the search box, main.
// On narrow screens (a phone, or 200 % zoom) the header is compact: navigation and account fold
// into a menu, and tables stack their rows, each cell labelled by its column.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { abmelden, type Sitzung } from './auth';
import { pfad } from './pfade';
import { darf, type Bereich } from './rechte';
import { Link, navigieren, useOrt } from './router';
import { T } from './texte';

/** The main navigation: only the screens the user's roles can use. */
export function navigation(rollen: readonly string[]): [string, string][] {
  const eintraege: [string, string, Bereich | null][] = [
    [T.nav.start, pfad('start'), null],
    [T.postkorb.nav, pfad('postkorb'), 'postkorb'],
    [T.posteingang.nav, pfad('posteingang'), 'posteingang'],
    [T.nav.aktenplan, pfad('aktenplan'), 'aktenplan'],
    [T.nav.wiedervorlagen, pfad('wiedervorlagen'), 'wiedervorlagen'],
    [T.registratur.nav, pfad('faellig'), 'aussonderung'],
    [T.pruefung.nav, pfad('pruefung'), 'pruefung'],
    [T.vertretung.nav, pfad('vertretung'), 'vertretung'],
    [T.vorlagen.nav, pfad('laufwegvorlagen'), 'laufwegvorlagen'],
    [T.benachrichtigungen.nav, pfad('benachrichtigungen'), 'benachrichtigungen'],
  ];
  return eintraege.filter(([, , b]) => !b || darf(rollen, b)).map(([text, href]) => [text, href]);
}

// explicit roles keep the table's semantics for screen readers when its rows are stacked (display: block)
const ROLLEN: [string, string][] = [
  ['table', 'table'],
  ['thead, tbody', 'rowgroup'],
  ['tr', 'row'],
  ['th', 'columnheader'],
  ['td', 'cell'],
];

/** Labels each cell of the tables in `wurzel` with its column's title (data-titel), for the stacked rows. */
function spaltenBeschriften(wurzel: HTMLElement) {
  for (const [wahl, rolle] of ROLLEN) for (const e of wurzel.querySelectorAll(`:is(${wahl}):not([role])`)) e.setAttribute('role', rolle);
  for (const tabelle of wurzel.querySelectorAll('table')) {
    const titel = [...tabelle.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
    for (const zeile of tabelle.querySelectorAll('tbody tr')) {
      [...zeile.children].forEach((zelle, i) => {
        if (titel[i] && zelle.getAttribute('data-titel') !== titel[i]) zelle.setAttribute('data-titel', titel[i]!);
      });
    }
  }
}

export function Rahmen({ sitzung, children }: { sitzung: Sitzung; children: ReactNode }) {
  const { pfad: aktuell, suche } = useOrt();
  const [q, setQ] = useState(suche.get('q') ?? '');
  const [menue, setMenue] = useState(false);
  const nav = navigation(sitzung.rollen);
  const main = useRef<HTMLElement>(null);
  useEffect(() => setMenue(false), [aktuell]);
  useEffect(() => {
    const m = main.current;
    if (!m) return;
    spaltenBeschriften(m);
    const beobachter = new MutationObserver(() => spaltenBeschriften(m));
    beobachter.observe(m, { childList: true, subtree: true });
    return () => beobachter.disconnect();
  }, []);
  return (
    <>
      <a className="kern-link eakte-skip" href="#inhalt">
        {T.app.zumInhalt}
      </a>
      <header className="eakte-kopf">
        <div className="kern-kopfzeile">
          <div className="kern-container">
            <div className="kern-kopfzeile__content">
              <span className="kern-kopfzeile__flagge" aria-hidden="true" />
              <span className="kern-kopfzeile__label">{T.app.kopfzeile}</span>
            </div>
          </div>
        </div>
        <div className="kern-container eakte-kopf__inhalt">
          <Link href={pfad('start')} className="kern-link eakte-marke">
            <span className="kern-title kern-title--large">{T.app.name}</span>
            <span className="kern-body kern-body--small eakte-marke__unterzeile">{T.app.untertitel}</span>
          </Link>
          <button type="button" className="kern-btn kern-btn--secondary kern-btn--small eakte-menue-knopf" aria-expanded={menue} aria-controls="eakte-menue" onClick={() => setMenue((m) => !m)}>
            <span className="kern-label">{T.app.menue}</span>
          </button>
          {darf(sitzung.rollen, 'suche') && (
            <form
              role="search"
              className="eakte-suche"
              onSubmit={(e) => {
                e.preventDefault();
                if (q.trim()) navigieren(`${pfad('suche')}?q=${encodeURIComponent(q.trim())}`);
              }}
            >
              <label className="kern-label eakte-suche__label" htmlFor="suchfeld">
                {T.suche.label}
              </label>
              <div className="eakte-suche__zeile">
                <input id="suchfeld" className="kern-form-input__input" type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} />
                <button className="kern-btn kern-btn--primary" type="submit">
                  <span className="kern-icon kern-icon--search" aria-hidden="true" />
                  <span className="kern-label">{T.suche.knopf}</span>
                </button>
              </div>
            </form>
          )}
        </div>
        <div id="eakte-menue" className={`kern-container eakte-menue${menue ? ' eakte-menue--offen' : ''}`}>
          <div className="eakte-konto">
            <p className="kern-body kern-body--small">{T.app.angemeldetAls(sitzung.name, sitzung.mandant ?? '–', sitzung.rollen.map((r) => T.rollen[r] ?? r).join(', '))}</p>
            <button
              type="button"
              className="kern-btn kern-btn--secondary kern-btn--x-small"
              onClick={() => {
                void abmelden();
                navigieren(pfad('anmeldung'));
              }}
            >
              <span className="kern-label">{T.app.abmelden}</span>
            </button>
          </div>
          <nav aria-label={T.app.hauptnavigation}>
            <ul className="kern-list kern-list--horizontal eakte-nav">
              {nav.map(([text, href]) => (
                <li key={href}>
                  <Link href={href} className="kern-link" aria-current={(href === '/' ? aktuell === '/' : aktuell.startsWith(href)) ? 'page' : undefined}>
                    {text}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="inhalt" className="kern-container eakte-inhalt" ref={main}>
        {children}
      </main>
    </>
  );
}
