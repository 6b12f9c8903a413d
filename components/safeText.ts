// Safe quoting of outside text (server bodies, XML names and values, URLs, user input) in messages, warnings, CLI
// lines and the Markdown runbook: bounded in length, printable, and without credentials.
//
// Why: these messages end up in terminals, CI logs, PR comments and tickets. A raw ESC can move the cursor or retitle a
// terminal, a bidi override (U+202E) or a zero-width character can make text read differently from what it is, and a
// megabyte-long value buries the message. So every quoted value is cut to QUOTE_MAX_CHARS, its control and invisible
// characters are written as visible escapes, and URL userinfo is masked.
//
// Loaded at run time by the SamlMetadata provider (through metadataFetch.ts and samlMetadataDocument.ts) and by the
// CLI, so it follows the runtime module rules (components/metadata/samlMetadataRetrieval.ts): top-level functions and
// plain data only, no module state, no imports at all (in particular never @pulumi/*). Regular expressions are
// written inside the functions, so that a by-value copy of a function carries them with it.

/** The most characters a quoted value shows (after escaping), before the `…` and the full length. */
export const QUOTE_MAX_CHARS = 200;

/** What a value passed as a Pulumi secret is shown as, in place of its text. */
export const SECRET_PLACEHOLDER = "[secret]";

/**
 * True for a character that must never reach a terminal or a document as is: C0 and C1 controls and DEL (`\p{Cc}`),
 * format characters such as bidi controls, zero-width characters, U+2060-U+206F and U+FEFF (`\p{Cf}`), the line and
 * paragraph separators U+2028/U+2029, lone surrogates, and the Hangul fillers that render as nothing.
 */
export function isUnsafeCharacter(char: string): boolean {
    return /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]$/u.test(char);
}

/** `U+202E` for a code point; at least four hex digits, upper case, as Unicode writes them. */
export function codePointName(codePoint: number): string {
    return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * The first unsafe character of `text` (see {@link isUnsafeCharacter}) with its position, or undefined. Used to
 * reject names and identifiers that carry a line break, a control or an invisible character.
 */
export function firstUnsafeCharacter(text: string): { index: number; codePoint: number; name: string } | undefined {
    const match = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]/u.exec(text);
    if (!match) return undefined;
    const codePoint = match[0].codePointAt(0) ?? 0;
    return { index: match.index, codePoint, name: codePointName(codePoint) };
}

/**
 * One character made visible: `\n`, `\r`, `\t` and the other C0/C1 controls and DEL as JSON-style escapes
 * (`\u001b`), `"` and `\` backslash-escaped, format and invisible characters as `<U+202E>`; anything else as is.
 */
export function escapeCharacter(char: string): string {
    if (char === '"' || char === "\\") return `\\${char}`;
    if (char === "\n") return "\\n";
    if (char === "\r") return "\\r";
    if (char === "\t") return "\\t";
    const code = char.codePointAt(0) ?? 0;
    // Lone surrogates are written like controls, as JSON.stringify does.
    if (/^[\p{Cc}\p{Cs}]$/u.test(char)) return `\\u${code.toString(16).padStart(4, "0")}`;
    if (isUnsafeCharacter(char)) return `<${codePointName(code)}>`;
    return char;
}

/**
 * Credentials in any URL inside `text` (`scheme://user:password@host`) replaced by `***`, so that they never reach a
 * message, a log or the Pulumi state.
 */
export function maskUrlCredentials(text: string): string {
    // The scheme is bounded (RFC 3986 schemes are short) so that the expression stays linear on any input: an
    // unbounded `[a-z][a-z0-9+.-]*` would retry from every letter of a long run of letters.
    return text.replace(/(?<![a-z0-9+.-])([a-z][a-z0-9+.-]{0,31}:\/\/)[^\s/?#@"'<>]*@/gi, "$1***@");
}

/**
 * `value` as a double-quoted, printable, bounded excerpt: credentials masked, every unsafe character escaped (see
 * {@link escapeCharacter}), cut after {@link QUOTE_MAX_CHARS} characters of output with `…` and the full length,
 * e.g. `"abc…" (1048576 characters)`. Plain text without quotes, backslashes or unsafe characters reads exactly as
 * `JSON.stringify` would write it.
 */
export function quoteText(value: unknown, max: number = QUOTE_MAX_CHARS): string {
    const text = maskUrlCredentials(String(value));
    let out = "";
    let used = 0;
    // for...of walks code points, so a surrogate pair is never split.
    for (const char of text) {
        const shown = escapeCharacter(char);
        if (out.length + shown.length > max) {
            return `"${out}…" (${text.length} characters)`;
        }
        out += shown;
        used += char.length;
    }
    return used === text.length ? `"${out}"` : `"${out}…" (${text.length} characters)`;
}

/**
 * Like {@link quoteText} without the surrounding quotes and without escaping `"` and `\`: for values printed in
 * running text (a URL after "GET", a name in a list) rather than as a quoted string.
 */
export function excerptText(value: unknown, max: number = QUOTE_MAX_CHARS): string {
    const text = maskUrlCredentials(String(value));
    let out = "";
    for (const char of text) {
        const shown = char === '"' || char === "\\" ? char : escapeCharacter(char);
        if (out.length + shown.length > max) {
            return `${out}… (${text.length} characters)`;
        }
        out += shown;
    }
    return out;
}

/**
 * A message made printable as a whole: unsafe characters escaped (quotes and backslashes left alone), so that a line
 * built from several parts stays one harmless line. Use it on text that was not built with quoteText.
 */
export function printableText(text: string): string {
    let out = "";
    for (const char of text) out += char === '"' || char === "\\" ? char : escapeCharacter(char);
    return out;
}

/**
 * At most `limit` items quoted with `show`, joined with ", ", then "and N more" when there are more: a list from
 * outside text never makes a message grow without bound.
 */
export function quoteList(items: readonly unknown[], limit = 5, show: (v: unknown) => string = quoteText): string {
    const shown = items.slice(0, limit).map((item) => show(item));
    const rest = items.length - shown.length;
    return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

/** How a validator shows a value: quoted by default; a secret shows only {@link SECRET_PLACEHOLDER}. */
export type QuotePolicy = (value: unknown) => string;

/** The policy for a value passed as a Pulumi secret: never its text, whatever it holds. */
export function quoteSecret(): string {
    return SECRET_PLACEHOLDER;
}
