import type { IndicatorMeta } from './types';

/**
 * The default indicator of a catalog: the first public ratio, else the first public indicator,
 * else the first one. `defaultIndicatorId([count, quote])` -> `quote.id`.
 */
export function defaultIndicatorId(indicators: readonly IndicatorMeta[]): string {
	const pick =
		indicators.find((i) => i.public && i.kind !== 'count') ??
		indicators.find((i) => i.public) ??
		indicators[0];
	if (!pick) throw new RangeError('defaultIndicatorId: the catalog has no indicators');
	return pick.id;
}
