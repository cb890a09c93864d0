import { test } from '@japa/runner'
import { cleanRichText, richTextToPlain } from '#core/http/rich_text'

test.group('Rich text / the safe subset stays', () => {
  test('paragraphs, headings, lists, tables, bold and http(s) links survive as written', ({ assert }) => {
    const html =
      '<h2>产业现状</h2><p>全县<strong>柑橘</strong>种植 12 万亩，<a href="https://www.sc.gov.cn/x?a=1&amp;b=2">详见</a>。</p>' +
      '<ul><li>一</li><li>二</li></ul><ol><li>甲</li></ol>' +
      '<table><thead><tr><th>年份</th><th>产量</th></tr></thead><tbody><tr><td colspan="2">2026</td></tr></tbody></table>'
    const clean = cleanRichText(html)
    assert.equal(
      clean,
      '<h2>产业现状</h2><p>全县<strong>柑橘</strong>种植 12 万亩，<a href="https://www.sc.gov.cn/x?a=1&amp;b=2" rel="nofollow noopener noreferrer">详见</a>。</p>' +
        '<ul><li>一</li><li>二</li></ul><ol><li>甲</li></ol>' +
        '<table><thead><tr><th>年份</th><th>产量</th></tr></thead><tbody><tr><td colspan="2">2026</td></tr></tbody></table>'
    )
    // Cleaning is stable: what is stored cleans to itself.
    assert.equal(cleanRichText(clean), clean)
  })

  test('h1 and b are brought into the subset; a link always gets rel=nofollow noopener, whatever it said', ({ assert }) => {
    assert.equal(cleanRichText('<h1>标题</h1><b>粗</b>'), '<h2>标题</h2><strong>粗</strong>')
    assert.equal(cleanRichText('<a href="http://a.cn" rel="opener" target="_blank">a</a>'), '<a href="http://a.cn" rel="nofollow noopener noreferrer">a</a>')
  })

  test('text typed without tags becomes escaped paragraphs; "温度<5℃" is text, not a tag', ({ assert }) => {
    assert.equal(cleanRichText('第一段\n第二行\n\n第二段 温度<5℃ & 湿度>80%'), '<p>第一段<br />第二行</p><p>第二段 温度&lt;5℃ &amp; 湿度&gt;80%</p>')
    assert.equal(cleanRichText('   \n  '), '')
  })
})

test.group('Rich text / XSS vectors are removed', () => {
  const vectors: [string, string, string][] = [
    ['script', '<p>正文</p><script>alert(1)</script>', '<p>正文</p>'],
    ['script split by case and whitespace', '<ScRiPt >alert(1)</sCrIpT ><p>x</p>', '<p>x</p>'],
    ['onerror', '<img src=x onerror=alert(1)><p onclick="alert(1)">x</p>', '<p>x</p>'],
    ['javascript: link', '<a href="javascript:alert(1)">点我</a>', '点我'],
    ['javascript: with entities and spaces', '<a href=" jav&#x09;ascript:alert(1)">点我</a>', '点我'],
    ['vbscript: and data: links', '<a href="vbscript:msgbox(1)">a</a><a href="data:text/html;base64,PHNjcmlwdD4=">b</a>', 'ab'],
    ['protocol-relative and relative links', '<a href="//evil.example/x">a</a><a href="/admin">b</a>', 'ab'],
    ['inline style and class', '<p style="background:url(javascript:alert(1))" class="x" id="y">x</p>', '<p>x</p>'],
    ['style element', '<style>body{display:none}</style><p>x</p>', '<p>x</p>'],
    ['iframe', '<iframe src="https://evil.example"></iframe><p>x</p>', '<p>x</p>'],
    ['svg with script and onload', '<svg onload="alert(1)"><script>alert(1)</script><text>t</text></svg><p>x</p>', '<p>x</p>'],
    ['math / mXSS', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', ''],
    ['object, embed, form', '<object data="x.swf"></object><embed src="x"><form action="/x"><input name="a"></form><p>x</p>', '<p>x</p>'],
    ['comment and CDATA tricks', '<!--<script>alert(1)</script>--><p>x</p><![CDATA[<script>alert(1)</script>]]>', '<p>x</p>'],
    ['an attribute break-out as text', '"><img src=x onerror=alert(1)>', '"&gt;'],
    ['meta refresh and base', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="https://evil.example/"><p>x</p>', '<p>x</p>'],
  ]
  for (const [name, input, expected] of vectors) {
    test(name, ({ assert }) => {
      const clean = cleanRichText(input)
      assert.equal(clean, expected)
      assert.notMatch(clean, /<script|onerror|onload|onclick|javascript:|vbscript:|data:|style=|<iframe|<svg|<img/i)
    })
  }
})

test.group('Rich text / plain text for the index', () => {
  test('blocks on their own lines, cells apart, entities decoded, no markup', ({ assert }) => {
    const clean = cleanRichText('<h2>现状</h2><p>A &amp; B 温度&lt;5℃<br>第二行</p><ul><li>一</li><li>二</li></ul><table><tr><td>年份</td><td>产量</td></tr></table>')
    assert.equal(richTextToPlain(clean), '现状\nA & B 温度<5℃\n第二行\n一\n二\n年份 产量')
  })
})
