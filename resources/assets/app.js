// Progressive enhancement only: every page works without this file.
(function () {
  // Region picker: choosing a city swaps in that city's counties (GET /regions/:cityCode/counties).
  document.addEventListener('change', function (event) {
    var city = event.target.closest('[data-region-city]')
    if (!city || !window.htmx || !city.value) return
    var county = document.getElementById(city.getAttribute('data-region-city'))
    if (!county) return
    window.htmx.ajax('GET', '/regions/' + encodeURIComponent(city.value) + '/counties', { target: county, swap: 'innerHTML' })
  })

  // "获取验证码": after a code was sent, wait 60 s before the next one (the server enforces it too).
  document.addEventListener('htmx:afterRequest', function (event) {
    var button = event.detail.elt
    if (!button.hasAttribute('data-sms-button') || !event.detail.successful) return
    var label = button.textContent
    var left = 60
    button.disabled = true
    button.textContent = left + ' 秒'
    var timer = setInterval(function () {
      left -= 1
      button.textContent = left > 0 ? left + ' 秒' : label
      if (left <= 0) { clearInterval(timer); button.disabled = false }
    }, 1000)
  })
})()

// ---- Media uploads (resources/views/components/media/upload_field.edge) ----------------
// Progressive enhancement only: without JS the form posts the file as chosen.
;(function () {
  var MAX_EDGE = 1600
  var QUALITY = 0.8

  // A phone photo (4000×3000, ≈5 MB) becomes a ≈1600 px JPEG of a few hundred KB before it
  // crosses a 2G/3G link. GIFs may be animated and stay as they are; anything the browser
  // cannot decode is sent unchanged and judged by the server.
  function shrink(file) {
    if (!/^image\//.test(file.type) || file.type === 'image/gif' || !window.createImageBitmap) return Promise.resolve(file)
    return createImageBitmap(file, { imageOrientation: 'from-image' }).then(function (bitmap) {
      var scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height))
      var canvas = document.createElement('canvas')
      canvas.width = Math.round(bitmap.width * scale)
      canvas.height = Math.round(bitmap.height * scale)
      var context = canvas.getContext('2d')
      context.fillStyle = '#fff' // transparent PNG areas would turn black in a JPEG
      context.fillRect(0, 0, canvas.width, canvas.height)
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
      if (bitmap.close) bitmap.close()
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          if (!blob || blob.size >= file.size) return resolve(file)
          resolve(new File([blob], file.name.replace(/\.[^.]*$/, '') + '.jpg', { type: 'image/jpeg' }))
        }, 'image/jpeg', QUALITY)
      })
    }).catch(function () { return file })
  }

  // An input may name its own limit (data-max-bytes: documents take 20 MB).
  function tooLarge(file, input) {
    var own = input && Number(input.getAttribute('data-max-bytes'))
    return file.size > (own || (/^video\//.test(file.type) ? 50 : 15) * 1024 * 1024)
  }

  // The chosen photos of a form, each swapped for its smaller copy; the inputs holding a file
  // too large even so get their message and are returned.
  function shrinkAll(form) {
    var inputs = [].filter.call(form.querySelectorAll('input[type=file][data-media-upload]'), function (input) {
      return input.files && input.files.length
    })
    return Promise.all(inputs.map(function (input) {
      return Promise.all([].map.call(input.files, shrink)).then(function (files) {
        var transfer = new DataTransfer()
        files.forEach(function (file) { transfer.items.add(file) })
        input.files = transfer.files
        return files.some(function (file) { return tooLarge(file, input) }) ? input : null
      })
    })).then(function (refused) {
      // Saying "too large" now beats spending minutes of 3G on an upload the server refuses.
      refused = refused.filter(Boolean)
      refused.forEach(function (input) {
        var status = document.getElementById(input.getAttribute('aria-describedby'))
        var message = document.createElement('p')
        message.className = 'field-error'
        message.setAttribute('role', 'alert')
        message.textContent = input.getAttribute('data-too-large')
        if (status) status.replaceChildren(message)
      })
      return refused.length === 0
    })
  }
  function hasFiles(form) {
    return [].some.call(form.querySelectorAll('input[type=file]'), function (input) { return input.files && input.files.length })
  }

  // A form with an upload submit (components/form/upload_submit.edge) is sent by script, for its
  // progress; the server answers its redirects in a header (#core/http/script_redirect_middleware).
  function sendWithProgress(form, submitter) {
    var button = form.querySelector('[data-upload-button]')
    var bar = form.querySelector('[data-upload-bar]')
    var failed = form.querySelector('[data-upload-failed]')
    var label = button.textContent
    var warn = function (event) { event.preventDefault(); event.returnValue = button.getAttribute('data-leave-warning') }
    var done = function () {
      window.removeEventListener('beforeunload', warn)
      form.removeAttribute('data-sending')
    }
    var fail = function () {
      done()
      button.disabled = false
      button.textContent = label
      bar.hidden = true
      failed.hidden = false
    }
    form.setAttribute('data-sending', '')
    failed.hidden = true
    button.disabled = true
    window.addEventListener('beforeunload', warn)
    if (hasFiles(form)) button.textContent = button.getAttribute('data-compressing')
    shrinkAll(form).then(function (ok) {
      if (!ok) { done(); button.disabled = false; button.textContent = label; return }
      var xhr = new XMLHttpRequest()
      xhr.open('POST', form.action)
      xhr.setRequestHeader('X-Redirect-Manually', '1')
      xhr.setRequestHeader('Accept', 'text/html')
      xhr.upload.addEventListener('progress', function (event) {
        if (!event.lengthComputable) return
        var percent = Math.round((event.loaded / event.total) * 100)
        bar.hidden = false
        bar.value = percent
        button.textContent = button.getAttribute('data-uploading').replace('{percent}', percent)
      })
      xhr.addEventListener('load', function () {
        var target = xhr.getResponseHeader('X-Redirect-To')
        if (!target) return fail()
        done()
        window.location.assign(target)
      })
      xhr.addEventListener('error', fail)
      xhr.addEventListener('abort', fail)
      xhr.send(new FormData(form, submitter && submitter.form === form && submitter.name ? submitter : undefined))
    })
  }

  // Before the form is sent (natively or by htmx), swap each chosen photo for its smaller copy.
  document.addEventListener('submit', function (event) {
    var form = event.target
    if (form.hasAttribute('data-media-ready')) return form.removeAttribute('data-media-ready')
    var progress = form.querySelector('[data-upload-button]') && window.XMLHttpRequest && window.FormData && window.DataTransfer
    if (progress && (!event.submitter || !event.submitter.hasAttribute('formaction'))) {
      event.preventDefault()
      event.stopImmediatePropagation()
      if (!form.hasAttribute('data-sending')) sendWithProgress(form, event.submitter)
      return
    }
    if (!hasFiles(form) || !window.DataTransfer) return
    event.preventDefault()
    event.stopImmediatePropagation()
    var submitter = event.submitter
    shrinkAll(form).then(function (ok) {
      if (!ok) return
      form.setAttribute('data-media-ready', '')
      if (form.requestSubmit) form.requestSubmit(submitter && submitter.form === form ? submitter : undefined)
      else form.submit()
    })
  }, true)

  // Photo picker (components/media/photo_picker.edge): picks from the camera and the album add
  // up in one list, which the album input carries when the form is sent.
  document.querySelectorAll('[data-photo-picker]').forEach(function (picker) {
    if (!window.DataTransfer || !window.URL || !URL.createObjectURL) return
    var max = Number(picker.getAttribute('data-max'))
    var target = picker.querySelector('[data-picker-target]')
    var inputs = picker.querySelectorAll('input[type=file]')
    var thumbs = picker.querySelector('[data-picker-thumbs]')
    var count = picker.querySelector('[data-picker-count]')
    var template = picker.querySelector('template[data-picker-thumb]')
    var status = document.getElementById(target.getAttribute('aria-describedby'))
    var chosen = []
    var kept = function () { return thumbs.querySelectorAll('[data-picker-kept]').length }
    function render() {
      thumbs.querySelectorAll('li:not([data-picker-kept])').forEach(function (item) {
        URL.revokeObjectURL(item.querySelector('img').src)
        item.remove()
      })
      chosen.forEach(function (file, index) {
        var item = template.content.firstElementChild.cloneNode(true)
        item.querySelector('img').src = URL.createObjectURL(file)
        item.querySelector('[data-picker-remove]').setAttribute('data-index', index)
        thumbs.appendChild(item)
      })
      var transfer = new DataTransfer()
      chosen.forEach(function (file) { transfer.items.add(file) })
      target.files = transfer.files
      var total = kept() + chosen.length
      count.textContent = picker.getAttribute('data-chosen').replace('{n}', total)
      inputs.forEach(function (input) {
        var button = picker.querySelector('label[for="' + input.id + '"]')
        if (button) button.classList.toggle('disabled', total >= max)
      })
    }
    thumbs.querySelectorAll('[data-picker-remove]').forEach(function (button) { button.hidden = false })
    inputs.forEach(function (input) {
      input.addEventListener('change', function () {
        var room = max - kept() - chosen.length
        var picked = [].slice.call(input.files)
        if (input !== target) input.value = ''
        chosen = chosen.concat(picked.slice(0, Math.max(0, room)))
        if (status) status.innerHTML = ''
        if (picked.length > room && status) {
          var message = document.createElement('p')
          message.className = 'field-error'
          message.setAttribute('role', 'alert')
          message.textContent = picker.getAttribute('data-full')
          status.appendChild(message)
        }
        render()
      })
    })
    thumbs.addEventListener('click', function (event) {
      var button = event.target.closest('[data-picker-remove]')
      if (!button) return
      var item = button.closest('li')
      if (item.hasAttribute('data-picker-kept')) item.remove()
      else chosen.splice(Number(button.getAttribute('data-index')), 1)
      if (status) status.innerHTML = ''
      render()
    })
    // The form's own reset (清空重填) empties the list too.
    if (target.form) target.form.addEventListener('reset', function () { chosen = []; setTimeout(render, 0) })
  })

  // Upload progress while htmx sends the form.
  function parts(event) {
    // Only the form's own upload: a field inside it that asks htmx for something else (找类似
    // while typing) must not show the bar, nor reset the form when its answer comes.
    var form = event.target.matches && event.target.matches('form') ? event.target : null
    var input = form && form.querySelector('[data-media-upload]')
    var progress = form && form.querySelector('[data-media-progress]')
    return progress ? { form: form, progress: progress, status: document.getElementById(input.getAttribute('aria-describedby')) } : null
  }
  document.addEventListener('htmx:xhr:loadstart', function (event) {
    var upload = parts(event)
    if (!upload) return
    upload.progress.value = 0
    upload.progress.hidden = false
    if (upload.status) upload.status.innerHTML = ''
  })
  document.addEventListener('htmx:xhr:progress', function (event) {
    var upload = parts(event)
    if (upload && event.detail.total) upload.progress.value = Math.round((event.detail.loaded / event.detail.total) * 100)
  })
  document.addEventListener('htmx:afterRequest', function (event) {
    var upload = parts(event)
    if (!upload) return
    upload.progress.hidden = true
    if (event.detail.successful) upload.form.reset()
  })
})()

