import { useState } from 'react';
import { api, ergebnis, useLaden } from '../api';
import { T } from '../texte';
import { heute } from '../upload';
import { Feld, Seite } from '../ui';
import { Geladen } from './Laden';
import { VorgangTabelle } from './Vorgaenge';

export function Wiedervorlagen() {
  const [bis, setBis] = useState(heute());
  const wv = useLaden(() => ergebnis(api.GET('/vorgaenge', { params: { query: { wiedervorlageBis: bis, limit: 200 } } })), [bis]);
  return (
    <Seite titel={T.wiedervorlagen.titel}>
      <Feld label={T.wiedervorlagen.bis} type="date" value={bis} onChange={(e) => e.target.value && setBis(e.target.value)} />
      <Geladen l={wv}>
        {(d) => (d.items.length ? <VorgangTabelle vorgaenge={d.items} beschriftung={T.wiedervorlagen.titel} /> : <p className="kern-body">{T.start.keineWiedervorlagen}</p>)}
      </Geladen>
    </Seite>
  );
}
