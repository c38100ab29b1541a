// `prepack` of the repository: a plain `npm pack` or `npm publish` here would ship the development
// scripts (`prepare` among them, which npm 11 warns about on install). `npm run package` packs a
// cleaned copy instead; it packs with --ignore-scripts, so this never stops it.
process.stderr.write(
  'orc: do not pack or publish the repository itself; run "npm run package" and publish the tarball it writes (npm publish openresponses-conformance-<version>.tgz)\n',
);
process.exit(1);
