// Arguments the TypeScript API takes as plain values (they name resources and are validated when the component is
// constructed), settled before planning. A program in another language may pass any argument as an Output: the
// schema accepts Outputs everywhere, so that generated types stay natural (docs/plugin.md). Here a known Output is
// replaced by its value; one that is still unknown (a preview, before the resource it depends on exists) or secret is
// refused with the field's path. Where the TypeScript API takes an Input, Outputs pass through untouched and keep
// their dependencies and secrecy, exactly as in a TypeScript program.
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, InvalidArgumentError } from "../../components/invalidArgumentError";

/** Paths where ZeroTrustAwsSsoArgs takes `pulumi.Input` (components/zeroTrustAwsSsoArgs.ts and the types it uses). */
const INPUT_PATHS =
    /^(accountId|awsIssuerUrl|awsAcsUrl|awsAccessPortalUrl|appName|sessionDuration|allowedIdps\[\d+\]|access\.(groupIds|policyIds)\[\d+\]|identityCenter\.(instanceArn|identityStoreId)|scim\.(endpoint|token|sourceIdpId|deactivateOnDelete|tokenExpiresAt)|scim\.mappings(\[\d+\])?)$/;

// Output.promise(true), isKnown and isSecret are SDK internals (sdk/nodejs/output.ts); a provider has no public way to
// read a deserialized Output's value without hanging on an `apply` that never runs while the value is unknown.
interface OutputInternals {
    promise(withUnknowns?: boolean): Promise<unknown>;
    isKnown: Promise<boolean>;
    isSecret: Promise<boolean>;
}

/**
 * `inputs` with every Output outside {@link INPUT_PATHS} replaced by its value. Throws an InvalidArgumentError (one
 * problem) or InvalidArgumentsError (several) naming each unknown or secret value.
 */
export async function settlePlainArguments(inputs: pulumi.Inputs): Promise<pulumi.Inputs> {
    const problems = new ArgumentProblems();
    const settled = (await settle(inputs, "", problems)) as pulumi.Inputs;
    problems.throwIfAny();
    return settled;
}

async function settle(value: unknown, at: string, problems: ArgumentProblems): Promise<unknown> {
    if (at !== "" && INPUT_PATHS.test(at)) return value;
    if (pulumi.Output.isInstance(value)) {
        const output = value as unknown as OutputInternals;
        if (!(await output.isKnown)) {
            problems.add(
                new InvalidArgumentError(
                    at,
                    "is not known yet (it comes from a resource that is not created yet), but it shapes the resources this component declares, so it must be known when the program runs: pass a plain value or a stack config value.",
                ),
            );
            return undefined;
        }
        if (await output.isSecret) {
            problems.add(
                new InvalidArgumentError(
                    at,
                    "is a secret, but it becomes part of resource names and plain inputs: pass it as a plain value.",
                ),
            );
            return undefined;
        }
        return settle(await output.promise(true), at, problems);
    }
    if (Array.isArray(value)) return Promise.all(value.map((v, i) => settle(v, `${at}[${i}]`, problems)));
    if (value !== null && typeof value === "object" && !pulumi.Resource.isInstance(value)) {
        const entries = await Promise.all(
            Object.entries(value).map(async ([k, v]) => [k, await settle(v, at ? `${at}.${k}` : k, problems)]),
        );
        return Object.fromEntries(entries);
    }
    return value;
}
