// The Aktenplan as a tree of links (nested lists: screen readers announce the levels).
import type { Schemas } from '@eakte/api-client';
import { api, ergebnis, useLaden } from '../api';
import { pfad } from '../pfade';
import { Link } from '../router';
import { T } from '../texte';
import { Seite } from '../ui';
import { Geladen } from './Laden';

type Einheit = Schemas['Aktenplaneinheit'];

export function fristText(f: Einheit['aufbewahrungsfrist']) {
  return f === null || f === undefined ? '–' : f === 'unbefristet' ? T.aktenplan.unbefristet : T.aktenplan.jahre(f);
}

function Zweig({ einheiten, parentId }: { einheiten: Einheit[]; parentId: string | null }) {
  const kinder = einheiten.filter((e) => e.parentId === parentId);
  if (!kinder.length) return null;
  return (
    <ul className={parentId ? undefined : 'eakte-baum'}>
      {kinder.map((e) => (
        <li key={e.id}>
          <Link className="kern-link" href={pfad('einheit', { id: e.id })}>
            <span className="eakte-kennzeichen">{e.kennzeichen}</span>
            {e.titel}
          </Link>
          {e.gueltigBis && e.gueltigBis < new Date().toISOString().slice(0, 10) && <span className="kern-badge kern-badge--warning">{T.aktenplan.ausgelaufen}</span>}
          <Zweig einheiten={einheiten} parentId={e.id} />
        </li>
      ))}
    </ul>
  );
}

export function Aktenplan() {
  const plan = useLaden(() => ergebnis(api.GET('/aktenplan')), []);
  return (
    <Seite titel={T.aktenplan.titel}>
      <p className="kern-body">{T.aktenplan.einleitung}</p>
      <Geladen l={plan}>{(d) => <Zweig einheiten={d.einheiten} parentId={null} />}</Geladen>
    </Seite>
  );
}
