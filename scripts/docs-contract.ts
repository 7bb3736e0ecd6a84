/** `npm run docs:contract`: writes docs/events.md (the Socket.io events reference) from protocol/events.ts. */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildEventsReference, renderEventsMarkdown } from '../relay-server/src/contract/events-reference.js';

const out = path.resolve(import.meta.dirname, '../docs/events.md');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, renderEventsMarkdown(buildEventsReference()));
console.log(`wrote ${path.relative(process.cwd(), out)}`);
