// Start GOV.UK Frontend's components (error summary focus, radios, header menu).
import { initAll } from '../govuk/govuk-frontend.min.js'
initAll()
