// The user's own e-mail notifications: the address and whether the Geschäftsgang mails them at all.
import { useId, useState } from 'react';
import { api, ergebnis, useAktion, useLaden } from '../api';
import type { Sitzung } from '../auth';
import { T } from '../texte';
import { Erfolg, Feld, Formular, Seite } from '../ui';
import { Geladen } from './Laden';

/** The setting as the API takes it: an empty address is none. */
export const einstellungAus = (email: string, aktiv: boolean) => ({ email: email.trim() || null, aktiv });

function Bearbeiten({ anfang, gespeichert }: { anfang: { email: string | null; aktiv: boolean }; gespeichert: () => void }) {
  const [email, setEmail] = useState(anfang.email ?? '');
  const [aktiv, setAktiv] = useState(anfang.aktiv);
  const [meldung, setMeldung] = useState(false);
  const aktivId = useId();
  const speichern = useAktion(async () => {
    setMeldung(false);
    await ergebnis(api.PUT('/einstellungen/benachrichtigungen', { body: einstellungAus(email, aktiv) }));
    setMeldung(true);
    gespeichert();
  });
  return (
    <>
      {meldung && <Erfolg>{T.benachrichtigungen.gespeichert}</Erfolg>}
      <Formular aktion={speichern} knopf={T.benachrichtigungen.speichern}>
        <Feld label={T.benachrichtigungen.email} name="email" type="email" maxLength={254} autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        <div className="kern-form-check">
          <input className="kern-form-check__checkbox" type="checkbox" id={aktivId} name="aktiv" checked={aktiv} onChange={(e) => setAktiv(e.target.checked)} />
          <label className="kern-label" htmlFor={aktivId}>
            {T.benachrichtigungen.aktiv}
          </label>
        </div>
      </Formular>
    </>
  );
}

export function BenachrichtigungenSeite({ sitzung }: { sitzung: Sitzung }) {
  const l = useLaden(() => ergebnis(api.GET('/einstellungen/benachrichtigungen')), [sitzung.sub]);
  return (
    <Seite titel={T.benachrichtigungen.titel} unterzeile={T.benachrichtigungen.hinweis}>
      <Geladen l={l}>{(b) => <Bearbeiten anfang={b} gespeichert={() => l.neuLaden()} />}</Geladen>
    </Seite>
  );
}
