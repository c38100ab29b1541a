import { parseArgs, type ParseArgsConfig } from 'node:util';
/** The closest of `known` to `word`, when it is close enough to be what was meant. */
export declare function closest(word: string, known: readonly string[]): string | undefined;
type Parsed<T extends NonNullable<ParseArgsConfig['options']>> = ReturnType<typeof parseArgs<{
    args: string[];
    options: T;
    allowPositionals: boolean;
    strict: true;
}>>;
/** node's parseArgs, its errors turned into one line that says what to do. */
export declare function parse<T extends NonNullable<ParseArgsConfig['options']>>(command: string, argv: string[], options: T, positionals?: number): Parsed<T>;
/** Colour as CI and terminals ask for it: --color/--no-color, then NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal. */
export declare function useColor(values: {
    color?: boolean | undefined;
    'no-color'?: boolean | undefined;
}): boolean;
export declare const COLOR_OPTIONS: {
    readonly color: {
        readonly type: "boolean";
    };
    readonly 'no-color': {
        readonly type: "boolean";
    };
};
export declare function intOption(name: string, value: string | undefined, fallback: number, min?: number): number;
/** Where every command writes and reads reports unless told: under the folder the user stands in, never inside the package. */
export declare const outDir: (given: string | undefined) => string;
export {};
