// The multipart body of an upload request, handed to the service unread (it reads it after its
// checks, under the tenant's limits).
import { langsamSchliessen } from '@eakte/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Formular } from '../adapter/upload.js';

export const formularAus = (req: FastifyRequest): Formular => ({
  mehrteilig: req.isMultipart(),
  teile: (limits) => req.parts({ limits }),
});

/** The Idempotency-Key of a retried request, if any. */
export const idempotenzSchluessel = (req: FastifyRequest) => {
  const h = req.headers['idempotency-key'];
  return typeof h === 'string' ? h : undefined;
};

/** The body of an upload the handler did not read to its end is not drained: the connection closes, lingering. */
export function schliesseUnvollstaendig(req: FastifyRequest, reply: FastifyReply) {
  if (req.raw.complete) return;
  reply.header('connection', 'close');
  langsamSchliessen(req.raw.socket);
}
