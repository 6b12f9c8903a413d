// The multi-language plugin (plugin/), run exactly as the nodejs language host runs it, from an empty consumer
// directory, and driven over gRPC by a fake engine (harness/plugin): the schema it serves, the component it
// constructs (the same children as the TypeScript class, with `<name>-metadata` as the plugin's custom resource,
// created by a second plugin process as the engine would), its refusal of bad arguments, and SamlMetadata's own
// check/diff/create/read/update/delete, a certificate rotation included. Two plugin starts for the whole suite.
import { strict as assert } from "node:assert";
import { X509Certificate } from "node:crypto";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ServiceError } from "@grpc/grpc-js";
import { ZeroTrustAwsSso, type ZeroTrustAwsSsoArgs } from "../components";
import { planZeroTrustAwsSso } from "../components/plan/zeroTrustAwsSsoPlan";
import { issueCertificate, loopbackTls, type IssuedCertificate } from "../harness/certificates";
import { startLoopbackServer, type LoopbackServer } from "../harness/loopbackServer";
import { metadataDocument } from "../harness/metadataDocument";
import { MockCloud } from "../harness/mockCloud";
import { valueOf } from "../harness/outputs";
import { APP, GET_INSTANCES, POLICY, USER } from "../harness/resourceTypes";
import type { Registration } from "../harness/plugin/fakeMonitor";
import { PluginHarness } from "../harness/plugin/pluginHarness";
import { clonePlugin, type PluginClone } from "../harness/plugin/pluginInstall";
import { inputPropertyProblems } from "../harness/plugin/providerClient";
import { danglingRefs, metaschemaErrors } from "../harness/plugin/schemaCheck";
import { outputValue, secret, UNKNOWN } from "../harness/wire";

const COMPONENT = "zero-trust-aws-sso:index:ZeroTrustAwsSso";
const SAML_METADATA = "zero-trust-aws-sso:index:SamlMetadata";
const REPO = path.resolve(__dirname, "..");
const ISSUER = "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890";
const ACS = "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0f2e4c1a-8b9d-4e6f-a1b2-c3d4e5f60718";
const AUD = "a".repeat(64);

type Props = Record<string, any>;

function componentArgs(overrides: Props = {}): Props {
    return {
        accountId: "0123456789abcdef0123456789abcdef",
        awsIssuerUrl: ISSUER,
        awsAcsUrl: ACS,
        access: { emails: ["Grace@Example.com", "ada@example.com"], emailDomains: ["example.org"], groupIds: ["g-1"] },
        samlAttributes: [{ name: "https://aws.amazon.com/SAML/Attributes/AccessControl:Team", source: "team" }],
        metadata: { allowedHosts: ["localhost"], timeoutMs: 5000, retry: { attempts: 2, minDelayMs: 10, maxDelayMs: 20 } },
        identityCenter: {
            instanceArn: "arn:aws:sso:::instance/ssoins-1234567890abcdef",
            identityStoreId: "d-1234567890",
            users: [{ email: "ada@example.com", givenName: "Ada", familyName: "Lovelace" }],
        },
        ...overrides,
    };
}

