// ZeroTrustAwsSso, the package's component. The class is thin on purpose: planZeroTrustAwsSso (plan/) validates and
// normalises the arguments into a plan, and the declare* functions of each concern (access/, metadata/,
// identityCenter/) create the children from it; this file only wires their outputs together (docs/design.md).
import * as pulumi from "@pulumi/pulumi";
import type * as cloudflare from "@pulumi/cloudflare";
import type { AccessMismatches } from "./access/accessMismatches";
import { declareAccess, type Gate } from "./access/declareAccess";
import { DEFAULT_APP_NAME } from "./access/accessPlan";
import { parseAwsAccessPortalUrl } from "./identityCenter/awsUrls";
import { declarePlannedIdentityCenter, locateInstance, type IdentityCenterResources } from "./identityCenter/identityCenter";
import { reportedOnceError, unknownValue } from "./computedValues";
import { InvalidArgumentError, InvalidArgumentsError } from "./invalidArgumentError";
import { declareDynamicSamlMetadata, declareMetadata, type DeclareSamlMetadata, type SamlMetadataChild } from "./metadata/declareMetadata";
import type { SamlMetadata } from "./metadata/samlMetadata";
import { checkLateValues, planZeroTrustAwsSso, scimValuesOf, type ZeroTrustAwsSsoPlan } from "./plan/zeroTrustAwsSsoPlan";
import { renderAwsSetupSteps } from "./runbook/awsSetupSteps";
import { scimTokenWarning } from "./scim/scimValueChecks";
import type { ScimValues } from "./scim/scimPlan";
import { quoteSecret, quoteText } from "./safeText";
import type { ZeroTrustAwsSsoArgs } from "./zeroTrustAwsSsoArgs";

/** The SamlMetadata resource type, as mocks see it. */
const METADATA_TYPE = "pulumi-nodejs:dynamic/zero-trust-aws-sso:SamlMetadata";

/** The metadata resource's outputs the runbook quotes; the real provider always returns them. */
const REQUIRED_METADATA_VALUES = ["url", "entityId", "ssoUrl", "signingCertificateSha256", "signingCertificateNotAfter"] as const;

/** The component's Pulumi type token. */
export const ZERO_TRUST_AWS_SSO_TYPE = "zero-trust-aws-sso:index:ZeroTrustAwsSso";

/**
 * Cloudflare Zero Trust in front of AWS IAM Identity Center, as in Cloudflare's guide "Connect to AWS through
 * Access": an Access for SaaS application (SAML, Name ID = email) for Identity Center, the Access policy that
 * decides who may sign in, and the application's SAML metadata, downloaded and validated, with the exact AWS
 * console steps that remain. Optionally manages the Identity Center users, groups, permission sets and account
 * assignments from the same list of people.
 *
 * Children: `<name>-policy` (unless only `access.policyIds` are given), `<name>-app`, `<name>-metadata`, and the
 * Identity Center resources, all parented to this component.
 */
export class ZeroTrustAwsSso extends pulumi.ComponentResource {
    /** The Access for SaaS application. */
    public readonly application: cloudflare.ZeroTrustAccessApplication;
    /** The reusable allow policy built from `access`; undefined when only `access.policyIds` are given. */
    public readonly policy?: cloudflare.ZeroTrustAccessPolicy;
    /** The downloaded, validated SAML metadata. */
    public readonly metadata: SamlMetadata;
    /** The Identity Center resources, when `identityCenter` is given. */
    public readonly identityCenter?: IdentityCenterResources;
    /** The Access application id. */
    public readonly applicationId: pulumi.Output<string>;
    /** The application's SAML SSO endpoint (`saasApp.ssoEndpoint`): the IdP sign-in URL AWS redirects to. */
    public readonly ssoEndpoint: pulumi.Output<string>;
    /** The IdP entity ID / issuer (`saasApp.idpEntityId`). */
    public readonly idpEntityId: pulumi.Output<string>;
    /** Where the metadata is published: `<ssoEndpoint>/saml-metadata`. */
    public readonly metadataUrl: pulumi.Output<string>;
    /** The metadata XML, exactly as Cloudflare serves it; upload it to IAM Identity Center. */
    public readonly metadataXml: pulumi.Output<string>;
    /** The SAML signing certificate, PEM. */
    public readonly signingCertificate: pulumi.Output<string>;
    /** Its SHA-256 fingerprint, uppercase colon-separated hex. */
    public readonly signingCertificateSha256: pulumi.Output<string>;
    /** Its expiry, ISO 8601 UTC. */
    public readonly signingCertificateNotAfter: pulumi.Output<string>;
    /** The AWS access portal URL: the given one, or `https://<identityStoreId>.awsapps.com/start` when known. */
    public readonly awsAccessPortalUrl: pulumi.Output<string | undefined>;
    /**
     * People allowed on one side only: `cloudflareOnly` pass the Access policy but have no Identity Center user;
     * `awsOnly` have a user the policy does not cover. Empty lists when `identityCenter` is not given, and with
     * `scim` (SCIM provisions the users, so there is no list to compare).
     */
    public readonly accessMismatches: pulumi.Output<AccessMismatches>;
    /** The remaining AWS console steps as Markdown, with every value filled in. */
    public readonly awsSetupSteps: pulumi.Output<string>;

