// Reads and checks the SAML 2.0 IdP metadata that Cloudflare Access publishes for an Access for SaaS application,
// before a person uploads it to IAM Identity Center (docs/cloudflare.md, docs/aws.md). Nobody has published a sample of the
// exact XML, so the reader accepts any namespace prefix and formatting, and refuses everything it cannot vouch for
// with a message that says what it found.
//
// Pulumi's closure serializer copies this module by value into the dynamic provider, so it holds only top-level
// functions and primitive constants, and imports only @xmldom/xmldom, ./signingCertificate and ../safeText. The
// serializer copies function bodies with their comments into every resource's state, so long explanations live in
// doc comments.
import { DOMParser } from "@xmldom/xmldom";
import type { Document, Element, Node } from "@xmldom/xmldom";
import { readCertificate } from "./signingCertificate";
import type { CertificateFacts } from "./signingCertificate";
import { excerptText, quoteList, quoteText } from "../safeText";

/** Values the document must agree with; each one given must match. */
export interface MetadataExpectations {
    /** Must equal `EntityDescriptor/@entityID` exactly. */
    entityId?: string | undefined;
    /** Must equal the `Location` of one of the `SingleSignOnService` elements. */
    ssoUrl?: string | undefined;
    /** PEM or base64; a signing certificate with the same DER must be present, and is the one chosen. */
    certificate?: string | undefined;
}

/** What a valid document says. */
export interface SamlMetadataFacts {
    /** `EntityDescriptor/@entityID`. */
    entityId: string;
    /** The one URL every `SingleSignOnService` Location names (the expected `ssoUrl` when given). */
    ssoUrl: string;
    /** The chosen signing certificate as canonical PEM (`CertificateFacts.pem`). */
    signingCertificate: string;
    /** Its SHA-256 fingerprint, uppercase colon-separated hex. */
    signingCertificateSha256: string;
    /** Its end of validity, ISO 8601 UTC. */
    signingCertificateNotAfter: string;
    /** Problems that do not make the document unusable yet, e.g. a certificate that expires within 30 days. */
    warnings: string[];
}

const SAML_METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
const XML_DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
const SAML2_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
const ELEMENT_NODE = 1;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A signing certificate that expires within this many days still passes, with a warning. */
export const CERTIFICATE_EXPIRY_WARNING_DAYS = 30;

/**
 * Bounds on the work a document may ask for, checked in one linear scan before the XML parser runs (see
 * `documentShapeProblem`). A real Access for SaaS metadata document has about a dozen elements, three levels deep,
 * with two or three namespace declarations; these are far above that and far below what makes a parser slow.
 */
export const DOCUMENT_LIMITS = {
    /** Elements, comments, processing instructions and CDATA sections in the whole document. */
    elements: 2000,
    /** Entity and character references (`&amp;`, `&#x41;`) in the whole document. */
    references: 4096,
    /** Nesting depth of elements. */
    depth: 32,
    /** Attributes on one element. */
    attributesPerElement: 64,
    /** Namespace declarations (`xmlns`, `xmlns:p`) in the whole document. */
    namespaceDeclarations: 64,
    /** `KeyDescriptor` elements in the IDPSSODescriptor. */
    keyDescriptors: 16,
    /** `SingleSignOnService` elements in the IDPSSODescriptor. */
    singleSignOnServices: 16,
} as const;

/**
 * Parses SAML 2.0 IdP metadata, checks it against what the caller expects, and returns the facts IAM Identity
 * Center will rely on.
 *
 * Accepted: any namespace prefix (or none) for the metadata and XML-DSig elements, a UTF-8 byte order mark, CRLF
 * line endings, and line breaks or spaces inside the base64 certificate; all spellings of one document give
 * identical results. Refused, each with a message that starts with `SAML metadata: `: anything that is not
 * well-formed XML, any DOCTYPE (DTDs can declare entity bombs and external entities), a root other than a SAML 2.0
 * `EntityDescriptor` (an `EntitiesDescriptor` aggregate included), a missing `entityID`, no SAML 2.0
 * `IDPSSODescriptor` or more than one, no `SingleSignOnService` Location, Locations that differ (in any binding),
 * no readable signing certificate, a signing certificate outside its validity at `now`, any mismatch with
 * `expected`, and a document that asks for more work than metadata needs (DOCUMENT_LIMITS), refused before parsing.
 * Every value quoted from the document is bounded and printable (components/safeText.ts).
 *
 * With several signing certificates (rotation) the one equal to `expected.certificate` is chosen; without that
 * expectation, the currently valid one with the latest notAfter (the first in document order on a tie).
 *
 * @param xml The document text.
 * @param expected Values the document must agree with.
 * @param now The time certificate validity is judged at; the only clock this function reads.
 * @throws Error with a one- or two-sentence message saying what was wrong and what was found.
 */
