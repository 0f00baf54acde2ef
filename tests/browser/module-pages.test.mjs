// The public pages of the network, bargaining and register modules in every interface language,
// with the same checks as pages.test.mjs (page-check.mjs).
import { checkPagesInEveryLanguage } from './page-check.mjs';

checkPagesInEveryLanguage([
  { name: 'practice exchange', path: '/network/practices', status: 200 },
  { name: 'practice case', path: '/network/practices/1', status: 200 },
  { name: 'regional hub', path: '/network/hubs/latin-america', status: 200 },
  { name: 'coalitions', path: '/network/coalitions', status: 200 },
  { name: 'coalition', path: '/network/coalitions/1', status: 200 },
  { name: 'questions to the hubs', path: '/network/questions', status: 200 },
  { name: 'bargaining hub', path: '/bargaining', status: 200 },
  { name: 'clause database', path: '/bargaining/clauses?topic=data-rights&mechanism=information', status: 200 },
  { name: 'clause', path: '/bargaining/clauses/surv-notice-preferred', status: 200 },
  { name: 'governance model', path: '/bargaining/models/procurement-stage-agreement', status: 200 },
  { name: 'register', path: '/register', status: 200 },
  { name: 'register entry (illustrative example)', path: '/register/1', status: 200 },
]);
