import { useEffect, useState } from 'react';
import { anmelden, rueckkehr } from '../auth';
import { PFADE } from '../pfade';
import { navigieren, useOrt } from '../router';
import { T } from '../texte';
import { Hinweis, Seite } from '../ui';

export function Anmeldung() {
  const { suche } = useOrt();
  const [fehler, setFehler] = useState(false);
  // where to return after login: read at the click, the address may still be the protected page
  const ziel = () => {
    const z = location.pathname === PFADE.anmeldung ? (new URLSearchParams(location.search).get('ziel') ?? '/') : location.pathname + location.search;
    return z.startsWith(PFADE.anmeldung) ? '/' : z;
  };
  return (
    <Seite titel={T.anmeldung.titel}>
      {suche.get('grund') === 'abgelaufen' && <Hinweis>{T.anmeldung.abgelaufen}</Hinweis>}
      {fehler && <Hinweis>{T.anmeldung.keinIssuer}</Hinweis>}
      <p className="kern-body">{T.anmeldung.text}</p>
      <button className="kern-btn kern-btn--primary" type="button" onClick={() => anmelden(ziel()).catch(() => setFehler(true))}>
        <span className="kern-label">{T.anmeldung.knopf}</span>
      </button>
    </Seite>
  );
}

// once per page load: the code can be exchanged only once (StrictMode runs effects twice in dev)
let laufend: Promise<string> | undefined;

export function Rueckkehr() {
  const [fehler, setFehler] = useState(false);
  useEffect(() => {
    laufend ??= rueckkehr();
    laufend.then(
      (ziel) => navigieren(ziel, true),
      () => setFehler(true),
    );
  }, []);
  return (
    <Seite titel={fehler ? T.anmeldung.fehlgeschlagen : T.anmeldung.laeuft}>
      {fehler && (
        <>
          <p className="kern-body">{T.anmeldung.nochmal}</p>
          <a className="kern-link" href="/anmeldung">
            {T.anmeldung.knopf}
          </a>
        </>
      )}
    </Seite>
  );
}
