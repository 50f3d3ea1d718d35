// Draws the funnel from the stage table on the page (the table stays the source of the numbers):
// one horizontal bar per stage, each labelled with its name and count, so it reads without colour.
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('funnel-chart');
  const rows = document.querySelectorAll('#funnel-stages tbody tr');
  if (!canvas || !rows.length || typeof Chart === 'undefined') {
    return;
  }
  const labels = [];
  const counts = [];
  rows.forEach((row) => {
    labels.push(row.querySelector('th .fw-semibold').textContent.trim());
    counts.push(Number(row.dataset.count));
  });
  const valueLabels = {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = '12px system-ui, sans-serif';
      ctx.fillStyle = '#212529';
      ctx.textBaseline = 'middle';
      chart.getDatasetMeta(0).data.forEach((bar, i) => {
        const text = rows[i].querySelector('.stage-count').textContent.trim();
        ctx.fillText(text, bar.x + 6, bar.y);
      });
      ctx.restore();
    },
  };
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [{ data: counts, backgroundColor: '#3d5a98', borderColor: '#1f3566', borderWidth: 1 }],
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { right: 48 } },
      plugins: { legend: { display: false }, tooltip: { enabled: true } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
    },
    plugins: [valueLabels],
  });
});
