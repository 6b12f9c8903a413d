// `npm run bench:pathological`: how long parseSamlMetadata takes to judge documents of about 1 MiB (the provider's
// size cap) shaped to make a parser work hard (harness/pathologicalDocuments.ts), and what it answers. Prints one
// table; no assertions (timings depend on the machine). tests/pathologicalMetadata.test.ts checks the answers.
//
//   node -r ts-node/register/transpile-only bench/pathological.ts [--quick]
import { parseSamlMetadata } from "../components/metadata/samlMetadataDocument";
import { decodeMetadataBody } from "../components/metadata/metadataCharset";
import { issueCertificate } from "../harness/certificates";
import { pathologicalDocuments } from "../harness/pathologicalDocuments";

const REPS = process.argv.includes("--quick") ? 1 : 5;
const ENTITY_ID = "https://acme.cloudflareaccess.com/cdn-cgi/access/sso/saml/0123abcd";
const SSO_URL = ENTITY_ID;

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
    const certificate = issueCertificate({ commonName: "bench" });
    const rows: string[][] = [["document", "bytes", "decode + parse + judge (ms, median)", "max (ms)", "answer"]];
    for (const doc of pathologicalDocuments({ entityId: ENTITY_ID, ssoUrl: SSO_URL, certificate: certificate.base64 })) {
        const bytes = Buffer.from(doc.xml, "utf8");
        const times: number[] = [];
        let answer = "";
        for (let i = 0; i < REPS; i++) {
            const start = process.hrtime.bigint();
            try {
                const decoded = decodeMetadataBody(bytes, "application/samlmetadata+xml");
                if ("problem" in decoded) throw new Error(decoded.problem);
                parseSamlMetadata(decoded.body, { entityId: ENTITY_ID, ssoUrl: SSO_URL });
                answer = "accepted";
            } catch (err) {
                answer = (err as Error).message;
            }
            times.push(Number(process.hrtime.bigint() - start) / 1e6);
        }
        const shown = answer.length > 110 ? `${answer.slice(0, 110)}…` : answer;
        rows.push([doc.name, String(bytes.length), median(times).toFixed(1), Math.max(...times).toFixed(1), shown]);
    }
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    for (const [i, row] of rows.entries()) {
        console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`);
        if (i === 0) console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
    }
}

main();
