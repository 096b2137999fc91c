/** A catalogue text with its `{{name}}` parameters filled in (the same syntax i18next uses in the renderer). */
export function fillMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
