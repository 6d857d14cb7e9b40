// The frame of every page: skip link, KERN header bar, navigation by role, the search box, main.
import { useState, type ReactNode } from 'react';
import { abmelden, type Sitzung } from './auth';
import { pfad } from './pfade';
import { Link, navigieren, useOrt } from './router';
import { T } from './texte';

export function Rahmen({ sitzung, children }: { sitzung: Sitzung; children: ReactNode }) {
  const { pfad: aktuell, suche } = useOrt();
  const [q, setQ] = useState(suche.get('q') ?? '');
  const nav: [string, string][] = [
    [T.nav.start, pfad('start')],
    [T.nav.aktenplan, pfad('aktenplan')],
    [T.nav.wiedervorlagen, pfad('wiedervorlagen')],
    ...(sitzung.rollen.includes('registratur') ? ([[T.registratur.nav, pfad('faellig')]] as [string, string][]) : []),
    ...(sitzung.rollen.includes('pruefung') ? ([[T.pruefung.nav, pfad('pruefung')]] as [string, string][]) : []),
  ];
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
