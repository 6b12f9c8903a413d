import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { parseAwsAccessPortalUrl, parseAwsAcsUrl, parseAwsIssuerUrl, checkAwsUrlPair } from "./identityCenter/awsUrls";
import { renderAwsSetupSteps } from "./runbook/awsSetupSteps";
import { compareAccessWithIdentityCenter, type AccessMismatches } from "./access/accessMismatches";
import { declareIdentityCenter, locateInstance, type IdentityCenterResources } from "./identityCenter/identityCenter";
import { validateIdentityCenterArgs } from "./identityCenter/identityCenterPlan";
import { InvalidArgumentError } from "./invalidArgumentError";
import { SamlMetadata } from "./metadata/samlMetadata";
import {
    checkAccountId,
    isKnownString,
    samlNameFormat,
    validateZeroTrustAwsSsoArgs,
    withoutEmptyOptionals,
    type NormalizedAccess,
} from "./plan/validateArgs";
import type { SamlAttribute, ZeroTrustAwsSsoArgs } from "./zeroTrustAwsSsoArgs";

/** The component's Pulumi type token. */
export const ZERO_TRUST_AWS_SSO_TYPE = "zero-trust-aws-sso:index:ZeroTrustAwsSso";

const DEFAULT_APP_NAME = "Amazon AWS";

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
     * `awsOnly` have a user the policy does not cover. Empty lists when `identityCenter` is not given.
     */
    public readonly accessMismatches: pulumi.Output<AccessMismatches>;
    /** The remaining AWS console steps as Markdown, with every value filled in. */
    public readonly awsSetupSteps: pulumi.Output<string>;

    constructor(name: string, givenArgs: ZeroTrustAwsSsoArgs, opts?: pulumi.ComponentResourceOptions) {
        super(ZERO_TRUST_AWS_SSO_TYPE, name, {}, opts);
        const args = withoutEmptyOptionals(givenArgs);
        const fail = (err: unknown): never => {
            if (err instanceof InvalidArgumentError) {
                throw new pulumi.ResourceError(`ZeroTrustAwsSso "${name}": ${err.message}`, this);
            }
            throw err;
        };

        // Everything known now is validated before the first child exists: bad input never half-applies.
        const { access, identityCenterEmails } = validateKnownArgs(args, fail);

        // Values that are Outputs are validated when they resolve (the identity store id of a looked-up instance
        // among them); every child's inputs wait for that check (the "gate"), so a bad late value fails all children
        // instead of creating some of them.
        const instance = args.identityCenter ? locateInstance(args.identityCenter, this) : undefined;
        const gate = lateValidation(args, instance?.identityStoreId, fail);
        const guard = <T>(value: pulumi.Input<T>): pulumi.Input<T> => (gate ? pulumi.all([gate, value]).apply(([, v]) => v as T) : value);

        // Both ids given (and gated), so declareIdentityCenter does not look the instance up a second time.
        const identityCenter =
            args.identityCenter && instance
                ? declareIdentityCenter(
                      name,
                      {
                          ...args.identityCenter,
                          instanceArn: guard(instance.instanceArn),
                          identityStoreId: guard(instance.identityStoreId),
                      },
                      this,
                  )
                : undefined;
        this.identityCenter = identityCenter;

        const appName = args.appName ?? DEFAULT_APP_NAME;
        const accessArgs = args.access ?? {};
        if (access.createsPolicy) {
            this.policy = new cloudflare.ZeroTrustAccessPolicy(
                `${name}-policy`,
                {
                    accountId: guard(args.accountId),
                    name: pulumi.interpolate`${appName} - ${name}`,
                    decision: "allow",
                    includes: guard([
                        ...access.emails.map((email) => ({ email: { email } })),
                        ...access.emailDomains.map((domain) => ({ emailDomain: { domain } })),
                        ...sortKnown(accessArgs.groupIds ?? []).map((id) => ({ group: { id } })),
                    ]),
                },
                { parent: this },
            );
        }

        const policyIds = accessArgs.policyIds ?? [];
        const policies = [
            ...(this.policy ? [{ id: this.policy.id, precedence: 1 }] : []),
            ...policyIds.map((id, i) => ({ id, precedence: i + (this.policy ? 2 : 1) })),
        ];
        // Cloudflare treats allowed identity providers as a set, so reordering them in config must not be a diff.
        const allowedIdps = args.allowedIdps && sortKnown(args.allowedIdps);
        this.application = new cloudflare.ZeroTrustAccessApplication(
            `${name}-app`,
            {
                accountId: guard(args.accountId),
                name: appName,
                type: "saas",
                saasApp: guard({
                    authType: "saml",
                    spEntityId: args.awsIssuerUrl,
                    consumerServiceUrl: args.awsAcsUrl,
                    nameIdFormat: "email",
                    ...(args.samlAttributes && args.samlAttributes.length > 0
                        ? { customAttributes: args.samlAttributes.map((a, i) => customAttribute(a, `samlAttributes[${i}]`)) }
                        : {}),
                }),
                policies,
                ...(allowedIdps !== undefined ? { allowedIdps } : {}),
                ...(autoRedirect(args) ? { autoRedirectToIdentity: true } : {}),
                ...(args.sessionDuration !== undefined ? { sessionDuration: args.sessionDuration } : {}),
            },
            { parent: this },
        );

        const saasApp = this.application.saasApp;
        this.applicationId = this.application.id;
        this.ssoEndpoint = saasApp.apply((s) => required(s?.ssoEndpoint, "saasApp.ssoEndpoint"));
        this.idpEntityId = saasApp.apply((s) => required(s?.idpEntityId, "saasApp.idpEntityId"));
        this.metadataUrl = this.ssoEndpoint.apply((endpoint) => `${endpoint.replace(/\/+$/, "")}/saml-metadata`);
        this.metadata = new SamlMetadata(
            `${name}-metadata`,
            {
                url: guard(this.metadataUrl),
                expectedEntityId: this.idpEntityId,
                expectedSsoUrl: this.ssoEndpoint,
                expectedCertificate: saasApp.apply((s) => s?.publicKey || undefined) as pulumi.Output<string>,
                allowedHosts: args.metadata?.allowedHosts,
                timeoutMs: args.metadata?.timeoutMs,
                retry: args.metadata?.retry,
            },
            { parent: this },
        );
        this.metadataXml = this.metadata.xml;
        this.signingCertificate = this.metadata.signingCertificate;
        this.signingCertificateSha256 = this.metadata.signingCertificateSha256;
        this.signingCertificateNotAfter = this.metadata.signingCertificateNotAfter;

        this.awsAccessPortalUrl =
            args.awsAccessPortalUrl !== undefined
                ? // The portal URL only feeds the runbook, so it is checked here rather than holding up the children.
                  pulumi.output(args.awsAccessPortalUrl).apply((url) => {
                      try {
                          parseAwsAccessPortalUrl(url);
                      } catch (err) {
                          fail(err);
                      }
                      return url;
                  })
                : identityCenter
                  ? identityCenter.identityStoreId.apply((id) => `https://${id}.awsapps.com/start`)
                  : pulumi.output(undefined);

        // Only whether Access groups are present matters to the comparison (their members cannot be known), so
        // group ids that are still Outputs are fine here.
        const mismatches: AccessMismatches = identityCenter
            ? compareAccessWithIdentityCenter(
                  { emails: access.emails, emailDomains: access.emailDomains, groupIds: (accessArgs.groupIds ?? []).map(String) },
                  identityCenterEmails,
              )
            : { cloudflareOnly: [], awsOnly: [] };
        for (const email of mismatches.cloudflareOnly) {
            pulumi.log.warn(
                `${email} may pass the Access policy but has no IAM Identity Center user, so AWS will reject the sign-in; add them to identityCenter.users or remove them from access.emails.`,
                this,
            );
        }
        for (const email of mismatches.awsOnly) {
            pulumi.log.warn(
                `${email} has an IAM Identity Center user but no Access rule allows them; add them to access.emails (or a matching access.emailDomains entry) or remove the user.`,
                this,
            );
        }
        this.accessMismatches = pulumi.output(mismatches);

        this.awsSetupSteps = pulumi
            .output({
                appName,
                metadataUrl: this.metadataUrl,
                idpEntityId: this.metadata.entityId,
                ssoUrl: this.metadata.ssoUrl,
                signingCertificateSha256: this.signingCertificateSha256,
                signingCertificateNotAfter: this.signingCertificateNotAfter,
                awsIssuerUrl: args.awsIssuerUrl,
                awsAcsUrl: args.awsAcsUrl,
                awsAccessPortalUrl: this.awsAccessPortalUrl,
                warnings: this.metadata.warnings,
            })
            .apply((facts) =>
                renderAwsSetupSteps({
                    ...facts,
                    warnings: facts.warnings ?? [],
                    identityCenterUsers: args.identityCenter?.users.map((u) => u.email),
                    accessMismatches: mismatches,
                }),
            );

        this.registerOutputs({
            applicationId: this.applicationId,
            ssoEndpoint: this.ssoEndpoint,
            idpEntityId: this.idpEntityId,
            metadataUrl: this.metadataUrl,
            metadataXml: this.metadataXml,
            signingCertificate: this.signingCertificate,
            signingCertificateSha256: this.signingCertificateSha256,
            signingCertificateNotAfter: this.signingCertificateNotAfter,
            awsAccessPortalUrl: this.awsAccessPortalUrl,
            accessMismatches: this.accessMismatches,
            awsSetupSteps: this.awsSetupSteps,
        });
    }
}

