// Data access of the e-mail notifications: a user's setting, the jobs that send (enqueued in the
// transaction of the step change that causes them) and what a mail says. Every function takes the
// transaction of a `db.withMandant` call.
import { schema, sql, type Tx } from '@eakte/db';
import { eq, type SQL } from 'drizzle-orm';

const { benachrichtigungEinstellung } = schema;

export const AUFGABE_BENACHRICHTIGUNG = 'benachrichtigung';
export type Anlass = 'eingang' | 'frist' | 'rueckgabe';

/** The payload of a mail job: ids only (the queue tables hold no tenant data). */
export interface MailAuftrag {
  mandantId: string;
  anlass: Anlass;
  schrittId: string;
  sub: string;
}

export async function einstellung(tx: Tx, sub: string): Promise<{ email: string | null; aktiv: boolean }> {
  const r = await tx
    .select({ email: benachrichtigungEinstellung.email, aktiv: benachrichtigungEinstellung.aktiv })
    .from(benachrichtigungEinstellung)
    .where(eq(benachrichtigungEinstellung.sub, sub))
    .limit(1);
  return r[0] ?? { email: null, aktiv: true };
}

export async function setzeEinstellung(tx: Tx, mandantId: string, sub: string, werte: { email: string | null; aktiv: boolean }) {
  await tx
    .insert(benachrichtigungEinstellung)
    .values({ mandantId, sub, ...werte })
    .onConflictDoUpdate({ target: [benachrichtigungEinstellung.mandantId, benachrichtigungEinstellung.sub], set: { ...werte, geaendertAm: sql`now()` } });
}

// graphile-worker's add_job for each (step, recipient) row of `empfaenger` (a query with mandant_id, schritt_id,
// sub): one job per mail, so a retry resends only the mail that failed; the key keeps a burst from queueing one twice
const reiheMailsEin = (anlass: Anlass, empfaenger: SQL) => sql`
  WITH r AS (${empfaenger})
  SELECT count(auftraege_akten.add_job(${AUFGABE_BENACHRICHTIGUNG},
           json_build_object('mandantId', r.mandant_id, 'anlass', ${anlass}::text, 'schrittId', r.schritt_id, 'sub', r.sub),
           job_key => ${`${AUFGABE_BENACHRICHTIGUNG}:${anlass}:`} || r.schritt_id || ':' || r.sub,
           job_key_mode => 'preserve_run_at', max_attempts => 10, flags => ARRAY['mandant:' || r.mandant_id]))::int AS n
    FROM r JOIN akten.benachrichtigung_einstellung e ON e.mandant_id = r.mandant_id AND e.sub = r.sub
   WHERE e.aktiv AND e.email IS NOT NULL`;

// Who holds a current step: its user, the member who took it over, or (an org unit's) every member;
// and their deputies in force today, whose Postkorb shows it too
const haelterDer = (schritte: SQL, heute: string) => sql`
  WITH s AS (${schritte}),
  direkt AS (
    SELECT s.mandant_id, s.id AS schritt_id, coalesce(s.uebernommen_von, s.bearbeiter_sub) AS sub FROM s WHERE coalesce(s.uebernommen_von, s.bearbeiter_sub) IS NOT NULL
    UNION
    SELECT s.mandant_id, s.id, m.sub FROM s JOIN akten.benutzer_organisationseinheit m ON m.mandant_id = s.mandant_id AND m.organisationseinheit_id = s.bearbeiter_oe_id
     WHERE s.uebernommen_von IS NULL AND s.bearbeiter_oe_id IS NOT NULL
  )
  SELECT mandant_id, schritt_id, sub FROM direkt
  UNION
  SELECT d.mandant_id, d.schritt_id, v.vertreter_sub FROM direkt d JOIN akten.vertretung v ON v.mandant_id = d.mandant_id AND v.sub = d.sub
   WHERE (v.abwesend_von IS NULL OR v.abwesend_von <= ${heute}::date) AND (v.abwesend_bis IS NULL OR v.abwesend_bis >= ${heute}::date)`;

