// Charts of the reports dashboard. The data comes from a <script type="application/json"> block
// written by Django's json_script filter: the CSP forbids inline scripts.
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }
  var COLORS = ["#b71c1c", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#9e9d24"];

  function chart(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas || typeof Chart === "undefined") { return; }
    config.options = Object.assign({ responsive: true, animation: false, plugins: { legend: { position: "bottom" } } },
                                   config.options || {});
    new Chart(canvas, config);
  }

  ready(function () {
    var node = document.getElementById("report-chart-data");
    if (!node) { return; }
    var data = JSON.parse(node.textContent);
    var integerTicks = { y: { beginAtZero: true, ticks: { precision: 0 } } };

    chart("chart-awards", {
      type: "bar",
      data: {
        labels: data.awards.labels,
        datasets: [
          { label: "Cá nhân", data: data.awards.individual, backgroundColor: COLORS[0] },
          { label: "Tập thể", data: data.awards.collective, backgroundColor: COLORS[1] },
          { label: "Hộ gia đình", data: data.awards.household, backgroundColor: COLORS[2] }
        ]
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });
    // One bar per sub-unit: the box grows with the number of rows so the labels stay readable.
    var tall = document.getElementById("chart-subunits");
    if (tall && tall.parentNode) {
      tall.parentNode.style.height = Math.max(320, 24 * data.subunits.labels.length + 60) + "px";
    }
    chart("chart-subunits", {
      type: "bar",
      data: { labels: data.subunits.labels,
              datasets: [{ label: "Lượt khen thưởng", data: data.subunits.counts, backgroundColor: COLORS[1] }] },
      options: { indexAxis: "y", maintainAspectRatio: false,
                 scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
    chart("chart-gender", {
      type: "doughnut",
      data: { labels: data.gender.labels,
              datasets: [{ data: data.gender.counts, backgroundColor: [COLORS[4], COLORS[5]] }] }
    });
    chart("chart-nominations", {
      type: "bar",
      data: { labels: data.nominations.labels,
              datasets: [{ label: "Đề nghị", data: data.nominations.counts, backgroundColor: COLORS[3] }] },
      options: { plugins: { legend: { display: false } }, scales: integerTicks }
    });
    chart("chart-attainment", {
      type: "doughnut",
      data: { labels: data.attainment.labels,
              datasets: [{ data: data.attainment.counts, backgroundColor: [COLORS[2], COLORS[1], COLORS[0]] }] }
    });
  });
})();