export function parseSamlMetadata(xml: string, expected: MetadataExpectations = {}, now: Date = new Date()): SamlMetadataFacts {
    if (typeof xml !== "string") {
        throw new Error(`SAML metadata: expected the document as a string but got ${xml === null ? "null" : typeof xml}.`);
    }
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
        throw new Error(`SAML metadata: "now" must be a valid Date but got ${String(now)}.`);
    }
    const expectedCertificate =
        expected.certificate === undefined ? undefined : readCertificate(expected.certificate, "SAML metadata: expected certificate");

    const root = parseXml(xml).documentElement;
    if (!root || root.namespaceURI !== SAML_METADATA_NS || root.localName !== "EntityDescriptor") {
        const found = root ? describeElement(root) : "missing";
        const aggregate =
            root?.namespaceURI === SAML_METADATA_NS && root.localName === "EntitiesDescriptor"
                ? ` An aggregate of several entities is not supported (it holds ${countChildren(root, "EntityDescriptor")} ` +
                  "EntityDescriptor): IAM Identity Center takes one identity provider, and which entity it would use is not " +
                  "defined; give the metadata of the one Access application."
                : "";
        throw new Error(
            `SAML metadata: the root element must be EntityDescriptor in namespace "${SAML_METADATA_NS}", but it is ${found}.${aggregate}`,
        );
    }

    const entityId = attribute(root, "entityID");
    if (entityId === undefined) {
        throw new Error(`SAML metadata: the EntityDescriptor has no entityID attribute.`);
    }
    if (entityId.trim() === "") {
        throw new Error(`SAML metadata: the EntityDescriptor's entityID attribute is empty.`);
    }
    if (expected.entityId !== undefined && expected.entityId !== entityId) {
        throw new Error(
            `SAML metadata: entityID mismatch: expected ${quoteText(expected.entityId)} but the document has ${quoteText(entityId)}.`,
        );
    }

    const idp = saml2IdpDescriptor(root);
    const ssoUrl = singleSignOnUrl(idp, expected.ssoUrl);
    const certificate = signingCertificate(idp, expectedCertificate, now);

    const warnings: string[] = [];
    const remainingMs = Date.parse(certificate.notAfter) - now.getTime();
    if (remainingMs < CERTIFICATE_EXPIRY_WARNING_DAYS * DAY_MS) {
        const days = Math.floor(remainingMs / DAY_MS);
        const left = days < 1 ? "in less than a day" : days === 1 ? "in 1 day" : `in ${days} days`;
        warnings.push(
            `signing certificate ${certificate.sha256} expires on ${certificate.notAfter} (${left}); ` +
                `before then, IAM Identity Center must receive metadata with the replacement certificate, or sign-ins will fail.`,
        );
    }

    return {
        entityId,
        ssoUrl,
        signingCertificate: certificate.pem,
        signingCertificateSha256: certificate.sha256,
        signingCertificateNotAfter: certificate.notAfter,
        warnings,
    };
}

/**
 * Parses the text with xmldom, treating every report that means "not well-formed" as fatal, and refuses DTDs.
 *
 * How xmldom 0.9 treats DTDs: it never expands entities declared in them. It keeps the internal subset as unparsed
 * text on `document.doctype`, resolves only the five predefined entities and character references, and reports
 * any other reference (`&lol9;`, `&xxe;`) as an `error`, and it never fetches anything. By default it only logs
 * `error`s and `warning`s and carries on, so the `onError` handler throws on the first one, which stops the parse
 * there; xmldom rethrows that wrapped in a ParseError, and the message recorded by the handler replaces it. A
 * DOCTYPE that the prolog scan missed is still refused: by the handler when an entity reference trips it (it sees
 * `doctype` already on the document), or after the parse through `document.doctype`.
 */
