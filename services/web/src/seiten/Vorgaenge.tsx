// A table of Vorgänge (Wiedervorlage list, Vorgänge of an Akte).
import type { Schemas } from '@eakte/api-client';
import { pfad } from '../pfade';
import { Link } from '../router';
import { T } from '../texte';
import { datum } from '../ui';

export function VorgangTabelle({ vorgaenge, beschriftung }: { vorgaenge: Schemas['Vorgang'][]; beschriftung: string }) {
  return (
    <div className="kern-table-responsive">
      <table className="kern-table">
        <caption className="kern-sr-only">{beschriftung}</caption>
        <thead className="kern-table__header">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">{T.vorgang.kennzeichen}</th>
            <th scope="col" className="kern-table__header">{T.akte.betreff}</th>
            <th scope="col" className="kern-table__header">{T.akte.status}</th>
            <th scope="col" className="kern-table__header">{T.vorgang.wiedervorlage}</th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {vorgaenge.map((v) => (
            <tr className="kern-table__row" key={v.id}>
              <td className="kern-table__cell">
                <Link className="kern-link" href={pfad('vorgang', { id: v.id })}>
                  {v.kennzeichen}
                </Link>
              </td>
              <td className="kern-table__cell">{v.betreff}</td>
              <td className="kern-table__cell">{v.status === 'geschlossen' ? T.akte.geschlossen : T.akte.offen}</td>
              <td className="kern-table__cell">{datum(v.wiedervorlage)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
