// A rollback by a restore (the database older than the newest signed checkpoint in object storage)
// is named by /health and the verification until someone of the tenant's Prüfung acknowledges it
// with a reason: POST /protokoll/ruecksetzung/quittung, stored (migration 0053) and audited.
import { authHeader, expectContract, expectProblem, testMandant } from '@eakte/testing';
import { describe, expect, it } from 'vitest';
import { bauen, manipuliere, nEreignisse, testDienst } from './helpers.js';

type App = Awaited<ReturnType<typeof bauen>>;

const pruefung = async (app: App, slug: string) => (await app.inject({ method: 'GET', url: '/api/v1/protokoll/pruefung', headers: await authHeader({ tenant: slug, roles: ['pruefung'] }) })).json();
const quittieren = async (app: App, slug: string, grund: unknown, rolle = 'pruefung') =>
  app.inject({ method: 'POST', url: '/api/v1/protokoll/ruecksetzung/quittung', headers: await authHeader({ tenant: slug, roles: [rolle] }), payload: { grund } });
interface Health {
  hinweise?: string[];
  checks: { protokoll: { details?: { ruecksetzungErkannt?: boolean; betroffeneMandanten?: number } } };
}
/** /health looks in the background (at most a second per answer): asks until a rollback shows, at most 20 s. */
async function healthMitRuecksetzung(app: App): Promise<Health> {
  const bis = Date.now() + 20_000;
  for (;;) {
    const h = (await app.inject({ method: 'GET', url: '/health' })).json() as Health;
    if (h.checks.protokoll.details?.ruecksetzungErkannt || Date.now() > bis) return h;
    await new Promise((r) => setTimeout(r, 200));
  }
}
/** The finding for this one tenant, looked up afresh (the app's /health covers every tenant of the test database). */
const befundFuer = (mandantId: string) => testDienst().dienst.ruecksetzung.hinweis(async () => [mandantId]);

/** Five events with checkpoints at 3 and 5, then the database as a backup at 3 restores it. */
async function zurueckgesetzt(app: App) {
  const m = await testMandant();
  const events = await nEreignisse(m.id, 3);
  const h = await authHeader({ tenant: m.slug, roles: ['registratur'] });
  expect((await app.inject({ method: 'POST', url: '/api/v1/protokoll/checkpoints', headers: h })).statusCode).toBe(201);
  await nEreignisse(m.id, 2);
  const neuer = await app.inject({ method: 'POST', url: '/api/v1/protokoll/checkpoints', headers: h });
  await manipuliere('DELETE FROM protokoll.ereignis WHERE mandant_id = $1 AND sequenz > 3', [m.id]);
  await manipuliere('UPDATE protokoll.kette SET sequenz = 3, hash = $2 WHERE mandant_id = $1', [m.id, events[2]!.hash]);
  await manipuliere('DELETE FROM protokoll.checkpoint WHERE mandant_id = $1 AND sequenz > 3', [m.id]);
  return { m, checkpoint: neuer.json() as { sequenz: number; hash: string } };
}

