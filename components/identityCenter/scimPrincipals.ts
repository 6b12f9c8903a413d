// With SCIM, Cloudflare provisions the IAM Identity Center users and groups, so this stack does not create them: the
// account assignments name them, and their ids are looked up in the identity store by their unique attributes
// (group `DisplayName`, user `UserName`), with aws.identitystore.getGroup / getUser (docs/aws.md, "SCIM automatic
// provisioning"). A name SCIM has not provisioned yet fails with what to do about it.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PlannedScimLookups } from "./identityCenterPlan";
import { excerptText, quoteText } from "../safeText";

/** The looked-up principal ids: groups by display name, users by lower-cased user name. */
export interface ScimPrincipalIds {
    groups: Map<string, pulumi.Output<string>>;
    users: Map<string, pulumi.Output<string>>;
}

/**
 * Looks up every SCIM group and user the assignments name, through `parent` (so its AWS provider is used). Each id
 * is an Output that rejects with a `pulumi.ResourceError` on `parent`, naming the argument path, when the lookup
 * fails.
 */
export function lookupScimPrincipals(
    lookups: PlannedScimLookups,
    identityStoreId: pulumi.Output<string>,
    parent: pulumi.Resource,
): ScimPrincipalIds {
    const groups = new Map(lookups.groups.map((g) => [g.name, lookupId("group", g.name, g.path, identityStoreId, parent)] as const));
    const users = new Map(lookups.users.map((u) => [u.key, lookupId("user", u.userName, u.path, identityStoreId, parent)] as const));
    return { groups, users };
}

// One principal's id, by its unique attribute: a group's DisplayName or a user's UserName.
function lookupId(
    kind: "group" | "user",
    name: string,
    path: string,
    identityStoreId: pulumi.Output<string>,
    parent: pulumi.Resource,
): pulumi.Output<string> {
    return identityStoreId.apply((storeId) => {
        const fail = (err: unknown): never => notProvisioned(kind, name, path, storeId, err, parent);
        const uniqueAttribute = { attributePath: kind === "group" ? "DisplayName" : "UserName", attributeValue: name };
        const found =
            kind === "group"
                ? aws.identitystore
                      .getGroup({ identityStoreId: storeId, alternateIdentifier: { uniqueAttribute } }, { parent })
                      .then((g) => g.groupId)
                : aws.identitystore
                      .getUser({ identityStoreId: storeId, alternateIdentifier: { uniqueAttribute } }, { parent })
                      .then((u) => u.userId);
        return found.then((id) => id || fail(undefined), fail);
    });
}

// The lookup failed. "Not found" is the expected case before Cloudflare's first provisioning cycle; anything else
// (credentials, region) is reported with the provider's first line, which names no secret (no token is involved).
function notProvisioned(kind: "group" | "user", name: string, path: string, storeId: string, err: unknown, parent: pulumi.Resource): never {
    const detail = err === undefined ? "" : String(err instanceof Error ? err.message : err).split("\n")[0];
    if (err === undefined || /not ?found|ResourceNotFound/i.test(detail)) {
        const attribute = kind === "group" ? "display name" : "user name";
        throw new pulumi.ResourceError(
            `${path}: SCIM ${kind} ${quoteText(name)} is not in identity store ${storeId}: SCIM has not provisioned it yet. ` +
                `If scim was just added, deploy it first without assignments that name SCIM ${kind}s, wait for Cloudflare's first provisioning cycle, then add them; ` +
                `otherwise check that the ${kind} exists in the identity provider scim.sourceIdpId with exactly this ${attribute}, is assigned to the Access application, and is not filtered out by scim.mappings.`,
            parent,
        );
    }
    throw new pulumi.ResourceError(
        `${path}: could not look up SCIM ${kind} ${quoteText(name)} in identity store ${storeId} (${excerptText(detail)}); check the AWS provider's credentials and region (the IAM Identity Center region).`,
        parent,
    );
}
