// A table of Vorgänge (Wiedervorlage list, Vorgänge of an Akte).
import type { Schemas } from '@eakte/api-client';
import { useState } from 'react';
import { pfad } from '../pfade';
import { Link } from '../router';
import { T } from '../texte';
import { Auswahl, Tabelle, datum, statusText } from '../ui';

export type StatusFilter = '' | 'offen' | 'geschlossen';

/** The Vorgänge of one status ('' = all). */
export const nachStatus = <V extends { status: string }>(vorgaenge: readonly V[], status: StatusFilter): V[] => vorgaenge.filter((v) => !status || v.status === status);

/** The Vorgänge of an Akte (all of them are loaded), filtered by status in the client. */
export function GefilterteVorgaenge({ vorgaenge, beschriftung }: { vorgaenge: Schemas['Vorgang'][]; beschriftung: string }) {
  const [status, setStatus] = useState<StatusFilter>('');
  const gezeigt = nachStatus(vorgaenge, status);
  return (
    <>
      <div className="eakte-filter">
        <Auswahl
          label={T.akte.status}
          value={status}
          onChange={(e) => setStatus(e.target.value as StatusFilter)}
          optionen={[
            { wert: '', text: T.einheit.alle },
            { wert: 'offen', text: T.akte.offen },
            { wert: 'geschlossen', text: T.einheit.zda },
          ]}
        />
      </div>
      {gezeigt.length ? <VorgangTabelle vorgaenge={gezeigt} beschriftung={beschriftung} /> : <p className="kern-body">{T.akte.keineVorgaengeGefiltert}</p>}
    </>
  );
}

export function VorgangTabelle({ vorgaenge, beschriftung }: { vorgaenge: Schemas['Vorgang'][]; beschriftung: string }) {
  return (
    <Tabelle
      zeilen={vorgaenge}
      beschriftung={beschriftung}
      spalten={[
        {
          titel: T.vorgang.kennzeichen,
          zelle: (v) => (
            <Link className="kern-link" href={pfad('vorgang', { id: v.id })}>
              {v.kennzeichen}
            </Link>
          ),
          sortWert: (v) => v.kennzeichen,
        },
        { titel: T.akte.betreff, zelle: (v) => v.betreff, sortWert: (v) => v.betreff },
        { titel: T.akte.status, zelle: (v) => statusText(v.status, v.zdaDatum), sortWert: (v) => v.zdaDatum ?? '' },
        { titel: T.vorgang.wiedervorlage, zelle: (v) => datum(v.wiedervorlage), sortWert: (v) => v.wiedervorlage },
      ]}
    />
  );
}
