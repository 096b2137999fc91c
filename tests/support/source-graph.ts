import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/** One import of a source file, as written, with what it resolves to inside the project. */
export interface SourceImport {
  specifier: string
  /** Project-relative path of the imported file, when it is one of ours. */
  target?: string
  /** `import type`, or every named binding is `type`: erased at build time. */
  typeOnly: boolean
  /** `import('…')`: loaded when first needed, not at module load. */
  dynamic: boolean
  line: number
}

export interface SourceFunction {
  name: string
  line: number
  lines: number
}

export interface SourceFile {
  /** Project-relative, with forward slashes: `src/main/app.ts`. */
  file: string
  lines: number
  imports: SourceImport[]
  functions: SourceFunction[]
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs']

/** Every .ts/.tsx file under `dir` (project-relative), parsed for its imports and functions. */
export function readSources(root: string, dir: string): SourceFile[] {
  return listFiles(path.join(root, dir))
    .filter((f) => /\.(ts|tsx|mts)$/.test(f) && !f.endsWith('.d.ts'))
    .map((abs) => parseSource(root, abs))
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(full)
    return entry.isFile() ? [full] : []
  })
}

function parseSource(root: string, abs: string): SourceFile {
  const text = fs.readFileSync(abs, 'utf8')
  const source = ts.createSourceFile(abs, text, ts.ScriptTarget.Latest, true, abs.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const rel = toPosix(path.relative(root, abs))
  const imports: SourceImport[] = []
  const functions: SourceFunction[] = []
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
  const add = (specifier: string, node: ts.Node, typeOnly: boolean, dynamic: boolean) =>
    imports.push({ specifier, target: resolveTarget(root, abs, specifier), typeOnly, dynamic, line: lineOf(node) })

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node, isTypeOnlyImport(node), false)
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node, node.isTypeOnly || isTypeOnlyExport(node), false)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments
      if (arg && ts.isStringLiteralLike(arg)) add(arg.text, node, false, true)
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
      const [arg] = node.arguments
      if (arg && ts.isStringLiteralLike(arg)) add(arg.text, node, false, false)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, node, true, false)
    }
    const fn = functionInfo(node, source)
    if (fn) functions.push(fn)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return { file: rel, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0), imports, functions }
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause
  if (!clause) return false // a bare `import 'x'` runs x
  if (clause.isTypeOnly) return true
  if (clause.name) return false
  const bindings = clause.namedBindings
  if (!bindings) return false
  if (ts.isNamespaceImport(bindings)) return false
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  const clause = node.exportClause
  return Boolean(clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly))
}

/** Functions, methods, arrow functions and function expressions with a body, and their length in lines. */
function functionInfo(node: ts.Node, source: ts.SourceFile): SourceFunction | undefined {
  if (!ts.isFunctionLike(node) || !('body' in node) || !node.body) return undefined
  const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line
  const end = source.getLineAndCharacterOfPosition(node.getEnd()).line
  return { name: functionName(node), line: start + 1, lines: end - start + 1 }
}

function functionName(node: ts.SignatureDeclaration): string {
  if (node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) return node.name.text
  const parent = node.parent
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text
  if (parent && ts.isPropertyAssignment(parent) && (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name))) return parent.name.text
  return '(anonymous)'
}

function resolveTarget(root: string, fromAbs: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined
  const base = path.resolve(path.dirname(fromAbs), specifier)
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, 'index' + e))]
  const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile())
  return found ? toPosix(path.relative(root, found)) : toPosix(path.relative(root, base))
}

const toPosix = (p: string): string => p.split(path.sep).join('/')

/** Cycles among runtime imports (type-only and dynamic imports left out), each as a list of files. */
export function runtimeCycles(files: SourceFile[]): string[][] {
  const graph = new Map(files.map((f) => [f.file, f.imports.filter((i) => i.target && !i.typeOnly && !i.dynamic).map((i) => i.target!)]))
  const cycles: string[][] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const visit = (file: string): void => {
    state.set(file, 'visiting')
    stack.push(file)
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue
      if (state.get(next) === 'visiting') cycles.push(stack.slice(stack.indexOf(next)).concat(next))
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of graph.keys()) if (!state.has(file)) visit(file)
  return cycles
}
