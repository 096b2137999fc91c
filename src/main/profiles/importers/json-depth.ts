import { AppFailure } from '../../../shared/errors'
import { ImportCodes } from './types'

/** Connection data nests a few levels; anything deeper is not connection data (and would overflow the stack). */
export const MAX_JSON_DEPTH = 64

/**
 * Scans JSON text for its nesting depth (brackets outside strings) before it is parsed, so a
 * document of 100 000 nested arrays is refused with its own code instead of a RangeError later.
 */
export function checkJsonDepth(text: string, max = MAX_JSON_DEPTH): void {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max)
        throw new AppFailure({
          code: ImportCodes.tooDeep,
          message: `This JSON is nested more than ${max} levels deep, so it is not connection data. Paste the service key or the "ibmcloud cdb deployment-connections" output itself.`,
          params: { maxDepth: max }
        })
    } else if (c === 0x5d || c === 0x7d) depth--
  }
}
