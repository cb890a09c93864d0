/*
 * What the management centre adds to the app at boot, in every process: its routes.
 * It registers nothing with the shared kernel and runs no jobs yet.
 */
import '#modules/admin/routes'