function parseXml(xml: string): Document {
    // Some editors and servers save UTF-8 with a byte order mark, which xmldom would report as text before the root.
    const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
    if (text.trim() === "") {
        throw new Error(`SAML metadata: the document is empty.`);
    }
    if (!text.trimStart().startsWith("<")) {
        throw new Error(`SAML metadata: the document is not XML; it starts with ${quoteText(text.trimStart(), 40)}.`);
    }
    refuseDoctypeInProlog(text);
    const shape = documentShapeProblem(text);
    if (shape) throw new Error(`SAML metadata: ${shape}`);
    let problem: string | undefined;
    const parser = new DOMParser({
        locator: true,
        onError: (level, message, context) => {
            // The only warning that is not about syntax: text decoded with the wrong charset. The values read here
            // are ASCII and are checked on their own, so a mangled display name must not block the document.
            if (level === "warning" && message.startsWith("Unicode replacement character")) {
                return;
            }
            const doctype = context?.doc?.doctype;
            problem ??= doctype ? doctypeRefusal(String(doctype.name ?? "")) : notWellFormed(message, context?.locator);
            throw new Error(problem);
        },
    });
    let document: Document;
    try {
        document = parser.parseFromString(text, "application/xml");
    } catch (error) {
        throw new Error(problem ?? notWellFormed(error instanceof Error ? error.message : String(error), undefined));
    }
    if (document.doctype) {
        throw new Error(doctypeRefusal(document.doctype.name));
    }
    return document;
}

/**
 * Refuses a DOCTYPE in the prolog before the text reaches xmldom.
 *
 * Defence in depth: xmldom 0.9 is safe against entity expansion on its own (see parseXml), but this keeps a DTD,
 * and xmldom's regular-expression parsing of an attacker's internal subset, away from the parser entirely, so
 * the guarantee does not hinge on how a later xmldom treats DTDs. A DOCTYPE is legal only in the prolog, so the
 * scan walks just that (whitespace, the XML declaration, processing instructions, comments) and stops at the
 * first thing it does not recognise; a document that merely mentions DOCTYPE or ENTITY in a comment or in its
 * body is not refused here, and anything unusual is left to xmldom's stricter checks.
 */
function refuseDoctypeInProlog(text: string): void {
    let i = 0;
    for (;;) {
        while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\r" || text[i] === "\n")) {
            i++;
        }
        const [opener, closer] = text.startsWith("<?", i) ? ["<?", "?>"] : text.startsWith("<!--", i) ? ["<!--", "-->"] : ["", ""];
        if (opener) {
            const end = text.indexOf(closer, i + opener.length);
            if (end < 0) {
                return;
            }
            i = end + closer.length;
            continue;
        }
        // Case-insensitive because HTML pages (a login or error page served instead of the metadata) write
        // `<!doctype html>`, and saying so beats xmldom's "Not well-formed XML starting with <!".
        if (text.slice(i, i + 9).toUpperCase() === "<!DOCTYPE") {
            const name = /^<!DOCTYPE\s+([^\s[>]*)/i.exec(text.slice(i, i + 256));
            throw new Error(doctypeRefusal(name ? name[1] : ""));
        }
        return;
    }
}

function doctypeRefusal(rawName: string): string {
    const name = excerptText(rawName, 60);
    if (name.toLowerCase() === "html") {
        return `SAML metadata: the document is an HTML page (<!DOCTYPE ${name}>), not SAML metadata.`;
    }
    return (
        `SAML metadata: the document has a DOCTYPE declaration (<!DOCTYPE ${name}>); DTDs are refused ` +
        `because their entities can expand without bound or read local files, and SAML metadata never needs one.`
    );
}

function notWellFormed(reason: string, locator: { lineNumber?: number; columnNumber?: number } | undefined): string {
    const at =
        locator && typeof locator.lineNumber === "number" && typeof locator.columnNumber === "number"
            ? ` (line ${locator.lineNumber}, column ${locator.columnNumber})`
            : "";
    return `SAML metadata: the document is not well-formed XML: ${excerptText(reason)}${at}.`;
}