// ---- 报需求 (resources/views/experts/consultations) ------------------------------------------
// Progressive enhancement only: the form posts and the pages work without this.
;(function () {
  var PREFIX = 'draft:'
  function storage() {
    try { return window.localStorage } catch (error) { return null }
  }
  function read(key) {
    var store = storage()
    try { return store ? JSON.parse(store.getItem(PREFIX + key) || 'null') : null } catch (error) { return null }
  }
  // The fields a draft keeps: what was typed or chosen, and the form's idempotency key, so a
  // resubmit of a form that did reach the server (connection lost on the way back) finds its case.
  function fields(form) {
    return [].filter.call(form.elements, function (field) {
      if (!field.name || field.name === '_csrf' || field.type === 'file' || field.type === 'submit' || field.type === 'button') return false
      return field.type !== 'hidden' || field.hasAttribute('data-draft-field')
    })
  }
  function save(form) {
    var store = storage()
    if (!store) return
    var draft = {}
    fields(form).forEach(function (field) { draft[field.name] = field.value })
    try { store.setItem(PREFIX + form.getAttribute('data-draft'), JSON.stringify(draft)) } catch (error) { /* storage full: nothing to do */ }
  }

  document.querySelectorAll('form[data-draft]').forEach(function (form) {
    var key = form.getAttribute('data-draft')
    var notice = document.querySelector('[data-draft-notice]')
    var keyField = form.elements.idempotency_key
    var freshKey = keyField ? keyField.value : null
    var draft = form.hasAttribute('data-draft-restore') ? read(key) : null
    // Worth restoring only if something was typed (a select alone holds its default).
    var typed = draft && fields(form).some(function (field) {
      return field.tagName !== 'SELECT' && field.type !== 'hidden' && draft[field.name]
    })
    if (typed) {
      fields(form).forEach(function (field) {
        if (!(field.name in draft)) return
        field.value = draft[field.name]
        if (field.tagName === 'SELECT' && field.value) field.setAttribute('data-user-chosen', '')
      })
      if (notice) notice.hidden = false
    }
    var timer
    form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { save(form) }, 400) })
    form.addEventListener('change', function (event) {
      if (event.target.tagName === 'SELECT') event.target.setAttribute('data-user-chosen', '')
      save(form)
    })
    // Saved at once before sending: the request may be the thing that fails.
    form.addEventListener('submit', function () { save(form) }, true)
    var clear = document.querySelector('[data-draft-clear]')
    if (clear) clear.addEventListener('click', function () {
      var store = storage()
      if (store) store.removeItem(PREFIX + key)
      // A new problem gets this form's own key, not the restored one (whose case may exist).
      form.reset()
      if (keyField) keyField.value = freshKey
      form.querySelectorAll('[data-user-chosen]').forEach(function (field) { field.removeAttribute('data-user-chosen') })
      if (notice) notice.hidden = true
    })
  })

  // The case page of a just-submitted form: its draft is done with (same idempotency key).
  document.querySelectorAll('[data-clear-draft]').forEach(function (marker) {
    var key = marker.getAttribute('data-clear-draft')
    var draft = read(key)
    var store = storage()
    if (store && draft && draft.idempotency_key === marker.getAttribute('data-draft-key')) store.removeItem(PREFIX + key)
  })

  // The industry suggested while typing fills the select, unless the person chose one.
  document.addEventListener('htmx:afterSwap', function () {
    var hint = document.getElementById('industry-suggestion')
    var select = document.getElementById('f-industry')
    var suggested = hint && hint.getAttribute('data-suggested-industry')
    if (!select || !suggested || select.hasAttribute('data-user-chosen')) return
    select.value = suggested
  })

  // One click sends a form once (the server's idempotency key makes a second one harmless anyway).
  document.addEventListener('submit', function (event) {
    var button = event.target.querySelector('[data-submit-once]')
    if (!button || event.defaultPrevented) return
    setTimeout(function () {
      button.disabled = true
      button.textContent = button.getAttribute('data-submit-once')
    }, 0)
  })

  // A message sent through htmx: empty the box and its error for the next one.
  document.addEventListener('htmx:afterRequest', function (event) {
    var form = event.detail.elt
    if (!form.matches || !form.matches('form[data-reset-after-post]') || !event.detail.successful) return
    form.reset()
    var status = document.getElementById('message-form-status')
    if (status) status.innerHTML = ''
  })
})()

