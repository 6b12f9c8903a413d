// Turns the downloaded bytes of the metadata document into text, honouring the charset the server and the document
// declare, so that the `xml` output is exactly what was served: its UTF-8 encoding is byte for byte the body that
// arrived, byte order mark and line endings included. A body that cannot be passed on that way is refused.
//
// Why not transcode: the document is handed to IAM Identity Center as a file, and a document that declares
// `encoding="ISO-8859-1"` but is saved as UTF-8 would be read differently from what Cloudflare served. So the
// charset rules (the HTTP Content-Type charset first, then a byte order mark, then the XML declaration, as in
// https://www.w3.org/TR/xml/#sec-guessing) only decide whether the bytes are UTF-8 text; anything else is refused.
// An ASCII-only body under an ASCII-compatible charset (us-ascii, ISO-8859-x, windows-125x) is the same bytes in
// UTF-8 and is accepted as is.
//
// Loaded at run time by the SamlMetadata provider through metadataFetch.ts, so it follows the runtime module rules
// (samlMetadataRetrieval.ts): top-level functions and plain data only, and no imports but modules that follow them.
import { quoteText } from "../safeText";

const UTF8_ONLY =
    "the document is passed on to IAM Identity Center exactly as served, which this package does only for UTF-8 " +
    "(Cloudflare serves UTF-8); check that the URL is the Access application's SAML metadata endpoint.";

/** The body as text, or why it cannot be passed on exactly. */
export type DecodedBody = { body: string } | { problem: string };

/**
 * Decodes `bytes` (a complete HTTP body) given the response's Content-Type header. Returns the text, in which a
 * UTF-8 byte order mark is kept as U+FEFF (the parser skips it), or a problem sentence without the "SAML metadata: "
 * prefix, e.g. `the body is UTF-16 (byte order mark FF FE); ...`.
 */
export function decodeMetadataBody(bytes: Buffer, contentType: string): DecodedBody {
    const utf16 = utf16Evidence(bytes);
    if (utf16) return { problem: `the body is UTF-16 (${utf16}); ${UTF8_ONLY}` };
    const declared = [
        { where: "the Content-Type header", label: contentTypeCharset(contentType) },
        { where: "the XML declaration", label: xmlDeclarationEncoding(bytes) },
    ];
    const ascii = isAscii(bytes);
    for (const { where, label } of declared) {
        if (label === undefined) continue;
        const problem = declaredCharsetProblem(label, where, ascii);
        if (problem) return { problem };
    }
    // fatal: false, then a comparison with the re-encoded text: finds the first bad byte in one linear pass.
    const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
    const again = Buffer.from(text, "utf8");
    if (!again.equals(bytes)) {
        let at = 0;
        while (at < bytes.length && at < again.length && bytes[at] === again[at]) at++;
        const byte = bytes[at] ?? 0;
        return {
            problem:
                `the body is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} at offset ${at} ` +
                `starts no valid UTF-8 sequence; ${UTF8_ONLY}`,
        };
    }
    return { body: text };
}

/** The `charset` parameter of a Content-Type header, lower-cased, or undefined. */
export function contentTypeCharset(contentType: string): string | undefined {
    const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
    if (!match) return undefined;
    return (match[1] ?? match[2] ?? "").trim().toLowerCase();
}

/** The `encoding` of the XML declaration at the very start of the body (after a UTF-8 BOM), lower-cased, or undefined. */
export function xmlDeclarationEncoding(bytes: Buffer): string | undefined {
    // The declaration is ASCII by definition and at most a few dozen bytes; 512 bytes is plenty, and latin1 maps
    // every byte to one character, so nothing here can fail.
    const head = bytes.subarray(0, 512).toString("latin1");
    const match = /^(?:\xEF\xBB\xBF)?<\?xml\s[^>]*?\bencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(head);
    if (!match) return undefined;
    return (match[1] ?? match[2] ?? "").trim().toLowerCase();
}

/** Why a declared charset cannot describe this body as UTF-8 text (undefined when it can). */
function declaredCharsetProblem(label: string, where: string, ascii: boolean): string | undefined {
    let encoding: string;
    try {
        // The WHATWG Encoding Standard's label table: "latin1", "iso-8859-1" and "windows-1252" are one encoding.
        encoding = new TextDecoder(label).encoding;
    } catch {
        return `${where} names the charset ${quoteLabel(label)}, which is not a known encoding; ${UTF8_ONLY}`;
    }
    if (encoding === "utf-8") return undefined;
    if (encoding.startsWith("utf-16")) return `${where} declares ${encoding.toUpperCase()}; ${UTF8_ONLY}`;
    if (ascii && isAsciiCompatible(encoding)) return undefined;
    return (
        `${where} declares ${quoteLabel(label)} and the body holds non-ASCII bytes, which would read differently as ` +
        `UTF-8; ${UTF8_ONLY}`
    );
}

/** Encodings in which the bytes 0x00-0x7F mean the ASCII characters, as in UTF-8. */
function isAsciiCompatible(encoding: string): boolean {
    return /^(iso-8859-\d+|windows-125\d|koi8-[ru]|macintosh|x-mac-cyrillic|windows-874|gbk|gb18030|big5|euc-jp|euc-kr|shift_jis)$/.test(
        encoding,
    );
}

/** How the bytes show UTF-16, if they do: a byte order mark, or `<?` written in two-byte units. */
function utf16Evidence(bytes: Buffer): string | undefined {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return "byte order mark FF FE";
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return "byte order mark FE FF";
    if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return "it starts with 3C 00 3F 00";
    if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return "it starts with 00 3C 00 3F";
    return undefined;
}

function isAscii(bytes: Buffer): boolean {
    for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return false;
    return true;
}

function quoteLabel(label: string): string {
    return quoteText(label, 40);
}
