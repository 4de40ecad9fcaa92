/** Stylesheets are bundled by esbuild (dashboard/build.ts). */
declare module '*.css';
