// Raw TCP/TLS servers on 127.0.0.1 for network-fault tests: faults below HTTP (refused, cut handshakes, silent
// peers) that an HTTPS server cannot script. Every server counts connections so tests can assert retries.
import * as net from "node:net";
import * as tls from "node:tls";
import type { AddressInfo } from "node:net";
import type { TlsMaterial } from "./certificates";

/** Called per accepted connection; `index` counts from 0. With TLS, called once the handshake completes. */
export type ConnectionHandler = (socket: net.Socket, index: number) => void;

/** A running raw server. */
export interface RawServer {
    port: number;
    /** `https://127.0.0.1:<port><path>` */
    url(path?: string): string;
    /** Accept times (Date.now()) of every TCP connection, in order. */
    connections: number[];
    close(): Promise<void>;
}

/**
 * Starts a TCP server (or, with `tlsMaterial`, a TLS server) on an ephemeral loopback port. The handler owns each
 * socket; sockets still open are destroyed on close.
 */
export async function startRawServer(handler: ConnectionHandler, tlsMaterial?: TlsMaterial): Promise<RawServer> {
    const sockets = new Set<net.Socket>();
    const connections: number[] = [];
    let accepted = 0;
    const server: net.Server = tlsMaterial
        ? tls.createServer({ key: tlsMaterial.server.keyPem, cert: tlsMaterial.server.certPem }, (s) => handler(s, accepted - 1))
        : net.createServer((s) => handler(s, accepted - 1));
    server.on("connection", (s: net.Socket) => {
        accepted++;
        connections.push(Date.now());
        sockets.add(s);
        // Clients abandoning connections is the point of these tests, not a failure of the server.
        s.on("error", () => undefined);
        s.on("close", () => sockets.delete(s));
    });
    server.on("tlsClientError", () => undefined);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    return {
        port,
        url: (path = "/") => `https://127.0.0.1:${port}${path}`,
        connections,
        close: () =>
            new Promise<void>((resolve) => {
                for (const s of sockets) s.destroy();
                server.close(() => resolve());
            }),
    };
}

/** A loopback port with nothing listening: bound, then released. Connecting to it is refused. */
export async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
}
