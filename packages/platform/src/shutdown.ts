import type { FastifyInstance } from 'fastify';

/** Closes the app on SIGINT/SIGTERM (in-flight requests finish, pools close), then exits. */
export function closeOnSignals(app: FastifyInstance, extra: () => Promise<void> = async () => {}) {
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 15_000).unref();
    try {
      await app.close();
      await extra();
    } catch (err) {
      app.log.error({ err }, 'error during shutdown');
    }
    clearTimeout(timer);
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
}