// ---- Rich text toolbar (resources/views/components/form/rich_text.edge) -----------------
// Wraps the selection in a tag of the safe subset; the server cleans whatever is posted.
;(function () {
  var TEMPLATES = {
    h3: ['<h3>', '</h3>\n'],
    p: ['<p>', '</p>\n'],
    strong: ['<strong>', '</strong>'],
    ul: ['<ul>\n<li>', '</li>\n<li></li>\n</ul>\n'],
    table: ['<table>\n<tr><th>', '</th><th></th></tr>\n<tr><td></td><td></td></tr>\n</table>\n'],
    a: ['<a href="https://">', '</a>'],
  }
  document.querySelectorAll('[data-rich-toolbar]').forEach(function (toolbar) {
    var area = document.getElementById(toolbar.getAttribute('data-rich-toolbar'))
    if (!area) return
    toolbar.hidden = false
    toolbar.addEventListener('click', function (event) {
      var button = event.target.closest('[data-rich]')
      var template = button && TEMPLATES[button.getAttribute('data-rich')]
      if (!template) return
      var start = area.selectionStart
      var end = area.selectionEnd
      var selected = area.value.slice(start, end)
      area.value = area.value.slice(0, start) + template[0] + selected + template[1] + area.value.slice(end)
      area.focus()
      area.selectionStart = start + template[0].length
      area.selectionEnd = start + template[0].length + selected.length
    })
  })
})()

