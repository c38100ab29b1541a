import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../core/models.js';

/** The exports of an entry point, each with its TSDoc as a user's editor shows it. */
function documented(entry: string): { name: string; doc: string }[] {
  const file = join(PROJECT_ROOT, entry);
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  return checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((s) => {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    // a namespace re-export (`export type * as X`) aliases a module, whose doc is its export line's
    const own = (s.declarations ?? []).flatMap((d) => ts.getJSDocCommentsAndTags(d.parent ?? d)).map((j) => ts.getTextOfJSDocComment(j.comment) ?? '');
    const doc = ts.displayPartsToString(target.getDocumentationComment(checker)).trim() || own.join(' ').trim();
    return { name: s.getName(), doc };
  });
}

describe('the public API', () => {
  it('"." exports what users write code against, each symbol with its TSDoc', () => {
    const api = documented('faces/index.ts');
    expect(api.map((e) => e.name).sort()).toEqual(
      [
        'Adapter',
        'AdapterEnv',
        'AdapterError',
        'AdapterFactory',
        'AdapterInfo',
        'AdapterSource',
        'Answer',
        'Baseline',
        'BaselineEntry',
        'Check',
        'CheckResult',
        'ConformanceOptions',
        'ConformanceRun',
        'DecodedEvent',
        'ErrorKind',
        'FailedResult',
        'Failure',
        'FailureKind',
        'ImageGenCallEvent',
        'Json',
        'LEVELS',
        'Level',
        'LosslessNumber',
        'Model',
        'Observation',
        'OpenResponses',
        'OpenResponsesImageGenCallCompleted',
        'OpenResponsesImageGenCallCompletedType',
        'OpenResponsesImageGenCallGenerating',
        'OpenResponsesImageGenCallGeneratingType',
        'OpenResponsesImageGenCallInProgress',
        'OpenResponsesImageGenCallInProgressType',
        'OpenResponsesImageGenCallPartialImage',
        'OpenResponsesImageGenCallPartialImageType',
        'Operation',
        'ParseOutcome',
        'PlanOptions',
        'REPORT_FORMAT',
        'ReplayTarget',
        'Report',
        'Restart',
        'RunEvent',
        'RunInfo',
        'RunVerdict',
        'SavedReplay',
        'SchemaSet',
        'SerializeOutcome',
        'Shown',
        'SseOutcome',
        'Status',
        'StreamCheck',
        'StreamCheckOptions',
        'TokenReplay',
        'UnionOutcome',
        'UsageError',
        'Verdict',
        'asDoubles',
        'caseAt',
        'checkId',
        'checkStream',
        'commandAdapter',
        'decodeReplay',
        'describeThrown',
        'failure',
        'findModel',
        'gateOnBaseline',
        'hasOperation',
        'htmlReport',
        'isFailed',
        'jsonReport',
        'junitReport',
        'loadSchemaSet',
        'markdownReport',
        'mergeShardReports',
        'planChecks',
        'readBaseline',
        'readReport',
        'reference',
        'referenceAdapter',
        'replaySaved',
        'replayToken',
        'runConformance',
        'runVerdict',
        'supports',
      ].sort(),
    );
    expect(api.filter((e) => e.doc === '').map((e) => e.name)).toEqual([]);
  });

  it('"./vitest" exports conformanceSuite and its option types, documented', () => {
    const api = documented('faces/vitest/conformance-suite.ts');
    expect(api.map((e) => e.name).sort()).toEqual(['AdapterSource', 'ConformanceOptions', 'conformanceSuite']);
    expect(api.filter((e) => e.doc === '').map((e) => e.name)).toEqual([]);
  });
});

describe('runConformance, the run without vitest', () => {
  it('runs the checks orc run runs and says whether the implementation passed', async () => {
    const { runConformance, reference, jsonReport, isFailed } = await import('../faces/index.js');
    const good = await runConformance(reference, { seed: 3, runs: 10, models: ['generating'], suite: 'Parse' });
    expect(good.passed).toBe(true);
    expect(good.results.length).toBeGreaterThan(20);
    expect(jsonReport(good.events)['passed']).toBe(true);
    const { truncatesFractions } = await import('./helpers/adapters.js');
    const broken = truncatesFractions();
    const bad = await runConformance(broken, { seed: 3, runs: 10, models: ['generating'], suite: 'Parse' });
    expect(bad.passed).toBe(false);
    expect(bad.results.filter(isFailed).map((r) => r.id)).toContain('Required.Parse.AcceptsFraction.output_index');
    // an adapter the caller made stays open for the caller
    expect(await broken.parse('OpenResponsesImageGenCallGenerating', new TextEncoder().encode('{}'))).toMatchObject({ ok: false });
  });
});

