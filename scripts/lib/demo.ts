// Demo data for the embedded default: two tenants with a small Aktenplan, org units, a user per
// role and a few Akten each, so isolation can be seen right after `pnpm start`.
import { createDb, schema, sql } from '@eakte/db';
import type { Behoerdenkennung } from '@eakte/platform';
import { v7 as uuidv7 } from 'uuid';

interface Einheit {
  kennzeichen: string;
  titel: string;
  frist?: number | 'unbefristet';
  art?: 'A' | 'B' | 'V';
}

interface DemoAkte {
  kennzeichen: string;
  betreff: string;
  oe: string;
  stufe?: '003' | '002';
  vorgaenge?: string[];
}

export const DEMO_MANDANTEN: {
  slug: string;
  name: string;
  behoerdenkennung: Behoerdenkennung;
  aktenplan: Einheit[];
  organisationseinheiten: { kuerzel: string; name: string }[];
  akten: DemoAkte[];
}[] = [
  {
    slug: 'demo',
    name: 'Stadtverwaltung Musterstadt',
    // Präfix ags: the agency is named by the Amtlicher Gemeindeschlüssel (fictitious key)
    behoerdenkennung: { behoerdenschluessel: { code: '09999001', listURI: 'urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:ags', listVersionID: '2024-01-31' }, praefix: { code: 'ags' } },
    aktenplan: [
      { kennzeichen: '0', titel: 'Allgemeine Verwaltung' },
      { kennzeichen: '0.1', titel: 'Organisation', frist: 10, art: 'B' },
      { kennzeichen: '0.2', titel: 'Personal', frist: 30, art: 'B' },
      { kennzeichen: '2', titel: 'Bauwesen' },
      { kennzeichen: '2.1', titel: 'Straßenbau', frist: 10, art: 'A' },
      { kennzeichen: '2.1.3', titel: 'Planfeststellung Ortsumgehung', frist: 'unbefristet', art: 'A' },
      { kennzeichen: '2.10', titel: 'Bauaufsicht', frist: 30, art: 'B' },
      { kennzeichen: '4', titel: 'Öffentliche Sicherheit und Ordnung' },
      { kennzeichen: '4.2', titel: 'Gewerbeangelegenheiten', frist: 5, art: 'V' },
    ],
    organisationseinheiten: [
      { kuerzel: 'FB 1', name: 'Fachbereich Zentrale Dienste' },
      { kuerzel: 'FB 3', name: 'Fachbereich Bauen und Verkehr' },
    ],
    akten: [
      { kennzeichen: '2.1', betreff: 'Straßenbau Hauptstraße, 2. Bauabschnitt', oe: 'FB 3', vorgaenge: ['Ausschreibung', 'Anliegerbeiträge'] },
      { kennzeichen: '2.10', betreff: 'Bauantrag Gartenweg 4', oe: 'FB 3', vorgaenge: ['Nachforderung Unterlagen'] },
      { kennzeichen: '0.2', betreff: 'Stellenbesetzung Sachbearbeitung Tiefbau', oe: 'FB 1', stufe: '002' },
    ],
  },
  {
    slug: 'demo2',
    name: 'Landesamt für Umwelt (Demo)',
    behoerdenkennung: { behoerdenschluessel: { code: 'DEMO-002' }, praefix: { code: 'dvdv' } },
    aktenplan: [
      { kennzeichen: '1', titel: 'Immissionsschutz' },
      { kennzeichen: '1.1', titel: 'Genehmigungsverfahren', frist: 30, art: 'A' },
      { kennzeichen: '3', titel: 'Wasserwirtschaft' },
      { kennzeichen: '3.4', titel: 'Gewässerunterhaltung', frist: 10, art: 'V' },
    ],
    organisationseinheiten: [{ kuerzel: 'Ref 21', name: 'Referat Anlagengenehmigung' }],
    akten: [{ kennzeichen: '1.1', betreff: 'Genehmigung Windpark Nordhöhe', oe: 'Ref 21', vorgaenge: ['Öffentlichkeitsbeteiligung'] }],
  },
];

const ROLLEN = ['sachbearbeitung', 'registratur', 'fachadministration', 'pruefung', 'fachverfahren'] as const;

const parentOf = (k: string) => (k.includes('.') ? k.slice(0, k.lastIndexOf('.')) : null);

