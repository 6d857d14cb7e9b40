// The Dokumente job runner in a process of its own, for the tests that measure it or kill it with SIGKILL
// mid-job (scanstapel-prozess.test.ts): it builds the service as server.ts does, without listening, says
// `bereit`, and on each line `los` on stdin works the due jobs of one tenant (only its jobs: other test
// files share the queue) and says `fertig <jobs run>`.
import { createInterface } from 'node:readline';
import { createServer, loadConfig, serverOptionen, serviceConfigSchema } from '@eakte/platform';
import type { FastifyInstance } from 'fastify';
import dokumenteApp, { dokumenteConfigSchema } from '../src/app.js';

const [mandantId] = process.argv.slice(2) as [string];
const config = loadConfig(serviceConfigSchema.merge(dokumenteConfigSchema));
const app = createServer(serverOptionen(config, false));
// the service's decorations stay in its own context: its job runner is taken from there
let arbeite: FastifyInstance['arbeiteDokumentauftraege'] | undefined;
await app.register(async (instance: FastifyInstance) => {
  await dokumenteApp(instance, { config });
  arbeite = instance.arbeiteDokumentauftraege;
});
await app.ready();
process.stdout.write('bereit\n');
for await (const zeile of createInterface({ input: process.stdin })) {
  if (zeile.trim() !== 'los') continue;
  const n = await arbeite!(mandantId);
  process.stdout.write(`fertig ${n}\n`);
}
await app.close();
