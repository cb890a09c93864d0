import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The body becomes rich text (#core/http/rich_text): bodies written as plain text in
 * paragraphs are turned into what cleanRichText makes of such text — escaped, a <p> per
 * blank-line-separated block, a single line break as <br />. A body that already starts
 * with a tag is left as it is.
 */
export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      await db.rawQuery(`
        UPDATE info_records SET body = (
          SELECT string_agg('<p>' || replace(btrim(block, E' \\n\\t'), E'\\n', '<br />') || '</p>', '' ORDER BY n)
          FROM regexp_split_to_table(
                 replace(replace(replace(replace(replace(replace(body, E'\\r\\n', E'\\n'), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;'),
                 E'\\n\\\\s*\\n') WITH ORDINALITY AS blocks(block, n)
          WHERE btrim(block, E' \\n\\t') <> '')
        WHERE body NOT LIKE '<%'`)
    })
  }

  async down() {
    // Rich text is not turned back into plain text: the markup would show as text.
  }
}
