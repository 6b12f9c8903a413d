// The engine side of the Engine gRPC service a provider logs through: records every Log call for assertions.
import type { sendUnaryData, ServerUnaryCall, UntypedServiceImplementation } from "@grpc/grpc-js";
import type * as engpb from "@pulumi/pulumi/proto/engine_pb";
import { serve, type RunningServer } from "./grpcServer";
import { emptyproto, engproto, engrpc } from "./grpcStubs";

export interface LogEntry {
    severity: "debug" | "info" | "warning" | "error";
    message: string;
    urn: string;
    ephemeral: boolean;
}

const SEVERITIES: LogEntry["severity"][] = ["debug", "info", "warning", "error"];

/** The engine's Engine service, as far as a provider uses it: Log, and the root-resource pair. */
export class FakeEngine {
    readonly logs: LogEntry[] = [];
    rootUrn = "";

    start(): Promise<RunningServer> {
        return serve(engrpc.EngineService as never, this.implementation());
    }

    private implementation(): UntypedServiceImplementation {
        return {
            log: (call: ServerUnaryCall<engpb.LogRequest, unknown>, done: sendUnaryData<unknown>) => {
                this.logs.push(toLogEntry(call.request));
                done(null, new emptyproto.Empty());
            },
            getRootResource: (_call: unknown, done: sendUnaryData<unknown>) => {
                done(null, new engproto.GetRootResourceResponse().setUrn(this.rootUrn));
            },
            setRootResource: (call: ServerUnaryCall<engpb.SetRootResourceRequest, unknown>, done: sendUnaryData<unknown>) => {
                this.rootUrn = call.request.getUrn();
                done(null, new engproto.SetRootResourceResponse());
            },
        };
    }
}

function toLogEntry(req: engpb.LogRequest): LogEntry {
    return {
        severity: SEVERITIES[req.getSeverity()] ?? "info",
        message: req.getMessage(),
        urn: req.getUrn(),
        ephemeral: req.getEphemeral(),
    };
}
