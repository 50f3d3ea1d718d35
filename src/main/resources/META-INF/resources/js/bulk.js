// The bulk bar of the lead and deal lists: a header box that selects every row of the page, and
// a question before the hand-over that says how many and to whom. Without JavaScript each row is
// ticked by hand and the form is sent as it is.
(function () {
  "use strict";
  document.addEventListener("change", function (e) {
    var all = e.target.closest("[data-pick-all]");
    if (!all) {
      return;
    }
    var form = all.closest("form");
    form.querySelectorAll('input[type=checkbox][name="' + all.dataset.pickAll + '"]').forEach(function (box) {
      box.checked = all.checked;
    });
  });
  document.addEventListener(
    "submit",
    function (e) {
      var button = e.submitter;
      if (!button || !button.dataset.bulkConfirm) {
        return;
      }
      var form = e.target;
      var count = form.querySelectorAll('input[type=checkbox][name="ids"]:checked').length;
      var owner = form.querySelector("select[name=owner]");
      var name = owner && owner.selectedIndex >= 0 ? owner.options[owner.selectedIndex].text : "";
      var question = button.dataset.bulkConfirm.replace("[count]", count).replace("[name]", name);
      if (!window.confirm(question)) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    },
    true
  );
})();
