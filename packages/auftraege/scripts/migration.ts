// Writes the runner's migration (graphile-worker's schema for each service, and the grants) to stdout:
//   pnpm --filter @eakte/auftraege run -s migration > db/migrations/NNNN_auftraege.sql
// After an upgrade of graphile-worker: `migration --ab N` for a new migration with its migrations from N on.
import { parseArgs } from 'node:util';
import { installationsSql, rechteSql } from '../src/schema.js';

const { values } = parseArgs({ options: { ab: { type: 'string', default: '1' } } });
process.stdout.write(`-- The job runner's queues (packages/auftraege): graphile-worker's schema once per service, installed here
-- by the owner so that no service needs DDL rights; each service's role may use its own queue only.
${installationsSql(Number(values.ab))}--> statement-breakpoint
${rechteSql()}`);
