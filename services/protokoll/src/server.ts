// Runs the Protokoll service on its own (production); configuration from the environment.
import { closeOnSignals, createServer, loadConfig } from '@eakte/platform';
import protokollApp, { protokollConfigSchema } from './app.js';

const config = loadConfig(protokollConfigSchema);
const app = createServer({ logLevel: config.LOG_LEVEL, bodyLimit: config.BODY_LIMIT, pretty: process.stdout.isTTY });
await app.register(protokollApp, { config });
closeOnSignals(app);
await app.listen({ host: config.HOST, port: config.PORT });
