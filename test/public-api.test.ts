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
