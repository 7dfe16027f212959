/** The city shown when none is chosen. Set PUBLIC_CITY at build time to serve another city. */
export const DEFAULT_CITY: string = import.meta.env.PUBLIC_CITY || 'stuttgart';
