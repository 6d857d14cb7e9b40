// A server's first import: starts tracing (when configured) before pg and node:http are loaded.
import { starteSpuren } from './spuren.js';

await starteSpuren();
