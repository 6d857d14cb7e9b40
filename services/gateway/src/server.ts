// Runs the gateway on its own (production); configuration from the environment.
import { closeOnSignals, createServer, loadConfig } from '@eakte/platform';
import gatewayApp, { gatewayConfigSchema } from './app.js';

const config = loadConfig(gatewayConfigSchema);
const app = createServer({ logLevel: config.LOG_LEVEL, bodyLimit: config.BODY_LIMIT, pretty: process.stdout.isTTY });
await app.register(gatewayApp, { config });
closeOnSignals(app);
await app.listen({ host: config.HOST, port: config.PORT });
