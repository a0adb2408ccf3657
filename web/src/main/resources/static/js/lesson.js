/*
 * A lesson as its student follows it: formulas drawn, videos played through hls.js (which picks
 * the rendition the link can carry), and the participation record fed: the lesson opened, each
 * span of video played (at most every 10 s, at most 120 s a span), documents and links opened,
 * practice quizzes sent and their score shown. A teacher sees the same page without reports.
 */
(function () {
  'use strict';
  var main = document.querySelector('main.lesson');
  if (!main) { return; }
  var T = document.getElementById('lesson-texts').dataset;
  var lesson = main.dataset.lesson;
  var learner = main.dataset.learner === 'true';
  var REPORT_EVERY_S = 10;
  var MAX_SPAN_S = 120;

  Lms.math(main);

  function progress(body) {
    if (!learner) { return Promise.resolve(); }
    return Lms.api('POST', '/api/v1/lessons/' + encodeURIComponent(lesson) + '/progress', body).then(null, function () { /* best effort */ });
  }

  progress({ type: 'OPENED' });

  main.querySelectorAll('[data-document]').forEach(function (link) {
    link.addEventListener('click', function () {
      progress({ type: 'DOCUMENT', blockId: link.closest('[data-block]').dataset.block });
    });
  });

  // ---- videos --------------------------------------------------------------------------------

  function watch(video) {
    var blockId = video.closest('[data-block]').dataset.block;
    var from = null;
    function flush() {
      if (from === null) { return; }
      var to = video.currentTime;
      if (to > from) {
        progress({ type: 'VIDEO', blockId: blockId, from: from, to: Math.min(to, from + MAX_SPAN_S) });
      }
      from = video.paused || video.ended ? null : to;
    }
    video.addEventListener('playing', function () { from = video.currentTime; });
    video.addEventListener('timeupdate', function () {
      if (from !== null && video.currentTime - from >= REPORT_EVERY_S) { flush(); }
    });
    video.addEventListener('pause', flush);
    video.addEventListener('ended', flush);
    video.addEventListener('seeking', function () { flush(); from = null; });
    window.addEventListener('pagehide', flush);
  }

  main.querySelectorAll('video[data-hls]').forEach(function (video) {
    var source = video.dataset.hls;
    if (window.Hls && window.Hls.isSupported()) {
      var hls = new window.Hls({ capLevelToPlayerSize: true });
      hls.loadSource(source);
      hls.attachMedia(video);
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = source;
    }
    watch(video);
  });

  // ---- practice quizzes ----------------------------------------------------------------------

  function answers(form) {
    return Array.prototype.map.call(form.querySelectorAll('.quiz-item'), function (item) {
      var number = Number(item.dataset.number);
      var type = item.dataset.type;
      var response = {};
      if (type === 'TRUE_FALSE_GROUP') {
        response.entries = {};
        item.querySelectorAll('input[data-key]:checked').forEach(function (i) { response.entries[i.dataset.key] = i.value; });
      } else if (type === 'SHORT_NUMBER' || type === 'SHORT_TEXT') {
        response.text = item.querySelector('.text-answer').value;
      } else {
        response.selected = Array.prototype.filter.call(item.querySelectorAll('input'), function (i) { return i.checked; })
          .map(function (i) { return i.value; });
      }
      return { number: number, response: response };
    });
  }

  main.querySelectorAll('form.quiz').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      Lms.clearProblems(form);
      var button = form.querySelector('button[type=submit]');
      button.disabled = true;
      Lms.api('POST', form.getAttribute('action'), { answers: answers(form) }).then(function (answer) {
        if (!answer.ok) { Lms.showProblem(form, answer.body, answer.status); return; }
        answer.body.items.forEach(function (item) {
          var outcome = form.querySelector('.quiz-item[data-number="' + item.number + '"] .outcome');
          outcome.textContent = item.correct ? T.right : T.wrong;
          outcome.className = 'outcome ' + (item.correct ? 'enough' : 'short');
        });
        var score = form.querySelector('.quiz-score');
        score.textContent = T.score.replace('{0}', String(answer.body.score).replace('.', ','));
        score.hidden = false;
      }, function () { Lms.showProblem(form, { title: Lms.text('offline') }, 0); })
        .finally(function () { button.disabled = false; });
    });
  });
})();