describe('the use-cases the command line is made of, through the public API', () => {
  it('gateOnBaseline and runVerdict: a known failure gates as known, and the verdict says so', async () => {
    const { runConformance, gateOnBaseline, runVerdict, loadSchemaSet, isFailed } = await import('../faces/index.js');
    const { truncatesFractions } = await import('./helpers/adapters.js');
    const run = await runConformance(truncatesFractions(), { seed: 3, runs: 10, models: ['generating'], suite: 'Required.Parse.AcceptsFraction.*' });
    const failures = run.results
      .filter(isFailed)
      .map((r) => ({ adapter: r.adapter, model: r.model, check: r.id, reason: 'an int64 SDK', kind: r.failure.kind }));
    expect(failures.length).toBeGreaterThan(0);
    const baseline = { format: 'openresponses-conformance/baseline@1' as const, failures };
    const gated = runVerdict([...run.events, gateOnBaseline('b.json', baseline, run.events, loadSchemaSet())]);
    expect(gated).toMatchObject({ passed: true, gate: true, requiredFailed: true, exitCode: 0 });
    expect(gated.headline).toMatch(/^Gate passed: 0 new failures, \d+ known/);
    const ungated = runVerdict([...run.events, gateOnBaseline('b.json', { ...baseline, failures: [] }, run.events, loadSchemaSet())]);
    expect(ungated).toMatchObject({ passed: false, gate: false, exitCode: 1 });
  });

  it('mergeShardReports: two halves of a run merge into its verdicts; a missing half leaves it incomplete', async () => {
    const { runConformance, reference, jsonReport, mergeShardReports, runVerdict } = await import('../faces/index.js');
    const run = await runConformance(reference, { seed: 3, runs: 5, models: ['generating'], suite: 'Parse' });
    const whole = jsonReport(run.events) as unknown as import('../faces/index.js').Report;
    const half = (i: number) => ({ ...whole, run: { ...whole.run!, shard: `${i}/2` }, results: whole.results.filter((_, k) => k % 2 === i - 1) });
    const merged = mergeShardReports([half(1), half(2)]);
    const results = (events: import('../faces/index.js').RunEvent[]) =>
      events.flatMap((e) => (e.type === 'check-finished' ? [`${e.result.id} ${e.result.status}`] : []));
    expect(results(merged)).toEqual(results(run.events));
    expect(runVerdict(merged)).toMatchObject({ passed: true, complete: true });
    expect(runVerdict(mergeShardReports([half(1)]))).toMatchObject({ passed: false, complete: false, incompleteReason: 'shard 2 of 2 missing' });
  });

  it('replayToken and caseAt: a failure found in process replays by its token, against another adapter too', async () => {
    const { runConformance, replayToken, caseAt, loadSchemaSet, planChecks, decodeReplay, isFailed } = await import('../faces/index.js');
    const { truncatesFractions } = await import('./helpers/adapters.js');
    const run = await runConformance(truncatesFractions(), { seed: 3, runs: 10, models: ['generating'], suite: 'Required.Parse.AcceptsFraction.*' });
    const failed = run.results.find(isFailed)!;
    const set = loadSchemaSet();
    const target = decodeReplay(failed.failure.replay);
    const check = planChecks({ set, models: [set.models.find((m) => m.name === failed.model)!] }).find((c) => c.id === failed.id)!;
    expect(check.mode).toBe('property');
    if (check.mode === 'property') expect(check.show(caseAt(check, target.seed, target.path))).toEqual(failed.failure.counterexample);
    // the in-process adapter has no name a token can start; the reference does, and passes the case
    const again = await replayToken(failed.failure.replay, { adapter: 'reference', set });
    expect(again).toMatchObject({ check: { id: failed.id }, adapter: 'reference', verdict: { status: 'pass' } });
  });

  it("checkStream: a real-shaped OpenAI capture passes held to the image-generation models (not the spec's: OpenAI is no Open Responses server); the same capture cut inside an event does not", async () => {
    const { checkStream, loadSchemaSet } = await import('../faces/index.js');
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(join(import.meta.dirname, 'fixtures', 'captures', 'openai-image-generation.sse'));
    async function* chunks(b: Uint8Array) {
      for (let i = 0; i < b.length; i += 97) yield b.subarray(i, i + 97);
    }
    const images = { families: ['image generation'] } as const;
    const ok = await checkStream(loadSchemaSet(), chunks(bytes), images);
    expect(ok.problemCount, JSON.stringify(ok.problems)).toBe(0);
    expect(ok.imageGenerationEvents).toBeGreaterThan(0);
    expect((await checkStream(loadSchemaSet(), chunks(bytes))).problems[0]?.rule).toBe('Schema.ResponseCreatedStreamingEvent');
    const cut = await checkStream(loadSchemaSet(), chunks(bytes.subarray(0, bytes.length - 2)), images);
    expect(cut.problemCount).toBeGreaterThan(0);
  });
});
