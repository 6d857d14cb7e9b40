import { api, ergebnis, useLaden } from '../api';
import type { Sitzung } from '../auth';
import { pfad } from '../pfade';
import { darf } from '../rechte';
import { Link } from '../router';
import { T } from '../texte';
import { heute } from '../upload';
import { Seite } from '../ui';
import { Geladen } from './Laden';
import { VorgangTabelle } from './Vorgaenge';

function WiedervorlagenHeute() {
  const wv = useLaden(() => ergebnis(api.GET('/vorgaenge', { params: { query: { wiedervorlageBis: heute(), limit: 50 } } })), []);
  return (
    <section aria-labelledby="wv-titel">
      <h2 id="wv-titel" className="kern-heading-medium">
        {T.start.wiedervorlagenHeute}
      </h2>
      <Geladen l={wv}>
        {(d) => (d.items.length ? <VorgangTabelle vorgaenge={d.items} beschriftung={T.start.wiedervorlagenHeute} /> : <p className="kern-body">{T.start.keineWiedervorlagen}</p>)}
      </Geladen>
    </section>
  );
}

/** The start page shows per role only what its permissions let it open. */
export function Start({ sitzung }: { sitzung: Sitzung }) {
  const { rollen } = sitzung;
  const wege: [string, string][] = [
    ...(darf(rollen, 'aktenplan') ? ([[T.start.zumAktenplan, pfad('aktenplan')]] as [string, string][]) : []),
    ...(darf(rollen, 'aussonderung') ? ([[T.start.zurAussonderung, pfad('faellig')]] as [string, string][]) : []),
    ...(darf(rollen, 'pruefung') ? ([[T.start.zurPruefung, pfad('pruefung')]] as [string, string][]) : []),
  ];
  return (
    <Seite titel={`${T.start.titel}, ${sitzung.name}`}>
      {wege.length ? (
        <ul className="kern-list">
          {wege.map(([text, href]) => (
            <li key={href} className="kern-body">
              <Link className="kern-link" href={href}>
                {text}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="kern-body">{T.start.nichtsFreigegeben}</p>
      )}
      {darf(rollen, 'wiedervorlagen') && <WiedervorlagenHeute />}
    </Seite>
  );
}
