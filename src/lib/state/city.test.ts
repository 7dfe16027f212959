import { expect, test } from 'vitest';
import { parseCityParam } from './city';

test.each<[string | null, string, boolean]>([
	[null, 'stuttgart', false],
	['', 'stuttgart', false],
	['herne', 'herne', false],
	['bad-cannstatt-2', 'bad-cannstatt-2', false],
	['bad_cannstatt', 'bad_cannstatt', false],
	['bad--cannstatt', 'stuttgart', true],
	['../stuttgart', 'stuttgart', true],
	['Herne', 'stuttgart', true],
	['<script>', 'stuttgart', true],
	['a'.repeat(61), 'stuttgart', true],
	['herne/', 'stuttgart', true]
])('stadt=%j -> %s', (raw, city, problem) => {
	const result = parseCityParam(raw, 'stuttgart');
	expect(result.city).toBe(city);
	expect(result.problem !== null).toBe(problem);
	if (result.problem) expect(result.problem).toContain("Parameter 'stadt'");
});

test('a long hostile value is cut in the message', () => {
	const { problem } = parseCityParam('x'.repeat(500) + '<', 'stuttgart');
	expect(problem!.length).toBeLessThan(200);
});
