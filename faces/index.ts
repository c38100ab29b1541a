/**
 * openresponses-conformance: property-based conformance checks for the
 * streaming events of the Open Responses specification and the
 * image-generation events.
 *
 * What code is written against: the adapter contract (how an implementation
 * is reached), the adapters that run everywhere (`reference`, a stdio
 * harness by `commandAdapter`), the schemas and checks, `runConformance` to
 * run them programmatically, the use-cases the command line is made of
 * (`runVerdict`, `gateOnBaseline`, `mergeShardReports`, `checkStream`,
 * `replayToken`, `replaySaved`, `caseAt`), and
 * the report types and writers. The vitest
 * entry, `conformanceSuite`, is `openresponses-conformance/vitest`: it
 * imports vitest, which this entry never does.
 *
 * @packageDocumentation
 */

export type {
  Adapter,
  AdapterEnv,
  AdapterError,
  AdapterFactory,
  AdapterInfo,
  DecodedEvent,
  ErrorKind,
  Operation,
  ParseOutcome,
  Restart,
  SerializeOutcome,
  SseOutcome,
  UnionOutcome,
} from '../core/contract.js';
export { describeThrown, failure, hasOperation, supports } from '../core/contract.js';
export { asDoubles, LosslessNumber, type Answer, type Json } from '../core/json.js';
export { UsageError } from '../core/errors.js';

export { reference, referenceAdapter } from '../adapters/reference/index.js';
export { commandAdapter } from '../adapters/stdio/factories.js';

export { findModel, loadSchemaSet, type Model, type SchemaSet } from '../core/models.js';
export { checkId, LEVELS, type Check, type FailureKind, type Level, type Shown, type Verdict } from '../core/check.js';
export { planChecks, type PlanOptions } from '../runner/plan.js';

export { runConformance, type AdapterSource, type ConformanceOptions, type ConformanceRun } from '../runner/conformance.js';
export { decodeReplay, type ReplayTarget } from '../runner/replay-token.js';
export { replayToken, type TokenReplay } from '../runner/replay.js';
export { caseAt } from '../runner/case-at.js';
export { replaySaved, type SavedReplay } from '../fuzz/replay-saved.js';

export { isFailed, type CheckResult, type FailedResult, type Failure, type Observation, type RunEvent, type RunInfo, type Status } from '../core/results.js';
export { runVerdict, type RunVerdict } from '../core/run-verdict.js';
export { readReport, type Report } from '../runner/read-report.js';
export { mergedEvents as mergeShardReports } from '../runner/merge.js';
export { readBaseline, type Baseline, type BaselineEntry } from '../runner/baseline.js';
export { judged as gateOnBaseline } from '../runner/gate.js';
export { checkStream, type StreamCheck, type StreamCheckOptions } from '../stream/check-stream.js';
export { jsonReport, REPORT_FORMAT } from '../reports/json.js';
export { junitReport } from '../reports/junit.js';
export { markdownReport } from '../reports/markdown.js';
export { htmlReport } from '../reports/html.js';

export type * from '../core/generated/model-types.js';
/** The types of the Open Responses specification's 24 streaming events (`OpenResponses.ResponseOutputTextDeltaStreamingEvent`, their union `OpenResponses.OpenResponsesStreamingEvent`), generated from the bundled schemas. */
export type * as OpenResponses from '../core/generated/spec-types.js';
