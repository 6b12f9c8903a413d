// Declares the Cloudflare side from its plan: the reusable allow policy and the Access for SaaS application that
// attaches it (Cloudflare provider v6: policies are account-level and attached through the application's `policies`,
// see docs/cloudflare.md).
import * as cloudflare from "@pulumi/cloudflare";
import type * as pulumi from "@pulumi/pulumi";
import type { ScimPlan } from "../scim/scimPlan";
import { applicationPolicies, type AccessPlan } from "./accessPlan";

/** Makes an input wait for the component's late checks (identity when there are none). */
export type Gate = <T>(value: pulumi.Input<T>) => pulumi.Input<T>;

/** The declared Cloudflare resources. */
export interface AccessResources {
    policy?: cloudflare.ZeroTrustAccessPolicy;
    application: cloudflare.ZeroTrustAccessApplication;
}

/**
 * Declares `<name>-policy` (when planned) and `<name>-app`, children of `parent`, with gated account-bound inputs.
 * With `scim`, the application also gets its `scimConfig` (gated too: it carries the endpoint and the secret token);
 * without it, the application's inputs have no `scimConfig` key at all, as before SCIM existed.
 */
export function declareAccess(
    name: string,
    parent: pulumi.Resource,
    accountId: pulumi.Input<string>,
    plan: AccessPlan,
    gate: Gate,
    scim?: ScimPlan,
): AccessResources {
    const policy =
        plan.policy &&
        new cloudflare.ZeroTrustAccessPolicy(
            `${name}-policy`,
            { accountId: gate(accountId), name: plan.policy.name, decision: "allow", includes: gate(plan.policy.includes) },
            { parent },
        );
    const { name: appName, saasApp, ...options } = plan.application;
    const application = new cloudflare.ZeroTrustAccessApplication(
        `${name}-app`,
        {
            accountId: gate(accountId),
            name: appName,
            type: "saas",
            saasApp: gate(saasApp),
            policies: applicationPolicies(policy?.id, plan.policyIds),
            ...options,
            ...(scim ? { scimConfig: gate(scim.scimConfig) } : {}),
        },
        { parent },
    );
    return { policy, application };
}
