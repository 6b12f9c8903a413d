// The engine side of the ResourceProvider gRPC service: a promise-returning client over the SDK's own stubs.
import type { ServiceError } from "@grpc/grpc-js";
import type * as provpb from "@pulumi/pulumi/proto/provider_pb";
import type { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import { emptyproto, errorproto, fromStruct, grpc, provproto, provrpc, statusproto, toStruct } from "./grpcStubs";

type Props = Record<string, unknown>;
type Callback<Res> = (err: ServiceError | null, res?: Res) => void;
type RawClient = InstanceType<typeof provrpc.ResourceProviderClient>;

export interface CheckResult {
    inputs: Props;
    failures: { property: string; reason: string }[];
}
export interface DiffResult {
    changes: "unknown" | "none" | "some";
    replaces: string[];
    stables: string[];
    deleteBeforeReplace: boolean;
    diffs: string[];
}
export interface ConfigureResult {
    acceptSecrets: boolean;
    acceptResources: boolean;
    acceptOutputs: boolean;
    supportsPreview: boolean;
}
export interface ConstructRequestOptions {
    project: string;
    stack: string;
    organization: string;
    dryRun: boolean;
    monitorEndpoint: string;
    parent?: string;
    config?: Record<string, string>;
    inputDependencies?: Record<string, string[]>;
}
export interface ConstructResult {
    urn: string;
    /** The state exactly as returned (wire format). */
    wireState: Props;
    stateDependencies: Record<string, string[]>;
}

const CHANGES: DiffResult["changes"][] = ["unknown", "none", "some"];

/** Promise-returning wrapper around the SDK's ResourceProviderClient. Resources are addressed by URN. */
export class ProviderClient {
    private readonly raw: RawClient;

    constructor(address: string) {
        this.raw = new provrpc.ResourceProviderClient(address, grpc.credentials.createInsecure());
    }

    close(): void {
        this.raw.close();
    }

    /** One unary call; the raw client's methods are overloaded, so the response type is named by the caller. */
    private call<Res>(method: keyof RawClient, req: object): Promise<Res> {
        const fn = this.raw[method] as unknown as (req: object, cb: Callback<Res>) => unknown;
        return new Promise((resolve, reject) =>
            fn.call(this.raw, req, (err: ServiceError | null, res?: Res) => (err ? reject(err) : resolve(res as Res))),
        );
    }

    async getPluginInfo(): Promise<string> {
        const info = await this.call<PluginInfo>("getPluginInfo", new emptyproto.Empty());
        return info.getVersion();
    }

    async getSchema(): Promise<string> {
        const resp = await this.call<provpb.GetSchemaResponse>("getSchema", new provproto.GetSchemaRequest().setVersion(0));
        return resp.getSchema();
    }

    async configure(args: Props = {}): Promise<ConfigureResult> {
        const req = new provproto.ConfigureRequest().setArgs(toStruct(args)).setAcceptsecrets(true).setAcceptresources(true);
        const resp = await this.call<provpb.ConfigureResponse>("configure", req);
        return {
            acceptSecrets: resp.getAcceptsecrets(),
            acceptResources: resp.getAcceptresources(),
            acceptOutputs: resp.getAcceptoutputs(),
            supportsPreview: resp.getSupportspreview(),
        };
    }

    async check(urn: string, olds: Props, news: Props): Promise<CheckResult> {
        const req = new provproto.CheckRequest().setUrn(urn).setOlds(toStruct(olds)).setNews(toStruct(news));
        req.setName(nameOf(urn)).setType(typeOf(urn)).setRandomseed(Buffer.alloc(32));
        const resp = await this.call<provpb.CheckResponse>("check", req);
        const failures = resp.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));
        return { inputs: fromStruct(resp.getInputs()), failures };
    }

    async diff(urn: string, id: string, olds: Props, news: Props, oldInputs: Props = olds): Promise<DiffResult> {
        const req = new provproto.DiffRequest().setUrn(urn).setId(id).setOlds(toStruct(olds)).setNews(toStruct(news));
        req.setOldInputs(toStruct(oldInputs)).setName(nameOf(urn)).setType(typeOf(urn));
        const resp = await this.call<provpb.DiffResponse>("diff", req);
        return {
            changes: CHANGES[resp.getChanges()],
            replaces: resp.getReplacesList(),
            stables: resp.getStablesList(),
            deleteBeforeReplace: resp.getDeletebeforereplace(),
            diffs: resp.getDiffsList(),
        };
    }

    async create(urn: string, properties: Props, preview = false): Promise<{ id: string; properties: Props }> {
        const req = new provproto.CreateRequest().setUrn(urn).setProperties(toStruct(properties)).setPreview(preview);
        req.setName(nameOf(urn)).setType(typeOf(urn));
        const resp = await this.call<provpb.CreateResponse>("create", req);
        return { id: resp.getId(), properties: fromStruct(resp.getProperties()) };
    }

    async read(urn: string, id: string, properties: Props, inputs: Props = {}): Promise<{ id: string; properties: Props; inputs: Props }> {
        const req = new provproto.ReadRequest().setUrn(urn).setId(id).setProperties(toStruct(properties)).setInputs(toStruct(inputs));
        req.setName(nameOf(urn)).setType(typeOf(urn));
        const resp = await this.call<provpb.ReadResponse>("read", req);
        return { id: resp.getId(), properties: fromStruct(resp.getProperties()), inputs: fromStruct(resp.getInputs()) };
    }

    async update(urn: string, id: string, olds: Props, news: Props, preview = false): Promise<{ properties: Props }> {
        const req = new provproto.UpdateRequest().setUrn(urn).setId(id).setOlds(toStruct(olds)).setNews(toStruct(news));
        req.setOldInputs(toStruct(olds)).setPreview(preview).setName(nameOf(urn)).setType(typeOf(urn));
        const resp = await this.call<provpb.UpdateResponse>("update", req);
        return { properties: fromStruct(resp.getProperties()) };
    }

    async delete(urn: string, id: string, properties: Props, oldInputs: Props = {}): Promise<void> {
        const req = new provproto.DeleteRequest().setUrn(urn).setId(id).setProperties(toStruct(properties));
        req.setOldInputs(toStruct(oldInputs)).setName(nameOf(urn)).setType(typeOf(urn));
        await this.call<object>("delete", req);
    }

    async construct(type: string, name: string, inputs: Props, opts: ConstructRequestOptions): Promise<ConstructResult> {
        const resp = await this.call<provpb.ConstructResponse>("construct", constructRequest(type, name, inputs, opts));
        return { urn: resp.getUrn(), wireState: fromStruct(resp.getState()), stateDependencies: stateDependencies(resp) };
    }
}