    constructor(name: string, args: ZeroTrustAwsSsoArgs, opts?: pulumi.ComponentResourceOptions) {
        super(ZERO_TRUST_AWS_SSO_TYPE, name, {}, opts);
        const parts = createZeroTrustAwsSso(name, this, planOrFail(name, args, this), declareDynamicSamlMetadata);
        this.application = parts.application;
        this.policy = parts.policy;
        this.metadata = parts.metadata;
        this.identityCenter = parts.identityCenter;
        this.applicationId = parts.application.id;
        this.ssoEndpoint = parts.ssoEndpoint;
        this.idpEntityId = parts.idpEntityId;
        this.metadataUrl = parts.metadataUrl;
        this.metadataXml = parts.metadata.xml;
        this.signingCertificate = parts.metadata.signingCertificate;
        this.signingCertificateSha256 = parts.metadata.signingCertificateSha256;
        this.signingCertificateNotAfter = parts.metadata.signingCertificateNotAfter;
        this.awsAccessPortalUrl = parts.awsAccessPortalUrl;
        this.accessMismatches = parts.accessMismatches;
        this.awsSetupSteps = parts.awsSetupSteps;
        // The other outputs are carried by the children (application, metadata) already; registering them again
        // would only cost the SDK work per instance.
        this.registerOutputs(parts.registeredOutputs);
    }
}

/** What {@link createZeroTrustAwsSso} declared and derived. */
export interface ZeroTrustAwsSsoParts<M extends SamlMetadataChild = SamlMetadata> {
    application: cloudflare.ZeroTrustAccessApplication;
    policy?: cloudflare.ZeroTrustAccessPolicy;
    metadata: M;
    identityCenter?: IdentityCenterResources;
    ssoEndpoint: pulumi.Output<string>;
    idpEntityId: pulumi.Output<string>;
    metadataUrl: pulumi.Output<string>;
    awsAccessPortalUrl: pulumi.Output<string | undefined>;
    accessMismatches: pulumi.Output<AccessMismatches>;
    awsSetupSteps: pulumi.Output<string>;
    /** What the component registers as its outputs (both the class and the plugin pass this to `registerOutputs`). */
    registeredOutputs: RegisteredOutputs;
}

/**
 * The component's registered outputs: only what its children do not carry already. A value known at construction is
 * registered as the plain value: the SDK awaits every Output it serializes (a stack-capturing promise each), and the
 * state holds the same value either way (an undefined one is left out in both cases).
 */
export interface RegisteredOutputs {
    awsAccessPortalUrl: string | pulumi.Output<string> | undefined;
    accessMismatches: AccessMismatches;
    awsSetupSteps: pulumi.Output<string>;
}

/**
 * Declares every child of `parent` from `plan` and derives the component's own outputs. `declareMetadataChild`
 * picks the resource behind `<name>-metadata`: the class above passes the dynamic `SamlMetadata`; the plugin
 * (plugin/src) passes its custom resource. Not part of the npm package's API (components/index.ts does not export it).
 */
export function createZeroTrustAwsSso<M extends SamlMetadataChild>(
    name: string,
    parent: pulumi.Resource,
    plan: ZeroTrustAwsSsoPlan,
    declareMetadataChild: DeclareSamlMetadata<M>,
): ZeroTrustAwsSsoParts<M> {
    const { args } = plan;
    const instance = plan.identityCenter ? locateInstance(plan.identityCenter.args, parent) : undefined;
    const gate = lateGate(name, plan, instance?.identityStoreId, parent);
    const identityCenter =
        plan.identityCenter && instance
            ? declarePlannedIdentityCenter(
                  name,
                  plan.identityCenter.plan,
                  {
                      instanceArn: pulumi.output(gate(instance.instanceArn)),
                      identityStoreId: pulumi.output(gate(instance.identityStoreId)),
                  },
                  parent,
              )
            : undefined;
    const access = declareAccess(name, parent, args.accountId, plan.access, gate, plan.scim);
    const metadata = declareMetadata(name, parent, access.application, args.metadata, gate, declareMetadataChild);
    const portalUrl = accessPortalUrl(name, args.awsAccessPortalUrl, identityCenter, parent);
    warnAboutMismatches(plan.accessMismatches, parent);
    const awsSetupSteps = runbook(name, parent, plan, metadata.metadata, portalUrl);
    return {
        ...access,
        ...metadata,
        identityCenter,
        // pulumi.output() of an Output would copy it with one more apply.
        awsAccessPortalUrl: pulumi.Output.isInstance(portalUrl) ? portalUrl : pulumi.output(portalUrl),
        accessMismatches: pulumi.output(plan.accessMismatches),
        awsSetupSteps,
        registeredOutputs: { awsAccessPortalUrl: portalUrl, accessMismatches: plan.accessMismatches, awsSetupSteps },
    };
}

