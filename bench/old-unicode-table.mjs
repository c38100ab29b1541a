// Preloaded into the "before" start of the one-check run: the table fast-check
// builds for its unit 'binary' on first use, which orc's arbitraries built in
// every process before they used their own binaryUnit.
import * as fc from 'fast-check';

fc.string({ unit: 'binary' });
