/*
 * Shared by every page. Lms.api() calls the JSON API with the CSRF token and the page's language.
 * Forms whose action is an /api/ address are sent as JSON by fetch instead of a form post: the
 * fields become a JSON object (data-type="number|boolean|list" on a field converts it; empty
 * fields are left out; "lines" is one string per line, "named" one {name} per line), problems come back as RFC 9457 details and are shown in the form's
 * .form-error box and next to the fields they name. After success the page goes to data-go
 * ({id} is replaced by the answer's id) or reloads.
 */
(function () {
  'use strict';

  function cookie(name) {
    var found = document.cookie.split('; ').find(function (c) { return c.indexOf(name + '=') === 0; });
    return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
  }

  function csrf() {
    var field = document.querySelector('input[name="_csrf"]');
    return cookie('XSRF-TOKEN') || (field ? field.value : null);
  }

  function text(key, fallback) {
    var el = document.getElementById('texts');
    return (el && el.dataset[key]) || fallback;
  }

  /** fetch() for the JSON API: resolves with {ok, status, body, response}; rejects only when the network fails. */
  function api(method, url, body, headers) {
    var init = { method: method, credentials: 'same-origin', headers: Object.assign({
      'Accept': 'application/json, application/problem+json',
      'Accept-Language': document.documentElement.lang || 'vi'
    }, headers || {}) };
    var token = csrf();
    if (token && method !== 'GET') { init.headers['X-XSRF-TOKEN'] = token; }
    if (body instanceof FormData || body instanceof Blob) {
      init.body = body;
    } else if (body !== undefined && body !== null) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      var read = type.indexOf('json') >= 0 ? response.json() : Promise.resolve(null);
      return read.then(function (json) { return { ok: response.ok, status: response.status, body: json, response: response }; });
    });
  }

  /** The form's fields as a JSON object: dotted names nest, data-type converts, data-skip leaves out. */
  function formJson(form) {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.name === '_csrf' || field.disabled || field.hasAttribute('data-skip')) { return; }
      if ((field.type === 'radio' || (field.type === 'checkbox' && field.dataset.type === 'list')) && !field.checked) { return; }
      var type = field.dataset.type;
      var value;
      if (field.type === 'checkbox' && type !== 'list') {
        value = field.checked;
      } else if (field.tagName === 'SELECT' && field.multiple) {
        value = Array.prototype.filter.call(field.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
      } else {
        value = field.value.trim();
        if (value === '') { return; }
        if (type === 'number') { value = Number(value.replace(',', '.')); }
        if (type === 'boolean') { value = value === 'true'; }
        if (type === 'datetime') { value = new Date(value + '+07:00').toISOString(); }
        if (type === 'lines') { value = value.split('\n').map(function (l) { return l.trim(); }).filter(Boolean); }
        if (type === 'named') {
          value = value.split('\n').map(function (l) { return l.trim(); }).filter(Boolean).map(function (name) { return { name: name }; });
        }
      }
      var path = field.name.split('.');
      var target = out;
      for (var i = 0; i < path.length - 1; i++) { target = target[path[i]] = target[path[i]] || {}; }
      var last = path[path.length - 1];
      if (type === 'list') { (target[last] = target[last] || []).push(value); } else { target[last] = value; }
    });
    return out;
  }

  function clearProblems(form) {
    form.querySelectorAll('.field-error').forEach(function (e) { e.remove(); });
    form.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
    var box = form.querySelector('.form-error');
    if (box) { box.hidden = true; box.textContent = ''; }
  }

  /** Shows a problem detail in the form: its title and detail in the box, each field error by its field. */
  function showProblem(form, problem, status) {
    var box = form.querySelector('.form-error');
    var message = problem && (problem.detail || problem.title) ? [problem.title, problem.detail].filter(Boolean).join(': ')
      : text('failed', 'Không lưu được') + ' (' + status + ')';
    var firstInvalid = null;
    ((problem && problem.errors) || []).forEach(function (error) {
      var field = form.querySelector('[name="' + CSS.escape(error.field) + '"]');
      if (!field) { message += ' ' + error.field + ': ' + error.message; return; }
      field.setAttribute('aria-invalid', 'true');
      var note = document.createElement('p');
      note.className = 'field-error';
      note.id = 'error-' + field.name.replace(/\W/g, '-');
      note.textContent = error.message;
      field.setAttribute('aria-describedby', note.id);
      field.insertAdjacentElement('afterend', note);
      firstInvalid = firstInvalid || field;
    });
    if (box) {
      box.textContent = message;
      box.hidden = false;
      box.focus && box.setAttribute('tabindex', '-1');
      box.focus();
    } else {
      alert(message);
    }
    if (firstInvalid) { firstInvalid.focus(); }
  }

  function go(form, body) {
    var target = form.dataset.go;
    if (body && body.mustChangePassword && form.dataset.passwordGo) { target = form.dataset.passwordGo; }
    if (!target) { location.reload(); return; }
    location.assign(target.replace('{id}', body && body.id ? encodeURIComponent(body.id) : ''));
  }

  function submit(event) {
    var form = event.target;
    var action = form.getAttribute('action') || '';
    if (form.tagName === 'FORM' && form.hasAttribute('data-native')) {
      if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) { event.preventDefault(); }
      return;
    }
    // data-native: the browser posts it (a file download); data-custom: the page's own script does.
    if (form.tagName !== 'FORM' || action.indexOf('/api/') !== 0 || form.hasAttribute('data-custom') || form.hasAttribute('data-native')) { return; }
    event.preventDefault();
    clearProblems(form);
    var same = form.dataset.checkSame && form.dataset.checkSame.split(',');
    if (same && form.elements[same[0]].value !== form.elements[same[1]].value) {
      showProblem(form, { errors: [{ field: same[1], message: text('notSame', '≠') }] }, 400);
      return;
    }
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) { return; }
    var method = (form.dataset.method || form.getAttribute('method') || 'POST').toUpperCase();
    var buttons = form.querySelectorAll('button[type=submit], button:not([type])');
    buttons.forEach(function (b) { b.disabled = true; });
    var body = method === 'DELETE' && !form.dataset.body ? null
      : form.enctype === 'multipart/form-data' ? new FormData(form) : formJson(form);
    api(method, action, body).then(function (answer) {
      if (answer.ok) { go(form, answer.body); return; }
      showProblem(form, answer.body, answer.status);
    }, function () {
      showProblem(form, { title: text('offline', 'Không kết nối được tới máy chủ.') }, 0);
    }).finally(function () {
      buttons.forEach(function (b) { b.disabled = false; });
    });
  }

  document.addEventListener('submit', submit);

  /**
   * Rich text (questions, lessons: HTML the server sanitised) into {@code target}. It is parsed inert
   * first, so that images load lazily and from where this page may read them: {@code assetUrl(id)}
   * turns a question image's {@code asset:ID} into its address.
   */
  function rich(html, target, assetUrl) {
    var template = document.createElement('template');
    template.innerHTML = html || '';
    template.content.querySelectorAll('script, iframe, object, embed, style').forEach(function (el) { el.remove(); });
    template.content.querySelectorAll('img').forEach(function (img) {
      img.loading = 'lazy';
      img.decoding = 'async';
      var asset = /^asset:(.+)$/.exec(img.getAttribute('src') || '');
      if (asset && assetUrl) { img.setAttribute('src', assetUrl(asset[1])); }
    });
    target.appendChild(template.content);
    return target;
  }

  /** Draws the LaTeX between \( \) and \[ \] inside {@code el} with KaTeX, when the page loads it. */
  function math(el) {
    if (window.renderMathInElement) {
      window.renderMathInElement(el, { delimiters: [{ left: '\\(', right: '\\)', display: false }, { left: '\\[', right: '\\]', display: true }],
        throwOnError: false });
    }
  }

  /** A message with {0}, {1}… filled in. */
  function format(message) {
    var args = Array.prototype.slice.call(arguments, 1);
    return String(message).replace(/\{(\d)\}/g, function (_, i) { return args[Number(i)]; });
  }

  /**
   * An editor's save: a new record is POSTed to {@code create}; an existing one is PUT to {@code update}
   * with If-Match {@code revision} (a copy edited meanwhile is refused). Then the page goes to
   * {@code go(id)}; a problem is shown in the form.
   */
  function save(form, record, create, update, revision, go) {
    clearProblems(form);
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    var request = update ? api('PUT', update, record, revision ? { 'If-Match': revision } : {}) : api('POST', create, record);
    return request.then(function (answer) {
      if (answer.ok) { location.assign(go(answer.body.id)); return; }
      showProblem(form, answer.body, answer.status);
    }, function () { showProblem(form, { title: text('offline', 'Offline') }, 0); })
      .finally(function () { button.disabled = false; });
  }

  /**
   * After {@link save} the editor comes back with {@code ?saved}: a status line at the top of the
   * form says so. Returns it (for a page to add a next step), or null when nothing was just saved.
   */
  function saved(form, message) {
    if (!/[?&]saved\b/.test(location.search)) { return null; }
    var note = document.createElement('p');
    note.className = 'form-ok';
    note.setAttribute('role', 'status');
    note.textContent = message;
    form.insertBefore(note, form.firstChild);
    return note;
  }

  window.Lms = { api: api, csrf: csrf, cookie: cookie, formJson: formJson, showProblem: showProblem, clearProblems: clearProblems, text: text,
    rich: rich, math: math, format: format, save: save, saved: saved };
})();
