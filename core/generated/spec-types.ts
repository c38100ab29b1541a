/* eslint-disable */
/**
 * Generated from schema/ by `npm run generate` (json-schema-to-typescript).
 * Do not edit: change the schema and generate again; a test fails when this
 * file and the schemas disagree.
 */

/**
 * Every streaming event of the Open Responses specification (schema/models/open-responses/).
 */
export type OpenResponsesStreamingEvent =
  | ErrorStreamingEvent
  | ResponseCompletedStreamingEvent
  | ResponseContentPartAddedStreamingEvent
  | ResponseContentPartDoneStreamingEvent
  | ResponseCreatedStreamingEvent
  | ResponseFailedStreamingEvent
  | ResponseFunctionCallArgumentsDeltaStreamingEvent
  | ResponseFunctionCallArgumentsDoneStreamingEvent
  | ResponseInProgressStreamingEvent
  | ResponseIncompleteStreamingEvent
  | ResponseOutputItemAddedStreamingEvent
  | ResponseOutputItemDoneStreamingEvent
  | ResponseOutputTextAnnotationAddedStreamingEvent
  | ResponseOutputTextDeltaStreamingEvent
  | ResponseOutputTextDoneStreamingEvent
  | ResponseQueuedStreamingEvent
  | ResponseReasoningDeltaStreamingEvent
  | ResponseReasoningDoneStreamingEvent
  | ResponseReasoningSummaryDeltaStreamingEvent
  | ResponseReasoningSummaryDoneStreamingEvent
  | ResponseReasoningSummaryPartAddedStreamingEvent
  | ResponseReasoningSummaryPartDoneStreamingEvent
  | ResponseRefusalDeltaStreamingEvent
  | ResponseRefusalDoneStreamingEvent;
export type ItemField = Message | FunctionCall | FunctionCallOutput | ReasoningBody | CompactionBody;
export type MessageStatus = "in_progress" | "completed" | "incomplete";
export type MessageRole = "user" | "assistant" | "system" | "developer";
export type Annotation = UrlCitationBody;
export type ImageDetail = "low" | "high" | "auto";
export type FunctionCallStatus = "in_progress" | "completed" | "incomplete";
export type FunctionCallOutputStatusEnum = "in_progress" | "completed" | "incomplete";
export type Tool = FunctionTool;
export type ToolChoiceValueEnum = "none" | "auto" | "required";
export type TruncationEnum = "auto" | "disabled";
export type VerbosityEnum = "low" | "medium" | "high";
export type ReasoningEffortEnum = "none" | "low" | "medium" | "high" | "xhigh";
export type ReasoningSummaryEnum = "concise" | "detailed" | "auto";

