import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReport } from '../reports/html.js';
import type { CheckResult, RunEvent } from '../core/results.js';
import { chromiumPath, launchChromium } from './browser/chromium.js';
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
  const result = (i: number, status: CheckResult['status']): CheckResult => ({
    adapter: hostile('adapter'), model: hostile(`Model${i}`), id: hostile(`Required.Check${i}`), level: i % 2 ? 'Required' : 'Informational',
    suite: 'Parse', description: hostile('description'), status, casesRun: 3, durationMs: 1, seed: 1,
    ...(status === 'failed' ? {
      failure: {
        kind: 'mismatch', message: hostile('message'), path: '0', shrinks: 2, replay: 'orc1.x', replayCommand: hostile('npx orc replay'),
        counterexample: { payload: { text: hostile('payload'), base64: Buffer.from(hostile('bytes')).toString('base64') }, value: { item_id: hostile('value') }, note: hostile('note') },
        answer: hostile('answer'), stderr: hostile('stderr'),
      },
    } : {}),
    ...(status === 'unsupported' ? { reason: hostile('reason') } : {}),
    ...(status === 'observed' ? { observations: [{ label: hostile('label'), shown: {}, behaviour: hostile('behaviour'), outcome: hostile('outcome') }] } : {}),
  }) as CheckResult;
  return [
    { type: 'run-started', run: { tool: { name: 'orc', version: '0' }, command: hostile('command'), seed: 1, runs: 3, startedAt: 'now', models: [hostile('Model')], checks: 4, shard: hostile('shard') } },
    { type: 'adapter-started', adapter: { name: hostile('adapter'), implementation: hostile('impl'), version: hostile('v'), language: hostile('lang') } as never },
    { type: 'adapter-error', adapter: hostile('broken'), message: hostile('error') },
    ...(['failed', 'passed', 'unsupported', 'observed'] as const).map((s, i) => ({ type: 'check-finished' as const, result: result(i, s) })),
    { type: 'baseline', file: hostile('baseline'), known: [], newFailures: [{ adapter: hostile('a'), model: hostile('m'), check: hostile('c') }], unexpectedPasses: [], stale: [], ok: false },
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
  async function open(html: string, name: string) {
    const file = join(dir, name);
    writeFileSync(file, html);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('request', (r) => { requests.push(r.url()); });
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
      expect(found.links.every((h) => /^#f\d+$/.test(h ?? ''))).toBe(true);
      expect(found.violations).toEqual([]);
      // the payloads are there, as text a person can read
      for (const p of [`<script>alert('script')</script>`, `</textarea>`, `javascript:alert('javascript')`, `onerror="alert('onerror')"`]) expect(found.text).toContain(p);
      expect(found.text).toContain('\\u0000\\u202e\\ud800');
      // every element a user might touch, touched
      for (const a of await page.locator('a').all()) await a.click();
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
    let failures = 0, withAnswer = 0;
    beforeAll(() => {
      const out = join(dir, 'real');
      const r = orc(['run', '--adapter', 'reference,ts-openrouter-latest', '--runs', '20', '--seed', '7', '--quiet', '--out', out]);
      expect(r.status, r.stderr).toBe(1);
      html = readFileSync(join(out, 'report.html'), 'utf8');
      const results = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).results as CheckResult[];
      failures = results.filter((x) => x.failure).length;
      withAnswer = results.filter((x) => x.failure?.answer !== undefined).length;
    });

    it('renders the matrix coloured by status (a screenshot of the table, read pixel by pixel)', async () => {
      const { page } = await open(html, 'real.html');
      const table = page.locator('table.matrix');
      await expect.poll(() => table.isVisible()).toBe(true);
      const header = await table.locator('thead th').allInnerTexts();
      expect(header).toEqual(['model', 'check', 'reference', 'ts-openrouter-latest']);
      const png = await table.screenshot();
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // decode in a page of its own: the report's policy forbids images, rightly
      const canvas = await browser.newPage();
      const counts = await canvas.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width; c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const px = ctx.getImageData(0, 0, c.width, c.height).data;
        let green = 0, red = 0, grey = 0;
        for (let i = 0; i < px.length; i += 4) {
          const [r, g, b] = [px[i]!, px[i + 1]!, px[i + 2]!];
          if (Math.abs(r - 0x2d) < 8 && Math.abs(g - 0xa4) < 8 && Math.abs(b - 0x4e) < 8) green++;
          if (Math.abs(r - 0xcf) < 8 && Math.abs(g - 0x22) < 8 && Math.abs(b - 0x2e) < 8) red++;
          if (Math.abs(r - 0xd0) < 4 && Math.abs(g - 0xd7) < 4 && Math.abs(b - 0xde) < 4) grey++;
        }
        return { width: img.width, height: img.height, green, red, grey };
      }, png.toString('base64'));
      expect(counts.width).toBeGreaterThan(300);
      expect(counts.height).toBeGreaterThan(1000);
      // reference passes; ts-openrouter-latest fails some and has no serializer (n/a)
      expect(counts.green).toBeGreaterThan(10_000);
      expect(counts.red).toBeGreaterThan(1_000);
      expect(counts.grey).toBeGreaterThan(1_000);
      await canvas.close();
      await page.close();
    });

    it('filters by level, status and model', async () => {
      const { page } = await open(html, 'real-filters.html');
      const rows = () => page.locator('#matrix tbody tr:not(.hidden)');
      const total = await rows().count();
      expect(total).toBe(new Set(JSON.parse(readFileSync(join(dir, 'real', 'report.json'), 'utf8')).results.map((r: CheckResult) => `${r.model} ${r.id}`)).size);
      await page.selectOption('#f-status', 'failed');
      const failing = await rows().count();
      expect(failing).toBeGreaterThan(0);
      expect(failing).toBeLessThan(total);
      for (const row of await rows().all()) expect(await row.locator('td.st-failed').count()).toBeGreaterThan(0);
      expect(await page.locator('section.failure:not(.hidden)').count()).toBe(await page.locator('section.failure').count());
      await page.selectOption('#f-status', '');
      await page.selectOption('#f-level', 'Informational');
      for (const t of await rows().locator('td:nth-child(2)').allInnerTexts()) expect(t).toMatch(/^Informational\./);
      expect(await page.locator('section.failure:not(.hidden)').count()).toBe(0);
      await page.selectOption('#f-level', '');
      await page.selectOption('#f-model', 'OpenResponsesImageGenCallGenerating');
      for (const t of await rows().locator('td:nth-child(1)').allInnerTexts()) expect(t).toBe('Generating');
      expect(await page.locator('#f-count').innerText()).toMatch(/^\d+ checks shown$/);
      await page.close();
    });

    it('shows each failure with its counterexample as text and bytes, the answer and the replay command', async () => {
      const { page } = await open(html, 'real-failure.html');
      await page.locator('td.st-failed a').first().click();
      const section = page.locator('section.failure').first();
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
});