/** The plan, or a ResourceError on the component listing every bad argument (no child exists yet). */
function planOrFail(name: string, args: ZeroTrustAwsSsoArgs, parent: pulumi.Resource): ZeroTrustAwsSsoPlan {
    try {
        return planZeroTrustAwsSso(name, args);
    } catch (err) {
        throw asResourceError(name, err, parent);
    }
}

/**
 * A bad argument as the error Pulumi shows against the component: a ResourceError at construction, or, found after
 * construction by a late check, one {@link reportedOnceError} shared by every gated input. Other errors are bugs and
 * pass through unchanged.
 */
function asResourceError(name: string, err: unknown, parent: pulumi.Resource, late = false): unknown {
    if (!(err instanceof InvalidArgumentError || err instanceof InvalidArgumentsError)) return err;
    const message = `ZeroTrustAwsSso ${quoteText(name)}: ${err.message}`;
    return late ? reportedOnceError(message, parent) : new pulumi.ResourceError(message, parent);
}

/**
 * The gate: when a value checked by {@link checkLateValues} is an Output (the identity store id of a looked-up
 * instance among them), every child's account-bound inputs wait for that check, so a bad late value fails all
 * children instead of creating some of them. Without late values the gate lets inputs through untouched.
 */
function lateGate(
    name: string,
    plan: ZeroTrustAwsSsoPlan,
    identityStoreId: pulumi.Output<string> | undefined,
    parent: pulumi.Resource,
): Gate {
    if (!plan.hasLateValues && !identityStoreId) return (value) => value;
    const { accountId, awsIssuerUrl, awsAcsUrl } = plan.args;
    // The SCIM values (the token among them) are checked too; the check's result is `true`, never a value.
    const scim = pulumi.output(plan.args.scim && scimValuesOf(plan.args.scim)) as pulumi.Output<ScimValues | undefined>;
    // Which values are secrets is known only from their Outputs, not from the values inside the apply.
    const secret = pulumi.all([isSecretInput(accountId), isSecretInput(awsIssuerUrl), isSecretInput(awsAcsUrl)]);
    const checked = pulumi.unsecret(
        pulumi
            .all([accountId, awsIssuerUrl, awsAcsUrl, identityStoreId, scim, secret])
            .apply(([account, issuer, acs, storeId, scimValues, flags]) => {
                try {
                    checkLateValues({
                        accountId: account,
                        awsIssuerUrl: issuer,
                        awsAcsUrl: acs,
                        identityStoreId: storeId,
                        ...(scimValues ? { scim: scimValues } : {}),
                        secret: { accountId: flags[0], awsIssuerUrl: flags[1], awsAcsUrl: flags[2] },
                    });
                } catch (err) {
                    // One error object for every gated input, so the engine prints it once, first line naming the field.
                    throw asResourceError(name, err, parent, true);
                }
                return true;
            }),
    );
    return <T>(value: pulumi.Input<T>) => pulumi.all([checked, value]).apply(([, v]) => v as T);
}

/**
 * The given portal URL or the default: a plain string when given as one (the plan checked it), an Output checked
 * once it resolves (it only feeds the runbook, so it holds up no child), the Identity Center default, or undefined.
 */
function accessPortalUrl(
    name: string,
    given: pulumi.Input<string> | undefined,
    identityCenter: IdentityCenterResources | undefined,
    parent: pulumi.Resource,
): string | pulumi.Output<string> | undefined {
    if (typeof given === "string") return given;
    if (given !== undefined) {
        return pulumi.all([given, isSecretInput(given)]).apply(([url, secret]) => {
            try {
                parseAwsAccessPortalUrl(url, "awsAccessPortalUrl", secret ? quoteSecret : quoteText);
            } catch (err) {
                throw asResourceError(name, err, parent, true);
            }
            return url;
        });
    }
    return identityCenter?.identityStoreId.apply((id) => `https://${id}.awsapps.com/start`);
}

/** Whether an argument is a secret Output (`pulumi.secret(...)`, or derived from one); plain values never are. */
function isSecretInput(value: unknown): pulumi.Output<boolean> {
    return pulumi.Output.isInstance(value) ? pulumi.output(pulumi.isSecret(value)) : pulumi.output(false);
}