export interface ErrorStreamingEvent {
  type: "error";
  sequence_number: number;
  error: ErrorPayload;
}
export interface ErrorPayload {
  type: string;
  code: string | null;
  message: string;
  param: string | null;
  headers?: {
    [k: string]: string;
  };
}
export interface ResponseCompletedStreamingEvent {
  type: "response.completed";
  sequence_number: number;
  response: ResponseResource;
}
export interface ResponseResource {
  id: string;
  object: "response";
  created_at: number;
  completed_at: number | null;
  status: string;
  incomplete_details: IncompleteDetails | null;
  model: string;
  previous_response_id: string | null;
  instructions: string | null;
  output: ItemField[];
  error: Error | null;
  tools: Tool[];
  tool_choice: FunctionToolChoice | ToolChoiceValueEnum | AllowedToolChoice;
  truncation: TruncationEnum;
  parallel_tool_calls: boolean;
  text: TextField;
  top_p: number;
  presence_penalty: number;
  frequency_penalty: number;
  top_logprobs: number;
  temperature: number;
  reasoning: Reasoning | null;
  usage: Usage | null;
  max_output_tokens: number | null;
  max_tool_calls: number | null;
  store: boolean;
  background: boolean;
  service_tier: string;
  metadata: unknown;
  safety_identifier: string | null;
  prompt_cache_key: string | null;
}
export interface IncompleteDetails {
  reason: string;
}
export interface Message {
  type: "message";
  id: string;
  status: MessageStatus;
  role: MessageRole;
  content: (
    | InputTextContent
    | OutputTextContent
    | TextContent
    | SummaryTextContent
    | ReasoningTextContent
    | RefusalContent
    | InputImageContent
    | InputFileContent
    | InputVideoContent
  )[];
  phase?: "commentary" | "final_answer";
}
export interface InputTextContent {
  type: "input_text";
  text: string;
}
export interface OutputTextContent {
  type: "output_text";
  text: string;
  annotations: Annotation[];
  logprobs?: LogProb[];
}
export interface UrlCitationBody {
  type: "url_citation";
  url: string;
  start_index: number;
  end_index: number;
  title: string;
}
export interface LogProb {
  token: string;
  logprob: number;
  bytes: number[];
  top_logprobs: TopLogProb[];
}
export interface TopLogProb {
  token: string;
  logprob: number;
  bytes: number[];
}
export interface TextContent {
  type: "text";
  text: string;
}
export interface SummaryTextContent {
  type: "summary_text";
  text: string;
}
export interface ReasoningTextContent {
  type: "reasoning_text";
  text: string;
}
export interface RefusalContent {
  type: "refusal";
  refusal: string;
}
export interface InputImageContent {
  type: "input_image";
  image_url: string | null;
  detail: ImageDetail;
}
export interface InputFileContent {
  type: "input_file";
  filename?: string;
  file_url?: string;
}
export interface InputVideoContent {
  type: "input_video";
  video_url: string;
}
export interface FunctionCall {
  type: "function_call";
  id: string;
  call_id: string;
  name: string;
  arguments: string;
  status: FunctionCallStatus;
}
export interface FunctionCallOutput {
  type: "function_call_output";
  id: string;
  call_id: string;
  output: string | (InputTextContent | InputImageContent | InputFileContent)[];
  status: FunctionCallOutputStatusEnum;
}
export interface ReasoningBody {
  type: "reasoning";
  id: string;
  content?: (
    | InputTextContent
    | OutputTextContent
    | TextContent
    | SummaryTextContent
    | ReasoningTextContent
    | RefusalContent
    | InputImageContent
    | InputFileContent
  )[];
  summary: (
    | InputTextContent
    | OutputTextContent
    | TextContent
    | SummaryTextContent
    | ReasoningTextContent
    | RefusalContent
    | InputImageContent
    | InputFileContent
  )[];
  encrypted_content?: string;
}
export interface CompactionBody {
  type: "compaction";
  id: string;
  encrypted_content: string;
  created_by?: string;
}
export interface Error {
  code: string;
  message: string;
}
export interface FunctionTool {
  type: "function";
  name: string;
  description: string | null;
  parameters: {
    [k: string]: unknown;
  } | null;
  strict: boolean | null;
}
export interface FunctionToolChoice {
  type: "function";
  name?: string;
}
export interface AllowedToolChoice {
  type: "allowed_tools";
  tools: FunctionToolChoice[];
  mode: ToolChoiceValueEnum;
}
export interface TextField {
  format: TextResponseFormat | JsonObjectResponseFormat | JsonSchemaResponseFormat;
  verbosity?: VerbosityEnum;
}
export interface TextResponseFormat {
  type: "text";
}
export interface JsonObjectResponseFormat {
  type: "json_object";
}
export interface JsonSchemaResponseFormat {
  type: "json_schema";
  name: string;
  description: string | null;
  schema: null;
  strict: boolean;
}
export interface Reasoning {
  effort: ReasoningEffortEnum | null;
  summary: ReasoningSummaryEnum | null;
}
export interface Usage {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  input_tokens_details: InputTokensDetails;
  output_tokens_details: OutputTokensDetails;
}
export interface InputTokensDetails {
  cached_tokens: number;
}
export interface OutputTokensDetails {
  reasoning_tokens: number;
}
export interface ResponseContentPartAddedStreamingEvent {
  type: "response.content_part.added";
  sequence_number: number;
  item_id: string;
  output_index: number;
  content_index: number;
  part:
    | InputTextContent
    | OutputTextContent
    | TextContent
    | SummaryTextContent
    | ReasoningTextContent
    | RefusalContent
    | InputImageContent
    | InputFileContent;
}
export interface ResponseContentPartDoneStreamingEvent {
  type: "response.content_part.done";
  sequence_number: number;
  item_id: string;
  output_index: number;
  content_index: number;
  part:
    | InputTextContent
    | OutputTextContent
    | TextContent
    | SummaryTextContent
    | ReasoningTextContent
    | RefusalContent
    | InputImageContent
    | InputFileContent;
}
export interface ResponseCreatedStreamingEvent {
  type: "response.created";
  sequence_number: number;
  response: ResponseResource;
}
export interface ResponseFailedStreamingEvent {
  type: "response.failed";
  sequence_number: number;
  response: ResponseResource;
}
export interface ResponseFunctionCallArgumentsDeltaStreamingEvent {
  type: "response.function_call_arguments.delta";
  sequence_number: number;
  item_id: string;
  output_index: number;
  delta: string;
  obfuscation?: string;
}
export interface ResponseFunctionCallArgumentsDoneStreamingEvent {
  type: "response.function_call_arguments.done";
  sequence_number: number;
  item_id: string;
  output_index: number;
  arguments: string;
}
export interface ResponseInProgressStreamingEvent {
  type: "response.in_progress";
  sequence_number: number;
  response: ResponseResource;
}
export interface ResponseIncompleteStreamingEvent {
  type: "response.incomplete";
  sequence_number: number;
  response: ResponseResource;
}
export interface ResponseOutputItemAddedStreamingEvent {
  type: "response.output_item.added";
  sequence_number: number;
  output_index: number;
  item: ItemField | null;
}
export interface ResponseOutputItemDoneStreamingEvent {
  type: "response.output_item.done";
  sequence_number: number;
  output_index: number;
  item: ItemField | null;
}
export interface ResponseOutputTextAnnotationAddedStreamingEvent {
  type: "response.output_text.annotation.added";
  sequence_number: number;
  item_id: string;
  output_index: number;
  content_index: number;
  annotation_index: number;
  annotation: Annotation | null;
}
export interface ResponseOutputTextDeltaStreamingEvent {
  type: "response.output_text.delta";
  sequence_number: number;
  item_id: string;
  output_index: number;
  content_index: number;
  delta: string;
  logprobs?: LogProb[];
  obfuscation?: string;
}
export interface ResponseOutputTextDoneStreamingEvent {
  type: "response.output_text.done";
  sequence_number: number;
  item_id: string;
  output_index: number;
  content_index: number;
  text: string;
  logprobs?: LogProb[];
}
export interface ResponseQueuedStreamingEvent {
  type: "response.queued";
  sequence_number: number;
  response: ResponseResource;
}
export interface ResponseReasoningDeltaStreamingEvent {
  type: "response.reasoning.delta";
  sequence_number: number;
  item_id: string;
  output_index: number;
  content_index: number;
  delta: string;
  obfuscation?: string;
}
export interface ResponseReasoningDoneStreamingEvent {
  type: "response.reasoning.done";
  sequence_number: number;
  item_id: string;
  output_index: number;
  content_index: number;
  text: string;
}
export interface ResponseReasoningSummaryDeltaStreamingEvent {
  type: "response.reasoning_summary_text.delta";
  sequence_number: number;
  item_id: string;
  output_index: number;
  summary_index: number;
  delta: string;
  obfuscation?: string;
}
export interface ResponseReasoningSummaryDoneStreamingEvent {
  type: "response.reasoning_summary_text.done";
  sequence_number: number;
  item_id: string;
  output_index: number;
  summary_index: number;
  text: string;
}
export interface ResponseReasoningSummaryPartAddedStreamingEvent {
  type: "response.reasoning_summary_part.added";
  sequence_number: number;
  item_id: string;
  output_index: number;
  summary_index: number;
  part:
    | InputTextContent
    | OutputTextContent
    | TextContent
    | SummaryTextContent
    | ReasoningTextContent
    | RefusalContent
    | InputImageContent
    | InputFileContent;
}
export interface ResponseReasoningSummaryPartDoneStreamingEvent {
  type: "response.reasoning_summary_part.done";
  sequence_number: number;
  item_id: string;
  output_index: number;
  summary_index: number;
  part:
    | InputTextContent
    | OutputTextContent
    | TextContent
    | SummaryTextContent
    | ReasoningTextContent
    | RefusalContent
    | InputImageContent
    | InputFileContent;
}
export interface ResponseRefusalDeltaStreamingEvent {
  type: "response.refusal.delta";
  sequence_number: number;
  item_id: string;
  output_index: number;
  content_index: number;
  delta: string;
}
export interface ResponseRefusalDoneStreamingEvent {
  type: "response.refusal.done";
  sequence_number: number;
  item_id: string;
  output_index: number;
  content_index: number;
  refusal: string;
}
