import { PRECISIONS } from './decimal-reference.js';
import { describeElementaryAt } from './decimal-elementary-cases.js';

describeElementaryAt(PRECISIONS[2]);
