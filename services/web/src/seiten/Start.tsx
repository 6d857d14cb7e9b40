import { api, ergebnis, useLaden } from '../api';
import type { Sitzung } from '../auth';
import { pfad } from '../pfade';
import { Link } from '../router';
import { T } from '../texte';
import { heute } from '../upload';
import { Seite } from '../ui';
import { Geladen } from './Laden';
import { VorgangTabelle } from './Vorgaenge';

export function Start({ sitzung }: { sitzung: Sitzung }) {
  const wv = useLaden(() => ergebnis(api.GET('/vorgaenge', { params: { query: { wiedervorlageBis: heute(), limit: 50 } } })), []);
  return (
    <Seite titel={`${T.start.titel}, ${sitzung.name}`}>
      <p className="kern-body">
        <Link className="kern-link" href={pfad('aktenplan')}>
          {T.start.zumAktenplan}
        </Link>
      </p>
      <section aria-labelledby="wv-titel">
        <h2 id="wv-titel" className="kern-heading-medium">
          {T.start.wiedervorlagenHeute}
        </h2>
        <Geladen l={wv}>
          {(d) => (d.items.length ? <VorgangTabelle vorgaenge={d.items} beschriftung={T.start.wiedervorlagenHeute} /> : <p className="kern-body">{T.start.keineWiedervorlagen}</p>)}
        </Geladen>
      </section>
    </Seite>
  );
}
