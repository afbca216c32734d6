import { certifiedMaxMargin } from '../src/trajectories/max-margin.ts';
import { minNormPoint } from '../src/trajectories/min-norm-point.ts';
const cases: any[] = [
 {"X":[[0.1998,-0.0505,0,-9.9e-322],[0,-0.0505,0,-0.1998]],"y":[1,1]},
 {"X":[[0.1998,-0.0000010099999999999999,0,-9.9e-322],[0,-0.0000010099999999999999,0,-0.1998]],"y":[1,1]},
 {"X":[[0.9,0],[0,-0.9],[0,0.9],[0,-0.9],[0.9,0],[0,-0.9],[0,0.9],[0,0.9],[0,0.9],[0,0.9],[0,-0.9],[0,-0.9],[0.9,0],[0,-0.9],[0,-0.9],[0,-0.9],[0.9,0],[0.8999515665851631,-0.009336905317653918],[0.9,-5e-324],[0.9,0]],"y":[-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,1,-1]},
];
for (const c of cases) {
  const pts = c.X.map((x: number[], i: number) => x.map(v => c.y[i] * v));
  console.log(JSON.stringify(minNormPoint(pts)));
  console.log(JSON.stringify(certifiedMaxMargin(c)), JSON.stringify(certifiedMaxMargin(c, {exactFace:false})));
}
