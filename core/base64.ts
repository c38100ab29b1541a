/**
 * Whether text is base64 as the protocol and the corpus write it (padded,
 * no line breaks). By character, not by a regular expression with a repeated
 * group, which overflows the regex engine's stack on a payload of ten
 * megabytes.
 */
export function isBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  for (let i = 0; i < text.length - pad; i++) {
    const c = text.charCodeAt(i);
    // A-Z a-z 0-9 + /
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47)) return false;
  }
  return true;
}
