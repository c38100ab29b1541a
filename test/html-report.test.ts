import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReport } from '../reports/html.js';
import type { CheckResult, RunEvent } from '../core/results.js';
import { chromiumPath, launchChromium } from './browser/chromium.js';
import { colourCounts } from './browser/pixels.js';
import { ADAPTERS, syntheticRun } from './browser/synthetic-run.js';
import { orc } from './helpers/cli.js';

// Each payload, if it ever ran, would open a dialog naming itself.
const PAYLOADS = [
  `<script>alert('script')</script>`,
  `</textarea><script>alert('textarea')</script><textarea>`,
  `"><img src=x onerror="alert('onerror')">`,
  `' onmouseover='alert(1)' x='`,
  `javascript:alert('javascript')`,
  `<a href="javascript:alert('href')">click me</a>`,
  `</pre></code><svg onload=alert('svg')>`,
  `</style></title><iframe src="javascript:alert('iframe')"></iframe>`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert('meta')"><base href="javascript:alert('base')//">`,
  `<!-- ]]> \u0000\u202e\ud800 \`backtick\` &amp; &lt;`,
];
const hostile = (tag: string) => `${tag} ${PAYLOADS.join(' ')}`;

function hostileEvents(): RunEvent[] {
  const result = (i: number, status: CheckResult['status']): CheckResult =>
    ({
      adapter: hostile('adapter'),
      model: hostile(`Model${i}`),
      id: hostile(`Required.Check${i}`),
      level: i % 2 ? 'Required' : 'Informational',
      suite: 'Parse',
      description: hostile('description'),
      status,
      casesRun: 3,
      durationMs: 1,
      seed: 1,
      ...(status === 'failed'
        ? {
            failure: {
              kind: 'mismatch',
              message: hostile('message'),
              path: '0',
              shrinks: 2,
              replay: 'orc1.x',
              replayCommand: hostile('npx orc replay'),
              counterexample: {
                payload: { text: hostile('payload'), base64: Buffer.from(hostile('bytes')).toString('base64') },
                value: { item_id: hostile('value') },
                note: hostile('note'),
              },
              answer: hostile('answer'),
              stderr: hostile('stderr'),
            },
          }
        : {}),
      ...(status === 'unsupported' ? { reason: hostile('reason') } : {}),
      ...(status === 'observed'
        ? { observations: [{ label: hostile('label'), shown: {}, behaviour: hostile('behaviour'), outcome: hostile('outcome') }] }
        : {}),
    }) as CheckResult;
  return [
    {
      type: 'run-started',
      run: {
        tool: { name: 'orc', version: '0' },
        command: hostile('command'),
        seed: 1,
        runs: 3,
        startedAt: 'now',
        models: [hostile('Model')],
        checks: 4,
        shard: hostile('shard'),
      },
    },
    {
      type: 'adapter-started',
      adapter: { name: hostile('adapter'), implementation: hostile('impl'), version: hostile('v'), language: hostile('lang') } as never,
    },
    { type: 'adapter-error', adapter: hostile('broken'), message: hostile('error') },
    ...(['failed', 'passed', 'unsupported', 'observed'] as const).map((s, i) => ({ type: 'check-finished' as const, result: result(i, s) })),
    {
      type: 'baseline',
      file: hostile('baseline'),
      known: [],
      newFailures: [{ adapter: hostile('a'), model: hostile('m'), check: hostile('c') }],
      unexpectedPasses: [],
      stale: [],
      ok: false,
    },
    { type: 'run-finished', finishedAt: hostile('finished'), complete: false, reason: hostile('interrupted') },
  ];
}

const hasChromium = !!chromiumPath();
const ci = process.env.CI === 'true' || process.env.CI === '1';

