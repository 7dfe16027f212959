// The shell is prerendered; the map pages render in the browser (WebGL needs it).
export const prerender = true;
export const ssr = false;
