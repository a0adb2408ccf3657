/* The results page's score distribution, drawn with Chart.js from the counts the page carries. */
(function () {
  'use strict';
  var canvas = document.getElementById('distribution');
  if (!canvas || !window.Chart) { return; }
  var labels = canvas.dataset.labels.split('|');
  var counts = canvas.dataset.counts.split(',').map(Number);
  new window.Chart(canvas, {
    type: 'bar',
    data: { labels: labels, datasets: [{ label: canvas.dataset.series, data: counts, backgroundColor: '#0b57d0' }] },
    options: { animation: false, responsive: true, plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
})();
