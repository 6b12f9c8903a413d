// The Pulumi SDK's own gRPC stubs and the exact @grpc/grpc-js and google-protobuf copies they were built against.
// google-protobuf in particular must be the SDK's copy (a fresh install nests 3.x under @pulumi/pulumi): messages
// built with another copy fail the stubs' serializers.
import { createRequire } from "node:module";

const sdkRequire = createRequire(require.resolve("@pulumi/pulumi/package.json"));

export const grpc: typeof import("@grpc/grpc-js") = sdkRequire("@grpc/grpc-js");
export const structproto: typeof import("google-protobuf/google/protobuf/struct_pb") = sdkRequire(
    "google-protobuf/google/protobuf/struct_pb",
);
export const emptyproto: typeof import("google-protobuf/google/protobuf/empty_pb") = sdkRequire("google-protobuf/google/protobuf/empty_pb");
export const engrpc: typeof import("@pulumi/pulumi/proto/engine_grpc_pb") = sdkRequire("./proto/engine_grpc_pb");
export const engproto: typeof import("@pulumi/pulumi/proto/engine_pb") = sdkRequire("./proto/engine_pb");
export const resrpc: typeof import("@pulumi/pulumi/proto/resource_grpc_pb") = sdkRequire("./proto/resource_grpc_pb");
export const resproto: typeof import("@pulumi/pulumi/proto/resource_pb") = sdkRequire("./proto/resource_pb");
export const provrpc: typeof import("@pulumi/pulumi/proto/provider_grpc_pb") = sdkRequire("./proto/provider_grpc_pb");
export const provproto: typeof import("@pulumi/pulumi/proto/provider_pb") = sdkRequire("./proto/provider_pb");
export const statusproto: typeof import("@pulumi/pulumi/proto/status_pb") = sdkRequire("./proto/status_pb");
export const errorproto: typeof import("@pulumi/pulumi/proto/errors_pb") = sdkRequire("./proto/errors_pb");

/** The SDK's package.json directory, e.g. for `cmd/run-plugin`. */
export const sdkDir = require.resolve("@pulumi/pulumi/package.json").replace(/[\\/]package\.json$/, "");

/** Converts a plain JSON-like object to a protobuf Struct (undefined values are dropped, as the engine does). */
export function toStruct(value: Record<string, unknown> | undefined): InstanceType<typeof structproto.Struct> {
    return structproto.Struct.fromJavaScript(JSON.parse(JSON.stringify(value ?? {})));
}

/** Converts a protobuf Struct (or nothing) to a plain object. */
export function fromStruct(struct: { toJavaScript(): Record<string, unknown> } | undefined): Record<string, unknown> {
    return struct ? struct.toJavaScript() : {};
}
