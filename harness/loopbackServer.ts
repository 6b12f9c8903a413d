// A real HTTPS server on 127.0.0.1 for tests and the demo. Each test scripts the responses; the server counts
// requests and records their headers so tests can assert what the client sent.
import * as https from "node:https";
import type { IncomingMessage, ServerResponse, IncomingHttpHeaders } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { loopbackTls } from "./certificates";

/** Handles one request; `index` counts from 0 over the server's lifetime. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse, index: number) => void;

/** A running loopback server. */
export interface LoopbackServer {
    port: number;
    /** `https://127.0.0.1:<port><path>` */
    url(path?: string): string;
    /** `https://localhost:<port><path>` */
    localhostUrl(path?: string): string;
    /** Requests seen so far, in order. */
    requests: { method: string; path: string; headers: IncomingHttpHeaders; at: number }[];
    close(): Promise<void>;
}

/** Starts an HTTPS server on an ephemeral loopback port with the test CA's server certificate. */
export async function startLoopbackServer(handler: RequestHandler, tls = loopbackTls()): Promise<LoopbackServer> {
    const sockets = new Set<Socket>();
    const requests: LoopbackServer["requests"] = [];
    const server = https.createServer({ key: tls.server.keyPem, cert: tls.server.certPem }, (req, res) => {
        const index = requests.length;
        requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, at: Date.now() });
        handler(req, res, index);
    });
    server.on("connection", (s: Socket) => {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
    });
    // A client that gives up mid-handshake is a normal event in fault tests, not a reason to crash.
    server.on("tlsClientError", () => undefined);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    return {
        port,
        url: (path = "/") => `https://127.0.0.1:${port}${path}`,
        localhostUrl: (path = "/") => `https://localhost:${port}${path}`,
        requests,
        close: () =>
            new Promise<void>((resolve) => {
                for (const s of sockets) s.destroy();
                server.close(() => resolve());
            }),
    };
}

/** A handler that always answers 200 with the given XML. */
export function serveXml(xml: string, contentType = "application/samlmetadata+xml"): RequestHandler {
    return (_req, res) => {
        res.writeHead(200, { "content-type": contentType });
        res.end(xml);
    };
}
