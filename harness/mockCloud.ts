// Pulumi mocks that behave like the clouds this package talks to, shared by the tests and `npm run demo`:
// - every registration is recorded (type, name, inputs, parent) for assertions;
// - Cloudflare Access applications get plausible computed outputs (aud, idpEntityId, ssoEndpoint, publicKey),
//   and a loopback HTTPS "team domain" serves each application's SAML metadata at <ssoEndpoint>/saml-metadata;
// - dynamic resources (SamlMetadata) run their serialized `__provider` in a separate Node process, as the
//   engine's dynamic provider host does;
// - `aws:ssoadmin/getInstances:getInstances` answers with a configurable Identity Center instance.
import { createHash } from "node:crypto";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { awsComputedState } from "./awsComputedState";
import { issueCertificate, type IssuedCertificate } from "./certificates";
import { metadataDocument } from "./metadataDocument";
import { startLoopbackServer, type LoopbackServer } from "./loopbackServer";
import { startProviderHost, type ProviderHost } from "./providerHost";
// A mock that returns UNKNOWN (the wire form of an unknown value) makes that output unknown, as in a real preview.
import { UNKNOWN } from "./wire";

/** One resource registration as the mock monitor saw it. */
export interface RegisteredResource {
    type: string;
    name: string;
    urn: string;
    inputs: Record<string, any>;
    id: string;
    state: Record<string, any>;
}

/** The parts of the SDK's RegisterResourceOutputsRequest (protobuf) read here. */
interface RegisterOutputsRequest {
    getUrn(): string;
    getOutputs(): { toJavaScript(): unknown } | undefined;
}

/** How the fake clouds behave. */
export interface MockCloudOptions {
    /** Run as `pulumi preview`: dynamic providers are only checked, never created. */
    preview?: boolean;
    /** Directory the provider host starts in (module resolution starts there). Default: this repo's root. */
    programDir?: string;
    /** Identity Center instances returned by ssoadmin.getInstances. Default: one instance. */
    identityCenterInstances?: { arn: string; identityStoreId: string }[];
    /**
     * The identity store behind `aws:identitystore/getGroup` and `getUser` (SCIM-provisioned principals): ids by group
     * display name and by user name. A name not listed fails like the AWS provider's "not found". Default: those
     * lookups answer `{}`.
     */
    identityStore?: { groups?: Record<string, string>; users?: Record<string, string> };
    /** Rewrites the metadata document the team domain serves (fault injection). */
    serveMetadata?: (app: MockAccessApp, defaultXml: string) => string;
    /** Project and stack names given to setMocks. */
    project?: string;
    stack?: string;
}

/** The computed side of a mocked Access for SaaS application. */
export interface MockAccessApp {
    aud: string;
    idpEntityId: string;
    ssoEndpoint: string;
    certificate: IssuedCertificate;
}

// Dynamic resources are typed pulumi-nodejs:dynamic[/<module>]:<type>.
const DYNAMIC_TYPE_PREFIX = "pulumi-nodejs:dynamic";

/** The mocks plus the loopback team domain and provider host behind them. */
export class MockCloud implements pulumi.runtime.Mocks {
    readonly resources: RegisteredResource[] = [];
    readonly calls: pulumi.runtime.MockCallArgs[] = [];
    /** Operations the provider host ran, e.g. "check", "create". */
    readonly providerCalls: string[] = [];
    readonly apps = new Map<string, MockAccessApp>();
    /** What components registered with `registerOutputs`, as the engine would store it, by URN. */
    readonly registeredOutputs = new Map<string, Record<string, unknown>>();

    private constructor(
        readonly options: MockCloudOptions,
        readonly teamDomain: LoopbackServer,
        readonly host: ProviderHost,
    ) {}

