// Builds SAML 2.0 IdP metadata the way Cloudflare Access is expected to publish it (REFERENCE.md §2), with knobs
// for the real-world variety a parser must accept: namespace prefixes, rotation, formatting.

/** What goes into a generated metadata document. */
export interface MetadataDocumentOptions {
    entityId: string;
    ssoUrl: string;
    /** base64 DER bodies, one KeyDescriptor each. */
    certificates: string[];
    /** Namespace prefix for the metadata elements: "md" (default), "" for a default namespace, or any other. */
    prefix?: string;
    /** Prefix for the XML-DSig elements (default "ds"). */
    dsPrefix?: string;
    /** Put `use="signing"` on the KeyDescriptors (default true). */
    useSigning?: boolean;
    /** Wrap base64 certificate text at this many characters (default: no wrapping). */
    wrapCertificateAt?: number;
    /** Line ending (default "\n"). */
    newline?: string;
    /** Prepend a UTF-8 byte order mark. */
    bom?: boolean;
    /** SingleSignOnService bindings to emit (default Redirect and POST). */
    bindings?: string[];
}

export const HTTP_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
export const HTTP_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

/** Renders an IdP metadata document. */
export function metadataDocument(options: MetadataDocumentOptions): string {
    const p = options.prefix === undefined ? "md" : options.prefix;
    const ds = options.dsPrefix ?? "ds";
    const el = (name: string): string => (p ? `${p}:${name}` : name);
    const d = (name: string): string => (ds ? `${ds}:${name}` : name);
    const nl = options.newline ?? "\n";
    const mdNs = p ? `xmlns:${p}="urn:oasis:names:tc:SAML:2.0:metadata"` : `xmlns="urn:oasis:names:tc:SAML:2.0:metadata"`;
    const dsNs = ds ? `xmlns:${ds}="http://www.w3.org/2000/09/xmldsig#"` : `xmlns="http://www.w3.org/2000/09/xmldsig#"`;
    const wrap = (b64: string): string => {
        const width = options.wrapCertificateAt;
        if (!width) return b64;
        const lines = b64.match(new RegExp(`.{1,${width}}`, "g")) ?? [];
        return nl + lines.join(nl) + nl;
    };
    const use = options.useSigning === false ? "" : ` use="signing"`;
    const keys = options.certificates
        .map(
            (c) =>
                `    <${el("KeyDescriptor")}${use}>${nl}` +
                `      <${d("KeyInfo")} ${dsNs}>${nl}` +
                `        <${d("X509Data")}><${d("X509Certificate")}>${wrap(c)}</${d("X509Certificate")}></${d("X509Data")}>${nl}` +
                `      </${d("KeyInfo")}>${nl}` +
                `    </${el("KeyDescriptor")}>${nl}`,
        )
        .join("");
    const sso = (options.bindings ?? [HTTP_REDIRECT, HTTP_POST])
        .map((b) => `    <${el("SingleSignOnService")} Binding="${b}" Location="${options.ssoUrl}"/>${nl}`)
        .join("");
    const text =
        `<?xml version="1.0" encoding="UTF-8"?>${nl}` +
        `<${el("EntityDescriptor")} ${mdNs} entityID="${options.entityId}">${nl}` +
        `  <${el("IDPSSODescriptor")} WantAuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${nl}` +
        keys +
        `    <${el("NameIDFormat")}>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</${el("NameIDFormat")}>${nl}` +
        sso +
        `  </${el("IDPSSODescriptor")}>${nl}` +
        `</${el("EntityDescriptor")}>${nl}`;
    return (options.bom ? "\uFEFF" : "") + text;
}
