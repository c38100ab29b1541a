import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../core/models.js';
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
export const TOOL = { name: pkg.name, version: pkg.version };
//# sourceMappingURL=tool.js.map