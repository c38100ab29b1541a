import { writeFileSync } from 'node:fs';
import { loadSchemaSet } from '../core/models.js';
import { CHECK_LISTING_FILE, listingText } from '../runner/check-listing.js';
import { composeListing } from '../runner/compose-listing.js';

/** `npm run generate` (after the types): the bundled models' checks, which `orc list` prints without composing them. */
const set = loadSchemaSet();
const checks = composeListing(set, set.models);
writeFileSync(CHECK_LISTING_FILE, listingText(checks));
process.stdout.write(`wrote ${CHECK_LISTING_FILE}: ${checks.length} checks of ${set.models.length} models\n`);
