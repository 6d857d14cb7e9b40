import { useEffect } from 'react';
import { aktuelleSitzung } from './auth';
import { Rahmen } from './layout';
import { pfad, PFADE } from './pfade';
import { navigieren, OrtProvider, useOrt } from './router';
import { seiteFuer } from './routen';
import { Anmeldung, Rueckkehr } from './seiten/Anmeldung';

/** The login page with the address to return to (never the login page itself). */
export function zurAnmeldung(grund?: 'abgelaufen') {
  const hier = location.pathname.startsWith(PFADE.anmeldung) ? '/' : location.pathname + location.search;
  navigieren(`${pfad('anmeldung')}?${grund ? `grund=${grund}&` : ''}ziel=${encodeURIComponent(hier)}`, true);
}

function Inhalt() {
  const { pfad: aktuell } = useOrt();
  // read on every render: the login's return writes it right before it navigates
  const sitzung = aktuelleSitzung();
  const ohneSitzung = aktuell === PFADE.anmeldung || aktuell === PFADE.rueckkehr;
  useEffect(() => {
    // a 401 from the API: the session is over, back to login and then here again
    const ab = () => zurAnmeldung('abgelaufen');
    window.addEventListener('eakte:abgemeldet', ab);
    return () => window.removeEventListener('eakte:abgemeldet', ab);
  }, []);
  useEffect(() => {
    if (!aktuelleSitzung() && !location.pathname.startsWith(PFADE.anmeldung)) zurAnmeldung();
  }, [aktuell]);
  const rahmen = (inhalt: React.ReactNode) => (
    <main id="inhalt" className="kern-container eakte-inhalt">
      {inhalt}
    </main>
  );
  if (aktuell === PFADE.rueckkehr) return rahmen(<Rueckkehr />);
  if (!sitzung || ohneSitzung) return rahmen(<Anmeldung />);
  return <Rahmen sitzung={sitzung}>{seiteFuer(aktuell, sitzung)}</Rahmen>;
}

export function App() {
  return (
    <OrtProvider>
      <Inhalt />
    </OrtProvider>
  );
}
