/*
 * The library's search page. The form works without this script (a plain GET); with it, titles are
 * suggested as one types (a combobox: arrows move, Enter opens, Escape closes), and ticking a facet
 * or changing the order searches at once.
 */
(function () {
  'use strict';
  var form = document.getElementById('library-search');
  var input = document.getElementById('library-q');
  var list = document.getElementById('library-suggestions');
  if (!form || !input || !list) { return; }
  var facets = form.querySelector('details.facets');
  // On a phone the results come first: the filters fold away, one tap opens them.
  if (facets && window.matchMedia && window.matchMedia('(max-width: 47.99rem)').matches) { facets.open = false; }
  var timer = null;
  var asked = 0;
  var active = -1;

  form.addEventListener('change', function (event) {
    // A new choice searches again from the first page (the cursor is only in the page links).
    if (event.target.hasAttribute('data-auto')) {
      form.requestSubmit ? form.requestSubmit() : form.submit();
    }
  });

  /** The suggestion's title with the typed part marked: only text and <mark> are kept of what the server sent. */
  function marked(html) {
    var parsed = new DOMParser().parseFromString('<p>' + html + '</p>', 'text/html').body.firstChild;
    var out = document.createDocumentFragment();
    Array.prototype.forEach.call(parsed.childNodes, function (node) {
      if (node.nodeName === 'MARK') {
        var mark = document.createElement('mark');
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function options() { return list.querySelectorAll('[role="option"]'); }

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(index) {
    var all = options();
    if (all.length === 0) { return; }
    active = (index + all.length) % all.length;
    all.forEach(function (option, i) { option.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
    input.setAttribute('aria-activedescendant', all[active].id);
    all[active].scrollIntoView({ block: 'nearest' });
  }

  function show(suggestions) {
    list.replaceChildren();
    suggestions.forEach(function (suggestion, i) {
      var li = document.createElement('li');
      li.id = 'library-suggestion-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.href = '/library/items/' + encodeURIComponent(suggestion.id);
      li.appendChild(marked(suggestion.marked));
      li.addEventListener('mousedown', function (event) { event.preventDefault(); location.assign(li.dataset.href); });
      list.appendChild(li);
    });
    list.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', suggestions.length > 0 ? 'true' : 'false');
    active = -1;
  }

  function suggest() {
    var typed = input.value.trim();
    if (typed.length < 2) { close(); return; }
    var mine = ++asked;
    Lms.api('GET', '/api/v1/library/search/suggestions?size=8&q=' + encodeURIComponent(typed)).then(function (answer) {
      if (mine === asked && answer.ok && Array.isArray(answer.body)) { show(answer.body); }
    }, function () { /* offline: no suggestions, the search still works */ });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 250);
  });
  input.addEventListener('keydown', function (event) {
    if (list.hidden) { return; }
    if (event.key === 'ArrowDown') { event.preventDefault(); highlight(active + 1); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); highlight(active - 1); }
    else if (event.key === 'Escape') { close(); }
    else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      location.assign(options()[active].dataset.href);
    }
  });
  input.addEventListener('blur', function () { setTimeout(close, 150); });
})();
