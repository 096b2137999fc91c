import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The renderer compiles only the Carbon styles of the components it renders
 * (src/renderer/src/styles/index.scss). A component used without its styles draws unstyled, so
 * every Carbon component imported anywhere in the renderer must have its stylesheets listed.
 */
const rendererDir = path.resolve(__dirname, '../../../../src/renderer/src')
const stylesDir = path.join(rendererDir, 'styles')

/** Carbon component → the stylesheets (components/<name>, or a part of one) it needs. */
const needs: Record<string, string[]> = {
  Breadcrumb: ['breadcrumb'],
  BreadcrumbItem: ['breadcrumb'],
  Button: ['button'],
  Checkbox: ['checkbox'],
  FormGroup: ['form'],
  ClickableTile: ['tile'],
  CodeSnippet: ['code-snippet', 'copy-button', 'popover', 'tooltip'],
  Content: ['ui-shell/content'],
  Dropdown: ['dropdown', 'list-box'],
  Header: ['ui-shell/header'],
  HeaderGlobalAction: ['ui-shell/header', 'popover', 'tooltip'],
  HeaderGlobalBar: ['ui-shell/header'],
  HeaderName: ['ui-shell/header'],
  InlineLoading: ['inline-loading', 'loading'],
  InlineNotification: ['notification/inline-notification'],
  Link: ['link'],
  MenuButton: ['menu-button', 'menu'],
  MenuItem: ['menu'],
  Modal: ['modal'],
  NumberInput: ['number-input', 'form'],
  PasswordInput: ['text-input', 'form', 'popover', 'tooltip'],
  ProgressBar: ['progress-bar'],
  ProgressIndicator: ['progress-indicator'],
  ProgressStep: ['progress-indicator'],
  RadioButton: ['radio-button'],
  RadioButtonGroup: ['radio-button', 'form'],
  Select: ['select', 'form'],
  SelectItem: ['select'],
  SideNav: ['ui-shell/side-nav'],
  SideNavItems: ['ui-shell/side-nav'],
  SideNavLink: ['ui-shell/side-nav'],
  SkipToContent: ['ui-shell/header'],
  Stack: ['stack'],
  StructuredListBody: ['structured-list'],
  StructuredListCell: ['structured-list'],
  StructuredListRow: ['structured-list'],
  StructuredListWrapper: ['structured-list'],
  Table: ['data-table'],
  TableBody: ['data-table'],
  TableCell: ['data-table'],
  TableContainer: ['data-table'],
  TableHead: ['data-table'],
  TableHeader: ['data-table'],
  TableRow: ['data-table'],
  TableToolbar: ['data-table/action'],
  TableToolbarContent: ['data-table/action'],
  TableToolbarSearch: ['data-table/action', 'search'],
  Tag: ['tag'],
  TextArea: ['text-area', 'form'],
  TextInput: ['text-input', 'form'],
  Theme: [],
  Toggle: ['toggle']
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(file)
    return /\.tsx?$/.test(e.name) ? [file] : []
  })
}

/** Names imported from @carbon/react, or from shell/carbon.ts (which re-exports them one by one). */
function carbonImports(): Set<string> {
  const names = new Set<string>()
  for (const file of sourceFiles(rendererDir)) {
    const text = fs.readFileSync(file, 'utf8')
    for (const m of text.matchAll(/import\s*\{([^}]+)\}\s*from\s*'(@carbon\/react|[./]+(?:shell\/)?carbon)'/g)) {
      for (const part of m[1].split(',')) {
        const name = part.trim().replace(/^type\s+/, '')
        if (name && !part.trim().startsWith('type ')) names.add(name)
      }
    }
  }
  return names
}

function compiledStylesheets(): Set<string> {
  const used = new Set<string>()
  for (const file of ['index.scss', '_carbon-parts.scss']) {
    const text = fs.readFileSync(path.join(stylesDir, file), 'utf8')
    for (const m of text.matchAll(/@use '@carbon\/(?:react|styles)\/scss\/components\/([^']+)'/g)) used.add(m[1])
  }
  return used
}

describe('Carbon styles: only what the app renders, and all of it', () => {
  it('every Carbon component the renderer imports is known here and has its stylesheets compiled', () => {
    const imported = carbonImports()
    expect(imported.size).toBeGreaterThan(20)
    const compiled = compiledStylesheets()
    const unknown = [...imported].filter((n) => !(n in needs))
    expect(unknown, 'add these components (and their stylesheets) to this test').toEqual([])
    const missing = [...imported].flatMap((n) => needs[n].filter((s) => !compiled.has(s)).map((s) => `${n}: ${s}`))
    expect(missing).toEqual([])
  })
})