describe('HTML report: structure', () => {
  it('is one file that asks for nothing from the network and allows only its own script', () => {
    const html = htmlReport(hostileEvents());
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+'/);
    expect(html).not.toMatch(/(src|href)="(?!#)/);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('puts the failures before the matrix when there are any, and says nothing of failures when there are none', () => {
    const html = htmlReport(syntheticRun());
    expect(html.indexOf('<h2 id="failures">')).toBeGreaterThan(0);
    expect(html.indexOf('<h2 id="failures">')).toBeLessThan(html.indexOf('<div id="matrix">'));
    const clean = htmlReport(syntheticRun({ failures: false }));
    expect(clean).not.toContain('id="failures"');
    expect(clean).not.toContain('href="#failures"');
  });
});

describe.skipIf(!hasChromium && !ci)('HTML report in headless Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'orc-html-'));
  beforeAll(async () => {
    if (!hasChromium) throw new Error('chromium is missing in CI: run "npm run browser:setup"');
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  /** Opens a report, recording every dialog, request and policy violation. */
  async function open(html: string, name: string, viewport?: { width: number; height: number }) {
    const file = join(dir, name);
    writeFileSync(file, html);
    const page = await browser.newPage(viewport ? { viewport } : {});
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      requests.push(r.url());
    });
    await page.addInitScript(() => {
      (window as any).__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const url = pathToFileURL(file).href;
    await page.goto(url);
    return { page, dialogs, requests, url };
  }

  /** Everything a hostile string could have become, had it been markup. */
  async function activeContent(page: Page) {
    return page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        scripts: document.querySelectorAll('script').length,
        dangerous: document.querySelectorAll('img,svg,iframe,textarea,base,object,embed,meta[http-equiv=refresh]').length,
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
        links: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        violations: (window as any).__violations as string[],
        text: document.body.innerText,
      };
    });
  }

  for (const csp of [true, false]) {
    it(`runs none of the payloads ${csp ? 'as written' : 'even with its Content-Security-Policy removed'}`, async () => {
      let html = htmlReport(hostileEvents());
      if (!csp) html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      const { page, dialogs, requests, url } = await open(html, csp ? 'hostile.html' : 'hostile-no-csp.html');
      const found = await activeContent(page);
      expect(found.scripts).toBe(1);
      expect(found.dangerous).toBe(0);
      expect(found.handlers).toEqual([]);
      // links only to the report's own anchors, never to a name from a result
      expect(found.links.every((h) => /^#(f\d+|fam-\d+|m-\d+|toc|adapters|failures|glance|behaviours)$/.test(h ?? ''))).toBe(true);
      expect(found.violations).toEqual([]);
      // the payloads are there, as text a person can read
      for (const p of [`<script>alert('script')</script>`, `</textarea>`, `javascript:alert('javascript')`, `onerror="alert('onerror')"`])
        expect(found.text).toContain(p);
      expect(found.text).toContain('\\u0000\\u202e\\ud800');
      // every element a user might touch, touched, every fold open
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => {
          d.open = true;
        }),
      );
      // from the top each time, so a link is scrolled up into view and not left under the pinned header row
      for (const a of await page.locator('a').all()) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await a.click();
      }
      await page.mouse.move(10, 10);
      for (const sel of ['#f-level', '#f-status', '#f-model']) await page.locator(sel).selectOption({ index: 1 });
      await page.waitForTimeout(200);
      expect(dialogs).toEqual([]);
      expect(requests.filter((r) => r.split('#')[0] !== url)).toEqual([]);
      await page.close();
    });
  }

  describe('a real run', () => {
    let html: string;
    let failures = 0,
      withAnswer = 0;
    beforeAll(() => {
      const out = join(dir, 'real');
      // the image-generation models, one family: a report of every model is the main job's (family-reports.test.ts folds those)
      const images =
        'OpenResponsesImageGenCallInProgress,OpenResponsesImageGenCallGenerating,OpenResponsesImageGenCallPartialImage,OpenResponsesImageGenCallCompleted';
      const r = orc(['run', '--adapter', 'reference,ts-openrouter-latest', '--model', images, '--runs', '20', '--seed', '7', '--quiet', '--out', out]);
      expect(r.status, r.stderr).toBe(1);
      html = readFileSync(join(out, 'report.html'), 'utf8');
      const results = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).results as CheckResult[];
      failures = results.filter((x) => x.failure).length;
      withAnswer = results.filter((x) => x.failure?.answer !== undefined).length;
    });

    it('renders the matrix coloured by status (a screenshot of the table, read pixel by pixel)', async () => {
      const { page } = await open(html, 'real.html');
      const table = page.locator('table.matrix');
      // the bundled models are one family, folded: its link in the contents opens it
      expect(await table.isVisible()).toBe(false);
      await page.locator('#toc a', { hasText: 'image generation' }).click();
      await expect.poll(() => table.isVisible()).toBe(true);
      const header = await table.locator('thead th').allInnerTexts();
      expect(header).toEqual(['check', 'A', 'B']);
      expect(await page.locator('#legend tbody tr').allInnerTexts()).toEqual([
        expect.stringMatching(/^A\treference\t/),
        expect.stringMatching(/^B\tts-openrouter-latest\t/),
      ]);
      const png = await table.screenshot();
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const counts = await colourCounts(browser, png);
      expect(counts.width).toBeGreaterThan(300);
      expect(counts.height).toBeGreaterThan(1000);
      // reference passes; ts-openrouter-latest fails some and has no serializer (n/a)
      expect(counts.green).toBeGreaterThan(10_000);
      expect(counts.red).toBeGreaterThan(1_000);
      expect(counts.grey).toBeGreaterThan(1_000);
      await page.close();
    });

    it('filters by level, status and model', async () => {
      const { page } = await open(html, 'real-filters.html');
      const rows = () => page.locator('#matrix tr.check:not(.hidden)');
      const total = await rows().count();
      expect(total).toBe(
        new Set(JSON.parse(readFileSync(join(dir, 'real', 'report.json'), 'utf8')).results.map((r: CheckResult) => `${r.model} ${r.id}`)).size,
      );
      await page.selectOption('#f-status', 'failed');
      const failing = await rows().count();
      expect(failing).toBeGreaterThan(0);
      expect(failing).toBeLessThan(total);
      for (const row of await rows().all()) expect(await row.locator('td.st-failed').count()).toBeGreaterThan(0);
      expect(await page.locator('section.failure:not(.hidden)').count()).toBe(await page.locator('section.failure').count());
      await page.selectOption('#f-status', '');
      await page.selectOption('#f-level', 'Informational');
      for (const t of await rows().locator('td:nth-child(1)').allTextContents()) expect(t).toMatch(/^Informational\./);
      expect(await page.locator('section.failure:not(.hidden)').count()).toBe(0);
      await page.selectOption('#f-level', '');
      await page.selectOption('#f-model', 'OpenResponsesImageGenCallGenerating');
      expect(await rows().count()).toBeGreaterThan(0);
      for (const row of await rows().all()) expect(await row.getAttribute('data-model')).toBe('OpenResponsesImageGenCallGenerating');
      // the other models' rows go with their headings
      expect(await page.locator('#matrix tbody:not(.hidden)').count()).toBe(1);
      expect(await page.locator('#f-count').innerText()).toMatch(/^\d+ checks shown$/);
      await page.close();
    });

    it('shows each failure with its counterexample as text and bytes, the answer and the replay command', async () => {
      const { page } = await open(html, 'real-failure.html');
      await page.locator('#toc a', { hasText: 'image generation' }).click();
      const fail = page.locator('#matrix td.st-failed a').first();
      const anchor = (await fail.getAttribute('href'))!.slice(1);
      const section = page.locator(`section.failure#${anchor}`);
      // folded in its adapter's and its check's folds until its FAIL is clicked
      expect(await section.isVisible()).toBe(false);
      await fail.click();
      await expect.poll(() => section.isVisible()).toBe(true);
      const box = (await section.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeLessThan(page.viewportSize()!.height);
      const text = await section.innerText();
      expect(text).toMatch(/Payload \(bytes\)\n00000000 {2}7b 22.*\n00000010 {2}/);
      expect(text).toMatch(/Replay\nnpx orc replay orc1\./);
      // one answer shown per failure that has one in the JSON report
      const answered = page.locator('section.failure', { hasText: 'Implementation answered' });
      expect(await answered.count()).toBe(withAnswer);
      expect(await page.locator('section.failure').count()).toBe(failures);
      await page.close();
    });
  });

  describe('at twenty adapters and thirty models, in a window of 1,400 × 900', () => {
    const viewport = { width: 1400, height: 900 };
    const html = htmlReport(syntheticRun());

    it('keys every adapter column, and the legend names each key once', async () => {
      const { page } = await open(html, 'big-legend.html', viewport);
      const legend = await page
        .locator('#legend tbody tr')
        .evaluateAll((rows) => rows.map((r) => [(r as HTMLTableRowElement).cells[0]!.textContent, (r as HTMLTableRowElement).cells[1]!.textContent]));
      expect(legend.map(([, name]) => name)).toEqual(ADAPTERS);
      const named = new Map(legend as [string, string][]);
      expect(named.size).toBe(20);
      for (const table of ['table.glance', 'table.matrix']) {
        const heads = await page.locator(`${table} thead th.key`).evaluateAll((ths) => ths.map((th) => [th.textContent, th.getAttribute('title')]));
        expect(heads.length % 20).toBe(0);
        for (const [key, title] of heads) expect(named.get(key!), `${table} ${key}`).toBe(title);
        // short enough that every column fits the window in the table at a glance
        if (table === 'table.glance') expect((await page.locator(table).boundingBox())!.width).toBeLessThanOrEqual(viewport.width);
      }
      await page.close();
    });

    it('is short with its families folded, and the contents link each family and the Behaviours view from the top', async () => {
      const { page } = await open(html, 'big-toc.html', viewport);
      const height = () => page.evaluate(() => document.documentElement.scrollHeight);
      const folded = await height();
      expect(folded).toBeLessThan(20 * viewport.height);
      const toc = page.locator('#toc');
      expect((await toc.boundingBox())!.y + (await toc.boundingBox())!.height).toBeLessThan(viewport.height);
      const families = await page.locator('details.family > summary > b').allTextContents();
      expect(families).toEqual([
        'lifecycle',
        'output item',
        'content part',
        'text',
        'refusal',
        'reasoning',
        'function call',
        'error',
        'image generation',
        'other',
      ]);
      const links = await toc.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
      for (const [i, f] of families.entries()) expect(links).toContainEqual([expect.stringMatching(new RegExp(`^${f} \\(\\d+\\)$`)), `#fam-${i + 1}`]);
      expect(links).toContainEqual(['Behaviours', '#behaviours']);
      // one click from the top
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await toc.locator('a[href="#behaviours"]').click();
      const behaviours = page.locator('#behaviours');
      await expect.poll(async () => (await behaviours.boundingBox())!.y).toBeGreaterThanOrEqual(0);
      expect((await behaviours.boundingBox())!.y).toBeLessThan(viewport.height - 100);
      // a family's link opens its fold, there; opening every fold is what the folds save
      await page.evaluate(() => window.scrollTo(0, 0));
      await toc.locator('a[href="#fam-4"]').click();
      const text = page.locator('#fam-4 table.matrix');
      await expect.poll(() => text.isVisible()).toBe(true);
      expect((await text.boundingBox())!.y).toBeLessThan(viewport.height);
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => {
          d.open = true;
        }),
      );
      expect(await height()).toBeGreaterThan(3 * folded);
      await page.close();
    });

    it('puts the failures before the matrix', async () => {
      const { page } = await open(html, 'big-failures.html', viewport);
      const y = async (sel: string) => (await page.locator(sel).boundingBox())!.y;
      expect(await y('#failures')).toBeLessThan(await y('#glance'));
      expect(await y('#glance')).toBeLessThan(await y('#matrix-title'));
      // one line per adapter with failures: A, the reference, has none
      expect(await page.locator('details.fail-adapter > summary > b').allTextContents()).toEqual(ADAPTERS.slice(1).map((_, i) => String.fromCharCode(66 + i)));
      await page.close();
    });

    it('keeps the first column in view when the matrix is scrolled right (a screenshot, read pixel by pixel)', async () => {
      const { page } = await open(html, 'big-sticky.html', viewport);
      await page.locator('#toc a[href="#fam-1"]').click();
      const first = page.locator('#fam-1 tr.check').first().locator('td').first();
      const last = page.locator('#fam-1 tr.check').first().locator('td').last();
      await expect.poll(() => first.isVisible()).toBe(true);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(wide, 'the matrix must be wider than the window for this test to mean anything').toBeGreaterThan(viewport.width + 100);
      const before = { first: (await first.boundingBox())!, last: (await last.boundingBox())! };
      await page.evaluate(() => window.scrollTo(document.documentElement.scrollWidth, window.scrollY));
      const scrolled = await page.evaluate(() => window.scrollX);
      expect(scrolled).toBeGreaterThan(100);
      const after = { first: (await first.boundingBox())!, last: (await last.boundingBox())! };
      expect(after.last.x).toBeCloseTo(before.last.x - scrolled, 0);
      expect(after.first.x).toBeGreaterThanOrEqual(0);
      expect(after.first.x).toBeLessThan(5);
      expect(await first.textContent()).toMatch(/^Required\./);
      // the pinned column shows no cell colour behind it; the rest of the window is cells
      const shot = await page.screenshot();
      const top = Math.max(0, Math.ceil(after.first.y));
      const strip = { x: 2, y: top, width: Math.floor(after.first.width) - 6, height: viewport.height - top };
      const pinned = await colourCounts(browser, shot, strip);
      const rest = await colourCounts(browser, shot, {
        ...strip,
        x: Math.ceil(after.first.width) + 10,
        width: viewport.width - Math.ceil(after.first.width) - 30,
      });
      expect(pinned.green + pinned.red).toBeLessThan(strip.width * strip.height * 0.01);
      expect(rest.green).toBeGreaterThan(20_000);
      await page.close();
    });

    it('filters hide the folds with nothing left in them', async () => {
      const { page } = await open(html, 'big-filters.html', viewport);
      expect(await page.locator('details.family:not(.hidden)').count()).toBe(10);
      await page.selectOption('#f-model', 'ErrorStreamingEvent');
      expect(await page.locator('details.family:not(.hidden) > summary > b').allTextContents()).toEqual(['error']);
      expect(await page.locator('#f-count').innerText()).toBe('10 checks shown');
      const adapters = await page.locator('details.fail-adapter:not(.hidden)').count();
      expect(adapters).toBeGreaterThan(0);
      expect(adapters).toBeLessThan(19);
      for (const s of await page.locator('section.failure:not(.hidden)').all()) expect(await s.getAttribute('data-model')).toBe('ErrorStreamingEvent');
      await page.close();
    });

    it('looks as it should: the top of the page, for people (reports/out/html-20x30.png)', async () => {
      const { page } = await open(html, 'big-look.html', viewport);
      await page.locator('#toc a[href="#glance"]').click();
      const shot = await page.screenshot();
      const counts = await colourCounts(browser, shot);
      // the table at a glance fills the window with pass and failure counts
      expect(counts.green).toBeGreaterThan(50_000);
      expect(counts.red).toBeGreaterThan(50_000);
      const out = fileURLToPath(new URL('../reports/out/', import.meta.url));
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'html-20x30.png'), shot);
      await page.close();
    });
  });
});
