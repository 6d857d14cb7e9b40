import type { FastifyInstance } from 'fastify';

export interface StoppOptionen {
  /** In-flight requests may finish within this; then their connections are cut. */
  gnadenfristMs?: number;
  /** The process exits at the latest after this, whatever still hangs (supervisors kill at 10 s). */
  spaetestensMs?: number;
}

/**
 * Closes the app on SIGINT/SIGTERM, then exits: no new requests (503), in-flight requests finish,
 * each connection is closed once its response is out (clients keep idle connections open for a
 * long time), then the pools close. Repeated signals (systemd signals the whole control group, a
 * wrapper relays the signal again) do not cut the requests short.
 */
export function closeOnSignals(app: FastifyInstance, extra: () => Promise<void> = async () => {}, opts: StoppOptionen = {}) {
  const gnadenfrist = opts.gnadenfristMs ?? 8_000;
  const spaetestens = opts.spaetestensMs ?? 9_500;
  let closing = false;
  const close = async (signal: string) => {
    if (closing) {
      app.log.info({ signal }, 'already shutting down');
      return;
    }
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const hart = setTimeout(() => {
      app.log.error('shutdown did not finish in time');
      process.exit(1);
    }, spaetestens);
    hart.unref();
    // a connection whose response is out is closed at once, not after the client's keep-alive
    const leerlauf = setInterval(() => app.server.closeIdleConnections(), 100);
    const frist = setTimeout(() => {
      app.log.warn({ gnadenfristMs: gnadenfrist }, 'requests still running after the grace period: connections cut');
      app.server.closeAllConnections();
    }, gnadenfrist);
    let code = 0;
    try {
      await app.close();
      await extra();
    } catch (err) {
      app.log.error({ err }, 'error during shutdown');
      code = 1;
    }
    clearInterval(leerlauf);
    clearTimeout(frist);
    clearTimeout(hart);
    app.log.info('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
}