/** Steps that just became current: a mail to everyone whose Postkorb they reach, except `ausser` (who caused it). */
export async function reiheEingangEin(tx: Tx, schrittIds: string[], ausser: string, heute: string): Promise<number> {
  if (schrittIds.length === 0) return 0;
  const ids = sql`SELECT * FROM akten.verfuegung_schritt WHERE id = ANY(${`{${schrittIds.join(',')}}`}::uuid[]) AND zustand = 'aktuell'`;
  const r = await tx.execute<{ n: number }>(reiheMailsEin('eingang', sql`SELECT * FROM (${haelterDer(ids, heute)}) h WHERE h.sub <> ${ausser}`));
  return r.rows[0]?.n ?? 0;
}

/** A returned step: a mail to the Verfügung's author, unless they returned it themselves. */
export async function reiheRueckgabeEin(tx: Tx, schrittId: string, ausser: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(
    reiheMailsEin(
      'rueckgabe',
      sql`SELECT s.mandant_id, s.id AS schritt_id, v.verfasser AS sub FROM akten.verfuegung_schritt s
            JOIN akten.verfuegung v ON v.mandant_id = s.mandant_id AND v.id = s.verfuegung_id
           WHERE s.id = ${schrittId} AND v.verfasser <> ${ausser}`,
    ),
  );
  return r.rows[0]?.n ?? 0;
}

/**
 * The tenant's current steps whose Frist has passed and was not mailed yet: marked as mailed and a mail
 * job queued for each holder, in one statement (the mark and the jobs commit together). Returns the steps.
 */
export async function meldeUeberfaelligeFristen(tx: Tx, heute: string): Promise<{ schritte: number; mails: number }> {
  const r = await tx.execute<{ schritte: number; mails: number }>(sql`
    WITH gemeldet AS (
      UPDATE akten.verfuegung_schritt SET frist_gemeldet_am = now()
       WHERE zustand = 'aktuell' AND frist IS NOT NULL AND frist_gemeldet_am IS NULL AND frist < ${heute}::date
      RETURNING *
    ), mails AS (${reiheMailsEin('frist', haelterDer(sql`SELECT * FROM gemeldet`, heute))})
    SELECT (SELECT count(*) FROM gemeldet)::int AS schritte, (SELECT n FROM mails) AS mails`);
  return r.rows[0] ?? { schritte: 0, mails: 0 };
}

/** What a mail says, as of now; null when the step is gone. */
export interface MailInhalt {
  betreff: string;
  verschlusssache: boolean;
  aktion: string;
  frist: string | null;
  zustand: string;
  kennzeichen: string;
  erledigtVon: string | null;
  email: string | null;
  aktiv: boolean;
}

export async function mailInhalt(tx: Tx, schrittId: string, sub: string): Promise<MailInhalt | null> {
  const r = await tx.execute<{
    betreff: string;
    stufe: string;
    aktion: string;
    frist: string | null;
    zustand: string;
    kennzeichen: string;
    erledigt_von: string | null;
    email: string | null;
    aktiv: boolean | null;
  }>(sql`
    SELECT v.betreff, a.vertraulichkeitsstufe AS stufe, s.aktion, s.frist::text AS frist, s.zustand, vg.kennzeichen, s.erledigt_von, e.email, e.aktiv
      FROM akten.verfuegung_schritt s
      JOIN akten.verfuegung v ON v.mandant_id = s.mandant_id AND v.id = s.verfuegung_id
      JOIN akten.vorgang vg ON vg.mandant_id = v.mandant_id AND vg.id = v.vorgang_id
      JOIN akten.akte a ON a.mandant_id = vg.mandant_id AND a.id = vg.akte_id
      LEFT JOIN akten.benachrichtigung_einstellung e ON e.mandant_id = s.mandant_id AND e.sub = ${sub}
     WHERE s.id = ${schrittId}`);
  const x = r.rows[0];
  if (!x) return null;
  return {
    betreff: x.betreff,
    verschlusssache: x.stufe !== '003',
    aktion: x.aktion,
    frist: x.frist,
    zustand: x.zustand,
    kennzeichen: x.kennzeichen,
    erledigtVon: x.erledigt_von,
    email: x.email,
    aktiv: x.aktiv ?? false,
  };
}