/** Inserts the demo tenants and their Aktenplan unless they exist. Idempotent. */
export async function seedDemo(ownerUrl: string): Promise<void> {
  const db = createDb(ownerUrl, { max: 1, applicationName: 'eakte-seed' });
  try {
    for (const m of DEMO_MANDANTEN) {
      const inserted = await db.db
        .insert(schema.mandant)
        .values({ id: uuidv7(), slug: m.slug, name: m.name, behoerdenkennung: m.behoerdenkennung })
        .onConflictDoNothing({ target: schema.mandant.slug })
        .returning({ id: schema.mandant.id });
      const mandantId = inserted[0]?.id;
      if (!mandantId) {
        // already seeded; one seeded before 0018 had a free-text code the migration could not read
        await db.db
          .update(schema.mandant)
          .set({ behoerdenkennung: m.behoerdenkennung, behoerdenkennungUnlesbar: null })
          .where(sql`${schema.mandant.slug} = ${m.slug} AND ${schema.mandant.behoerdenkennung} IS NULL`);
        continue;
      }
      const ids = new Map<string, string>();
      await db.withMandant(mandantId, async (tx) => {
        for (const e of m.aktenplan) {
          const id = uuidv7();
          ids.set(e.kennzeichen, id);
          const parent = parentOf(e.kennzeichen);
          await tx.insert(schema.aktenplaneinheit).values({
            id,
            mandantId,
            parentId: parent ? (ids.get(parent) ?? null) : null,
            kennzeichen: e.kennzeichen,
            titel: e.titel,
            aufbewahrungsfrist: typeof e.frist === 'number' ? e.frist : null,
            unbefristet: e.frist === 'unbefristet',
            aussonderungsart: e.art ?? null,
          });
        }
        // org units, one demo user per role (`<slug>-<role>`, the token script's default sub), a few Akten
        const oes = new Map<string, string>();
        for (const o of m.organisationseinheiten) {
          const id = uuidv7();
          oes.set(o.kuerzel, id);
          await tx.insert(schema.organisationseinheit).values({ id, mandantId, ...o });
        }
        const ersteOe = m.organisationseinheiten[0]!.kuerzel;
        // a second Registratur user, so destruction (four eyes) can be tried with demo users alone
        for (const [rolle, sub] of [...ROLLEN.map((r) => [r, `${m.slug}-${r}`] as const), ['registratur', `${m.slug}-registratur-2`] as const]) {
          const freigabe = rolle === 'registratur' || rolle === 'sachbearbeitung' ? 'vs-nfd' : 'offen';
          await tx.insert(schema.benutzer).values({ mandantId, sub, name: sub.endsWith('-2') ? `Demo ${rolle} 2` : `Demo ${rolle}`, freigabe });
          await tx.insert(schema.benutzerOrganisationseinheit).values({ mandantId, sub, organisationseinheitId: oes.get(ersteOe)! });
        }
        const heute = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
        const jahr = Number(heute.slice(0, 4));
        for (const a of m.akten) {
          const einheitId = ids.get(a.kennzeichen)!;
          const [z] = await tx
            .insert(schema.aktenzeichenZaehler)
            .values({ mandantId, aktenplaneinheitId: einheitId, jahr, letzteNummer: 1 })
            .onConflictDoUpdate({
              target: [schema.aktenzeichenZaehler.mandantId, schema.aktenzeichenZaehler.aktenplaneinheitId, schema.aktenzeichenZaehler.jahr],
              set: { letzteNummer: sql`${schema.aktenzeichenZaehler.letzteNummer} + 1` },
            })
            .returning({ nr: schema.aktenzeichenZaehler.letzteNummer });
          const aktenzeichen = `${a.kennzeichen}-${String(z!.nr).padStart(4, '0')}/${jahr}`;
          const akteId = uuidv7();
          const vorgaenge = a.vorgaenge ?? [];
          await tx.insert(schema.akte).values({
            id: akteId,
            mandantId,
            aktenplaneinheitId: einheitId,
            aktenzeichen,
            laufendeNummer: z!.nr,
            jahr,
            betreff: a.betreff,
            federfuehrungId: oes.get(a.oe)!,
            vertraulichkeitsstufe: a.stufe ?? '003',
            laufzeitBeginn: heute,
            letzteVorgangNummer: vorgaenge.length,
            erstelltVon: `${m.slug}-sachbearbeitung`,
          });
          for (const [i, betreff] of vorgaenge.entries()) {
            await tx.insert(schema.vorgang).values({
              id: uuidv7(),
              mandantId,
              akteId,
              laufendeNummer: i + 1,
              kennzeichen: `${aktenzeichen}-${String(i + 1).padStart(3, '0')}`,
              betreff,
              erstelltVon: `${m.slug}-sachbearbeitung`,
            });
          }
        }
      });
    }
  } finally {
    await db.close();
  }
}
