// A job runner in a process of its own, for the test that kills it with SIGKILL mid-job: its one task
// reports the job it took on stdout and then never finishes.
import { createAuftragslauf } from '../src/index.js';

const [aufgabe, datenbankUrl] = process.argv.slice(2) as [string, string];
const still = { info() {}, warn() {}, error() {}, debug() {} };
const lauf = createAuftragslauf({
  dienst: 'akten',
  datenbankUrl,
  log: still,
  pollMs: 200,
  lebenszeichenSekunden: 0.2,
  totNachSekunden: 2,
  aufgaben: {
    [aufgabe]: async (p: { n: number }) => {
      process.stdout.write(`genommen ${p.n}\n`);
      await new Promise(() => {});
    },
  },
});
await lauf.start();
process.stdout.write('bereit\n');
