// Builds SAML 2.0 IdP metadata the way Cloudflare Access is expected to publish it (docs/cloudflare.md), with knobs
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
    /** SingleSignOnService elements to emit instead of `bindings` x `ssoUrl`; an undefined location omits the attribute. */
    ssoServices?: { binding: string; location?: string }[];
    /** Leave out the entityID attribute. */
    omitEntityId?: boolean;
    /** Value of protocolSupportEnumeration (default the SAML 2.0 protocol); null omits the attribute. */
    protocolSupportEnumeration?: string | null;
    /** Local name of the role descriptor (default "IDPSSODescriptor"), e.g. "SPSSODescriptor". */
    roleDescriptor?: string;
    /** base64 DER bodies emitted first, one KeyDescriptor use="encryption" each. */
    encryptionCertificates?: string[];
    /** Raw text between the XML declaration and the root element: comments, processing instructions, a DOCTYPE. */
    prolog?: string;
    /** Raw XML inserted as the first content of the role descriptor. */
    descriptorPrefix?: string;
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
    const signingUse = options.useSigning === false ? "" : ` use="signing"`;
    const keyDescriptors = [
        ...(options.encryptionCertificates ?? []).map((c) => ({ c, use: ` use="encryption"` })),
        ...options.certificates.map((c) => ({ c, use: signingUse })),
    ];
    const keys = keyDescriptors
        .map(
            ({ c, use }) =>
                `    <${el("KeyDescriptor")}${use}>${nl}` +
                `      <${d("KeyInfo")} ${dsNs}>${nl}` +
                `        <${d("X509Data")}><${d("X509Certificate")}>${wrap(c)}</${d("X509Certificate")}></${d("X509Data")}>${nl}` +
                `      </${d("KeyInfo")}>${nl}` +
                `    </${el("KeyDescriptor")}>${nl}`,
        )
        .join("");
    const services =
        options.ssoServices ?? (options.bindings ?? [HTTP_REDIRECT, HTTP_POST]).map((binding) => ({ binding, location: options.ssoUrl }));
    const sso = services
        .map(
            (s) =>
                `    <${el("SingleSignOnService")} Binding="${s.binding}"${s.location === undefined ? "" : ` Location="${s.location}"`}/>${nl}`,
        )
        .join("");
    const role = options.roleDescriptor ?? "IDPSSODescriptor";
    const protocols =
        options.protocolSupportEnumeration === undefined ? "urn:oasis:names:tc:SAML:2.0:protocol" : options.protocolSupportEnumeration;
    const protocolAttribute = protocols === null ? "" : ` protocolSupportEnumeration="${protocols}"`;
    const entityIdAttribute = options.omitEntityId ? "" : ` entityID="${options.entityId}"`;
    const text =
        `<?xml version="1.0" encoding="UTF-8"?>${nl}` +
        (options.prolog ?? "") +
        `<${el("EntityDescriptor")} ${mdNs}${entityIdAttribute}>${nl}` +
        `  <${el(role)} WantAuthnRequestsSigned="true"${protocolAttribute}>${nl}` +
        (options.descriptorPrefix ?? "") +
        keys +
        `    <${el("NameIDFormat")}>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</${el("NameIDFormat")}>${nl}` +
        sso +
        `  </${el(role)}>${nl}` +
        `</${el("EntityDescriptor")}>${nl}`;
    return (options.bom ? "\uFEFF" : "") + text;
}
