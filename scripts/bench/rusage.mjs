// Preloaded with `node --import` by the bench: writes the process's resource usage (peak
// memory, CPU time) and its wall time to $BENCH_RUSAGE_FILE when it exits.
import { writeFileSync } from 'node:fs';

const started = performance.now();
process.on('exit', (code) => {
	const file = process.env.BENCH_RUSAGE_FILE;
	if (!file) return;
	const usage = process.resourceUsage();
	writeFileSync(
		file,
		JSON.stringify({
			code,
			wallMs: performance.now() - started,
			maxRssKb: usage.maxRSS,
			userUs: usage.userCPUTime
		})
	);
});
