import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

/**
 * Three builds, as in electron-vite's template: main (Node; also the `pse-wizard` CLI entry,
 * which shares every service with the desktop app), preload (sandboxed, so bundled whole),
 * and the renderer (React; served by Electron or by `pse-wizard serve`).
 */
export default defineConfig({
  main: {
    build: {
      // zod is bundled (not required from node_modules): its package entry loads every module and
      // every locale (about 60 ms per start); bundled, only what the schemas use is there.
      // keytar is an optional dependency (its native build may fail): loaded at run time, never bundled.
      externalizeDeps: { exclude: ['zod'], include: ['keytar'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/cli/index.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload can only require('electron'): bundle everything it imports, in one
      // file (the contract's schema modules, which it never loads, stay inside it).
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { codeSplitting: false }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    css: {
      preprocessorOptions: {
        // Carbon's Sass still uses APIs newer Dart Sass deprecates; its warnings are not ours.
        scss: { quietDeps: true, silenceDeprecations: ['import', 'global-builtin', 'mixed-decls', 'color-functions', 'if-function'] }
      }
    },
    build: {
      // Minified: the renderer is parsed on every start (electron-vite leaves it readable by default).
      minify: true,
      cssMinify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') }
      }
    }
  }
})
