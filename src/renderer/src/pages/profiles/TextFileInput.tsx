import { useState } from 'react'
import { useTranslation } from 'react-i18next'

interface Props {
  id: string
  label: string
  /** Files larger than this are refused before reading. */
  maxBytes: number
  accept?: string
  onText(text: string, fileName: string): void
}

/** Reads a small text file in the renderer; main validates what it is sent. */
export function TextFileInput({ id, label, maxBytes, accept, onText }: Props) {
  const { t } = useTranslation()
  const [problem, setProblem] = useState<string>()
  const [name, setName] = useState<string>()

  async function read(file: File | undefined): Promise<void> {
    setProblem(undefined)
    if (!file) return
    if (file.size > maxBytes) return setProblem(t('profiles.file.tooLarge', { kb: Math.round(maxBytes / 1000) }))
    setName(file.name)
    onText(await file.text(), file.name)
  }

  return (
    <div className="pse-file">
      <label htmlFor={id} className="cds--btn cds--btn--tertiary cds--btn--sm pse-file__button">
        {label}
      </label>
      <input id={id} type="file" className="cds--visually-hidden" accept={accept} onChange={(e) => void read(e.target.files?.[0])} data-testid={id} />
      {name && <span className="pse-file__name">{name}</span>}
      {problem && <p className="cds--form-requirement pse-file__problem">{problem}</p>}
    </div>
  )
}
