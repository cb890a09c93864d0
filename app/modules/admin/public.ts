/*
 * What other modules may use from the management centre. Nothing yet: admin is a view
 * over the other modules' public.ts and offers no queries or commands of its own. Add
 * exports here (and only here) when another module needs one.
 */
export {}
