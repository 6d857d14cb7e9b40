import { createRequire } from 'node:module';
import type { OpenApiDocument } from './types.js';

const require = createRequire(import.meta.url);
/** The bundled contract (generated from openapi/, committed). */
export const contract = require('./openapi.json') as OpenApiDocument;
