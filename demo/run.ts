// `npm run demo`: runs the root program (index.ts) offline, exactly as `pulumi up` would run it, except that
// Pulumi mocks stand in for the engine and Cloudflare, a loopback HTTPS server plays the Cloudflare team domain,
// and the SamlMetadata provider runs from its serialized text in a separate process, as the engine's host runs it.
// It reuses the test harness (harness), so the demo and the tests exercise the same code paths.
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { MockCloud, type RegisteredResource } from "../harness/mockCloud";
import { valueOf } from "../harness/outputs";
import { parseSamlMetadata } from "../components";

const PROJECT = "zero-trust-aws-sso";

// Not access_saml_metadata.xml, the name the runbook tells operators to save their real document under: a demo file
// lying around must never be mistaken for it.
const DEMO_FILE = "demo_access_saml_metadata.xml";

/**
 * The document with a comment after the XML declaration saying what it is: its URLs are https://localhost:<port> (a
 * test server that is gone once the demo ends) and its certificate a throwaway, so uploading it to IAM Identity
 * Center would break every sign-in.
 */
export function markedAsDemo(xml: string): string {
    const comment =
        "<!-- DEMO DOCUMENT written by `npm run demo`: its URLs point at https://localhost and its certificate is a throwaway. " +
        "Do NOT upload it to IAM Identity Center; upload the metadataXml output of your own stack instead. -->";
    const declaration = /^(\uFEFF?<\?xml[^>]*\?>\r?\n?)/.exec(xml);
    return declaration ? `${declaration[1]}${comment}\n${xml.slice(declaration[1].length)}` : `${comment}\n${xml}`;
}

// What an operator would have set with `pulumi config set`.
function demoConfig(authDomainHost: string): Record<string, string> {
    return {
        accountId: "0123456789abcdef0123456789abcdef",
        awsIssuerUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890",
        awsAcsUrl: "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0f2e4c1a-8b9d-4e6f-a1b2-c3d4e5f60718",
        accessEmails: JSON.stringify(["ada@example.com", "grace@example.com"]),
        accessEmailDomains: JSON.stringify([]),
        appName: "Amazon AWS",
        samlAttributes: JSON.stringify([{ name: "https://aws.amazon.com/SAML/Attributes/AccessControl:Team", source: "team" }]),
        // The fake team domain is https://localhost:<port>, so it must be allowed explicitly.
        metadata: JSON.stringify({ allowedHosts: [authDomainHost], retry: { attempts: 3, minDelayMs: 100, maxDelayMs: 500 } }),
        identityCenter: JSON.stringify({
            users: [
                { email: "ada@example.com", givenName: "Ada", familyName: "Lovelace" },
                { email: "grace@example.com", givenName: "Grace", familyName: "Hopper" },
            ],
            groups: [{ name: "platform", members: ["ada@example.com", "grace@example.com"] }],
            permissionSets: [
                { name: "Admin", sessionDuration: "PT8H", managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] },
            ],
            assignments: [{ permissionSet: "Admin", accountIds: ["111122223333"], groups: ["platform"] }],
        }),
    };
}

// The inputs worth showing for each type; everything else is in the captured registration.
function keyInputs(r: RegisteredResource): string {
    const i = r.inputs;
    switch (r.type) {
        case "cloudflare:index/zeroTrustAccessPolicy:ZeroTrustAccessPolicy":
            return `decision=${i.decision} includes=${JSON.stringify(i.includes)}`;
        case "cloudflare:index/zeroTrustAccessApplication:ZeroTrustAccessApplication":
            return `type=${i.type} spEntityId=${i.saasApp?.spEntityId} acs=${i.saasApp?.consumerServiceUrl} nameIdFormat=${i.saasApp?.nameIdFormat} policies=${JSON.stringify(i.policies)}`;
        case "aws:identitystore/user:User":
            return `userName=${i.userName}`;
        case "aws:ssoadmin/accountAssignment:AccountAssignment":
            return `${i.principalType} -> ${i.targetId}`;
        default:
            if (r.type.startsWith("pulumi-nodejs:dynamic")) return `url=${i.url} (__provider ${String(i.__provider).length} bytes)`;
            return Object.keys(i)
                .filter((k) => k !== "__provider")
                .slice(0, 4)
                .join(",");
    }
}

async function main(): Promise<void> {
    const cloud = await MockCloud.start({ project: PROJECT, stack: "demo" });
    try {
        const config = demoConfig("localhost");
        pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [`${PROJECT}:${k}`, v])));

        const program = require("../index") as Record<string, pulumi.Output<unknown>>;
        const outputs: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(program)) outputs[key] = await valueOf(value);

        console.log(`Would create ${cloud.resources.length} resources:\n`);
        for (const r of cloud.resources) console.log(`  ${r.type}  ${r.name}\n      ${keyInputs(r)}`);
        console.log("\nOutputs:");
        for (const [key, value] of Object.entries(outputs)) {
            if (key === "awsSetupSteps" || key === "metadataXml" || key === "signingCertificate") continue;
            console.log(`  ${key}: ${JSON.stringify(value)}`);
        }
        const file = path.resolve(process.cwd(), DEMO_FILE);
        const xml = markedAsDemo(String(outputs.metadataXml));
        // The mark is a comment: the document must still be exactly as valid as before.
        parseSamlMetadata(xml, { entityId: String(outputs.idpEntityId) });
        fs.writeFileSync(file, xml);
        console.log(
            `\nWrote ${file} (${Buffer.byteLength(xml)} bytes), validated by the provider running in a separate process.\n` +
                `It is a DEMO document (its URLs point at https://localhost, its certificate is a throwaway): never upload it to AWS.`,
        );
        console.log(`\n${outputs.awsSetupSteps}`);
    } finally {
        await cloud.close();
    }
}

main().catch((err: Error) => {
    console.error(`demo failed: ${err.message}`);
    process.exit(1);
});
