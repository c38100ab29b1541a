/* eslint-disable */
/**
 * Generated from schema/ by `npm run generate` (json-schema-to-typescript).
 * Do not edit: change the schema and generate again; a test fails when this
 * file and the schemas disagree.
 */

/**
 * The event's type: always response.image_generation_call.completed.
 */
export type OpenResponsesImageGenCallCompletedType = "response.image_generation_call.completed";

/**
 * Image generation call completed
 */
export interface OpenResponsesImageGenCallCompleted {
  type: OpenResponsesImageGenCallCompletedType;
  item_id: string;
  output_index: number;
  sequence_number: number;
}

/**
 * The event's type: always response.image_generation_call.generating.
 */
export type OpenResponsesImageGenCallGeneratingType = "response.image_generation_call.generating";

/**
 * Image generation call is generating
 */
export interface OpenResponsesImageGenCallGenerating {
  type: OpenResponsesImageGenCallGeneratingType;
  item_id: string;
  output_index: number;
  sequence_number: number;
}

/**
 * The event's type: always response.image_generation_call.in_progress.
 */
export type OpenResponsesImageGenCallInProgressType = "response.image_generation_call.in_progress";

/**
 * Image generation call in progress
 */
export interface OpenResponsesImageGenCallInProgress {
  type: OpenResponsesImageGenCallInProgressType;
  item_id: string;
  output_index: number;
  sequence_number: number;
}

/**
 * The event's type: always response.image_generation_call.partial_image.
 */
export type OpenResponsesImageGenCallPartialImageType = "response.image_generation_call.partial_image";

/**
 * Image generation call with partial image
 */
export interface OpenResponsesImageGenCallPartialImage {
  type: OpenResponsesImageGenCallPartialImageType;
  item_id: string;
  output_index: number;
  sequence_number: number;
  partial_image_b64: string;
  partial_image_index: number;
  /**
   * The image size that was used.
   */
  size?: string;
  /**
   * The image quality that was used.
   */
  quality?: string;
  /**
   * The background setting that was used.
   */
  background?: string;
  /**
   * The output format that was used.
   */
  output_format?: string;
}

/**
 * Any of the image-generation streaming events, discriminated on `type`
 */
export type ImageGenCallEvent = OpenResponsesImageGenCallInProgress | OpenResponsesImageGenCallGenerating | OpenResponsesImageGenCallPartialImage | OpenResponsesImageGenCallCompleted;
