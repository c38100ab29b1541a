import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { jsonReport } from '../../reports/json.js';
import { markdownReport } from '../../reports/markdown.js';
import { junitReport } from '../../reports/junit.js';
import { badges } from '../../reports/badges.js';
import { htmlReport } from '../../reports/html.js';
import { writeAtomic } from '../../core/files.js';
/** Every report a run writes, by file name under the output folder: one pure function each. */
export function renderReports(events) {
    const files = {
        'report.json': JSON.stringify(jsonReport(events), null, 2) + '\n',
        'summary.md': markdownReport(events),
        'junit.xml': junitReport(events),
        'report.html': htmlReport(events),
    };
    for (const [name, text] of Object.entries(badges(events)))
        files[join('badges', name)] = text;
    return files;
}
/** During a run: the JSON report alone, cheap enough to rewrite as results come, so a killed run leaves it valid and marked incomplete. */
export function writeProgressReport(dir, events) {
    writeAtomic(join(dir, 'report.json'), JSON.stringify(jsonReport(events), null, 2) + '\n');
}
export function writeReports(dir, events) {
    const files = renderReports(events);
    mkdirSync(join(dir, 'badges'), { recursive: true });
    for (const [name, text] of Object.entries(files))
        writeAtomic(join(dir, name), text);
    return ['report.json', 'summary.md', 'junit.xml', 'report.html', 'badges/'].map((f) => join(dir, f));
}
//# sourceMappingURL=write-reports.js.map