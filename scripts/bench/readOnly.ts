/** Baseline of the import bench: only reads a boundary file (same parser, same process start). */
import { readFeatureFile } from '../lib/import/formats';

const source = await readFeatureFile(process.argv[2]!);
console.log(`${source.features.length} features`);
