// The due list: closed Akten whose retention date has passed.
import { schema, sql, type Tx } from '@eakte/db';
import type { SQL } from 'drizzle-orm';
import { wirksameAufbewahrungSql } from '@eakte/schriftgutverwaltung/aufbewahrung';
import { gesperrteAktenSql } from '@eakte/schriftgutverwaltung/loeschsperre';
import { akteFuerAussonderung } from './akten-api.js';
import { einheitMitUnterbaum } from './gemeinsam.js';

const { aussonderungObjekt } = schema;

export interface FaelligRow {
  id: string;
  aktenzeichen: string;
  betreff: string;
  aktenplaneinheitId: string;
  aktenplanKennzeichen: string;
  aufbewahrungBis: string | null;
  aussonderungFaelligAb: string;
  aussonderungsart: 'A' | 'B' | 'V' | null;
  gesperrt: boolean;
}

/**
 * Akten due on `stichtag` and in no Aussonderung: one set-based query over the due-date index,
 * keyset-paginated by (aussonderung_faellig_ab, id).
 */
export async function faellig(tx: Tx, f: { stichtag: string; einheit?: string; jahr?: number; nach?: { datum: string; id: string }; limit: number }): Promise<FaelligRow[]> {
  const bedingungen: SQL[] = [
    sql`a.status = 'geschlossen'`,
    sql`a.aussonderung_faellig_ab <= ${f.stichtag}::date`,
    sql`NOT EXISTS (SELECT 1 FROM ${aussonderungObjekt} o WHERE o.mandant_id = a.mandant_id AND o.akte_id = a.id)`,
  ];
  if (f.jahr !== undefined) bedingungen.push(sql`a.aussonderung_faellig_ab BETWEEN ${`${f.jahr}-01-01`}::date AND ${`${f.jahr}-12-31`}::date`);
  if (f.einheit) {
    bedingungen.push(sql`a.aktenplaneinheit_id IN ${einheitMitUnterbaum(f.einheit)}`);
  }
  if (f.nach) bedingungen.push(sql`(a.aussonderung_faellig_ab, a.id) > (${f.nach.datum}::date, ${f.nach.id}::uuid)`);
  const r = await tx.execute<{
    id: string;
    aktenzeichen: string;
    betreff: string;
    aktenplaneinheit_id: string;
    kennzeichen: string;
    aufbewahrung_bis: string | null;
    aussonderung_faellig_ab: string;
    aussonderungsart: 'A' | 'B' | 'V' | null;
    gesperrt: boolean;
  }>(sql`
    WITH s AS (
      SELECT a.id, a.aktenzeichen, a.betreff, a.aktenplaneinheit_id, a.einheit_kennzeichen AS kennzeichen, a.aussonderungsart AS akte_art,
             a.aussonderung_faellig_ab AS faellig_ab,
             to_char(a.aufbewahrung_bis, 'YYYY-MM-DD') AS aufbewahrung_bis,
             to_char(a.aussonderung_faellig_ab, 'YYYY-MM-DD') AS aussonderung_faellig_ab
      FROM ${akteFuerAussonderung} a
      WHERE ${sql.join(bedingungen, sql` AND `)}
      ORDER BY a.aussonderung_faellig_ab, a.id
      LIMIT ${f.limit})
    SELECT s.id, s.aktenzeichen, s.betreff, s.aktenplaneinheit_id, s.kennzeichen, s.aufbewahrung_bis, s.aussonderung_faellig_ab,
           w.aussonderungsart, g.id IS NOT NULL AS gesperrt
    FROM s
    -- the page's held Akten, asked once for the page (R7)
    LEFT JOIN ${gesperrteAktenSql(sql`SELECT id FROM s`)} g ON g.id = s.id
    -- the Akte's own Aussonderungsart, else its unit's inherited one (R2, the one SQL function); only for the page's rows
    LEFT JOIN LATERAL ${wirksameAufbewahrungSql(sql`s.aktenplaneinheit_id`, { aufbewahrungsfrist: null, unbefristet: false, aussonderungsart: sql`s.akte_art` })} w ON true
    ORDER BY s.faellig_ab, s.id`);
  return r.rows.map((x) => ({
    id: x.id,
    aktenzeichen: x.aktenzeichen,
    betreff: x.betreff,
    aktenplaneinheitId: x.aktenplaneinheit_id,
    aktenplanKennzeichen: x.kennzeichen,
    aufbewahrungBis: x.aufbewahrung_bis,
    aussonderungFaelligAb: x.aussonderung_faellig_ab,
    aussonderungsart: x.aussonderungsart,
    gesperrt: x.gesperrt,
  }));
}
