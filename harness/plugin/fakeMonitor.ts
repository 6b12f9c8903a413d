// The engine side of the ResourceMonitor gRPC service a component provider registers its children with: records
// every registration and answers custom resources through a handler, as the engine would after the provider step.
import type { sendUnaryData, ServerUnaryCall, UntypedServiceImplementation } from "@grpc/grpc-js";
import type * as respb from "@pulumi/pulumi/proto/resource_pb";
import { serve, type RunningServer } from "./grpcServer";
import { emptyproto, fromStruct, resproto, resrpc, toStruct } from "./grpcStubs";
import { unwrap } from "../wire";

/** One RegisterResource call, as the monitor received it and answered it. */
export interface Registration {
    type: string;
    name: string;
    urn: string;
    parent: string;
    custom: boolean;
    remote: boolean;
    provider: string;
    /** The inputs exactly as sent (wire format: secrets, output values, resource references). */
    wireInputs: Record<string, unknown>;
    /** The inputs with the wire wrappers stripped (see wire.unwrap). */
    inputs: Record<string, unknown>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    additionalSecretOutputs: string[];
    /** What the monitor answered. */
    id: string;
    outputs: Record<string, unknown>;
}

export interface RegisteredOutputs {
    urn: string;
    wireOutputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
}

/** What the engine would do for a custom resource: decide its id and output properties. */
export type CustomResourceHandler = (reg: Registration, dryRun: boolean) => Promise<{ id: string; outputs: Record<string, unknown> }>;
export type InvokeHandler = (token: string, args: Record<string, unknown>) => Promise<Record<string, unknown>>;

export interface DeploymentSettings {
    project: string;
    stack: string;
    organization: string;
    dryRun: boolean;
}

const F = resproto.ResourceMonitorFeature;
/** Features a current engine advertises that matter to a Node provider. */
export const DEFAULT_FEATURES: number[] = [
    F.RESOURCE_MONITOR_FEATURE_SECRETS,
    F.RESOURCE_MONITOR_FEATURE_RESOURCE_REFERENCES,
    F.RESOURCE_MONITOR_FEATURE_OUTPUT_VALUES,
    F.RESOURCE_MONITOR_FEATURE_ALIAS_SPECS,
    F.RESOURCE_MONITOR_FEATURE_DELETED_WITH,
];
const LEGACY_FEATURE_IDS: Record<string, number> = {
    secrets: F.RESOURCE_MONITOR_FEATURE_SECRETS,
    resourceReferences: F.RESOURCE_MONITOR_FEATURE_RESOURCE_REFERENCES,
    outputValues: F.RESOURCE_MONITOR_FEATURE_OUTPUT_VALUES,
    aliasSpecs: F.RESOURCE_MONITOR_FEATURE_ALIAS_SPECS,
    deletedWith: F.RESOURCE_MONITOR_FEATURE_DELETED_WITH,
};

/** Echoes the inputs as outputs; the id is `<name>-id`, or empty (unknown) in a preview. */
export const echoCustomResource: CustomResourceHandler = async (reg, dryRun) => ({
    id: dryRun ? "" : `${reg.name}-id`,
    outputs: reg.wireInputs,
});

/**
 * The engine's ResourceMonitor service, recording every registration. Custom resources get their id and outputs
 * from `onCustomResource` (by default an echo); invokes are answered by `onInvoke`.
 */
export class FakeMonitor {
    readonly registrations: Registration[] = [];
    readonly registeredOutputs: RegisteredOutputs[] = [];
    readonly invokes: { token: string; args: Record<string, unknown> }[] = [];
    onCustomResource: CustomResourceHandler = echoCustomResource;
    onInvoke: InvokeHandler = async (token) => {
        throw new Error(`FakeMonitor: no invoke handler for ${token}`);
    };

    constructor(
        readonly deployment: DeploymentSettings,
        readonly features: number[] = DEFAULT_FEATURES,
    ) {}

    start(): Promise<RunningServer> {
        return serve(resrpc.ResourceMonitorService as never, this.implementation());
    }

