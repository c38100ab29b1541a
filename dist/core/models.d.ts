import { type Ajv } from './oracle.js';
/** The package's own folder (where schema/ lives), whether this file runs as source or from dist/. */
export declare const PROJECT_ROOT: string;
export declare const SCHEMA_DIR: string;
export type SchemaObject = Record<string, any>;
/** One event model: a JSON Schema with a title, the unit checks are planned for. */
export interface Model {
    /** The schema's title: the name people and adapters use (`OpenResponsesImageGenCallGenerating`). */
    name: string;
    id: string;
    schema: SchemaObject;
    /** Wire field name → SDK field name, from the `x-sdk-name` annotations. */
    sdkNames: Record<string, string>;
}
/** Every schema the engine knows, by `$id`, and the models among them. */
export interface SchemaSet {
    byId: Map<string, SchemaObject>;
    models: Model[];
    ajv: Ajv;
}
/**
 * Loads the bundled schemas and any extra model files. Each schema is
 * compiled by ajv here, so a broken schema is a usage error before a run starts.
 */
export declare function loadSchemaSet(extraModelFiles?: string[]): SchemaSet;
/** The model of an event's `type`, if any: a recorded stream holds events of other types too. */
export declare function modelOfEventType(set: SchemaSet, type: unknown): Model | undefined;
/** A model by its title, its event type, or the event type's last part (`generating`, `partial_image`). */
export declare function findModel(set: SchemaSet, name: string): Model;
