// A seeded shuffle, so that a failing order-independence test reproduces.

/** A seeded Fisher-Yates shuffle that never returns a list of two or more entries in its original order. */
export function shuffler(seed: number): <T>(items: readonly T[]) => T[] {
    let state = seed >>> 0;
    const random = (): number => {
        // mulberry32
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return <T>(items: readonly T[]): T[] => {
        const out = [...items];
        for (let i = out.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [out[i], out[j]] = [out[j], out[i]];
        }
        // A shuffle may leave the order as it was; the test is only worth something if every list moved.
        if (out.length > 1 && out.every((v, i) => v === items[i])) out.push(out.shift() as T);
        return out;
    };
}