    private implementation(): UntypedServiceImplementation {
        return {
            getDeploymentInfo: (_call: unknown, done: sendUnaryData<unknown>) => done(null, this.deploymentInfo()),
            supportsFeature: (call: ServerUnaryCall<respb.SupportsFeatureRequest, unknown>, done: sendUnaryData<unknown>) => {
                const supported = this.features.includes(LEGACY_FEATURE_IDS[call.request.getId()] ?? -1);
                done(null, new resproto.SupportsFeatureResponse().setHassupport(supported));
            },
            registerResource: (call: ServerUnaryCall<respb.RegisterResourceRequest, unknown>, done: sendUnaryData<unknown>) => {
                this.register(call.request).then(
                    (resp) => done(null, resp),
                    (err: Error) => done(err),
                );
            },
            registerResourceOutputs: (
                call: ServerUnaryCall<respb.RegisterResourceOutputsRequest, unknown>,
                done: sendUnaryData<unknown>,
            ) => {
                const wireOutputs = fromStruct(call.request.getOutputs());
                this.registeredOutputs.push({ urn: call.request.getUrn(), wireOutputs, outputs: unwrapObject(wireOutputs) });
                done(null, new emptyproto.Empty());
            },
            invoke: (call: ServerUnaryCall<respb.ResourceInvokeRequest, unknown>, done: sendUnaryData<unknown>) => {
                this.invoke(call.request).then(
                    (resp) => done(null, resp),
                    (err: Error) => done(err),
                );
            },
        };
    }

    private deploymentInfo(): respb.DeploymentInfo {
        const { project, stack, organization, dryRun } = this.deployment;
        return new resproto.DeploymentInfo()
            .setProject(project)
            .setStack(stack)
            .setOrganization(organization)
            .setDryrun(dryRun)
            .setParallel(16)
            .setSupportedfeaturesList(this.features as respb.ResourceMonitorFeature[]);
    }

    private async register(req: respb.RegisterResourceRequest): Promise<respb.RegisterResourceResponse> {
        const reg = this.recordRegistration(req);
        if (reg.custom) {
            const { id, outputs } = await this.onCustomResource(reg, this.deployment.dryRun);
            reg.id = id;
            reg.outputs = outputs;
        }
        return new resproto.RegisterResourceResponse().setUrn(reg.urn).setId(reg.id).setObject(toStruct(reg.outputs));
    }

    private recordRegistration(req: respb.RegisterResourceRequest): Registration {
        const wireInputs = fromStruct(req.getObject());
        const reg: Registration = {
            type: req.getType(),
            name: req.getName(),
            urn: this.urnFor(req.getType(), req.getName(), req.getParent()),
            parent: req.getParent(),
            custom: req.getCustom(),
            remote: req.getRemote(),
            provider: req.getProvider(),
            wireInputs,
            inputs: unwrapObject(wireInputs),
            dependencies: req.getDependenciesList(),
            propertyDependencies: propertyDependencies(req),
            additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
            id: "",
            outputs: {},
        };
        this.registrations.push(reg);
        return reg;
    }

    /** `urn:pulumi:<stack>::<project>::<parent's qualified type>$<type>::<name>`, as the engine builds it. */
    urnFor(type: string, name: string, parentUrn = ""): string {
        const parentType = parentUrn ? parentUrn.split("::")[2] : "";
        const qualified = parentType && !parentType.startsWith("pulumi:pulumi:Stack") ? `${parentType}$${type}` : type;
        return `urn:pulumi:${this.deployment.stack}::${this.deployment.project}::${qualified}::${name}`;
    }

    private async invoke(req: respb.ResourceInvokeRequest): Promise<respb.ResourceInvokeResponse> {
        const args = fromStruct(req.getArgs());
        this.invokes.push({ token: req.getTok(), args });
        const result = await this.onInvoke(req.getTok(), args);
        return new resproto.ResourceInvokeResponse().setReturn(toStruct(result));
    }
}

function propertyDependencies(req: respb.RegisterResourceRequest): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps, key) => {
        result[key] = deps.getUrnsList();
    });
    return result;
}

function unwrapObject(value: Record<string, unknown>): Record<string, unknown> {
    return unwrap(value) as Record<string, unknown>;
}
