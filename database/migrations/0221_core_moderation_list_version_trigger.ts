import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Any change to moderation_words — through the admin pages, a seeder, or SQL typed by
 * hand — moves the list's version, so no process keeps screening with a stale filter.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      CREATE FUNCTION moderation_word_list_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE moderation_word_list SET version = nextval('moderation_word_list_versions') WHERE id = 1;
        RETURN NULL;
      END $$`)
    this.schema.raw(`
      CREATE TRIGGER moderation_words_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON moderation_words
      FOR EACH STATEMENT EXECUTE FUNCTION moderation_word_list_changed()`)
  }

  async down() {
    this.schema.raw('DROP TRIGGER moderation_words_changed ON moderation_words')
    this.schema.raw('DROP FUNCTION moderation_word_list_changed()')
  }
}
