// Shows blame-language flags beside a text box while the practitioner types.
// Without JavaScript nothing here runs, and the same checks show on the case page after saving.
const DEBOUNCE_MS = 500
// The check endpoint refuses longer text (413). Beyond this only the start is checked while
// typing, and the person is told; the character count already shows the form's own limit.
const MAX_CHECKED = 20000

// What screen readers hear: the region is polite, so the whole new content is read once the
// person pauses typing: "Warning: wording to check in Your notes: ..." or, once reworded,
// "No wording to check in Your notes now."
// "checker's confidence 87%": how sure the checker is, so a reader can weigh the flag.
function confidenceWords (confidence) {
  if (typeof confidence !== 'number') return ''
  return ', checker\'s confidence ' + Math.round(confidence * 100) + '%'
}

function flagList (findings, fieldName, hadFlags) {
  const wrapper = document.createElement('div')
  if (findings.length === 0) {
    if (hadFlags) {
      wrapper.className = 'govuk-visually-hidden'
      wrapper.textContent = 'No wording to check in ' + fieldName + ' now.'
    }
    return wrapper
  }
  wrapper.className = 'govuk-warning-text pp-live-flag'
  const icon = document.createElement('span')
  icon.className = 'govuk-warning-text__icon'
  icon.setAttribute('aria-hidden', 'true')
  icon.textContent = '!'
  const body = document.createElement('div')
  body.className = 'govuk-warning-text__text'
  const heading = document.createElement('span')
  heading.className = 'govuk-visually-hidden'
  heading.textContent = 'Warning: wording to check in ' + fieldName + ': '
  body.appendChild(heading)
  for (const finding of findings) {
    const item = document.createElement('p')
    item.className = 'govuk-body-s govuk-!-margin-bottom-2'
    item.dataset.rule = finding.rule
    const words = document.createElement('strong')
    words.textContent = '“' + finding.matched + '” '
    item.appendChild(words)
    if (finding.category_label) {
      const kind = document.createElement('span')
      kind.textContent = '(' + finding.category_label + confidenceWords(finding.confidence) + ') '
      item.appendChild(kind)
    }
    item.appendChild(document.createTextNode(finding.explanation + ' '))
    const instead = document.createElement('span')
    instead.textContent = 'Try instead: ' + finding.suggestion + ' '
    item.appendChild(instead)
    const source = document.createElement('span')
    source.className = 'govuk-hint govuk-!-font-size-16'
    source.textContent = '(Source: ' + finding.source + ')'
    item.appendChild(source)
    body.appendChild(item)
  }
  wrapper.appendChild(icon)
  wrapper.appendChild(body)
  return wrapper
}

function notice (text) {
  const item = document.createElement('p')
  item.className = 'govuk-body-s'
  item.textContent = text
  return item
}

function watch (form, field) {
  const url = form.dataset.checkUrl
  const token = form.querySelector('input[name="csrf_token"]').value
  const region = document.createElement('div')
  region.id = field.id + '-live-flags'
  region.className = 'pp-live-flags'
  region.setAttribute('aria-live', 'polite')
  field.insertAdjacentElement('afterend', region)
  // The flags also describe the field, so they are read again when it is focused.
  const describedBy = (field.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)
  field.setAttribute('aria-describedby', [...describedBy, region.id].join(' '))
  const fieldName = field.labels && field.labels.length ? field.labels[0].textContent.trim() : 'this box'
  let timer = null
  let latest = 0
  let hadFlags = false
  field.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(async () => {
      const request = ++latest
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRFToken': token },
          body: JSON.stringify({ text: field.value.slice(0, MAX_CHECKED) }),
          credentials: 'same-origin'
        })
        if (request !== latest) return
        if (!response.ok) {
          region.replaceChildren(notice('Wording in ' + fieldName + ' could not be checked while typing; it is checked when you save.'))
          return
        }
        const data = await response.json()
        const list = flagList(data.findings, fieldName, hadFlags)
        if (field.value.length > MAX_CHECKED) {
          list.appendChild(notice('Only the first ' + MAX_CHECKED.toLocaleString('en-GB') + ' characters are checked while typing.'))
        }
        region.replaceChildren(list)
        hadFlags = data.findings.length > 0
      } catch (error) {
        // A failed check must never stop anyone typing; the save still checks.
      }
    }, DEBOUNCE_MS)
  })
}

for (const form of document.querySelectorAll('form[data-check-url]')) {
  for (const field of form.querySelectorAll('textarea[data-live-check]')) watch(form, field)
}