    /** Starts the team-domain server and the provider host, and installs the mocks. */
    static async start(options: MockCloudOptions = {}): Promise<MockCloud> {
        let cloud: MockCloud | undefined;
        const teamDomain = await startLoopbackServer((req, res) => {
            const match = /^\/cdn-cgi\/access\/sso\/saml\/([0-9a-f]+)\/saml-metadata$/.exec(req.url ?? "");
            const app = match ? cloud?.apps.get(match[1]) : undefined;
            if (!app) {
                res.writeHead(404, { "content-type": "text/plain" });
                res.end("not found");
                return;
            }
            const xml = metadataDocument({
                entityId: app.idpEntityId,
                ssoUrl: app.ssoEndpoint,
                certificates: [app.certificate.base64],
            });
            res.writeHead(200, { "content-type": "application/samlmetadata+xml" });
            res.end(options.serveMetadata ? options.serveMetadata(app, xml) : xml);
        });
        try {
            const host = startProviderHost(options.programDir ?? path.resolve(__dirname, ".."));
            cloud = new MockCloud(options, teamDomain, host);
            await pulumi.runtime.setMocks(
                cloud,
                options.project ?? "zero-trust-aws-sso",
                options.stack ?? "test",
                options.preview ?? false,
            );
            cloud.recordRegisteredOutputs();
            return cloud;
        } catch (err) {
            // A half-started cloud must not keep the test process alive.
            cloud?.host.close();
            await teamDomain.close();
            throw err;
        }
    }

    // The mocks interface has no hook for registerOutputs, so the mock monitor's RPC is wrapped: the request it gets
    // is exactly what the engine would store in the state.
    private recordRegisteredOutputs(): void {
        const monitor = pulumi.runtime.getMonitor() as unknown as {
            registerResourceOutputs(req: RegisterOutputsRequest, callback: unknown): void;
        };
        const original = monitor.registerResourceOutputs.bind(monitor);
        monitor.registerResourceOutputs = (req, callback) => {
            this.registeredOutputs.set(req.getUrn(), (req.getOutputs()?.toJavaScript() ?? {}) as Record<string, unknown>);
            original(req, callback);
        };
    }

    /** `localhost:<port>`: the Cloudflare team domain of this fake account. */
    get authDomain(): string {
        return `localhost:${this.teamDomain.port}`;
    }

    async newResource(args: pulumi.runtime.MockResourceArgs): Promise<{ id: string; state: Record<string, any> }> {
        const { id, state } = await this.compute(args);
        this.resources.push({ type: args.type, name: args.name, urn: urnOf(args), inputs: args.inputs, id, state });
        return { id, state };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        this.calls.push(args);
        if (args.token === "aws:ssoadmin/getInstances:getInstances") {
            const instances = this.options.identityCenterInstances ?? [
                { arn: "arn:aws:sso:::instance/ssoins-1234567890abcdef", identityStoreId: "d-1234567890" },
            ];
            return {
                id: "us-east-1",
                arns: instances.map((i) => i.arn),
                identityStoreIds: instances.map((i) => i.identityStoreId),
            };
        }
        const store = this.options.identityStore;
        if (store && (args.token === "aws:identitystore/getGroup:getGroup" || args.token === "aws:identitystore/getUser:getUser")) {
            const isGroup = args.token.endsWith("getGroup");
            const wanted = args.inputs.alternateIdentifier?.uniqueAttribute?.attributeValue as string;
            const id = (isGroup ? store.groups : store.users)?.[wanted];
            if (id === undefined) {
                // As a gRPC error from the engine: the SDK rejects the invoke with `new Error(err.details)`.
                const details = `reading IdentityStore ${isGroup ? "Group" : "User"}: ResourceNotFoundException: ${isGroup ? "GROUP" : "USER"} not found`;
                throw Object.assign(new Error(details), { details });
            }
            return isGroup ? { id, groupId: id, displayName: wanted } : { id, userId: id, userName: wanted };
        }
        if (args.token === "cloudflare:index/getZeroTrustOrganization:getZeroTrustOrganization") {
            return { authDomain: this.authDomain, name: "acme" };
        }
        return {};
    }

