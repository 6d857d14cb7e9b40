// The breadcrumbs of the filing pages: Aktenplan › unit › Akte › Vorgang › Dokument, loading what the
// page itself does not have (the Akte of a Vorgang or Dokument, the unit of an Akte).
import type { Schemas } from '@eakte/api-client';
import { api, ergebnis, useLaden } from '../api';
import { pfad } from '../pfade';
import { T } from '../texte';
import { Brotkrumen, type Krume } from '../ui';

export function Pfadleiste({ akte, akteId, vorgang, dokument }: { akte?: Schemas['Akte']; akteId?: string; vorgang?: { id: string; kennzeichen: string }; dokument?: string }) {
  const geladen = useLaden(async () => akte ?? (akteId ? ergebnis(api.GET('/akten/{id}', { params: { path: { id: akteId } } })) : undefined), [akte?.id, akteId]);
  const a = akte ?? geladen.daten;
  const einheitId = a?.aktenplaneinheitId;
  const einheit = useLaden(async () => (einheitId ? ergebnis(api.GET('/aktenplan/einheiten/{id}', { params: { path: { id: einheitId } } })) : undefined), [einheitId]);
  const teile: Krume[] = [{ text: T.orientierung.aktenplan, href: pfad('aktenplan') }];
  if (einheitId) teile.push({ text: einheit.daten ? `${einheit.daten.kennzeichen} ${einheit.daten.titel}` : T.orientierung.einheit, href: pfad('einheit', { id: einheitId }) });
  const id = a?.id ?? akteId;
  if (id) teile.push({ text: a?.aktenzeichen ?? T.vorgang.akte, href: pfad('akte', { id }) });
  if (vorgang) teile.push({ text: vorgang.kennzeichen, href: pfad('vorgang', { id: vorgang.id }) });
  if (dokument) teile.push({ text: dokument });
  return <Brotkrumen teile={teile} />;
}