/** The one SAML 2.0 IDPSSODescriptor under the root; none, or more than one, is refused. */
function saml2IdpDescriptor(root: Element): Element {
    const descriptors = metadataChildren(root, "IDPSSODescriptor");
    if (descriptors.length === 0) {
        throw new Error(
            `SAML metadata: the EntityDescriptor has no IDPSSODescriptor (found: ${childNames(root)}); it does not describe an identity provider.`,
        );
    }
    const saml2 = descriptors.filter((d) => (attribute(d, "protocolSupportEnumeration") ?? "").split(/\s+/).includes(SAML2_PROTOCOL));
    if (saml2.length === 0) {
        const found = quoteList(
            descriptors.map((d) => attribute(d, "protocolSupportEnumeration")),
            5,
            (value) => (value === undefined ? "missing" : quoteText(value)),
        );
        throw new Error(
            `SAML metadata: the IDPSSODescriptor does not support SAML 2.0: protocolSupportEnumeration is ${found}, ` +
                `which lacks "${SAML2_PROTOCOL}".`,
        );
    }
    if (saml2.length > 1) {
        throw new Error(
            `SAML metadata: the EntityDescriptor has ${saml2.length} SAML 2.0 IDPSSODescriptor elements; IAM Identity Center ` +
                `would use one of them, with its own sign-in URL and certificates, and which one is not defined. Give the ` +
                `metadata of the one Access application.`,
        );
    }
    return saml2[0];
}

/** The distinct local names of `parent`'s child elements, at most 10 shown: for a message. */
function childNames(parent: Element): string {
    const names = new Set<string>();
    let more = false;
    for (let node = parent.firstChild; node; node = node.nextSibling) {
        if (node.nodeType !== ELEMENT_NODE) continue;
        if (names.size >= 10 && !names.has(String(node.localName))) {
            more = true;
            break;
        }
        names.add(String(node.localName));
    }
    if (names.size === 0) return "no child elements";
    return [...names].map((n) => excerptText(n, 60)).join(", ") + (more ? " and more" : "");
}

/**
 * The SSO URL: every SingleSignOnService Location, in any binding, must be the same URL, and the expected one when
 * given. AWS sends sign-in requests to the Location of the binding it uses, so a second URL would send people
 * somewhere else than the Access application.
 */
function singleSignOnUrl(idp: Element, expectedUrl: string | undefined): string {
    const services = limitedChildren(idp, "SingleSignOnService", DOCUMENT_LIMITS.singleSignOnServices);
    const located = services
        .map((s) => ({ binding: attribute(s, "Binding"), location: attribute(s, "Location") ?? "" }))
        .filter((s) => s.location.trim() !== "");
    if (located.length === 0) {
        throw new Error(
            services.length === 0
                ? `SAML metadata: the IDPSSODescriptor has no SingleSignOnService element.`
                : `SAML metadata: none of the IDPSSODescriptor's ${services.length} SingleSignOnService elements has a Location.`,
        );
    }
    const locations = [...new Set(located.map((s) => s.location))];
    if (expectedUrl !== undefined && !locations.includes(expectedUrl)) {
        throw new Error(
            `SAML metadata: ssoUrl mismatch: expected ${quoteText(expectedUrl)} but the document's SingleSignOnService ` +
                `Locations are ${quoteList(locations)}.`,
        );
    }
    const chosen = expectedUrl ?? locations[0];
    const other = located.find((s) => s.location !== chosen);
    if (other) {
        const binding = other.binding === undefined ? "no Binding" : `Binding ${quoteText(other.binding)}`;
        throw new Error(
            `SAML metadata: the SingleSignOnService Locations differ: ${quoteText(other.location)} (${binding}) besides ` +
                `${quoteText(chosen)}${expectedUrl === undefined ? "" : " (the expected SSO URL)"}; IAM Identity Center would ` +
                `send sign-in requests of that binding to ${quoteText(other.location)}, so the document is ambiguous. ` +
                `Every SingleSignOnService must point at the Access application's SSO endpoint.`,
        );
    }
    return chosen;
}

/** Reads every signing certificate and picks the one IAM Identity Center will verify sign-ins with. */
function signingCertificate(idp: Element, expected: CertificateFacts | undefined, now: Date): CertificateFacts {
    const keyDescriptors = limitedChildren(idp, "KeyDescriptor", DOCUMENT_LIMITS.keyDescriptors);
    // `use` absent means the key serves both purposes (SAML metadata 2.0 §2.4.1.1).
    const signing = keyDescriptors.filter((k) => {
        const use = attribute(k, "use");
        return use === undefined || use === "signing";
    });
    const texts: string[] = [];
    for (const k of signing) {
        const elements = k.getElementsByTagNameNS(XML_DSIG_NS, "X509Certificate");
        for (let i = 0; i < elements.length; i++) {
            texts.push(elements[i].textContent ?? "");
        }
    }
    if (texts.length === 0) {
        throw new Error(
            `SAML metadata: the IDPSSODescriptor has no signing certificate: ${missingCertificateReason(keyDescriptors, signing)}.`,
        );
    }
    const certificates = texts.map((text, i) =>
        readCertificate(
            text,
            texts.length === 1 ? "SAML metadata: signing certificate" : `SAML metadata: signing certificate ${i + 1} of ${texts.length}`,
        ),
    );
    return expected ? expectedCertificateIn(certificates, expected, now) : latestValidCertificate(certificates, now);
}

