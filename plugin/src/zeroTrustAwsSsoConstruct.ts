// Construct for `zero-trust-aws-sso:index:ZeroTrustAwsSso`: the same plan and the same children as the TypeScript
// class (components/zeroTrustAwsSso.ts), except that `<name>-metadata` is the plugin's custom resource, and bad
// arguments come back as the SDK's InputPropertiesError, which the engine prints property by property.
import * as pulumi from "@pulumi/pulumi";
import { InvalidArgumentError, InvalidArgumentsError } from "../../components/invalidArgumentError";
import { planZeroTrustAwsSso, type ZeroTrustAwsSsoPlan } from "../../components/plan/zeroTrustAwsSsoPlan";
import { createZeroTrustAwsSso, ZERO_TRUST_AWS_SSO_TYPE, type ZeroTrustAwsSsoParts } from "../../components/zeroTrustAwsSso";
import type { ZeroTrustAwsSsoArgs } from "../../components/zeroTrustAwsSsoArgs";
import { settlePlainArguments } from "./plainArguments";
import { SamlMetadataResource } from "./samlMetadataResource";

/**
 * The component under the plugin. Not exported from the plugin's entry: run-plugin would take an exported
 * ComponentResource class for a component to serve itself and start a second provider next to ours.
 */
class ZeroTrustAwsSsoComponent extends pulumi.ComponentResource {
    readonly parts: ZeroTrustAwsSsoParts<SamlMetadataResource>;

    constructor(name: string, plan: ZeroTrustAwsSsoPlan, opts: pulumi.ComponentResourceOptions, version: string) {
        super(ZERO_TRUST_AWS_SSO_TYPE, name, {}, opts);
        const declareChild = (
            childName: string,
            args: ConstructorParameters<typeof SamlMetadataResource>[1],
            childOpts: pulumi.CustomResourceOptions,
        ) => new SamlMetadataResource(childName, args, childOpts, version);
        this.parts = createZeroTrustAwsSso(name, this, plan, declareChild);
        // The same registered outputs as the TypeScript class.
        this.registerOutputs(this.parts.registeredOutputs);
    }
}

/** Plans, then declares the component; the state holds every output of the schema's ZeroTrustAwsSso. */
export async function constructZeroTrustAwsSso(
    name: string,
    inputs: pulumi.Inputs,
    options: pulumi.ComponentResourceOptions,
    version: string,
): Promise<pulumi.provider.ConstructResult> {
    const plan = await planOrInputErrors(name, inputs);
    const component = new ZeroTrustAwsSsoComponent(name, plan, options, version);
    return { urn: component.urn, state: componentState(component.parts) };
}

/** The outputs under the names of the TypeScript class's properties (components/zeroTrustAwsSso.ts). */
function componentState(parts: ZeroTrustAwsSsoParts<SamlMetadataResource>): pulumi.Inputs {
    const { metadata } = parts;
    return {
        applicationId: parts.application.id,
        ssoEndpoint: parts.ssoEndpoint,
        idpEntityId: parts.idpEntityId,
        metadataUrl: parts.metadataUrl,
        metadataXml: metadata.xml,
        signingCertificate: metadata.signingCertificate,
        signingCertificateSha256: metadata.signingCertificateSha256,
        signingCertificateNotAfter: metadata.signingCertificateNotAfter,
        awsAccessPortalUrl: parts.awsAccessPortalUrl,
        accessMismatches: parts.accessMismatches,
        awsSetupSteps: parts.awsSetupSteps,
        metadata,
    };
}

/**
 * The plan of the settled arguments, or an InputPropertiesError carrying each problem's field path and reason. Its message is the TypeScript
 * component's (`ZeroTrustAwsSso "<name>": <field>: <reason>`, or the count and one line per problem).
 */
async function planOrInputErrors(name: string, inputs: pulumi.Inputs): Promise<ZeroTrustAwsSsoPlan> {
    try {
        return planZeroTrustAwsSso(name, (await settlePlainArguments(inputs)) as unknown as ZeroTrustAwsSsoArgs);
    } catch (err) {
        const problems = err instanceof InvalidArgumentsError ? err.problems : err instanceof InvalidArgumentError ? [err] : undefined;
        if (!problems) throw err;
        throw new pulumi.InputPropertiesError({
            message: `ZeroTrustAwsSso "${name}": ${(err as Error).message}`,
            errors: problems.map((p) => ({ propertyPath: p.field, reason: p.reason })),
        });
    }
}
