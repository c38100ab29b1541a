/** Keywords that only annotate: they never change which values are valid. */
export declare const ANNOTATIONS: Set<string>;
/** `format` values that add nothing the generator must honour beyond `type`. */
export declare const NUMERIC_FORMATS: Set<string>;
export declare const isAnnotation: (k: string) => boolean;
