// A gRPC server on 127.0.0.1 for the fake engine services.
import type { ServiceDefinition, UntypedServiceImplementation } from "@grpc/grpc-js";
import { grpc } from "./grpcStubs";

export interface RunningServer {
    /** `127.0.0.1:<port>` */
    readonly address: string;
    stop(): Promise<void>;
}

/** Serves one gRPC service on 127.0.0.1 at a port the kernel picks. Unimplemented methods answer UNIMPLEMENTED. */
export async function serve(service: ServiceDefinition, impl: UntypedServiceImplementation): Promise<RunningServer> {
    const server = new grpc.Server();
    server.addService(service, impl);
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    return { address: `127.0.0.1:${port}`, stop: () => shutdown(server) };
}

function shutdown(server: InstanceType<typeof grpc.Server>): Promise<void> {
    return new Promise((resolve) => {
        const timer = setTimeout(() => server.forceShutdown(), 2000);
        server.tryShutdown(() => {
            clearTimeout(timer);
            resolve();
        });
    });
}
