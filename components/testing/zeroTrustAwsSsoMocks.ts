// Pulumi mocks for a consumer's own unit tests: `pulumi.runtime.setMocks(zeroTrustAwsSsoMocks())` and their program
// runs offline, in preview and in deploy mode, with plausible values where this package's resources have computed
// ones. Everything else goes to the consumer's own mocks (`fallback`).
//
// The values are computed as the real services would compute them, without any network connection: the Access
// application gets a team-domain SSO endpoint, an entity ID and a real generated signing certificate; SamlMetadata
// gets the outputs the real provider would return for a metadata document carrying that certificate, computed by the
// provider's own code (samlMetadataState) from a generated document, so fingerprint and expiry match the certificate.
import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { checkSamlMetadataInputs, samlMetadataState, type SamlMetadataInputs } from "../metadata/samlMetadataRetrieval";
import { readCertificate } from "../metadata/signingCertificate";
import { mockMetadataDocument, mockSigningCertificate, type MockSigningCertificate } from "./mockSigningCertificate";

/** The type token of a Cloudflare Access application, as mocks see it. */
export const ACCESS_APPLICATION_TYPE = "cloudflare:index/zeroTrustAccessApplication:ZeroTrustAccessApplication";
/** The type token of {@link SamlMetadata}, as mocks see it. */
export const SAML_METADATA_TYPE = "pulumi-nodejs:dynamic/zero-trust-aws-sso:SamlMetadata";
/** The token of `aws.ssoadmin.getInstances`, which the component calls when no Identity Center instance is given. */
export const GET_INSTANCES_TOKEN = "aws:ssoadmin/getInstances:getInstances";

/** Options of {@link zeroTrustAwsSsoMocks}. Every field is optional. */
export interface ZeroTrustAwsSsoMocksOptions {
    /**
     * The Cloudflare team domain the Access application's URLs are on. Default `example.cloudflareaccess.com`.
     * Keep it under `*.cloudflareaccess.com`, or list it in the component's `metadata.allowedHosts`.
     */
    teamDomain?: string;
    /**
     * The identity store id `aws.ssoadmin.getInstances` answers with. Default `d-9067a1b2c3`. When your program
     * lets the component look the instance up, use the `d-xxxxxxxxxx` of your `awsIssuerUrl`: the component checks
     * that they agree.
     */
    identityStoreId?: string;
    /** The instance ARN `aws.ssoadmin.getInstances` answers with. Default `arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6`. */
    instanceArn?: string;
    /**
     * How many days the generated signing certificate is valid (from one day ago). Default 365. Below 30 the
     * metadata reports an "expires soon" warning, as the real provider would.
     */
    certificateValidityDays?: number;
    /**
     * Your own mocks, for every other resource and call. Default: resources return their inputs as state with
     * the id `<name>_id`, and calls return their inputs.
     */
    fallback?: pulumi.runtime.Mocks;
}

type MockResult = { id: string | undefined; state: Record<string, unknown> };

/**
 * Pulumi mocks for programs that use `ZeroTrustAwsSso` or `SamlMetadata`: pass the result to
 * `pulumi.runtime.setMocks(mocks, project, stack, preview)` before the program is loaded.
 *
 * - `ZeroTrustAccessApplication`: the inputs plus `aud`, and `saasApp.ssoEndpoint`, `saasApp.idpEntityId` on
 *   `https://<teamDomain>/...` and `saasApp.publicKey` (a real, unexpired, generated certificate, PEM);
 * - `SamlMetadata`: `xml` (a metadata document carrying that certificate), `entityId`, `ssoUrl`,
 *   `signingCertificate`, `signingCertificateSha256`, `signingCertificateNotAfter`, `warnings`, `fetchedFrom`, as the
 *   real provider computes them, and its checks (the expected entity ID, SSO URL and certificate must match);
 * - `aws.ssoadmin.getInstances`: one instance;
 * - everything else: `options.fallback`.
 *
 * No network connection is made. One certificate is generated per call of this function, on first use.
 */
