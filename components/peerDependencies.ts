// The component's peer dependencies, checked when the package entry loads.
//
// The Pulumi SDKs are optional peers (package.json peerDependenciesMeta) so that installing the package for its CLI
// alone (`npx zero-trust-aws-sso`) pulls no @pulumi/* package: the CLI never loads them (components/cli/cli.ts).
// npm therefore no longer installs them for a Pulumi program either, and a program that forgot one would otherwise
// fail deep inside a require chain with "Cannot find module"; this check names every missing package and the command
// that installs it, before any module that needs them is loaded.

/** A peer the component needs, with the range package.json declares for it. */
export interface PeerPackage {
    name: string;
    range: string;
}

/** The component's peers; keep in step with peerDependencies in package.json (tests/peerDependencies.test.ts). */
export const COMPONENT_PEERS: readonly PeerPackage[] = [
    { name: "@pulumi/pulumi", range: "^3.142.0" },
    { name: "@pulumi/cloudflare", range: "^6.1.2" },
    { name: "@pulumi/aws", range: "^7.2.0" },
];

/** Thrown when a peer dependency is not installed; the message names the packages and the command to install them. */
export class MissingPeerDependencyError extends Error {
    /** The missing packages, e.g. `["@pulumi/aws"]`. */
    readonly packages: string[];
    constructor(missing: readonly PeerPackage[]) {
        const specs = missing.map((p) => `${p.name}@${p.range}`);
        super(
            `zero-trust-aws-sso needs ${missing.map((p) => p.name).join(", ")}, which ${missing.length === 1 ? "is" : "are"} not ` +
                `installed. Install ${missing.length === 1 ? "it" : "them"} next to it: npm install ${specs.join(" ")}`,
        );
        this.name = "MissingPeerDependencyError";
        this.packages = missing.map((p) => p.name);
    }
}

/**
 * Whether `name` resolves from `resolve`'s location. Only "this very package cannot be found" counts as missing: a
 * peer that is installed but broken (say, one of ITS dependencies is missing) is left to fail with its own error.
 */
export function peerIsInstalled(name: string, resolve: (id: string) => string = require.resolve): boolean {
    try {
        resolve(name);
        return true;
    } catch (err) {
        const e = err as { code?: string; message?: string };
        const firstLine = (e.message ?? "").split("\n")[0];
        if (e.code === "MODULE_NOT_FOUND" && firstLine === `Cannot find module '${name}'`) return false;
        throw err;
    }
}

/** Throws MissingPeerDependencyError naming every peer of `peers` that `resolve` cannot find. */
export function requirePeers(peers: readonly PeerPackage[] = COMPONENT_PEERS, resolve?: (id: string) => string): void {
    const missing = peers.filter((p) => !peerIsInstalled(p.name, resolve));
    if (missing.length > 0) throw new MissingPeerDependencyError(missing);
}
