// Client side of providerHostProcess.js: runs serialized dynamic providers in a fresh Node process, the way the Pulumi
// engine does, so that a test proves the `__provider` text works without this repo's modules already in memory.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loopbackTls } from "./certificates";

/** A running provider host. */
export interface ProviderHost {
    /** Calls `method` on the provider deserialized from `providerText`; rejects with the provider's error message. */
    call<T>(providerText: string, method: string, args: unknown[]): Promise<T>;
    close(): void;
}

/**
 * Starts a host process in `cwd` (the program's directory: module resolution starts there, as in the engine).
 * The test CA is trusted through NODE_EXTRA_CA_CERTS, exactly how an operator behind a TLS-inspecting proxy would.
 */
export function startProviderHost(cwd: string, extraEnv: Record<string, string> = {}): ProviderHost {
    const caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ztas-ca-")), "ca.pem");
    fs.writeFileSync(caFile, loopbackTls().ca.certPem);
    const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [path.join(__dirname, "providerHostProcess.js")], {
        cwd,
        env: { PATH: process.env.PATH ?? "", NODE_EXTRA_CA_CERTS: caFile, ...extraEnv },
        stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
    let buffer = "";
    child.stdout.on("data", (d: Buffer) => {
        buffer += d.toString();
        let nl: number;
        while ((nl = buffer.indexOf("\n")) >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            const msg = JSON.parse(line) as { id: number; result?: unknown; error?: string };
            const p = pending.get(msg.id);
            pending.delete(msg.id);
            if (msg.error !== undefined) p?.reject(new Error(msg.error));
            else p?.resolve(msg.result ?? undefined);
        }
    });
    child.on("exit", (code) => {
        for (const p of pending.values()) p.reject(new Error(`provider host exited with ${code}: ${stderr}`));
        pending.clear();
    });
    let nextId = 1;
    return {
        call<T>(providerText: string, method: string, args: unknown[]): Promise<T> {
            const id = nextId++;
            return new Promise<T>((resolve, reject) => {
                pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
                child.stdin.write(JSON.stringify({ id, method, providerText, args }) + "\n");
            });
        },
        close() {
            child.stdin.end();
            child.kill();
            fs.rmSync(path.dirname(caFile), { recursive: true, force: true });
        },
    };
}
