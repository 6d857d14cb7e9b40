// Streamed responses that never pass for complete when they are not: everything that can fail
// before the first byte fails as problem+json, and a failure after the headers ends the response
// with the caller's error line and a broken connection (no clean chunked end).
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export interface StromOptionen {
  /** The last line written when the stream fails after the headers (documented per format). */
  abbruchZeile?: (err: unknown) => string;
}

/**
 * Ends the connection once the bytes written so far have left, without the response's proper end:
 * a client sees a truncated transfer (curl exit 18), never a complete-looking one.
 */
export function verbindungAbbrechen(res: ServerResponse) {
  const socket = res.socket;
  if (!socket || socket.destroyed) return;
  // a reader that no longer reads must not hold the connection open
  const timer = setTimeout(() => socket.destroy(), 5_000);
  timer.unref();
  socket.end(() => {
    clearTimeout(timer);
    socket.destroy();
  });
}

/**
 * Sends `quelle` as the response body. The first chunk is read before the headers go out, so a
 * source that fails at once (bad range, database refusal) is thrown to the error handler. A later
 * failure is logged, written as `abbruchZeile(err)` and the connection is cut.
 */
export async function sendeStrom(reply: FastifyReply, quelle: AsyncIterable<string | Buffer>, opts: StromOptionen = {}) {
  const it = quelle[Symbol.asyncIterator]();
  const erstes = await it.next();
  const res = reply.raw;
  async function* body(): AsyncGenerator<string | Buffer> {
    try {
      if (erstes.done) return;
      yield erstes.value;
      for (;;) {
        const n = await it.next();
        if (n.done) return;
        yield n.value;
      }
    } catch (err) {
      reply.log.error({ err }, 'stream failed after the headers were sent');
      // what was yielded before must reach the response first; the stream may already ask for
      // more before the pipe has handed it on
      const bis = Date.now() + 5_000;
      while (strom.readableLength > 0 && !res.destroyed && Date.now() < bis) await new Promise((r) => setImmediate(r));
      // the line goes to the response itself and the connection is cut once it has left (the
      // response may still hold it in its own buffer); returning would end the body cleanly
      if (opts.abbruchZeile && !res.destroyed) res.write(opts.abbruchZeile(err), () => verbindungAbbrechen(res));
      else verbindungAbbrechen(res);
      await new Promise((r) => (res.destroyed ? r(undefined) : res.once('close', r)));
    } finally {
      await it.return?.();
    }
  }
  const strom = Readable.from(body(), { highWaterMark: 0 });
  return reply.send(strom);
}

/**
 * Lingering close after an answer given before the request body was read: closing at once while
 * the client still sends makes the kernel reset the connection, and the client may lose the answer
 * before reading it. So the answer goes out with FIN, what still arrives is read and dropped, and
 * the socket closes after 2 s.
 */
export function langsamSchliessen(socket: Socket) {
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), 2_000).unref();
  };
}
