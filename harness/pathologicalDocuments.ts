// Metadata documents of about 1 MiB (the provider's size cap) shaped to make a parser or a validator work hard: many
// distinct sibling names, many SingleSignOnService or KeyDescriptor entries, a huge attribute value, deep nesting,
// many attributes. Shared by tests/pathologicalMetadata.test.ts (what the package answers) and
// bench/pathological.ts (how long it takes), so both judge the very same bytes.
import { MAX_METADATA_BYTES } from "../components/metadata/metadataFetch";
import { HTTP_POST, HTTP_REDIRECT } from "./metadataDocument";

const MD = "urn:oasis:names:tc:SAML:2.0:metadata";
const DS = "http://www.w3.org/2000/09/xmldsig#";
const PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";

/** One pathological document and what it stresses. */
export interface PathologicalDocument {
    name: string;
    xml: string;
}

/** Repeats `unit(i)` until the document would pass `budget` bytes. */
function fill(budget: number, unit: (i: number) => string): string {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < budget; i++) {
        const part = unit(i);
        parts.push(part);
        size += Buffer.byteLength(part);
    }
    return parts.join("");
}

function keyDescriptor(base64: string): string {
    return (
        `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="${DS}"><ds:X509Data>` +
        `<ds:X509Certificate>${base64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`
    );
}

function entity(entityId: string, inner: string): string {
    return `<?xml version="1.0" encoding="UTF-8"?>\n<md:EntityDescriptor xmlns:md="${MD}" entityID="${entityId}">${inner}</md:EntityDescriptor>\n`;
}

function idp(inner: string): string {
    return `<md:IDPSSODescriptor protocolSupportEnumeration="${PROTOCOL}">${inner}</md:IDPSSODescriptor>`;
}

/**
 * The documents, each just under `size` bytes (default the 1 MiB cap, so the fetcher would accept every one).
 * `certificate` is the base64 DER of a valid signing certificate; `ssoUrl` and `entityId` the expected values.
 */
export function pathologicalDocuments(
    options: { entityId: string; ssoUrl: string; certificate: string },
    size: number = MAX_METADATA_BYTES,
): PathologicalDocument[] {
    const { entityId, ssoUrl, certificate } = options;
    const key = keyDescriptor(certificate);
    const sso = (binding: string, location: string): string => `<md:SingleSignOnService Binding="${binding}" Location="${location}"/>`;
    const budget = size - 4096;
    return [
        {
            name: "many distinct sibling names (no IDPSSODescriptor)",
            xml: entity(
                entityId,
                fill(budget, (i) => `<x${i}/>`),
            ),
        },
        {
            name: "many distinct sibling names before a valid IDPSSODescriptor",
            xml: entity(entityId, fill(budget, (i) => `<x${i}/>`) + idp(key + sso(HTTP_REDIRECT, ssoUrl))),
        },
        {
            name: "many SingleSignOnService, all the expected URL",
            xml: entity(entityId, idp(key + fill(budget, () => sso(HTTP_POST, ssoUrl)))),
        },
        {
            name: "many SingleSignOnService, all distinct",
            xml: entity(entityId, idp(key + fill(budget, (i) => sso(HTTP_POST, `${ssoUrl}/${i}`)))),
        },
        {
            name: "many KeyDescriptor with the same certificate",
            xml: entity(entityId, idp(fill(budget, () => key) + sso(HTTP_REDIRECT, ssoUrl))),
        },
        {
            name: "many KeyDescriptor with use=encryption",
            xml: entity(entityId, idp(fill(budget, () => key.replace('use="signing"', 'use="encryption"')) + sso(HTTP_REDIRECT, ssoUrl))),
        },
        {
            name: "many IDPSSODescriptor",
            xml: entity(
                entityId,
                fill(budget, () => idp(sso(HTTP_REDIRECT, ssoUrl))),
            ),
        },
        {
            name: "a 1 MiB entityID attribute",
            xml: entity(`${entityId}/${"a".repeat(budget)}`, idp(key + sso(HTTP_REDIRECT, ssoUrl))),
        },
        {
            name: "a 1 MiB SingleSignOnService Location",
            xml: entity(entityId, idp(key + sso(HTTP_REDIRECT, `${ssoUrl}/${"a".repeat(budget)}`))),
        },
        {
            name: "deep nesting in an extension",
            xml: entity(
                entityId,
                `<md:Extensions>${"<n>".repeat(Math.floor(budget / 7))}${"</n>".repeat(Math.floor(budget / 7))}</md:Extensions>` +
                    idp(key + sso(HTTP_REDIRECT, ssoUrl)),
            ),
        },
        {
            name: "many attributes on one element",
            xml: entity(
                entityId,
                `<md:Extensions><e ${fill(budget, (i) => `a${i}="v" `)}/></md:Extensions>` + idp(key + sso(HTTP_REDIRECT, ssoUrl)),
            ),
        },
        {
            name: "many namespace declarations, nested",
            xml: entity(entityId, `<md:Extensions>${nestedNamespaces(budget)}</md:Extensions>` + idp(key + sso(HTTP_REDIRECT, ssoUrl))),
        },
        {
            name: "1990 distinct sibling names with long attributes (under the element limit)",
            xml: entity(
                entityId,
                Array.from({ length: 1990 }, (_, i) => `<x${i} a="${"v".repeat(Math.floor(budget / 1990) - 20)}"/>`).join(""),
            ),
        },
        {
            name: "17 SingleSignOnService (one over the per-kind limit), long Locations",
            xml: entity(entityId, idp(key + Array.from({ length: 17 }, () => sso(HTTP_POST, `${ssoUrl}?${"q".repeat(50000)}`)).join(""))),
        },
        {
            name: "17 KeyDescriptor (one over the per-kind limit)",
            xml: entity(entityId, idp(Array.from({ length: 17 }, () => key).join("") + sso(HTTP_REDIRECT, ssoUrl))),
        },
        {
            name: "many comments",
            xml: entity(entityId, fill(budget, () => "<!-- x -->") + idp(key + sso(HTTP_REDIRECT, ssoUrl))),
        },
        {
            name: "many character references in a text node",
            xml: entity(
                entityId,
                `<md:Extensions><t>${fill(budget, () => "&#x41;&amp;")}</t></md:Extensions>` + idp(key + sso(HTTP_REDIRECT, ssoUrl)),
            ),
        },
    ];
}

// `<p0:e xmlns:p0="urn:x:0"><p1:e ...>...</p1:e></p0:e>`: every level declares a new prefix.
function nestedNamespaces(budget: number): string {
    const open: string[] = [];
    const close: string[] = [];
    let size = 0;
    for (let i = 0; size < budget; i++) {
        open.push(`<p${i}:e xmlns:p${i}="urn:x:${i}">`);
        close.push(`</p${i}:e>`);
        size += open[i].length + close[i].length;
    }
    return open.join("") + close.reverse().join("");
}
