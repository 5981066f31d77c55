#!/usr/bin/env node
// Entry point of the `ketenregie` command. The packages are TypeScript consumed as source, so the
// command registers tsx's loader first and then runs the real entry in src/main.ts.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