    /** The single registration of `type` named `name`; fails the test when there is none or several. */
    find(type: string, name: string): RegisteredResource {
        const hits = this.resources.filter((r) => r.type === type && r.name === name);
        if (hits.length !== 1) {
            const seen = this.resources.map((r) => `${r.type} ${r.name}`).join("\n  ");
            throw new Error(`expected one ${type} named ${name}, found ${hits.length}; registered:\n  ${seen}`);
        }
        return hits[0];
    }

    /** All registrations of a type. */
    ofType(type: string): RegisteredResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    async close(): Promise<void> {
        this.host.close();
        await this.teamDomain.close();
    }

    private async compute(args: pulumi.runtime.MockResourceArgs): Promise<{ id: string; state: Record<string, any> }> {
        const inputs = args.inputs;
        switch (args.type) {
            case "cloudflare:index/zeroTrustAccessApplication:ZeroTrustAccessApplication": {
                if (this.options.preview) {
                    // A create in preview: Cloudflare has not computed anything yet.
                    const unknownSaas = { ...inputs.saasApp, idpEntityId: UNKNOWN, ssoEndpoint: UNKNOWN, publicKey: UNKNOWN };
                    return { id: "", state: { ...inputs, aud: UNKNOWN, saasApp: unknownSaas } };
                }
                const aud = stableHex(`${inputs.accountId}/${args.name}`, 64);
                const ssoEndpoint = `https://${this.authDomain}/cdn-cgi/access/sso/saml/${aud}`;
                const app: MockAccessApp = {
                    aud,
                    ssoEndpoint,
                    idpEntityId: `https://${this.authDomain}/${aud}`,
                    certificate: issueCertificate({ commonName: `${this.authDomain}` }),
                };
                this.apps.set(aud, app);
                const saasApp = {
                    ...inputs.saasApp,
                    idpEntityId: app.idpEntityId,
                    ssoEndpoint: app.ssoEndpoint,
                    publicKey: app.certificate.certPem,
                };
                return { id: uuidOf(aud), state: { ...inputs, aud, saasApp } };
            }
            case "cloudflare:index/zeroTrustAccessPolicy:ZeroTrustAccessPolicy":
                return { id: uuidOf(stableHex(`policy/${args.name}`, 32)), state: inputs };
            default:
                if (args.type.startsWith(DYNAMIC_TYPE_PREFIX)) return this.runDynamic(args);
                return { id: `${args.name}-id`, state: { ...inputs, ...awsComputedState(args.type, args.name) } };
        }
    }

    // The engine calls check, then (outside preview) create; the results land in state next to the inputs.
    private async runDynamic(args: pulumi.runtime.MockResourceArgs): Promise<{ id: string; state: Record<string, any> }> {
        const providerText: string = args.inputs.__provider;
        const wireInputs = toWire(args.inputs) as Record<string, any>;
        this.providerCalls.push("check");
        const checked = await this.host.call<{ inputs?: Record<string, any>; failures?: { property: string; reason: string }[] }>(
            providerText,
            "check",
            [{}, wireInputs],
        );
        if (checked?.failures?.length) {
            throw new Error(checked.failures.map((f) => `${f.property}: ${f.reason}`).join("\n"));
        }
        const inputs = { ...(checked?.inputs ?? wireInputs), __provider: providerText };
        if (this.options.preview) {
            return { id: "", state: inputs };
        }
        this.providerCalls.push("create");
        const created = await this.host.call<{ id: string; outs: Record<string, any> }>(providerText, "create", [inputs]);
        return { id: created.id, state: { ...inputs, ...created.outs } };
    }
}

// The engine hands dynamic providers unknown values as the placeholder string; the mock monitor gives us the SDK's
// Unknown object instead, so translate back before the host sees them.
function toWire(value: unknown): unknown {
    if (pulumi.isUnknown(value)) return UNKNOWN;
    if (Array.isArray(value)) return value.map(toWire);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
    return value;
}

function urnOf(args: pulumi.runtime.MockResourceArgs): string {
    return `urn:pulumi:test::zero-trust-aws-sso::${args.type}::${args.name}`;
}

function stableHex(seed: string, length: number): string {
    return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

function uuidOf(hex: string): string {
    const h = stableHex(hex, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
