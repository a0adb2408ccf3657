/*
 * Grading an assignment's work: each student's form sends a score (or rubric points, or a rating)
 * with a comment, and "save and return" lets the student and their parents see it at once. "Return
 * all" returns every graded piece of work that is not returned yet. The page reloads on the student
 * it was at, with their work open.
 */
(function () {
  'use strict';
  var list = document.getElementById('submissions');
  if (!list) { return; }
  var status = document.getElementById('grading-status');

  function number(value) {
    var trimmed = String(value || '').trim().replace(',', '.');
    return trimmed === '' ? null : Number(trimmed);
  }

  function reloadAt(studentId) {
    history.replaceState(null, '', location.pathname + (studentId ? '#work-' + studentId : ''));
    location.reload();
  }

  function body(form) {
    var grade = { comment: form.elements.comment.value.trim() || null };
    if (form.elements.score) { grade.score = number(form.elements.score.value); }
    var points = form.querySelectorAll('input[name=rubricPoints]');
    if (points.length) { grade.rubricPoints = Array.prototype.map.call(points, function (p) { return number(p.value); }); }
    var rating = form.querySelector('input[name=rating]:checked');
    if (form.querySelector('input[name=rating]')) { grade.rating = rating ? rating.value : null; }
    return grade;
  }

  document.querySelectorAll('form.grade-form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      Lms.clearProblems(form);
      var andReturn = event.submitter && event.submitter.value === 'return';
      var buttons = form.querySelectorAll('button[type=submit]');
      buttons.forEach(function (b) { b.disabled = true; });
      Lms.api('PUT', form.getAttribute('action'), body(form)).then(function (answer) {
        if (!answer.ok) { Lms.showProblem(form, answer.body, answer.status); return; }
        if (!andReturn) { reloadAt(form.dataset.student); return; }
        return Lms.api('POST', form.dataset.return).then(function (returned) {
          if (!returned.ok) { Lms.showProblem(form, returned.body, returned.status); return; }
          reloadAt(form.dataset.student);
        });
      }, function () {
        Lms.showProblem(form, { title: Lms.text('offline', 'Không kết nối được tới máy chủ.') }, 0);
      }).finally(function () {
        buttons.forEach(function (b) { b.disabled = false; });
      });
    });
  });

  var returnAll = document.getElementById('return-all');
  if (returnAll) {
    returnAll.addEventListener('click', function () {
      var assignment = list.dataset.assignment;
      var graded = Array.prototype.map.call(list.querySelectorAll('tr[data-graded="true"]'), function (row) { return row.dataset.student; });
      returnAll.disabled = true;
      var failed = 0;
      var chain = Promise.resolve();
      graded.forEach(function (studentId) {
        chain = chain.then(function () {
          return Lms.api('POST', '/api/v1/assignments/' + encodeURIComponent(assignment) + '/submissions/' + encodeURIComponent(studentId) + '/return')
            .then(function (answer) { if (!answer.ok) { failed++; } });
        });
      });
      chain.then(function () {
        if (failed) { status.textContent = Lms.text('failed', 'Không lưu được') + ' (' + failed + ')'; returnAll.disabled = false; return; }
        reloadAt(null);
      }, function () {
        status.textContent = Lms.text('offline', 'Không kết nối được tới máy chủ.');
        returnAll.disabled = false;
      });
    });
  }

  // Opened at a student's work (after grading it, or from the list): show it.
  var opened = location.hash && document.getElementById(location.hash.substring(1));
  if (opened && opened.tagName === 'DETAILS') { opened.open = true; opened.scrollIntoView(); }
  list.addEventListener('click', function (event) {
    var link = event.target.closest('a[href^="#work-"]');
    var target = link && document.getElementById(link.getAttribute('href').substring(1));
    if (target) { target.open = true; }
  });
})();
