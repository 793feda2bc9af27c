// Charts for the milestone pages, drawn with the vendored Chart.js. The data comes from a
// json_script element named by the canvas's data-source; the same numbers are in a table next to
// each chart, so the canvas is hidden from screen readers. No inline script (strict CSP).
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") return;

  var STATUS_COLOURS = { done: "#1b7f3b", on_track: "#1d5fa3", behind: "#b98900", overdue: "#b3261e" };

  function read(canvas) {
    var element = document.getElementById(canvas.dataset.source);
    return element ? JSON.parse(element.textContent) : null;
  }

  var builders = {
    progress: function (data) {
      return {
        type: "bar",
        data: {
          labels: data.map(function (m) { return m.code; }),
          datasets: [{
            label: "%",
            data: data.map(function (m) { return m.percentage; }),
            backgroundColor: data.map(function (m) { return STATUS_COLOURS[m.status] || "#666"; })
          }]
        },
        options: { indexAxis: "y", scales: { x: { suggestedMax: 100 } }, plugins: { legend: { display: false } } }
      };
    },
    reach: function (data) {
      return {
        type: "bar",
        data: {
          labels: data.periods,
          datasets: data.series.map(function (s, i) {
            return { label: s.label, data: s.values, backgroundColor: ["#007d7e", "#e07b00", "#6b4fa3"][i % 3] };
          })
        },
        options: { scales: { y: { beginAtZero: true } } }
      };
    },
    coverage: function (data) {
      var schoolsPerWorld = data.worlds.map(function (_w, i) {
        return data.counts.filter(function (row) { return row[i] > 0; }).length;
      });
      return {
        type: "bar",
        data: { labels: data.worlds, datasets: [{ label: data.label || "", data: schoolsPerWorld, backgroundColor: "#007d7e" }] },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } }
      };
    }
  };

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var build = builders[canvas.dataset.chart];
    var data = read(canvas);
    if (build && data) new window.Chart(canvas, build(data));
  });
})();