describe('POST /protokoll/ruecksetzung/quittung', () => {
  it('names the rollback at /health and in the verification until Prüfung acknowledges it with a reason, audited', async () => {
    const app = await bauen();
    const { m, checkpoint } = await zurueckgesetzt(app);
    expect(await pruefung(app, m.slug)).toMatchObject({ gueltig: false, fehler: { art: 'abgeschnitten' }, checkpoint: { sequenz: 5, quelle: 'objektspeicher' } });
    expect(await befundFuer(m.id)).toMatchObject({ ruecksetzungErkannt: true, betroffeneMandanten: 1 });
    const health = await healthMitRuecksetzung(app);
    expect(health.checks.protokoll.details).toMatchObject({ ruecksetzungErkannt: true, betroffeneMandanten: expect.any(Number) });
    expect(health.hinweise?.join(' ')).toMatch(/Rücksetzung des Protokolls erkannt \(betroffene Mandanten: \d+\)/);
    // /health is public: it names no tenant and nothing of its chain (that is for its Prüfung, above)
    expect(JSON.stringify(health)).not.toContain(m.id);
    expect(JSON.stringify(health)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-|Kette bei|Checkpoint bei/);
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);

    // work goes on: the chain passes the lost checkpoint's sequence with other events, a new checkpoint is signed
    await nEreignisse(m.id, 3);
    const h = await authHeader({ tenant: m.slug, roles: ['registratur'] });
    // (each finding of the verification is itself an event: the chain is past 5)
    const spaeter = (await app.inject({ method: 'POST', url: '/api/v1/protokoll/checkpoints', headers: h })).json().sequenz as number;
    expect(spaeter).toBeGreaterThan(5);
    // the witness in object storage stays: the verification still holds the lost checkpoint against the chain
    expect(await pruefung(app, m.slug)).toMatchObject({ gueltig: false, fehler: { sequenz: 5, art: 'checkpoint' }, checkpoint: { sequenz: 5, quelle: 'objektspeicher' } });

    expectProblem(await quittieren(app, m.slug, 'zu kurz'), 400, 'VALIDIERUNGSFEHLER');
    expectProblem(await quittieren(app, m.slug, '          kurz         '), 422, 'GRUND_ERFORDERLICH');
    expectProblem(await quittieren(app, m.slug, 'Sicherung von gestern zurückgespielt', 'registratur'), 403, 'KEINE_BERECHTIGUNG');

    const res = await quittieren(app, m.slug, 'Sicherung von gestern zurückgespielt, Ticket 4711');
    expect(res.statusCode, res.body).toBe(201);
    expectContract(res, 'quittiereProtokollRuecksetzung');
    expect(res.json()).toMatchObject({ checkpointSequenz: checkpoint.sequenz, checkpointHash: checkpoint.hash, grund: 'Sicherung von gestern zurückgespielt, Ticket 4711' });

    expect(res.json().kettenSequenz).toBeGreaterThanOrEqual(spaeter);
    expect(await pruefung(app, m.slug)).toMatchObject({ gueltig: true, fehler: null, checkpoint: { sequenz: spaeter } });
    expect(await befundFuer(m.id)).toBeNull();
    const ereignisse = await app.inject({ method: 'GET', url: '/api/v1/protokoll?aktion=protokoll.ruecksetzung.quittiert', headers: await authHeader({ tenant: m.slug, roles: ['pruefung'] }) });
    expect(ereignisse.json().items).toMatchObject([
      {
        akteurSub: expect.any(String),
        details: { grund: 'Sicherung von gestern zurückgespielt, Ticket 4711', checkpointSequenz: 5, kettenSequenz: res.json().kettenSequenz, verloreneCheckpoints: 1 },
      },
    ]);
    // once acknowledged there is nothing left to acknowledge
    expectProblem(await quittieren(app, m.slug, 'Noch einmal quittiert, Ticket 4712'), 409, 'KEINE_RUECKSETZUNG');
  });

  it('acknowledges only within the caller’s tenant: another tenant has nothing to acknowledge and its rollback stays', async () => {
    const app = await bauen();
    const { m } = await zurueckgesetzt(app);
    const andere = await testMandant();
    await nEreignisse(andere.id, 2);
    expectProblem(await quittieren(app, andere.slug, 'Fremde Rücksetzung quittiert, Ticket 1'), 409, 'KEINE_RUECKSETZUNG');
    expect(await pruefung(app, m.slug)).toMatchObject({ gueltig: false, fehler: { art: 'abgeschnitten' } });
    expect(await befundFuer(m.id)).toMatchObject({ ruecksetzungErkannt: true, betroffeneMandanten: 1 });
    expect(await befundFuer(andere.id)).toBeNull();
  });
});
