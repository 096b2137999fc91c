import path from 'node:path'
import ts from 'typescript'

/**
 * Every failure main can throw, read from its source with the TypeScript compiler: each
 * `new AppFailure({...})` and each failure value (an object literal with a `code` and a
 * `message` or a sayer's spread) in src/main, with its code(s) resolved through the type checker
 * (a string literal, a `XCodes.y` constant, a union of them) and the names of the params it
 * carries. What cannot be resolved is reported as such (`code: null`, `params: null`), never guessed.
 */
export interface FailureSite {
  /** Project-relative file and 1-based line. */
  file: string
  line: number
  /** The codes this site may carry; null when its code is not a literal type (a variable). */
  codes: string[] | null
  /** The catalogue keys main may name (`params.say`, as saidText reads it: a bare id is the wizard's). */
  says: string[]
  /** Every failure of this site names one of `says` (else its code's own text is said). */
  sayCertain: boolean
  /** The names of the params it carries; null when they cannot be known (a spread of an untyped record). */
  params: string[] | null
  /** The message as written (its first 80 characters), for reports. */
  message: string
}

const OMIT = [/\/sandbox\/emulator\//]

export function failureSites(root: string): FailureSite[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.node.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })
  if (!config) throw new Error('tsconfig.node.json unreadable')
  const files = config.fileNames.filter((f) => f.includes(`${path.sep}src${path.sep}main${path.sep}`) && !OMIT.some((r) => r.test(f)))
  const program = ts.createProgram({ rootNames: files, options: { ...config.options, noEmit: true } })
  const checker = program.getTypeChecker()
  const sites: FailureSite[] = []
  for (const source of program.getSourceFiles()) {
    if (!files.includes(path.resolve(source.fileName))) continue
    const visit = (node: ts.Node): void => {
      const literal = failureLiteral(node)
      if (literal) sites.push(siteOf(literal, source, root, checker))
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return sites
}

/** The object literal of `new AppFailure({...})`, or a value shaped like a failure: { code, message | ...sayer() }. */
function failureLiteral(node: ts.Node): ts.ObjectLiteralExpression | undefined {
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'AppFailure') {
    const arg = node.arguments?.[0]
    return arg && ts.isObjectLiteralExpression(arg) ? arg : undefined
  }
  if (!ts.isObjectLiteralExpression(node)) return undefined
  if (ts.isNewExpression(node.parent)) return undefined
  const names = node.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : undefined))
  if (!names.includes('code')) return undefined
  return names.includes('message') || node.properties.some((p) => ts.isSpreadAssignment(p) && sayerCall(p.expression)) ? node : undefined
}

/** `xSay.id(...)`: a sayer (src/main/util/say.ts) whose result carries the message and params.say. */
function sayerCall(e: ts.Expression): ts.CallExpression | undefined {
  return ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ts.isIdentifier(e.expression.expression) && /Say$/.test(e.expression.expression.text)
    ? e
    : undefined
}

function property(literal: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of literal.properties) {
    if (ts.isPropertyAssignment(p) && p.name && ts.isIdentifier(p.name) && p.name.text === name) return p.initializer
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name
  }
  return undefined
}

function literalStrings(type: ts.Type): string[] | null {
  const parts = type.isUnion() ? type.types : [type]
  const out: string[] = []
  for (const t of parts) {
    if (t.isStringLiteral()) out.push(t.value)
    else return null
  }
  return out
}

function siteOf(literal: ts.ObjectLiteralExpression, source: ts.SourceFile, root: string, checker: ts.TypeChecker): FailureSite {
  const codeExpr = property(literal, 'code')
  const codes = codeExpr ? literalStrings(checker.getTypeAtLocation(codeExpr)) : null
  let says: string[] = []
  let sayCertain = false
  let params: string[] | null = []
  const sayer = literal.properties.map((p) => (ts.isSpreadAssignment(p) ? sayerCall(p.expression) : undefined)).find(Boolean)
  if (sayer) {
    const access = sayer.expression as ts.PropertyAccessExpression
    says = [`${(access.expression as ts.Identifier).text}.${access.name.text}`]
    sayCertain = true
    params = ['say', ...(sayer.arguments[0] ? (keysOf(checker.getTypeAtLocation(sayer.arguments[0]), checker) ?? []) : [])]
  }
  const paramsExpr = property(literal, 'params')
  if (paramsExpr) {
    const type = checker.getTypeAtLocation(paramsExpr)
    const keys = keysOf(type, checker)
    params = keys === null ? null : [...(params ?? []), ...keys]
    const written = ts.isObjectLiteralExpression(paramsExpr) ? property(paramsExpr, 'say') : undefined
    if (written && ts.isStringLiteralLike(written)) {
      says = [written.text]
      sayCertain = true
    } else if (keys?.includes('say')) {
      // A say the type names: each literal it may be; optional (or any string) leaves the code's own text said too.
      const sayType = checker.getNonNullableType(checker.getTypeOfSymbol(type.getProperty('say')!))
      says = literalStrings(sayType) ?? []
      sayCertain = says.length > 0 && !(type.getProperty('say')!.flags & ts.SymbolFlags.Optional)
    }
  }
  const messageExpr = property(literal, 'message')
  const { line } = source.getLineAndCharacterOfPosition(literal.getStart(source))
  return {
    file: path.relative(root, source.fileName).split(path.sep).join('/'),
    line: line + 1,
    codes,
    says: says.map((k) => (k.includes('.') ? k : `wizardSay.${k}`)),
    sayCertain,
    params: params && [...new Set(params)].sort(),
    message: messageExpr ? messageExpr.getText(source).slice(0, 80) : (says[0] ?? '')
  }
}

/** The property names of an object type; null for a record with an index signature (its keys are not known). */
function keysOf(type: ts.Type, checker: ts.TypeChecker): string[] | null {
  if (checker.getIndexInfosOfType(type).length > 0) return null
  const parts = type.isUnion() ? type.types : [type]
  return [...new Set(parts.flatMap((t) => t.getProperties().map((p) => p.name)))]
}
