import { pfad } from '../pfade';
import { Link } from '../router';
import { T } from '../texte';
import { Seite } from '../ui';

export function NichtGefunden() {
  return (
    <Seite titel={T.nichtGefunden.titel}>
      <p className="kern-body">{T.nichtGefunden.text}</p>
      <Link className="kern-link" href={pfad('start')}>
        {T.nichtGefunden.zurueck}
      </Link>
    </Seite>
  );
}
