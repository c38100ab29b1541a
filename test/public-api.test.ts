import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../core/models.js';

/** The exports of an entry point, each with its TSDoc as a user's editor shows it. */
function documented(entry: string): { name: string; doc: string }[] {
  const file = join(PROJECT_ROOT, entry);
  const program = ts.createProgram([file], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, types: ['node'] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  return checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((s) => {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    return { name: s.getName(), doc: ts.displayPartsToString(target.getDocumentationComment(checker)).trim() };
  });
}

describe('the public API', () => {
  it('"." exports what users write code against, each symbol with its TSDoc', () => {
    const api = documented('src/index.ts');
    expect(api.map((e) => e.name).sort()).toEqual([
      'Adapter', 'AdapterEnv', 'AdapterError', 'AdapterFactory', 'AdapterInfo', 'AdapterSource', 'Answer', 'Check', 'CheckResult',
      'ConformanceOptions', 'ConformanceRun', 'DecodedEvent', 'ErrorKind', 'FailedResult', 'Failure', 'FailureKind', 'ImageGenCallEvent', 'Json', 'LEVELS',
      'Level', 'LosslessNumber', 'Model', 'Observation', 'OpenResponsesImageGenCallCompleted', 'OpenResponsesImageGenCallCompletedType',
      'OpenResponsesImageGenCallGenerating', 'OpenResponsesImageGenCallGeneratingType', 'OpenResponsesImageGenCallInProgress',
      'OpenResponsesImageGenCallInProgressType', 'OpenResponsesImageGenCallPartialImage', 'OpenResponsesImageGenCallPartialImageType', 'Operation',
      'ParseOutcome', 'PlanOptions', 'REPORT_FORMAT', 'ReplayTarget', 'Restart', 'RunEvent', 'RunInfo', 'SchemaSet', 'SerializeOutcome', 'Shown', 'SseOutcome',
      'Status', 'UsageError', 'Verdict', 'asDoubles', 'checkId', 'commandAdapter', 'decodeReplay', 'describeThrown', 'failure', 'findModel', 'htmlReport',
      'isFailed', 'jsonReport', 'junitReport', 'loadSchemaSet', 'markdownReport', 'planChecks', 'reference', 'referenceAdapter', 'runConformance', 'supports',
    ].sort());
    expect(api.filter((e) => e.doc === '').map((e) => e.name)).toEqual([]);
  });

  it('"./vitest" exports conformanceSuite and its option types, documented', () => {
    const api = documented('src/vitest/conformance-suite.ts');
    expect(api.map((e) => e.name).sort()).toEqual(['AdapterSource', 'ConformanceOptions', 'conformanceSuite']);
    expect(api.filter((e) => e.doc === '').map((e) => e.name)).toEqual([]);
  });
});

describe('runConformance, the run without vitest', () => {
  it('runs the checks orc run runs and says whether the implementation passed', async () => {
    const { runConformance, reference, jsonReport, isFailed } = await import('../src/index.js');
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
