import { useLayoutEffect, useRef } from 'react'

/**
 * Marks each `selector` element inside the returned ref's element with data-fits="true|false":
 * whether its text fits its box. Measured again whenever the container changes size (a window
 * resize, a new test result), so a narrow bar hides its label instead of clipping it.
 */
export function useFittingLabels<T extends HTMLElement>(selector: string, deps: readonly unknown[]) {
  const ref = useRef<T>(null)
  useLayoutEffect(() => {
    const root = ref.current
    if (!root) return
    const measure = () => {
      for (const el of Array.from(root.querySelectorAll<HTMLElement>(selector))) el.dataset.fits = String(el.scrollWidth <= el.clientWidth + 1)
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(root)
    return () => observer.disconnect()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  return ref
}