/** Why no signing certificate was found, as a sentence fragment. */
function missingCertificateReason(keyDescriptors: Element[], signing: Element[]): string {
    if (keyDescriptors.length === 0) return "it has no KeyDescriptor element";
    if (signing.length === 0) {
        const uses = [...new Set(keyDescriptors.map((k) => attribute(k, "use")))];
        return `its KeyDescriptor elements have use=${uses.map((u) => quoteText(u)).join(", use=")} only`;
    }
    return "its signing KeyDescriptor elements hold no X509Certificate";
}

/** The certificate equal to `expected`, which must be present and valid at `now`. */
function expectedCertificateIn(certificates: CertificateFacts[], expected: CertificateFacts, now: Date): CertificateFacts {
    const match = certificates.find((c) => c.pem === expected.pem);
    if (!match) {
        throw new Error(
            `SAML metadata: the expected signing certificate (SHA-256 ${expected.sha256}) is not in the document, ` +
                `which has SHA-256 ${certificates.map((c) => c.sha256).join(", ")}.`,
        );
    }
    const invalid = validityProblem(match, now);
    if (invalid) {
        throw new Error(`SAML metadata: the signing certificate ${invalid}.`);
    }
    return match;
}

/** The currently valid certificate with the latest notAfter; the first in document order on a tie. */
function latestValidCertificate(certificates: CertificateFacts[], now: Date): CertificateFacts {
    let chosen: CertificateFacts | undefined;
    for (const c of certificates) {
        // Strictly later, so that a tie keeps the first in document order.
        if (!validityProblem(c, now) && (!chosen || Date.parse(c.notAfter) > Date.parse(chosen.notAfter))) {
            chosen = c;
        }
    }
    if (!chosen) {
        if (certificates.length === 1) {
            throw new Error(`SAML metadata: the signing certificate ${validityProblem(certificates[0], now)}.`);
        }
        throw new Error(
            `SAML metadata: none of the ${certificates.length} signing certificates is valid at ${now.toISOString()}: ` +
                `${certificates.map((c) => validityProblem(c, now)).join("; ")}.`,
        );
    }
    return chosen;
}

/** Why the certificate is not valid at `now`, as a sentence fragment, or undefined when it is. */
function validityProblem(certificate: CertificateFacts, now: Date): string | undefined {
    if (now.getTime() > Date.parse(certificate.notAfter)) {
        return `SHA-256 ${certificate.sha256} expired on ${certificate.notAfter}`;
    }
    if (now.getTime() < Date.parse(certificate.notBefore)) {
        return `SHA-256 ${certificate.sha256} is not valid until ${certificate.notBefore}`;
    }
    return undefined;
}

/** Child elements in the SAML metadata namespace with this local name, whatever their prefix; at most `max`. */
function metadataChildren(parent: Element, localName: string, max = Infinity): Element[] {
    const found: Element[] = [];
    for (let node: Node | null = parent.firstChild; node && found.length < max; node = node.nextSibling) {
        if (node.nodeType === ELEMENT_NODE && node.namespaceURI === SAML_METADATA_NS && node.localName === localName) {
            found.push(node as Element);
        }
    }
    return found;
}

/** An unqualified attribute's value (SAML metadata attributes carry no namespace), or undefined when absent. */
function attribute(element: Element, name: string): string | undefined {
    const attr = element.attributes.getNamedItemNS(null, name);
    return attr ? attr.value : undefined;
}

function describeElement(element: Element): string {
    const ns = element.namespaceURI ? `in namespace ${quoteText(element.namespaceURI)}` : "in no namespace";
    return `${quoteText(element.localName)} ${ns}`;
}

