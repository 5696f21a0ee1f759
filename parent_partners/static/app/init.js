// Start GOV.UK Frontend's components (error summary focus, radios, header menu).
import { initAll } from '../govuk/govuk-frontend.min.js'

// GOV.UK Frontend 5 marks a radio that reveals a follow-up question with aria-expanded, an
// attribute ARIA does not allow on a radio (axe: aria-allowed-attr). The question's appearance
// right after the radio already tells screen reader users; take the attribute off whenever it
// is set, on load and after every change.
function dropExpandedFromRadios (root) {
  for (const radio of root.querySelectorAll('input[type="radio"][aria-expanded]')) {
    radio.removeAttribute('aria-expanded')
  }
}

new MutationObserver((changes) => {
  for (const change of changes) {
    if (change.target.matches('input[type="radio"][aria-expanded]')) {
      change.target.removeAttribute('aria-expanded')
    }
  }
}).observe(document.body, { attributes: true, attributeFilter: ['aria-expanded'], subtree: true })

initAll()
dropExpandedFromRadios(document)