describe("multi-language plugin (plugin/), over gRPC", function () {
    this.timeout(180000);
    let clone: PluginClone;
    let harness: PluginHarness;
    let teamDomain: LoopbackServer;
    let caDir: string;
    // What the team domain serves: the certificate of the (one) Access application, swapped to test a rotation.
    let served: IssuedCertificate = issueCertificate({ commonName: "plugin-test" });
    const ssoEndpoint = () => `https://localhost:${teamDomain.port}/cdn-cgi/access/sso/saml/${AUD}`;
    const entityId = () => `https://localhost:${teamDomain.port}/${AUD}`;
    const servedXml = () => metadataDocument({ entityId: entityId(), ssoUrl: ssoEndpoint(), certificates: [served.base64] });

    before(async function () {
        teamDomain = await startLoopbackServer((_req, res) => {
            res.writeHead(200, { "content-type": "application/samlmetadata+xml" });
            res.end(servedXml());
        });
        // The plugin trusts the test CA the way an operator behind a TLS-inspecting proxy would.
        caDir = fs.mkdtempSync(path.join(os.tmpdir(), "ztas-plugin-ca-"));
        fs.writeFileSync(path.join(caDir, "ca.pem"), loopbackTls().ca.certPem);
        clone = clonePlugin();
        harness = await PluginHarness.start({
            pluginDir: clone.pluginDir,
            packageName: "zero-trust-aws-sso",
            env: { NODE_EXTRA_CA_CERTS: path.join(caDir, "ca.pem") },
            otherCustomResource: async (reg, dryRun) => cloudflareAnswer(reg, dryRun),
        });
        const { components, resources } = harness;
        console.log(`      plugin starts: ${components.process.startMs} ms and ${resources.process.startMs} ms`);
    });

    after(async () => {
        await harness?.stop();
        await teamDomain?.close();
        clone?.remove();
        if (caDir) fs.rmSync(caDir, { recursive: true, force: true });
    });

    // The Access application's computed SAML values point at the loopback team domain; anything else is echoed.
    function cloudflareAnswer(reg: Registration, dryRun: boolean): { id: string; outputs: Props } {
        if (reg.type !== APP) return { id: dryRun ? "" : `${reg.name}-id`, outputs: reg.wireInputs };
        const computed = dryRun
            ? { ssoEndpoint: UNKNOWN, idpEntityId: UNKNOWN, publicKey: UNKNOWN }
            : { ssoEndpoint: ssoEndpoint(), idpEntityId: entityId(), publicKey: served.certPem };
        const saasApp = { ...(reg.wireInputs.saasApp as Props), ...computed };
        return { id: dryRun ? "" : "app-id", outputs: { ...reg.wireInputs, aud: dryRun ? UNKNOWN : AUD, saasApp } };
    }

    describe("plugin directory", () => {
        it("is laid out for the nodejs language host: PulumiPlugin.yaml, main built by npm's postinstall", () => {
            assert.match(fs.readFileSync(path.join(REPO, "plugin", "PulumiPlugin.yaml"), "utf8"), /^runtime: nodejs$/m);
            const manifest = JSON.parse(fs.readFileSync(path.join(clone.pluginDir, "package.json"), "utf8"));
            assert.ok(fs.existsSync(path.join(clone.pluginDir, manifest.main)), `${manifest.main} exists after the install`);
            assert.equal(manifest.scripts.postinstall, "node build.js");
            for (const dep of ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/cloudflare", "@xmldom/xmldom", "typescript", "ts-node"]) {
                assert.ok(manifest.dependencies[dep], `${dep} is a dependency of the plugin itself`);
            }
            assert.match(manifest.dependencies.typescript, /^\^5\./);
            assert.match(clone.installLog, /compiled \d+ files into lib/);
            // run-plugin registers ts-node with type checking; a JavaScript main (and nothing but JavaScript under
            // lib/) means no type check can stop the plugin at start.
            assert.match(manifest.main, /^lib\/.*\.js$/);
            const typeScript = (dir: string): string[] =>
                fs
                    .readdirSync(dir, { withFileTypes: true })
                    .flatMap((e) => (e.isDirectory() ? typeScript(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [e.name] : []));
            assert.deepEqual(typeScript(path.join(clone.pluginDir, "lib")), []);
        });

        it("runs from an empty consumer directory and leaves it empty", () => {
            for (const { process } of [harness.components, harness.resources]) {
                assert.deepEqual(fs.readdirSync(process.consumerDir), []);
                assert.ok(path.relative(REPO, process.consumerDir).startsWith(".."), "outside this repository");
            }
        });

        it("carries the root package's version, and reports it from GetPluginInfo", async () => {
            const rootVersion = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")).version;
            const pluginVersion = JSON.parse(fs.readFileSync(path.join(REPO, "plugin", "package.json"), "utf8")).version;
            assert.equal(pluginVersion, rootVersion);
            assert.equal(await harness.components.client.getPluginInfo(), rootVersion);
        });
    });

    describe("GetSchema", () => {
        let schema: Props;
        before(async () => {
            schema = JSON.parse(await harness.components.client.getSchema());
        });

        it("validates against Pulumi's metaschema and has no dangling $ref", () => {
            assert.deepEqual(metaschemaErrors(schema), []);
            assert.deepEqual(danglingRefs(schema), []);
            assert.equal(schema.name, "zero-trust-aws-sso");
            assert.equal(schema.version, JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")).version);
        });

        it("serves the component and SamlMetadata as a custom resource", () => {
            assert.deepEqual(Object.keys(schema.resources).sort(), [SAML_METADATA, COMPONENT]);
            assert.equal(schema.resources[COMPONENT].isComponent, true);
            assert.equal(schema.resources[SAML_METADATA].isComponent, undefined);
        });

        it("takes every argument of ZeroTrustAwsSsoArgs and gives every output, none of them plain", () => {
            const component = schema.resources[COMPONENT];
            assert.deepEqual(Object.keys(component.inputProperties).sort(), [
                "access",
                "accountId",
                "allowedIdps",
                "appName",
                "autoRedirectToIdentity",
                "awsAccessPortalUrl",
                "awsAcsUrl",
                "awsIssuerUrl",
                "identityCenter",
                "metadata",
                "samlAttributes",
                "scim",
                "sessionDuration",
            ]);
            assert.deepEqual(component.requiredInputs, ["accountId", "awsIssuerUrl", "awsAcsUrl"]);
            assert.deepEqual(Object.keys(component.properties).sort(), [
                "accessMismatches",
                "applicationId",
                "awsAccessPortalUrl",
                "awsSetupSteps",
                "idpEntityId",
                "metadata",
                "metadataUrl",
                "metadataXml",
                "signingCertificate",
                "signingCertificateNotAfter",
                "signingCertificateSha256",
                "ssoEndpoint",
            ]);
            assert.equal(JSON.stringify(schema).includes('"plain"'), false);
        });

        it("names object types so that the generated input classes read well (no ...ArgsArgs)", () => {
            const names = Object.keys(schema.types).map((t) => t.split(":")[2]);
            assert.deepEqual(names.sort(), [
                "AccessMismatches",
                "IdentityCenter",
                "IdentityCenterAssignment",
                "IdentityCenterGroup",
                "IdentityCenterPermissionSet",
                "IdentityCenterUser",
                "MetadataRetrieval",
                "RetryPolicy",
                "SamlAttribute",
                "SamlAttributeIdpSource",
                "Scim",
                "ScimMapping",
                "ScimMappingOperations",
                "ZeroTrustAwsSsoAccess",
            ]);
            assert.deepEqual(
                names.filter((n) => n.endsWith("Args")),
                [],
            );
        });
    });

    describe("examples/python", () => {
        // Pulumi's Python code generation names an input object type `<type name>Args` and every property in
        // snake_case; the generated SDK itself cannot be produced here (no Pulumi CLI), so the names are checked
        // against the schema the plugin serves.
        const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
        const program = fs.readFileSync(path.join(REPO, "examples", "python", "__main__.py"), "utf8");
        let schema: Props;
        before(async () => {
            schema = JSON.parse(await harness.components.client.getSchema());
        });

        it("is valid Python", () => {
            const compiled = spawnSync(
                "python3",
                ["-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())", path.join(REPO, "examples", "python", "__main__.py")],
                {
                    encoding: "utf8",
                },
            );
            assert.equal(compiled.status, 0, compiled.stderr);
        });

        it("uses only classes, arguments and outputs the schema generates", () => {
            const types = Object.keys(schema.types).map((t) => `${t.split(":")[2]}Args`);
            const classes = [...program.matchAll(/ztas\.(\w+)\(/g)].map((m) => m[1]);
            assert.deepEqual(
                classes.filter((c) => c !== "ZeroTrustAwsSso" && !types.includes(c)),
                [],
            );
            const properties = new Set<string>();
            for (const spec of [
                schema.resources[COMPONENT].inputProperties,
                ...Object.values(schema.types).map((t) => (t as Props).properties),
            ]) {
                Object.keys(spec).forEach((p) => properties.add(snake(p)));
            }
            const keywords = [...program.matchAll(/\b([a-z_]+)=/g)].map((m) => m[1]);
            assert.ok(keywords.length > 10);
            assert.deepEqual(
                keywords.filter((k) => !properties.has(k)),
                [],
            );
            const outputs = new Set(Object.keys(schema.resources[COMPONENT].properties).map(snake));
            const read = [...program.matchAll(/\bsso\.(\w+)/g)].map((m) => m[1]);
            assert.deepEqual(
                read.filter((o) => !outputs.has(o)),
                [],
            );
        });
    });

    describe("Construct ZeroTrustAwsSso", () => {
        it("registers the TypeScript component's children, with SamlMetadata as the plugin's custom resource", async () => {
            const out = await harness.construct(COMPONENT, "aws", componentArgs());
            assert.equal(out.urn, harness.urn(COMPONENT, "aws"));
            assert.deepEqual(
                out.registrations.map((r) => [
                    r.type,
                    r.name,
                    r.custom,
                    r.parent === "" ? "stack" : r.parent === out.urn ? "component" : r.parent,
                ]),
                [
                    [COMPONENT, "aws", false, "stack"],
                    [USER, "aws-user-ada@example.com", true, "component"],
                    [POLICY, "aws-policy", true, "component"],
                    [APP, "aws-app", true, "component"],
                    [SAML_METADATA, "aws-metadata", true, "component"],
                ],
            );
            for (const reg of out.registrations) {
                assert.equal("__provider" in reg.inputs, false, `${reg.name} carries no __provider`);
            }
            const metadata = out.registrations[4];
            assert.equal(metadata.provider, "", "the package's default provider, not a dynamic one");
            assert.deepEqual(metadata.inputs, {
                url: `${ssoEndpoint()}/saml-metadata`,
                expectedEntityId: entityId(),
                expectedSsoUrl: ssoEndpoint(),
                expectedCertificate: served.certPem,
                allowedHosts: ["localhost"],
                timeoutMs: 5000,
                retry: { attempts: 2, minDelayMs: 10, maxDelayMs: 20 },
            });
            assert.equal(metadata.id, `${ssoEndpoint()}/saml-metadata`);
        });

        it("resolves the outputs from the metadata the second plugin process downloaded", async () => {
            const out = await harness.construct(COMPONENT, "outs", componentArgs());
            const cert = new X509Certificate(served.certPem);
            assert.equal(out.state.metadataXml, servedXml());
            assert.equal(out.state.signingCertificateSha256, cert.fingerprint256);
            assert.equal(out.state.signingCertificateNotAfter, new Date(cert.validTo).toISOString());
            assert.equal(out.state.ssoEndpoint, ssoEndpoint());
            assert.equal(out.state.metadataUrl, `${ssoEndpoint()}/saml-metadata`);
            assert.equal(out.state.applicationId, "app-id");
            assert.equal(out.state.awsAccessPortalUrl, "https://d-1234567890.awsapps.com/start");
            assert.deepEqual(out.state.accessMismatches, { cloudflareOnly: ["grace@example.com"], awsOnly: [] });
            assert.equal(out.state.metadata, harness.urn(SAML_METADATA, "outs-metadata", out.urn));
            assert.ok((out.state.awsSetupSteps as string).includes(cert.fingerprint256), "the runbook quotes the fingerprint");
            assert.ok(
                out.logs.some((l) => l.severity === "warning" && l.message.startsWith("grace@example.com may pass the Access policy")),
            );
        });

        it("registers the same policy and application inputs as the TypeScript class", async () => {
            const out = await harness.construct(COMPONENT, "same", componentArgs());
            const cloud = await MockCloud.start();
            try {
                const sso = new ZeroTrustAwsSso("same", componentArgs() as ZeroTrustAwsSsoArgs);
                await valueOf(sso.awsSetupSteps);
                // The policy's id is whatever each fake cloud made up; the application refers to it by that id.
                const pluginPolicyId = out.registrations.find((r) => r.type === POLICY)?.id;
                const tsPolicyId = cloud.find(POLICY, "same-policy").id;
                const samePolicy = (inputs: Props, id: string | undefined): Props =>
                    JSON.parse(JSON.stringify(inputs).split(JSON.stringify(id)).join('"<policy id>"'));
                for (const [type, name] of [
                    [POLICY, "same-policy"],
                    [APP, "same-app"],
                    [USER, "same-user-ada@example.com"],
                ]) {
                    const fromPlugin = out.registrations.find((r) => r.type === type && r.name === name);
                    assert.ok(fromPlugin, `the plugin registered ${name}`);
                    assert.deepEqual(
                        samePolicy(fromPlugin.inputs, pluginPolicyId),
                        samePolicy(cloud.find(type, name).inputs, tsPolicyId),
                        `${name} as TypeScript registers it`,
                    );
                }
            } finally {
                await cloud.close();
            }
        });

        it("looks the Identity Center instance up through the engine when it is not given", async () => {
            harness.monitor.onInvoke = async (token) => {
                assert.equal(token, GET_INSTANCES);
                return { id: "us-east-1", arns: ["arn:aws:sso:::instance/ssoins-00000000000000aa"], identityStoreIds: ["d-00000000aa"] };
            };
            const identityCenter = { users: [{ email: "ada@example.com", givenName: "Ada", familyName: "Lovelace" }] };
            const args = componentArgs({ awsIssuerUrl: ISSUER.replace("d-1234567890", "d-00000000aa"), identityCenter });
            const out = await harness.construct(COMPONENT, "lookup", args);
            assert.equal(out.registrations.find((r) => r.type === USER)?.inputs.identityStoreId, "d-00000000aa");
            assert.equal(out.state.awsAccessPortalUrl, "https://d-00000000aa.awsapps.com/start");
            assert.ok(harness.monitor.invokes.some((i) => i.token === GET_INSTANCES));
        });

        it("in a preview, only checks the metadata and leaves what it would download unknown", async () => {
            const out = await harness.construct(COMPONENT, "preview", componentArgs(), { dryRun: true });
            const metadata = out.registrations.find((r) => r.type === SAML_METADATA);
            assert.equal(metadata?.id, "");
            assert.equal(out.state.metadataXml, UNKNOWN);
            assert.equal(out.state.signingCertificateSha256, UNKNOWN);
        });

        it("refuses bad arguments with the TypeScript component's message, property by property", async () => {
            const bad = componentArgs({ accountId: "nope", access: { emails: ["ada@example.com", "not an email"] } });
            let expected = "";
            try {
                planZeroTrustAwsSso("bad", bad as ZeroTrustAwsSsoArgs);
            } catch (err) {
                expected = `ZeroTrustAwsSso "bad": ${(err as Error).message}`;
            }
            assert.match(expected, /^ZeroTrustAwsSso "bad": 2 invalid arguments:\n {2}- accountId: "nope" is not a Cloudflare account id/);
            const before = harness.monitor.registrations.length;
            const err = (await harness.construct(COMPONENT, "bad", bad).then(
                () => assert.fail("construct succeeded"),
                (e: ServiceError) => e,
            )) as ServiceError;
            assert.equal(err.details, expected);
            assert.deepEqual(
                inputPropertyProblems(err).map((p) => p.propertyPath),
                ["accountId", "access.emails[1]"],
            );
            assert.match(inputPropertyProblems(err)[1].reason, /^"not an email" is not a valid email address/);
            assert.equal(harness.monitor.registrations.length, before, "nothing was registered");
        });

        it("settles Outputs where TypeScript takes plain values, and keeps them where it takes Inputs", async () => {
            const dep = harness.urn("other:index:Thing", "thing");
            const args = componentArgs({
                access: {
                    emails: outputValue(["ada@example.com"], { dependencies: [dep] }),
                    groupIds: [outputValue("g-1", { dependencies: [dep] })],
                },
                identityCenter: undefined,
            });
            const out = await harness.construct(COMPONENT, "outputs", args, { inputDependencies: { access: [dep] } });
            const policy = out.registrations.find((r) => r.type === POLICY);
            assert.deepEqual(policy?.inputs.includes, [{ email: { email: "ada@example.com" } }, { group: { id: "g-1" } }]);
            assert.ok(policy?.dependencies.includes(dep), "the group id kept its dependency");
        });

        it("refuses Outputs it cannot settle: unknown in a preview, or secret, naming each field", async () => {
            const args = componentArgs({
                access: { emails: outputValue(UNKNOWN), emailDomains: outputValue(["example.org"], { secret: true }) },
            });
            const err = (await harness.construct(COMPONENT, "unsettled", args, { dryRun: true }).then(
                () => assert.fail("construct succeeded"),
                (e: ServiceError) => e,
            )) as ServiceError;
            assert.deepEqual(
                inputPropertyProblems(err).map((p) => p.propertyPath),
                ["access.emails", "access.emailDomains"],
            );
            assert.match(err.details, /access\.emails: is not known yet .* must be known when the program runs/);
            assert.match(err.details, /access\.emailDomains: is a secret/);
        });

        it("refuses a component type it does not serve", async () => {
            await assert.rejects(
                harness.construct("zero-trust-aws-sso:index:Nope", "n", {}),
                /unknown component type zero-trust-aws-sso:index:Nope/,
            );
        });
    });

    describe("SamlMetadata, on its own", () => {
        const urn = () => harness.urn(SAML_METADATA, "standalone");
        const provider = () => harness.resources.client;
        const inputs = (): Props => ({
            url: `${ssoEndpoint()}/saml-metadata`,
            expectedEntityId: entityId(),
            allowedHosts: ["localhost"],
            retry: { attempts: 1 },
        });

        it("check passes good inputs (secrets still wrapped) and names the property of a bad one", async () => {
            const good = { ...inputs(), expectedSsoUrl: secret(ssoEndpoint()) };
            assert.deepEqual(await provider().check(urn(), {}, good), { inputs: good, failures: [] });
            const bad = await provider().check(urn(), {}, { ...inputs(), url: "http://localhost/saml-metadata", timeoutMs: 0 });
            assert.deepEqual(
                bad.failures.map((f) => f.property),
                ["url", "timeoutMs"],
            );
            assert.match(bad.failures[0].reason, /https/i);
        });

        it("check leaves unknown values of a preview for later", async () => {
            const checked = await provider().check(urn(), {}, { ...inputs(), url: UNKNOWN });
            assert.deepEqual(checked.failures, []);
        });

        it("diff: a new url replaces, another knob updates, nothing else changes", async () => {
            const olds = inputs();
            assert.deepEqual((await provider().diff(urn(), "id", olds, { ...olds, url: `${ssoEndpoint()}/other` })).replaces, ["url"]);
            const knob = await provider().diff(urn(), "id", olds, { ...olds, timeoutMs: 7000 });
            assert.deepEqual([knob.changes, knob.replaces], ["some", []]);
            assert.equal((await provider().diff(urn(), "id", olds, olds)).changes, "none");
        });

        it("create downloads and validates; read after a rotation reports the new certificate; update and delete", async () => {
            const first = served;
            const created = await provider().create(urn(), { ...inputs(), expectedCertificate: first.certPem });
            assert.equal(created.id, `${ssoEndpoint()}/saml-metadata`);
            assert.equal(created.properties.xml, servedXml());
            assert.equal(created.properties.signingCertificateSha256, new X509Certificate(first.certPem).fingerprint256);
            assert.equal(created.properties.fetchedFrom, created.id);

            served = issueCertificate({ commonName: "plugin-test-rotated" });
            const rotated = new X509Certificate(served.certPem).fingerprint256;
            const read = await provider().read(urn(), created.id, created.properties);
            assert.equal(read.id, created.id);
            assert.equal(read.properties.signingCertificateSha256, rotated);
            assert.ok(
                (read.properties.warnings as string[]).some((w) =>
                    w.includes(`changed from SHA-256 ${created.properties.signingCertificateSha256} to ${rotated}`),
                ),
            );
            assert.deepEqual(read.inputs, { ...inputs(), expectedCertificate: first.certPem });

            await assert.rejects(
                provider().update(urn(), created.id, created.properties, { ...inputs(), expectedCertificate: first.certPem }),
                /certificate/i,
                "an update still insists on the expected certificate",
            );
            const updated = await provider().update(urn(), created.id, created.properties, inputs());
            assert.equal(updated.properties.signingCertificateSha256, rotated);
            await provider().delete(urn(), created.id, updated.properties);
        });

        it("refuses a resource type it does not serve", async () => {
            await assert.rejects(
                provider().create(harness.urn("zero-trust-aws-sso:index:Nope", "n"), {}),
                /unknown resource type zero-trust-aws-sso:index:Nope/,
            );
        });
    });
});
