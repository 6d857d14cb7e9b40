// A table of Vorgänge (Wiedervorlage list, Vorgänge of an Akte).
import type { Schemas } from '@eakte/api-client';
import { pfad } from '../pfade';
import { Link } from '../router';
import { T } from '../texte';
import { Tabelle, datum, statusText } from '../ui';

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
