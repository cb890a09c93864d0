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
