// A static page: rendered to HTML at build time, readable before (and without) JavaScript.
export const ssr = true;
export const prerender = true;
