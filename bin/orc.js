#!/usr/bin/env node
// The command line is compiled JavaScript in dist/: `npm ci` builds it in a clone (prepare), `npm pack` ships it.
try {
  await import('../dist/faces/cli/main.js');
} catch (e) {
  if (e?.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/faces/cli/main.js')) {
    process.stderr.write('orc: dist/ is not built; run "npm run build" in the repository (npm ci does it)\n');
    process.exit(2);
  }
  throw e;
}
