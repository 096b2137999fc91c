/**
 * The Carbon components the first screen (shell, welcome page) renders, each from its own
 * module. Importing them from '@carbon/react' here would put every component the lazy pages use
 * (data table, modal, dropdown…) into the first download, since the bundler keeps the package's
 * index, and all it re-exports, in the chunk that imports it first. The lazy pages import from
 * '@carbon/react' as usual; the modules are the same, so nothing loads twice.
 */
export { default as Content } from '@carbon/react/es/components/UIShell/Content'
export { default as Header } from '@carbon/react/es/components/UIShell/Header'
export { default as HeaderGlobalAction } from '@carbon/react/es/components/UIShell/HeaderGlobalAction'
export { default as HeaderGlobalBar } from '@carbon/react/es/components/UIShell/HeaderGlobalBar'
export { default as HeaderName } from '@carbon/react/es/components/UIShell/HeaderName'
export { default as SideNav } from '@carbon/react/es/components/UIShell/SideNav'
export { default as SideNavItems } from '@carbon/react/es/components/UIShell/SideNavItems'
export { default as SideNavLink } from '@carbon/react/es/components/UIShell/SideNavLink'
export { default as SkipToContent } from '@carbon/react/es/components/UIShell/SkipToContent'
export { Theme } from '@carbon/react/es/components/Theme'
export { InlineLoading } from '@carbon/react/es/components/InlineLoading'
export { Button } from '@carbon/react/es/components/Button'
export { ClickableTile } from '@carbon/react/es/components/Tile/Tile'
export { InlineNotification } from '@carbon/react/es/components/Notification/Notification'
export { Stack } from '@carbon/react/es/components/Stack/Stack'
