// Demo data for the embedded default: two tenants with a small Aktenplan each, so isolation
// can be seen right after `pnpm start`.
import { createDb, schema } from '@eakte/db';
import { v7 as uuidv7 } from 'uuid';

interface Einheit {
  kennzeichen: string;
  titel: string;
  frist?: number | 'unbefristet';
  art?: 'A' | 'B' | 'V';
}

export const DEMO_MANDANTEN: { slug: string; name: string; behoerdenkennung: string; aktenplan: Einheit[] }[] = [
  {
    slug: 'demo',
    name: 'Stadtverwaltung Musterstadt',
    behoerdenkennung: 'DEMO-001',
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
  },
  {
    slug: 'demo2',
    name: 'Landesamt für Umwelt (Demo)',
    behoerdenkennung: 'DEMO-002',
    aktenplan: [
      { kennzeichen: '1', titel: 'Immissionsschutz' },
      { kennzeichen: '1.1', titel: 'Genehmigungsverfahren', frist: 30, art: 'A' },
      { kennzeichen: '3', titel: 'Wasserwirtschaft' },
      { kennzeichen: '3.4', titel: 'Gewässerunterhaltung', frist: 10, art: 'V' },
    ],
  },
];

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
      if (!mandantId) continue; // already seeded
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
      });
    }
  } finally {
    await db.close();
  }
}
