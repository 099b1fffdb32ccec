// Progressive enhancement for the explainer's plots (the controls work without it).
(function () {
  "use strict";
  if (window.klTutorPlots) return; // one copy per page, however many plots include it
  window.klTutorPlots = true;

  function fromPlot(event) {
    return event.detail.xhr.status === 400 && event.target.closest(".plot") !== null;
  }

  // A 400 answer to a plot's controls says which value is wrong and why. In DEBUG,
  // django-htmx replaces the whole page with any 400 answer; this one is meant for the
  // student, so it does not reach that handler (htmx itself carries on).
  document.addEventListener(
    "htmx:beforeOnLoad",
    function (event) {
      if (fromPlot(event)) event.stopPropagation();
    },
    true,
  );

  // ... and it is shown in place of the plot, as htmx would a success (by default it
  // leaves 4xx answers out).
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (fromPlot(event)) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Show a slider's value beside it while it moves.
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "range") return;
    var slider = input.closest(".plot-slider");
    var value = slider && slider.querySelector(".plot-value");
    if (value) value.textContent = input.value;
  });
})();