// ---- 复制 (copy buttons: data-copy, e.g. a WeChat id: resources/views/supply/shared/wechat_id.edge) ----
// Hidden without JavaScript (the text stays selectable). Copies data-copy; the status line
// says so, or, without a clipboard, selects the text beside the button to copy by hand.
;(function () {
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    var status = document.getElementById(button.getAttribute('data-copy-status'))
    var text = button.getAttribute('data-copy')
    button.hidden = false
    function selectByHand() {
      var shown = button.parentNode && button.parentNode.querySelector('strong')
      if (!shown || !window.getSelection) return
      var range = document.createRange()
      range.selectNodeContents(shown)
      window.getSelection().removeAllRanges()
      window.getSelection().addRange(range)
    }
    button.addEventListener('click', function () {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { if (status) status.textContent = button.getAttribute('data-copied') }, selectByHand)
      } else {
        selectByHand()
      }
    })
  })
})()

// ---- 分享 (share buttons: data-share; e.g. resources/views/supply/shops/partials/share_button.edge) ----
// Hidden without JavaScript. The phone's own share sheet (Web Share API) where there is one;
// elsewhere the link is copied and the status line says so, or shows the link to copy by hand.
;(function () {
  document.querySelectorAll('[data-share]').forEach(function (button) {
    var status = document.getElementById(button.getAttribute('data-share-status'))
    function say(text) { if (status) status.textContent = text }
    var box = button.closest('[data-share-box]') || button
    box.hidden = false
    button.addEventListener('click', function () {
      var url = button.getAttribute('data-share-url') || window.location.href
      var data = { title: button.getAttribute('data-share-title') || document.title, text: button.getAttribute('data-share-text') || '', url: url }
      if (navigator.share) {
        // Closing the share sheet rejects: nothing to say then.
        navigator.share(data).catch(function () {})
      } else if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () { say(button.getAttribute('data-copied')) }, function () { say(url) })
      } else {
        say(url)
      }
    })
  })

  // Idempotent posts (app/core/http/idempotency.ts): a form that stays on the page after an htmx
  // post gets a fresh key, so its next post is a new one — a repeat of the same key is answered
  // with the first answer and stores nothing.
  document.addEventListener('htmx:afterRequest', function (event) {
    if (!event.detail.successful || !event.detail.elt.closest) return
    var form = event.detail.elt.closest('form')
    var field = form && form.querySelector("input[name='_idem']")
    if (!field || !window.crypto || !window.crypto.getRandomValues) return
    var bytes = window.crypto.getRandomValues(new Uint8Array(16))
    field.value = btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  })
})()
