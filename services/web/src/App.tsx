import { useEffect, useState } from 'react';
import { aktuelleSitzung, type Sitzung } from './auth';
import { Rahmen } from './layout';
import { pfad, PFADE } from './pfade';
import { navigieren, OrtProvider, useOrt } from './router';
import { seiteFuer } from './routen';
import { Anmeldung, Rueckkehr } from './seiten/Anmeldung';

function Inhalt() {
  const { pfad: aktuell, suche } = useOrt();
  const [sitzung, setSitzung] = useState<Sitzung | undefined>(aktuelleSitzung);
  useEffect(() => setSitzung(aktuelleSitzung()), [aktuell, suche]);
  useEffect(() => {
    // a 401 from the API: the session is over, back to login and then here again
    const ab = () => navigieren(`${pfad('anmeldung')}?grund=abgelaufen&ziel=${encodeURIComponent(location.pathname + location.search)}`);
    window.addEventListener('eakte:abgemeldet', ab);
    return () => window.removeEventListener('eakte:abgemeldet', ab);
  }, []);
  const ohneSitzung = aktuell === PFADE.anmeldung || aktuell === PFADE.rueckkehr;
  useEffect(() => {
    if (!sitzung && !ohneSitzung) navigieren(`${pfad('anmeldung')}?ziel=${encodeURIComponent(location.pathname + location.search)}`, true);
  }, [sitzung, ohneSitzung]);
  if (aktuell === PFADE.rueckkehr) return <main id="inhalt" className="kern-container eakte-inhalt"><Rueckkehr /></main>;
  if (aktuell === PFADE.anmeldung || !sitzung) return <main id="inhalt" className="kern-container eakte-inhalt"><Anmeldung /></main>;
  return <Rahmen sitzung={sitzung}>{seiteFuer(aktuell, sitzung)}</Rahmen>;
}

export function App() {
  return (
    <OrtProvider>
      <Inhalt />
    </OrtProvider>
  );
}
