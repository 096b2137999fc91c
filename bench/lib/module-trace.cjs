'use strict'
// Preloaded (node --require) into one `pse-wizard` process by the bench: at exit, writes every file
// it loaded (require.cache) and every Node built-in (process.moduleLoadList) to $PSE_BENCH_TRACE.
const fs = require('node:fs')
process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length))
  fs.writeFileSync(process.env.PSE_BENCH_TRACE, JSON.stringify({ files: Object.keys(require.cache), builtins }))
})
