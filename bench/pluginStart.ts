// How long the multi-language plugin takes to start the way the nodejs language host starts it (spawn to port on
// stdout), from an empty consumer directory. Prints a table; records nothing.
//
//   node -r ts-node/register/transpile-only bench/pluginStart.ts [runs] [pluginDir]
//
// Without a pluginDir it lays out the plugin as tests/plugin.test.ts does (harness/plugin/pluginInstall.ts); give the
// plugin/ directory of a real `git clone` + `npm install` to measure that instead.
import { FakeEngine } from "../harness/plugin/fakeEngine";
import { clonePlugin, type PluginClone } from "../harness/plugin/pluginInstall";
import { launchPlugin } from "../harness/plugin/pluginProcess";
import { ProviderClient } from "../harness/plugin/providerClient";

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
    const runs = Number(process.argv[2] ?? "5");
    const given = process.argv[3];
    const clone: PluginClone | undefined = given ? undefined : clonePlugin();
    const pluginDir = given ?? clone!.pluginDir;
    const engine = await new FakeEngine().start();
    const starts: number[] = [];
    const firstSchema: number[] = [];
    try {
        for (let i = 0; i < runs; i++) {
            const plugin = await launchPlugin({ pluginDir, engineAddress: engine.address });
            const client = new ProviderClient(`127.0.0.1:${plugin.port}`);
            const asked = Date.now();
            await client.getSchema();
            firstSchema.push(Date.now() - asked);
            starts.push(plugin.startMs);
            client.close();
            await plugin.stop();
        }
    } finally {
        await engine.stop();
        clone?.remove();
    }
    console.log(`plugin: ${pluginDir}`);
    console.log("| measure | median (ms) | min | max | n |");
    console.log("|---|---|---|---|---|");
    console.log(`| spawn to port | ${median(starts)} | ${Math.min(...starts)} | ${Math.max(...starts)} | ${runs} |`);
    console.log(`| first GetSchema | ${median(firstSchema)} | ${Math.min(...firstSchema)} | ${Math.max(...firstSchema)} | ${runs} |`);
}

main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
});
