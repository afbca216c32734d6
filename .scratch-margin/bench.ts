import { marginSection } from '../bench/margin.ts';
const f = await marginSection.run();
for (const [k, v] of Object.entries(f)) console.log(k, JSON.stringify(v));
