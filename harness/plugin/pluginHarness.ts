// A source-based plugin run the way the Pulumi engine runs it (harness/plugin/pluginProcess.ts), against a fake
// Engine and ResourceMonitor served on 127.0.0.1 with the SDK's own gRPC stubs. Two plugin processes, as the engine
// has them: one constructs components, the other is the package's default provider and serves the custom resources
// the first one registers (Check, then Create outside a preview).
import { FakeEngine, type LogEntry } from "./fakeEngine";
import { FakeMonitor, type CustomResourceHandler, type DeploymentSettings, type RegisteredOutputs, type Registration } from "./fakeMonitor";
import type { RunningServer } from "./grpcServer";
import { launchPlugin, type PluginProcess } from "./pluginProcess";
import { ProviderClient } from "./providerClient";
import { unwrap } from "../wire";

type Props = Record<string, unknown>;

export interface HarnessOptions {
    pluginDir: string;
    /** The plugin's package name, e.g. `zero-trust-aws-sso`: its own custom resources are created by the plugin. */
    packageName: string;
    consumerDir?: string;
    env?: Record<string, string>;
    deployment?: Partial<DeploymentSettings>;
    /** What the engine answers for other packages' custom resources; default: an echo of the inputs. */
    otherCustomResource?: CustomResourceHandler;
}

export interface ConstructOptions {
    dryRun?: boolean;
    parent?: string;
    config?: Record<string, string>;
    inputDependencies?: Record<string, string[]>;
}

export interface ConstructOutcome {
    urn: string;
    /** The response state with wire wrappers stripped; `wireState` keeps them (secrets, unknowns). */
    state: Props;
    wireState: Props;
    stateDependencies: Record<string, string[]>;
    /** Every RegisterResource the monitor received during this construct, component first. */
    registrations: Registration[];
    registeredOutputs: RegisteredOutputs[];
    logs: LogEntry[];
}

/** One running plugin process and its gRPC client. */
export interface PluginInstance {
    process: PluginProcess;
    client: ProviderClient;
}

/**
 * `construct` drives a component through the first plugin process; the plugin's own custom resources registered
 * during it go to the second process (the package's default provider); other custom resources get
 * `otherCustomResource`. `resources` is the second process, for driving the custom resources directly.
 */
export class PluginHarness {
    readonly engine = new FakeEngine();
    readonly monitor: FakeMonitor;
    private servers: RunningServer[] = [];
    private instances: PluginInstance[] = [];

    private constructor(private readonly opts: HarnessOptions) {
        this.monitor = new FakeMonitor({
            project: "consumer",
            stack: "test",
            organization: "organization",
            dryRun: false,
            ...opts.deployment,
        });
        this.monitor.onCustomResource = (reg, dryRun) => this.customResource(reg, dryRun);
    }

    static async start(opts: HarnessOptions): Promise<PluginHarness> {
        const harness = new PluginHarness(opts);
        try {
            await harness.boot();
        } catch (err) {
            await harness.stop();
            throw err;
        }
        return harness;
    }

    private async boot(): Promise<void> {
        const engine = await this.engine.start();
        this.servers.push(engine, await this.monitor.start());
        // One after the other: two cold starts at once on a small machine only make both slower.
        for (let i = 0; i < 2; i++) {
            const process = await launchPlugin({
                pluginDir: this.opts.pluginDir,
                engineAddress: engine.address,
                consumerDir: this.opts.consumerDir,
                env: this.opts.env,
            });
            this.instances.push({ process, client: new ProviderClient(`127.0.0.1:${process.port}`) });
        }
    }

    private instance(i: number): PluginInstance {
        const found = this.instances[i];
        if (!found) throw new Error("PluginHarness: not started");
        return found;
    }

    /** The process that constructs components. */
    get components(): PluginInstance {
        return this.instance(0);
    }

    /** The process that serves the package's custom resources (the engine's default provider for the package). */
    get resources(): PluginInstance {
        return this.instance(1);
    }

    urn(type: string, name: string, parentUrn = ""): string {
        return this.monitor.urnFor(type, name, parentUrn);
    }

    async construct(type: string, name: string, inputs: Props, opts: ConstructOptions = {}): Promise<ConstructOutcome> {
        const marks = {
            regs: this.monitor.registrations.length,
            outs: this.monitor.registeredOutputs.length,
            logs: this.engine.logs.length,
        };
        this.monitor.deployment.dryRun = opts.dryRun ?? false;
        const { project, stack, organization, dryRun } = this.monitor.deployment;
        const monitorEndpoint = this.servers[1].address;
        const result = await this.components.client.construct(type, name, inputs, {
            project,
            stack,
            organization,
            dryRun,
            monitorEndpoint,
            ...opts,
        });
        return {
            ...result,
            state: unwrap(result.wireState) as Props,
            registrations: this.monitor.registrations.slice(marks.regs),
            registeredOutputs: this.monitor.registeredOutputs.slice(marks.outs),
            logs: this.engine.logs.slice(marks.logs),
        };
    }

    /** The engine's part for a custom resource: the plugin's own types go through its Check, then Create. */
    private async customResource(reg: Registration, dryRun: boolean): Promise<{ id: string; outputs: Props }> {
        if (reg.type.split(":")[0] !== this.opts.packageName) {
            if (this.opts.otherCustomResource) return this.opts.otherCustomResource(reg, dryRun);
            return { id: dryRun ? "" : `${reg.name}-id`, outputs: reg.wireInputs };
        }
        const provider = this.resources.client;
        const checked = await provider.check(reg.urn, {}, reg.wireInputs);
        if (checked.failures.length > 0) {
            throw new Error(`check failed for ${reg.urn}: ${checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
        }
        // Node providers do not announce supportsPreview, so in a preview the engine skips Create and the outputs
        // are the checked inputs (everything else unknown).
        if (dryRun) return { id: "", outputs: checked.inputs };
        const created = await provider.create(reg.urn, checked.inputs);
        return { id: created.id, outputs: created.properties };
    }

    async stop(): Promise<void> {
        for (const { client, process } of this.instances) {
            client.close();
            await process.stop();
        }
        this.instances = [];
        await Promise.all(this.servers.map((s) => s.stop()));
        this.servers = [];
    }
}