function constructRequest(type: string, name: string, inputs: Props, opts: ConstructRequestOptions): provpb.ConstructRequest {
    const req = new provproto.ConstructRequest()
        .setProject(opts.project)
        .setStack(opts.stack)
        .setOrganization(opts.organization)
        .setDryrun(opts.dryRun)
        .setParallel(16)
        .setMonitorendpoint(opts.monitorEndpoint)
        .setType(type)
        .setName(name)
        .setParent(opts.parent ?? "")
        .setInputs(toStruct(inputs))
        .setAcceptsOutputValues(true);
    for (const [key, value] of Object.entries(opts.config ?? {})) req.getConfigMap().set(key, value);
    for (const [key, urns] of Object.entries(opts.inputDependencies ?? {})) {
        req.getInputdependenciesMap().set(key, new provproto.ConstructRequest.PropertyDependencies().setUrnsList(urns));
    }
    return req;
}

function stateDependencies(resp: provpb.ConstructResponse): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    resp.getStatedependenciesMap().forEach((deps, key) => {
        result[key] = deps.getUrnsList();
    });
    return result;
}

/** `urn:pulumi:stack::project::qualified$type::name` → name */
export function nameOf(urn: string): string {
    return urn.split("::").slice(3).join("::");
}

/** `urn:pulumi:stack::project::parent$type::name` → type */
export function typeOf(urn: string): string {
    return urn.split("::")[2].split("$").pop()!;
}

/** One property's problem, as a provider reports it in an InputPropertiesError (the engine prints these per property). */
export interface InputPropertyProblem {
    propertyPath: string;
    reason: string;
}

/**
 * The property errors a provider attached to a failed call (`grpc-status-details-bin`: a google.rpc.Status whose
 * details hold a `pulumirpc.InputPropertiesError`); empty when there are none.
 */
export function inputPropertyProblems(err: ServiceError): InputPropertyProblem[] {
    const [bin] = err.metadata?.get("grpc-status-details-bin") ?? [];
    if (!bin) return [];
    const status = statusproto.Status.deserializeBinary(new Uint8Array(bin as Buffer));
    return status
        .getDetailsList()
        .filter((any) => any.getTypeName() === "pulumirpc.InputPropertiesError")
        .flatMap((any) => errorproto.InputPropertiesError.deserializeBinary(any.getValue_asU8()).getErrorsList())
        .map((e) => ({ propertyPath: e.getPropertyPath(), reason: e.getReason() }));
}
