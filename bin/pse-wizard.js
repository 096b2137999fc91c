#!/usr/bin/env node
'use strict'
const path = require('node:path')
const fs = require('node:fs')

const built = path.join(__dirname, '..', 'out', 'main', 'cli.js')
if (!fs.existsSync(built)) {
  process.stderr.write('pse-wizard: the app is not built yet. Run "npm run build" in ' + path.join(__dirname, '..') + ' first.\n')
  process.exit(1)
}
require(built)
