import { defineConfig } from 'vite';
import { viteOptions } from './src/client-bundle.ts';

// `vite build` (the package's build script): the same options the server uses on start.
export default defineConfig(viteOptions());