/** Child elements as metadataChildren finds them, refusing more than `limit` (counted up to limit + 1 only). */
function limitedChildren(parent: Element, localName: string, limit: number): Element[] {
    const found = metadataChildren(parent, localName, limit + 1);
    if (found.length > limit) {
        throw new Error(
            `SAML metadata: the IDPSSODescriptor has more than ${limit} ${localName} elements; Access for SaaS publishes ` +
                `one or two, so the document is refused rather than examined further.`,
        );
    }
    return found;
}

/** How many child elements in the SAML metadata namespace with this local name `parent` has. */
function countChildren(parent: Element, localName: string): number {
    return metadataChildren(parent, localName).length;
}

/**
 * Why the document's shape asks for more work than any metadata needs (see DOCUMENT_LIMITS), or undefined. One
 * linear scan over the text that stops at the first limit passed; it skips comments, CDATA sections and processing
 * instructions, honours quotes inside tags, and leaves anything malformed to the parser, which runs only after it.
 */
function documentShapeProblem(text: string): string | undefined {
    let references = 0;
    for (let i = text.indexOf("&"); i >= 0; i = text.indexOf("&", i + 1)) {
        if (++references > DOCUMENT_LIMITS.references) {
            return `the document has more than ${DOCUMENT_LIMITS.references} entity or character references; SAML metadata for one application needs far fewer, so it is refused before parsing rather than examined further.`;
        }
    }
    const counts = { elements: 0, depth: 0, maxDepth: 0, namespaces: 0 };
    for (let i = text.indexOf("<"); i >= 0; i = text.indexOf("<", i)) {
        const skip = skippedSection(text, i);
        if (skip !== undefined) {
            if (skip < 0) return undefined;
            counts.elements++;
            const problem = shapeLimitProblem(counts, 0);
            if (problem) return problem;
            i = skip;
            continue;
        }
        if (text[i + 1] === "/") {
            counts.depth--;
            i += 2;
            continue;
        }
        const tag = startTag(text, i);
        if (tag === undefined) return undefined;
        counts.elements++;
        counts.namespaces += tag.namespaces;
        if (!tag.selfClosing) counts.maxDepth = Math.max(counts.maxDepth, ++counts.depth);
        const problem = shapeLimitProblem(counts, tag.attributes);
        if (problem) return problem;
        i = tag.end;
    }
    return undefined;
}

/** Where a comment, CDATA section, processing instruction or declaration at `i` ends: -1 when unterminated. */
function skippedSection(text: string, i: number): number | undefined {
    const sections: [string, string][] = [
        ["<!--", "-->"],
        ["<![CDATA[", "]]>"],
        ["<?", "?>"],
        ["<!", ">"],
    ];
    for (const [open, close] of sections) {
        if (text.startsWith(open, i)) {
            const end = text.indexOf(close, i + open.length);
            return end < 0 ? -1 : end + close.length;
        }
    }
    return undefined;
}

/** The start tag at `i`: where it ends, its attribute and namespace declaration counts; undefined when unterminated. */
function startTag(text: string, i: number): { end: number; attributes: number; namespaces: number; selfClosing: boolean } | undefined {
    let quote = "";
    let attributes = 0;
    let namespaces = 0;
    for (let j = i + 1; j < text.length; j++) {
        const c = text[j];
        if (quote) {
            if (c === quote) quote = "";
        } else if (c === '"' || c === "'") {
            quote = c;
        } else if (c === "=") {
            attributes++;
            if (/\sxmlns(?::[^\s=]*)?\s*$/.test(text.slice(Math.max(i, j - 80), j))) namespaces++;
        } else if (c === ">") {
            return { end: j + 1, attributes, namespaces, selfClosing: text[j - 1] === "/" };
        }
    }
    return undefined;
}

function shapeLimitProblem(counts: { elements: number; maxDepth: number; namespaces: number }, attributes: number): string | undefined {
    const limits = DOCUMENT_LIMITS;
    const over = (what: string): string =>
        `the document has ${what}; SAML metadata for one application needs far fewer, so it is refused ` +
        `before parsing rather than examined further.`;
    if (counts.elements > limits.elements) return over(`more than ${limits.elements} elements, comments and other nodes`);
    if (counts.maxDepth > limits.depth) return over(`elements nested more than ${limits.depth} deep`);
    if (attributes > limits.attributesPerElement) {
        return over(`an element with more than ${limits.attributesPerElement} attributes`);
    }
    if (counts.namespaces > limits.namespaceDeclarations) {
        return over(`more than ${limits.namespaceDeclarations} namespace declarations`);
    }
    return undefined;
}