function warnAboutMismatches(mismatches: AccessMismatches, parent: pulumi.Resource): void {
    for (const email of mismatches.cloudflareOnly) {
        pulumi.log.warn(
            `${email} may pass the Access policy but has no IAM Identity Center user, so AWS will reject the sign-in; add them to identityCenter.users or remove them from access.emails.`,
            parent,
        );
    }
    for (const email of mismatches.awsOnly) {
        pulumi.log.warn(
            `${email} has an IAM Identity Center user but no Access rule allows them; add them to access.emails (or a matching access.emailDomains entry) or remove the user.`,
            parent,
        );
    }
}

// The runbook from the few values it needs: the metadata resource's outputs, the portal URL, and plan facts. One flat
// object, and plain values stay plain: the SDK pays an extra `apply` for every Output in it (a nested `all` included).
function runbook(
    name: string,
    parent: pulumi.Resource,
    plan: ZeroTrustAwsSsoPlan,
    metadata: SamlMetadataChild,
    portalUrl: string | pulumi.Output<string> | undefined,
): pulumi.Output<string> {
    const { args } = plan;
    const values = pulumi.output({
        url: metadata.url,
        entityId: metadata.entityId,
        ssoUrl: metadata.ssoUrl,
        signingCertificateSha256: metadata.signingCertificateSha256,
        signingCertificateNotAfter: metadata.signingCertificateNotAfter,
        warnings: metadata.warnings,
        awsAccessPortalUrl: portalUrl,
        scim: scimFacts(plan, parent),
        appName: args.appName ?? DEFAULT_APP_NAME,
        awsIssuerUrl: args.awsIssuerUrl,
        awsAcsUrl: args.awsAcsUrl,
    });
    return values.apply((v) => {
        const missing = REQUIRED_METADATA_VALUES.filter((key) => !v[key]);
        if (missing.length > 0) {
            if (pulumi.runtime.isDryRun()) return unknownValue<string>();
            throw reportedOnceError(missingMetadataValuesMessage(name, missing), parent);
        }
        return renderAwsSetupSteps({
            appName: v.appName,
            metadataUrl: v.url,
            idpEntityId: v.entityId,
            ssoUrl: v.ssoUrl,
            signingCertificateSha256: v.signingCertificateSha256,
            signingCertificateNotAfter: v.signingCertificateNotAfter,
            awsIssuerUrl: v.awsIssuerUrl,
            awsAcsUrl: v.awsAcsUrl,
            awsAccessPortalUrl: v.awsAccessPortalUrl,
            warnings: [...(v.scim?.warning ? [v.scim.warning] : []), ...(v.warnings ?? [])],
            identityCenterUsers: plan.identityCenter?.args.users.map((u) => u.email),
            accessMismatches: plan.accessMismatches,
            ...(v.scim ? { scim: v.scim.facts } : {}),
        });
    });
}

/**
 * The deploy-mode message when the metadata resource resolved without the values the runbook quotes: the real
 * provider always returns them, so this is a mock that echoes its inputs.
 */
export function missingMetadataValuesMessage(name: string, missing: readonly string[]): string {
    return (
        `ZeroTrustAwsSso "${name}": SamlMetadata "${name}-metadata" returned no ${missing.join(", ")}, so awsSetupSteps cannot be written. ` +
        `The provider always returns them; under Pulumi mocks (pulumi.runtime.setMocks), pass zeroTrustAwsSsoMocks() from "zero-trust-aws-sso/testing", ` +
        `or return them from your newResource mock for ${METADATA_TYPE}.`
    );
}

/**
 * What the runbook says about SCIM: the endpoint, the identity provider and the token's expiry (never the token), and
 * the expiry warning, which is also logged on the component when the token expires within 30 days or has expired.
 */
function scimFacts(
    plan: ZeroTrustAwsSsoPlan,
    parent: pulumi.Resource,
): pulumi.Output<{ facts: { endpoint: string; sourceIdpId: string; tokenExpiresAt?: string }; warning?: string }> | undefined {
    const scim = plan.scim;
    if (!scim) return undefined;
    return pulumi.all([scim.endpoint, scim.sourceIdpId, scim.tokenExpiresAt]).apply(([endpoint, sourceIdpId, tokenExpiresAt]) => {
        const warning = scimTokenWarning(tokenExpiresAt, new Date());
        if (warning) pulumi.log.warn(`scim.tokenExpiresAt: ${warning}`, parent);
        return {
            facts: { endpoint, sourceIdpId, ...(tokenExpiresAt !== undefined ? { tokenExpiresAt } : {}) },
            ...(warning ? { warning } : {}),
        };
    });
}
