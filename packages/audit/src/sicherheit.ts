// Security-relevant failures as audit events: a request refused with 403 (the caller's token was
// valid, so the tenant is known) is recorded in that tenant's chain, in its own transaction.
// A 401 has no verified tenant: it is only logged, so forged tokens cannot write into a tenant's chain.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { eintragFuer, protokollAnhaengen } from './protokollierer.js';

export const sicherheitsProtokoll = fp(
  async (app: FastifyInstance) => {
    // onSend: the event is committed before the caller sees the refusal.
    app.addHook('onSend', async (req, reply, payload) => {
      const status = reply.statusCode;
      if (status !== 401 && status !== 403) return payload;
      const operationId = req.routeOptions.config?.operationId ?? null;
      if (status === 401 || !req.akteur?.mandantId) {
        req.log.info({ status, operationId }, 'access refused without a verified tenant (not in the audit chain)');
        return payload;
      }
      try {
        const eintrag = eintragFuer(req.akteur, {
          aktion: 'zugriff.verweigert',
          objektTyp: 'operation',
          objektId: operationId,
          ergebnis: 'abgelehnt',
          details: { status, methode: req.method, pfad: req.url.split('?')[0] },
        });
        await app.db.withMandant(eintrag.mandantId, (tx) => protokollAnhaengen(tx, eintrag));
      } catch (err) {
        req.log.error({ err }, 'could not record a refused access in the audit trail');
      }
      return payload;
    });
  },
  { name: 'sicherheits-protokoll' },
);
