/*
 * The lesson builder: a lesson is a title in a topic and an ordered list of blocks (text, a library
 * item found by searching the library, a link, a live class, a practice quiz of bank questions).
 * Saved as a draft through the lesson API, then published now or at a release time.
 */
(function () {
  'use strict';
  var form = document.getElementById('lesson-builder');
  if (!form) { return; }
  var T = document.getElementById('builder-texts').dataset;
  var list = document.getElementById('blocks');
  var id = form.dataset.id;
  var revision = null;

  function camel(prefix, value) {
    return prefix + String(value).toLowerCase().split('_').map(function (w) { return w.charAt(0).toUpperCase() + w.slice(1); }).join('');
  }

  function local(iso) {
    if (!iso) { return ''; }
    var d = new Date(Date.parse(iso) + 7 * 3600 * 1000);   // Asia/Ho_Chi_Minh has no daylight saving
    return d.toISOString().slice(0, 16);
  }

  function button(text, label, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary small';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  }

  function choice(listEl, value, text, checked, multiple) {
    var li = document.createElement('li');
    var label = li.appendChild(document.createElement('label'));
    label.className = 'check';
    var input = label.appendChild(document.createElement('input'));
    input.type = multiple ? 'checkbox' : 'radio';
    input.name = 'pick-' + listEl.dataset.key;
    input.value = value;
    input.checked = checked;
    label.appendChild(document.createElement('span')).textContent = text;
    listEl.appendChild(li);
    return input;
  }

  var blockKeys = 0;

  function addBlock(type, block) {
    block = block || {};
    var li = document.createElement('li');
    li.className = 'block-edit panel';
    li.dataset.type = type;
    li.dataset.id = block.id || '';
    var head = li.appendChild(document.createElement('div'));
    head.className = 'block-head';
    head.appendChild(document.createElement('strong')).textContent = T[camel('type', type)].replace(/^\+\s*/, '');
    head.appendChild(button('↑', T.up, function () { if (li.previousElementSibling) { list.insertBefore(li, li.previousElementSibling); } }));
    head.appendChild(button('↓', T.down, function () { if (li.nextElementSibling) { list.insertBefore(li.nextElementSibling, li); } }));
    head.appendChild(button('✕', T.remove, function () { li.remove(); }));
    li.appendChild(document.getElementById('block-' + type).content.firstElementChild.cloneNode(true));
    li.querySelectorAll('[data-field]').forEach(function (field) {
      var value = block[field.dataset.field];
      if (field.type === 'checkbox') { field.checked = !!value; } else if (field.type === 'datetime-local') { field.value = local(value); }
      else if (value !== undefined && value !== null) { field.value = value; }
    });
    li.querySelectorAll('.picked-list').forEach(function (l) { l.dataset.key = String(++blockKeys); });
    if (type === 'LIBRARY_ITEM') { libraryPicker(li, block.item); }
    if (type === 'PRACTICE_QUIZ') { questionPicker(li, (block.quiz && block.quiz.questionIds) || []); }
    list.appendChild(li);
    return li;
  }

  function libraryPicker(li, item) {
    var chosen = li.querySelector('.chosen-item');
    var results = li.querySelector('.item-results');
    if (item) { chosen.textContent = item.title; }
    function find() {
      var q = li.querySelector('.item-query').value.trim();
      Lms.api('GET', '/api/v1/library/search?size=10&q=' + encodeURIComponent(q)).then(function (answer) {
        results.replaceChildren();
        if (!answer.ok) { return; }
        if (!answer.body.hits.length) { results.appendChild(document.createElement('li')).textContent = T.none; }
        answer.body.hits.forEach(function (hit) {
          var input = choice(results, hit.id, hit.title + ' (' + hit.kind + ')', false, false);
          input.addEventListener('change', function () {
            li.querySelector('[data-field=itemId]').value = hit.id;
            chosen.textContent = hit.title;
          });
        });
      });
    }
    li.querySelector('.find-items').addEventListener('click', find);
    li.querySelector('.item-query').addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); find(); }
    });
  }

  function questionPicker(li, chosen) {
    var box = li.querySelector('.question-list');
    var query = 'schoolId=' + encodeURIComponent(form.dataset.school) + '&grade=' + encodeURIComponent(form.dataset.grade)
      + '&subjectCode=' + encodeURIComponent(form.elements.subjectCode.value) + '&size=100';
    Lms.api('GET', '/api/v1/questions?' + query).then(function (answer) {
      if (!answer.ok) { return; }
      if (!answer.body.questions.length) { box.appendChild(document.createElement('li')).textContent = T.none; }
      answer.body.questions.filter(function (q) { return q.type !== 'ESSAY'; }).forEach(function (q) {
        var stem = document.createElement('template');
        stem.innerHTML = q.content.stem;
        choice(box, q.id, q.topic + ' · ' + stem.content.textContent.slice(0, 120), chosen.indexOf(q.id) >= 0, true);
      });
    });
  }

  function instant(value) {
    return value ? new Date(value + '+07:00').toISOString() : null;
  }

  function lesson() {
    return {
      subjectCode: form.elements.subjectCode.value,
      topic: form.elements.topic.value.trim(),
      title: form.elements.title.value.trim(),
      position: Number(form.elements.position.value || 0),
      blocks: Array.prototype.map.call(list.children, function (li) {
        var block = { type: li.dataset.type };
        if (li.dataset.id) { block.id = li.dataset.id; }
        li.querySelectorAll('[data-field]').forEach(function (field) {
          var name = field.dataset.field;
          if (field.type === 'checkbox') { block[name] = field.checked; } else if (field.type === 'datetime-local') { block[name] = instant(field.value); }
          else if (field.type === 'number') { block[name] = field.value ? Number(field.value) : null; } else { block[name] = field.value.trim() || null; }
        });
        if (li.dataset.type === 'PRACTICE_QUIZ') {
          block.questionIds = Array.prototype.filter.call(li.querySelectorAll('.question-list input'), function (i) { return i.checked; })
            .map(function (i) { return i.value; });
        }
        return block;
      })
    };
  }

  form.querySelectorAll('[data-add]').forEach(function (b) {
    b.addEventListener('click', function () {
      var li = addBlock(b.dataset.add);
      var first = li.querySelector('textarea, input:not([type=hidden])');
      if (first) { first.focus(); }
    });
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    Lms.save(form, lesson(), form.getAttribute('action'), id ? '/api/v1/lessons/' + encodeURIComponent(id) : null, revision,
      function (saved) { return '/lessons/' + encodeURIComponent(saved) + '/edit?saved'; });
  });

  var publishForm = document.getElementById('publish-form');
  publishForm.addEventListener('submit', function (event) {
    event.preventDefault();
    Lms.clearProblems(publishForm);
    var at = publishForm.elements.releaseAt.value;
    Lms.api('POST', '/api/v1/lessons/' + encodeURIComponent(id) + '/publish', at ? { releaseAt: instant(at) } : {}).then(function (answer) {
      if (answer.ok) { location.assign('/lessons/' + encodeURIComponent(id)); return; }
      Lms.showProblem(publishForm, answer.body, answer.status);
    });
  });
  document.getElementById('unpublish').addEventListener('click', function () {
    Lms.api('POST', '/api/v1/lessons/' + encodeURIComponent(id) + '/unpublish').then(function (answer) {
      if (answer.ok) { location.reload(); } else { Lms.showProblem(publishForm, answer.body, answer.status); }
    });
  });

  if (id) {
    Lms.api('GET', '/api/v1/lessons/' + encodeURIComponent(id)).then(function (answer) {
      if (!answer.ok) { Lms.showProblem(form, answer.body, answer.status); return; }
      revision = answer.response.headers.get('ETag');
      var l = answer.body;
      form.elements.subjectCode.value = l.subjectCode;
      form.elements.topic.value = l.topic;
      form.elements.title.value = l.title;
      form.elements.position.value = l.position;
      l.blocks.forEach(function (block) {
        if (block.item) { block.itemId = block.item.id; }
        if (block.quiz) { block.counted = block.quiz.counted; }
        addBlock(block.type, block);
      });
      document.getElementById('publish').hidden = false;
      document.getElementById('unpublish').hidden = l.status !== 'PUBLISHED';
      Lms.saved(form, T.saved);
    });
  } else {
    addBlock('TEXT');
  }
})();
