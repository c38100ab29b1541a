import type { Context } from './context.js';
import { type Node } from './node.js';
/**
 * The schemas a value must satisfy at once: the places it was reached from
 * (`roots`, which the oracle validates) and those places with every `$ref`
 * and `allOf` opened (`nodes`, which the vocabularies read their keywords from).
 */
export interface Conj {
    roots: Node[];
    nodes: Node[];
    /** `oneOf`/`anyOf` places already expanded into one branch. */
    expanded: Set<string>;
    /** Whether a `$ref` was opened: such a conjunction may recur, so it is memoised. */
    viaRef: boolean;
}
export declare function conjOf(ctx: Context, roots: Node[], expanded?: Set<string>): Conj;
export declare function conjKey(conj: Conj): string;
/** Values of `keyword` across the conjunction, in order. */
export declare function keywordValues<T = any>(conj: Conj, keyword: string): {
    value: T;
    node: Node;
}[];
export declare function has(conj: Conj, keyword: string): boolean;
export declare function display(conj: Conj): string;
