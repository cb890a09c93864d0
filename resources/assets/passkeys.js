/*
 * 通行密钥 (passkeys): a form with data-passkey="register" or "login" runs the WebAuthn
 * ceremony instead of posting — its options from data-options, the phone's fingerprint or
 * face prompt (SimpleWebAuthn's browser half, webauthn.js), then the answer posted as JSON
 * to the form's action — and goes where the server says, or shows its Chinese refusal.
 * Without JavaScript the form posts plainly and the server says passkeys need it.
 */
(function () {
  'use strict'

  function post(url, csrf, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(body || {}),
    }).then(function (response) {
      return response.json().then(function (data) {
        if (response.ok) return data
        var message = data.message || (data.errors && data.errors[0] && data.errors[0].message)
        throw { refused: message || '' }
      })
    })
  }

  document.addEventListener('submit', function (event) {
    var form = event.target
    var mode = form.getAttribute && form.getAttribute('data-passkey')
    if (!mode) return
    event.preventDefault()
    var status = form.querySelector('[data-passkey-status]')
    var button = form.querySelector('button[type=submit]')
    var say = function (message) { if (status) status.textContent = message || '' }
    var webauthn = window.SimpleWebAuthnBrowser
    if (!webauthn || !webauthn.browserSupportsWebAuthn()) return say(form.getAttribute('data-unsupported'))
    var csrf = form.querySelector('[name=_csrf]').value
    say(form.getAttribute('data-working'))
    if (button) button.disabled = true
    post(form.getAttribute('data-options'), csrf)
      .then(function (answer) {
        return mode === 'register'
          ? webauthn.startRegistration({ optionsJSON: answer.options })
          : webauthn.startAuthentication({ optionsJSON: answer.options })
      })
      .then(function (credential) {
        var body = { credential: credential }
        if (form.elements.name) body.name = form.elements.name.value
        return post(form.action, csrf, body)
      })
      .then(function (answer) {
        window.location.assign(answer.redirect)
      })
      .catch(function (error) {
        if (button) button.disabled = false
        say(error && error.refused !== undefined ? error.refused : form.getAttribute('data-cancelled'))
      })
  })
})()