export function zeroTrustAwsSsoMocks(options: ZeroTrustAwsSsoMocksOptions = {}): pulumi.runtime.Mocks {
    const settings = checkedOptions(options);
    let certificate: MockSigningCertificate | undefined;
    const signingCertificate = (): MockSigningCertificate =>
        (certificate ??= mockSigningCertificate(settings.teamDomain, settings.certificateValidityDays));
    const fallback = options.fallback ?? ECHO_MOCKS;
    const mocks: pulumi.runtime.Mocks = {
        newResource(args: pulumi.runtime.MockResourceArgs) {
            if (args.type === ACCESS_APPLICATION_TYPE) return accessApplication(args, settings.teamDomain, signingCertificate());
            if (args.type === SAML_METADATA_TYPE) return samlMetadata(args, signingCertificate());
            return fallback.newResource(args);
        },
        call(args: pulumi.runtime.MockCallArgs) {
            if (args.token === GET_INSTANCES_TOKEN) {
                return { id: "mock-region", arns: [settings.instanceArn], identityStoreIds: [settings.identityStoreId] };
            }
            return fallback.call(args);
        },
    };
    if (fallback.registerTransform) mocks.registerTransform = (transform) => fallback.registerTransform!(transform);
    if (fallback.registerInvokeTransform) mocks.registerInvokeTransform = (transform) => fallback.registerInvokeTransform!(transform);
    return mocks;
}

/** The common "echo the inputs" mocks of Pulumi's testing guide. */
const ECHO_MOCKS: pulumi.runtime.Mocks = {
    newResource: (args) => ({ id: `${args.name}_id`, state: args.inputs }),
    call: (args) => args.inputs,
};

function checkedOptions(options: ZeroTrustAwsSsoMocksOptions): Required<Omit<ZeroTrustAwsSsoMocksOptions, "fallback">> {
    const settings = {
        teamDomain: options.teamDomain ?? "example.cloudflareaccess.com",
        identityStoreId: options.identityStoreId ?? "d-9067a1b2c3",
        instanceArn: options.instanceArn ?? "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6",
        certificateValidityDays: options.certificateValidityDays ?? 365,
    };
    const problem = (field: string, reason: string): Error => new Error(`zeroTrustAwsSsoMocks: options.${field} ${reason}`);
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(settings.teamDomain)) {
        throw problem("teamDomain", `"${settings.teamDomain}" is not a host name; give it as <team>.cloudflareaccess.com.`);
    }
    if (!/^d-[0-9a-f]{10}$/.test(settings.identityStoreId)) {
        throw problem("identityStoreId", `"${settings.identityStoreId}" is not an identity store id; give it as d- and 10 hex digits.`);
    }
    if (!Number.isInteger(settings.certificateValidityDays) || settings.certificateValidityDays < 1) {
        throw problem("certificateValidityDays", "must be a whole number of days, at least 1.");
    }
    return settings;
}

/** The application's state: its inputs plus what Cloudflare computes for a SAML SaaS application. */
function accessApplication(args: pulumi.runtime.MockResourceArgs, teamDomain: string, certificate: MockSigningCertificate): MockResult {
    const inputs = args.inputs as Record<string, unknown>;
    const aud = createHash("sha256").update(`${teamDomain}/${args.name}`).digest("hex");
    const saasApp = {
        ...((inputs.saasApp as Record<string, unknown> | undefined) ?? {}),
        ssoEndpoint: `https://${teamDomain}/cdn-cgi/access/sso/saml/${aud}`,
        idpEntityId: `https://${teamDomain}/${aud}`,
        publicKey: certificate.pem,
    };
    return { id: uuidFrom(aud), state: { ...inputs, aud, saasApp } };
}

/**
 * SamlMetadata's state for a document at `url` carrying the application's certificate. While the url is not known
 * (a preview in which the application's values are unknown) only the inputs come back, as a real preview would.
 */
function samlMetadata(args: pulumi.runtime.MockResourceArgs, certificate: MockSigningCertificate): MockResult {
    const inputs = args.inputs as Record<string, unknown>;
    const url = inputs.url;
    if (typeof url !== "string") return { id: undefined, state: inputs };
    // The provider's own check, as the engine runs it before create: a url outside allowedHosts fails here too.
    const { failures } = checkSamlMetadataInputs(inputs);
    if (failures.length > 0) {
        throw new Error(`SamlMetadata "${args.name}": ${failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
    }
    const ssoUrl = stringOr(inputs.expectedSsoUrl, url.replace(/\/saml-metadata$/, ""));
    const entityId = stringOr(inputs.expectedEntityId, ssoUrl);
    // Cloudflare serves the application's certificate, which is what expectedCertificate names when it is given.
    const expected = stringOr(inputs.expectedCertificate, "");
    const body = expected ? readCertificate(expected, "expectedCertificate").pem.replace(/-----[A-Z ]+-----|\s/g, "") : certificate.base64;
    const xml = mockMetadataDocument(entityId, ssoUrl, body);
    const state = samlMetadataState(inputs as unknown as SamlMetadataInputs, xml, url, true);
    return { id: url, state: { ...inputs, ...state } };
}

function stringOr(value: unknown, otherwise: string): string {
    return typeof value === "string" && value !== "" ? value : otherwise;
}

function uuidFrom(hex: string): string {
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
