// Starts a plugin directory exactly as the nodejs language host does (pulumi-language-nodejs RunPlugin) and reads
// its port; records the start time.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

export interface LaunchOptions {
    /** The plugin directory: PulumiPlugin.yaml, package.json (`main`) and its installed node_modules. */
    pluginDir: string;
    /** The engine's gRPC address, passed as the plugin's only argument. */
    engineAddress: string;
    /** The consumer's project directory (the plugin's cwd); a fresh empty temporary directory when omitted. */
    consumerDir?: string;
    /** Extra environment variables for the plugin. */
    env?: Record<string, string>;
    /** How long to wait for the port, in milliseconds. Default 60000. */
    startTimeoutMs?: number;
}

export interface PluginProcess {
    readonly port: number;
    /** Milliseconds from spawn to the port on stdout. */
    readonly startMs: number;
    readonly consumerDir: string;
    readonly runPluginPath: string;
    output(): { stdout: string; stderr: string };
    stop(): Promise<void>;
}

/**
 * Finds `@pulumi/pulumi/cmd/run-plugin` the way the nodejs language host does (`locateModule`): `require.resolve`
 * run by node with the plugin directory as cwd, so the plugin's own installed SDK is used.
 */
export async function locateRunPlugin(pluginDir: string): Promise<string> {
    const script = "console.log(require.resolve('@pulumi/pulumi/cmd/run-plugin'))";
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], { cwd: pluginDir });
    return stdout.trim();
}

/**
 * Starts a plugin as `pulumi-language-nodejs` RunPlugin does: `node <run-plugin> <pluginDir> <engineAddress>`, cwd =
 * the consumer's directory, PULUMI_NODEJS_TYPESCRIPT=true, and waits for the port it prints as its first line.
 */
export async function launchPlugin(opts: LaunchOptions): Promise<PluginProcess> {
    const pluginDir = path.resolve(opts.pluginDir);
    const runPluginPath = await locateRunPlugin(pluginDir);
    const consumerDir = opts.consumerDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "plugin-consumer-"));
    const started = Date.now();
    const child = spawn(process.execPath, [runPluginPath, pluginDir, opts.engineAddress], {
        cwd: consumerDir,
        env: pluginEnv(opts.env),
        stdio: ["ignore", "pipe", "pipe"],
    });
    const out = captureOutput(child);
    const port = await waitForPort(child, out, opts.startTimeoutMs ?? 60000);
    return {
        port,
        startMs: Date.now() - started,
        consumerDir,
        runPluginPath,
        output: () => ({ stdout: out.stdout, stderr: out.stderr }),
        stop: () => stopChild(child, opts.consumerDir ? undefined : consumerDir),
    };
}

function pluginEnv(extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
    // The language host passes the engine's environment; NODE_OPTIONS/TS_NODE_* from a test runner must not leak in.
    const env: NodeJS.ProcessEnv = { ...process.env, PULUMI_NODEJS_TYPESCRIPT: "true", ...extra };
    for (const key of Object.keys(env)) {
        if (key === "NODE_OPTIONS" || key.startsWith("TS_NODE_")) delete env[key];
    }
    return env;
}

interface Output {
    stdout: string;
    stderr: string;
}

function captureOutput(child: ChildProcess): Output {
    const out: Output = { stdout: "", stderr: "" };
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out.stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (out.stderr += chunk));
    return out;
}

/** The engine reads the first stdout line as the port; anything else there is a broken plugin. */
function waitForPort(child: ChildProcess, out: Output, timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
        const fail = (why: string) => {
            cleanup();
            child.kill("SIGKILL");
            reject(new Error(`plugin did not start: ${why}\n--- stdout ---\n${out.stdout}\n--- stderr ---\n${out.stderr}`));
        };
        const onData = () => {
            const newline = out.stdout.indexOf("\n");
            if (newline < 0) return;
            const first = out.stdout.slice(0, newline).trim();
            cleanup();
            if (/^\d+$/.test(first)) resolve(Number(first));
            else fail(`first stdout line is not a port: ${JSON.stringify(first)}`);
        };
        const onExit = (code: number | null, signal: string | null) => fail(`exited (code ${code}, signal ${signal})`);
        const timer = setTimeout(() => fail(`no port within ${timeoutMs} ms`), timeoutMs);
        const cleanup = () => {
            clearTimeout(timer);
            child.stdout!.off("data", onData);
            child.off("exit", onExit);
        };
        child.stdout!.on("data", onData);
        child.once("exit", onExit);
    });
}

async function stopChild(child: ChildProcess, tempDir: string | undefined): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
        await exited;
        clearTimeout(timer);
    }
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
}
