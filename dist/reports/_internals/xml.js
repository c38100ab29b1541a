import { visible } from '../../core/visible.js';
/**
 * Text safe in XML 1.0: invisible and control characters made visible first
 * (XML cannot carry most of them even escaped), then the markup escaped.
 */
export function xmlText(text, max = 4000) {
    return visible(text, max)
        .replace(/[\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
}
//# sourceMappingURL=xml.js.map