function validateKnownArgs(
    args: ZeroTrustAwsSsoArgs,
    fail: (err: unknown) => never,
): { access: NormalizedAccess; identityCenterEmails: string[] } {
    try {
        let identityCenterEmails: string[] = [];
        if (args?.identityCenter) {
            validateIdentityCenterArgs(args.identityCenter);
            identityCenterEmails = args.identityCenter.users.map((u) => u.email.toLowerCase()).sort();
        }
        const access = validateZeroTrustAwsSsoArgs(args, identityCenterEmails);
        if (args.identityCenter && isKnownString(args.identityCenter.identityStoreId) && isKnownString(args.awsIssuerUrl)) {
            checkIssuerMatchesIdentityStore(args.awsIssuerUrl, args.identityCenter.identityStoreId);
        }
        return { access, identityCenterEmails };
    } catch (err) {
        return fail(err);
    }
}

function required(value: string | undefined, what: string): string {
    if (!value) {
        throw new Error(`Cloudflare returned no ${what} for the Access application; is it a SAML SaaS application?`);
    }
    return value;
}

function autoRedirect(args: ZeroTrustAwsSsoArgs): boolean {
    if (args.autoRedirectToIdentity !== undefined) return args.autoRedirectToIdentity;
    return Array.isArray(args.allowedIdps) && args.allowedIdps.length === 1;
}

