// Runs the Dokumente service on its own (production); configuration from the environment.
import { closeOnSignals, createServer, loadConfig, serviceConfigSchema } from '@eakte/platform';
import dokumenteApp, { dokumenteConfigSchema } from './app.js';

const config = loadConfig(serviceConfigSchema.merge(dokumenteConfigSchema));
const app = createServer({ logLevel: config.LOG_LEVEL, bodyLimit: config.BODY_LIMIT, pretty: process.stdout.isTTY });
await app.register(dokumenteApp, { config });
closeOnSignals(app);
await app.listen({ host: config.HOST, port: config.PORT });
