// A destructive action asks first: a form, or the button that submits it, with
// data-confirm="the question". Without JavaScript the action goes through as it always did.
(function () {
  "use strict";
  document.addEventListener(
    "submit",
    function (e) {
      var button = e.submitter;
      var question = (button && button.dataset.confirm) || e.target.dataset.confirm;
      if (question && !window.confirm(question)) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    },
    true
  );
})();
