// Test helpers of the Akten service: own data per test (unique Kennzeichen, fresh tenants).
import { createDb, schema, sql } from '@eakte/db';
import { serviceConfigSchema, type AuditEreignis, type Protokollierer } from '@eakte/platform';
import { authHeader, build } from '@eakte/testing';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import aktenApp, { aktenConfigSchema } from '../src/app.js';

export const eindeutig = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`.toUpperCase();

export async function auth(tenant: string, rolle: string | string[], sub?: string) {
  const roles = Array.isArray(rolle) ? rolle : [rolle];
  return authHeader({ tenant, roles, sub: sub ?? `${tenant}-${roles[0]}` });
}

/** The Akten app with a recording audit port; `einstellungen`: settings of the service's own (SMTP_* …). */
export async function baue(einstellungen: Record<string, string> = {}): Promise<{ app: FastifyInstance; ereignisse: AuditEreignis[]; innen: FastifyInstance }> {
  const ereignisse: AuditEreignis[] = [];
  const protokolliere: Protokollierer = async (tx, _req, e) => {
    // recorded inside the change's tenant transaction: the tenant is set there
    const r = await tx.execute<{ mandant: string | null }>(sql`select ${schema.currentMandant} as mandant`);
    if (!r.rows[0]?.mandant) throw new Error('Protokollierer außerhalb einer Mandantentransaktion');
    ereignisse.push(e);
  };
  // the service's decorations (its database, its job runner) stay in its own context: taken from there
  let innen: FastifyInstance | undefined;
  const app = await build(
    (async (instance: FastifyInstance, opts: { config: never }) => {
      await aktenApp(instance, { ...opts, protokolliere });
      innen = instance;
    }) as never,
    einstellungen,
    serviceConfigSchema.merge(aktenConfigSchema),
  );
  return { app, ereignisse, innen: innen! };
}

export async function neueEinheit(app: FastifyInstance, tenant = 'demo', extra: Record<string, unknown> = {}): Promise<{ id: string; kennzeichen: string }> {
  const kennzeichen = `T${eindeutig()}`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/aktenplan/einheiten',
    headers: await auth(tenant, 'registratur'),
    payload: { kennzeichen, titel: `Testeinheit ${kennzeichen}`, aufbewahrungsfrist: 10, aussonderungsart: 'A', ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`Einheit: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function neueAkte(app: FastifyInstance, einheitId: string, body: Record<string, unknown> = {}, opts: { tenant?: string; rolle?: string | string[]; sub?: string } = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/akten',
    headers: await auth(opts.tenant ?? 'demo', opts.rolle ?? 'sachbearbeitung', opts.sub),
    payload: { aktenplaneinheitId: einheitId, betreff: 'Testakte', ...body },
  });
  return res;
}

/** A fresh tenant with the given settings, for tests that change tenant-wide behaviour. */
export async function neuerMandant(einstellungen: Record<string, unknown> = {}): Promise<string> {
  const slug = `t-${eindeutig().toLowerCase()}`;
  const db = createDb(inject('ownerUrl'), { max: 1 });
  try {
    await db.db.insert(schema.mandant).values({ id: crypto.randomUUID(), slug, name: `Testmandant ${slug}`, einstellungen });
  } finally {
    await db.close();
  }
  return slug;
}

export const jahr = () => Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(new Date()));
