#!/usr/bin/env node
// `npm start`: installs what is missing, builds, and serves the CRM (API and UI) on one port.
// Extra arguments go to the server, e.g. `npm start -- --demo` loads the demo data set.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { installAndBuild, root } from './lib.mjs';

installAndBuild();
const server = spawn(process.execPath, [path.join(root, 'apps/server/dist/main.js'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
