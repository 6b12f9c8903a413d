// The arguments of SCIM provisioning: Cloudflare Access pushes the users and groups of one identity provider into
// IAM Identity Center through the Access application's outbound SCIM (`scimConfig`). Facts behind each field:
// docs/cloudflare.md ("SCIM") and docs/aws.md ("SCIM automatic provisioning").
import type * as cloudflare from "@pulumi/cloudflare";
import type * as pulumi from "@pulumi/pulumi";

/** One Cloudflare SCIM mapping: filters or transforms the resources of one SCIM schema before they are pushed. */
export type ScimMapping = cloudflare.types.input.ZeroTrustAccessApplicationScimConfigMapping;

/**
 * Automatic provisioning of IAM Identity Center users and groups by Cloudflare Access (SCIM 2.0).
 *
 * The Access application gets `scimConfig { enabled: true, remoteUri, idpUid, authentication { scheme:
 * "oauthbearertoken", token } }`. Cloudflare marks outbound SCIM to applications as a beta. With `scim`, the
 * users and groups of IAM Identity Center belong to SCIM: `identityCenter.users` and `identityCenter.groups` are
 * refused, and `identityCenter.assignments` name SCIM groups by display name and SCIM users by user name (email).
 */
export interface ScimArgs {
    /**
     * The SCIM endpoint shown by IAM Identity Center > Settings > Identity source > Automatic provisioning, e.g.
     * `https://scim.us-east-1.amazonaws.com/a1b2c3d4-5678-90ab-cdef-111122223333/scim/v2`. A trailing `/` is
     * tolerated (and removed). Its region must be the region of `awsIssuerUrl`.
     */
    endpoint: pulumi.Input<string>;
    /**
     * The IAM Identity Center SCIM access token (shown once, valid for one year). Always handled as a secret, whatever
     * is passed: read it with `config.requireSecret(...)`. It never appears in an output, log line or error message.
     */
    token: pulumi.Input<string>;
    /** The id of the Zero Trust identity provider whose SCIM users and groups Cloudflare provisions into AWS. */
    sourceIdpId: pulumi.Input<string>;
    /**
     * What a deletion in the identity provider does in AWS: `true` deactivates the SCIM user (`active: false`),
     * `false` deletes it. Default: Cloudflare's default (the field is not sent).
     */
    deactivateOnDelete?: pulumi.Input<boolean> | undefined;
    /**
     * When the access token expires, as `YYYY-MM-DD` or an ISO 8601 time (IAM Identity Center > Settings >
     * Automatic provisioning > Access tokens). Optional; when given, `awsSetupSteps` warns (and the deployment logs
     * a warning) from 30 days before that date. Default: no expiry warning.
     */
    tokenExpiresAt?: pulumi.Input<string> | undefined;
    /**
     * Cloudflare SCIM mappings (`ZeroTrustAccessApplicationScimConfigMapping`): filter which users and groups are
     * pushed, or transform them. Default: none (Cloudflare pushes every user and group of `sourceIdpId`).
     */
    mappings?: pulumi.Input<pulumi.Input<ScimMapping>[]> | undefined;
}