// Known ids are sorted so that reordering them in config is not a diff; Outputs keep their place.
function sortKnown(ids: pulumi.Input<string>[]): pulumi.Input<string>[] {
    return ids.every(isKnownString) ? [...(ids as string[])].sort() : ids;
}

function customAttribute(a: SamlAttribute, field: string): cloudflare.types.input.ZeroTrustAccessApplicationSaasAppCustomAttribute {
    return {
        name: a.name,
        nameFormat: samlNameFormat(a, field),
        ...(a.friendlyName !== undefined ? { friendlyName: a.friendlyName } : {}),
        ...(a.required !== undefined ? { required: a.required } : {}),
        source: {
            name: a.source,
            ...(a.idpSourceNames && a.idpSourceNames.length > 0
                ? { nameByIdps: a.idpSourceNames.map((s) => ({ idpId: s.idpId, sourceName: s.sourceName })) }
                : {}),
        },
    };
}

function checkIssuerMatchesIdentityStore(issuerUrl: string, identityStoreId: string): void {
    const fromIssuer = parseAwsIssuerUrl(issuerUrl).identityStoreId;
    if (fromIssuer && fromIssuer !== identityStoreId) {
        throw new InvalidArgumentError(
            "awsIssuerUrl",
            `names identity store ${fromIssuer} but identityCenter.identityStoreId is ${identityStoreId}: the issuer URL was copied from another IAM Identity Center instance. Copy it again from the instance this stack manages.`,
        );
    }
}

// The checks of validateZeroTrustAwsSsoArgs for the arguments that were Outputs at construction.
function lateValidation(
    args: ZeroTrustAwsSsoArgs,
    identityStoreId: pulumi.Output<string> | undefined,
    fail: (err: unknown) => never,
): pulumi.Output<boolean> | undefined {
    const late = [args.accountId, args.awsIssuerUrl, args.awsAcsUrl].some((v) => v !== undefined && !isKnownString(v));
    if (!late && !identityStoreId) return undefined;
    return pulumi.unsecret(
        pulumi
            .all([args.accountId, args.awsIssuerUrl, args.awsAcsUrl, identityStoreId])
            .apply(([accountId, issuerUrl, acsUrl, storeId]) => {
                try {
                    checkAccountId(accountId);
                    const issuer = parseAwsIssuerUrl(issuerUrl);
                    checkAwsUrlPair(issuer, parseAwsAcsUrl(acsUrl));
                    if (storeId) checkIssuerMatchesIdentityStore(issuerUrl, storeId);
                } catch (err) {
                    fail(err);
                }
                return true;
            }),
    );
}
