/**
 * Every JSON spelling here denotes exactly the same decimal number as the
 * shortest one, so it rounds to the same double: no spelling changes a value.
 * Zero keeps its sign out of it: "-0" is checked at the Informational level.
 */
export function numberSpellings(x) {
    if (!Number.isFinite(x))
        throw new Error(`${x} has no JSON spelling`);
    if (x === 0)
        return ['0', '0.0', '0e0', '0E+5', '0.000e-10'];
    const canonical = JSON.stringify(x);
    const sign = x < 0 ? '-' : '';
    // value = D × 10^E with D an integer digit string without leading or trailing zeros
    const m = /^-?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(canonical);
    let digits = (m[1] + (m[2] ?? '')).replace(/^0+/, '');
    let exp = Number(m[3] ?? 0) - (m[2]?.length ?? 0);
    while (digits.endsWith('0')) {
        digits = digits.slice(0, -1);
        exp++;
    }
    const n = digits.length;
    const sci = exp + n - 1;
    const out = new Set([canonical]);
    const mantissa = n > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    out.add(`${sign}${mantissa}e${sci}`);
    out.add(`${sign}${mantissa}E${sci < 0 ? sci : `+${sci}`}`);
    out.add(`${sign}${n > 1 ? mantissa : `${mantissa}.0`}e${sci < 0 ? '-0' + -sci : '0' + sci}`);
    out.add(`${sign}${digits}e${exp}`);
    out.add(`${sign}${digits}0E${exp - 1}`);
    out.add(`${sign}0.${digits}e${exp + n}`);
    if (exp >= 0 && exp + n <= 400) {
        const whole = digits + '0'.repeat(exp);
        out.add(`${sign}${whole}`);
        out.add(`${sign}${whole}.0`);
        out.add(`${sign}${whole}.000`);
    }
    if (exp < 0 && -exp <= 400) {
        const pointAt = n + exp;
        const fixed = pointAt > 0 ? `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}` : `0.${'0'.repeat(-pointAt)}${digits}`;
        out.add(`${sign}${fixed}`);
        out.add(`${sign}${fixed}00`);
    }
    if (Number.isInteger(x) && Math.abs(x) < 1e400)
        out.add(sign + (x < 0 ? -BigInt(x) : BigInt(x)).toString());
    return [...out];
}
//# sourceMappingURL=number-spellings.js.map