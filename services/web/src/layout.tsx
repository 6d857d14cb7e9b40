// The frame of every page: skip link, KERN header bar, navigation by role, the search box, main.
import { useState, type ReactNode } from 'react';
import { abmelden, type Sitzung } from './auth';
import { pfad } from './pfade';
import { darf, type Bereich } from './rechte';
import { Link, navigieren, useOrt } from './router';
import { T } from './texte';

/** The main navigation: only the screens the user's roles can use. */
export function navigation(rollen: readonly string[]): [string, string][] {
  const eintraege: [string, string, Bereich | null][] = [
    [T.nav.start, pfad('start'), null],
    [T.nav.aktenplan, pfad('aktenplan'), 'aktenplan'],
    [T.nav.wiedervorlagen, pfad('wiedervorlagen'), 'wiedervorlagen'],
    [T.registratur.nav, pfad('faellig'), 'aussonderung'],
    [T.pruefung.nav, pfad('pruefung'), 'pruefung'],
  ];
  return eintraege.filter(([, , b]) => !b || darf(rollen, b)).map(([text, href]) => [text, href]);
}

export function Rahmen({ sitzung, children }: { sitzung: Sitzung; children: ReactNode }) {
  const { pfad: aktuell, suche } = useOrt();
  const [q, setQ] = useState(suche.get('q') ?? '');
  const nav = navigation(sitzung.rollen);
  return (
    <>
      <a className="kern-link eakte-skip" href="#inhalt">
        {T.app.zumInhalt}
      </a>
      <div className="kern-kopfzeile">
        <div className="kern-container">
          <div className="kern-kopfzeile__content">
            <span className="kern-kopfzeile__flagge" aria-hidden="true" />
            <span className="kern-kopfzeile__label">{T.app.kopfzeile}</span>
          </div>
        </div>
      </div>
      <header className="eakte-kopf">
        <div className="kern-container eakte-kopf__inhalt">
          <Link href={pfad('start')} className="kern-link eakte-marke">
            <span className="kern-title kern-title--large">{T.app.name}</span>
            <span className="kern-body kern-body--small">{T.app.untertitel}</span>
          </Link>
          {darf(sitzung.rollen, 'suche') && (
            <form
              role="search"
              className="eakte-suche"
              onSubmit={(e) => {
                e.preventDefault();
                if (q.trim()) navigieren(`${pfad('suche')}?q=${encodeURIComponent(q.trim())}`);
              }}
            >
              <label className="kern-label" htmlFor="suchfeld">
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
          <div className="eakte-konto">
            <p className="kern-body kern-body--small">
              {T.app.angemeldetAls(sitzung.name, sitzung.mandant ?? '–', sitzung.rollen.map((r) => T.rollen[r] ?? r).join(', '))}
            </p>
            <button
              type="button"
              className="kern-btn kern-btn--secondary kern-btn--x-small"
              onClick={() => {
                abmelden();
                navigieren(pfad('anmeldung'));
              }}
            >
              <span className="kern-label">{T.app.abmelden}</span>
            </button>
          </div>
        </div>
        <nav aria-label={T.app.hauptnavigation} className="kern-container">
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
      </header>
      <main id="inhalt" className="kern-container eakte-inhalt">
        {children}
      </main>
    </>
  );
}
