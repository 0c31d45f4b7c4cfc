// GOV.UK Frontend's components (password reveal, error summary focus, menu toggle) start here: an
// external module because the content security policy allows scripts from this site only.
import { initAll } from '../govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
