// Drag-and-drop for the pipeline board. Without JavaScript each card's own form moves it.
(function () {
  "use strict";
  var board = document.getElementById("board");
  if (!board || !window.htmx) {
    return;
  }
  var dragged = null;

  board.addEventListener("dragstart", function (e) {
    var card = e.target.closest(".board-card");
    if (!card) {
      return;
    }
    dragged = card;
    card.classList.add("dragging");
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", card.dataset.deal);
  });

  board.addEventListener("dragend", function () {
    if (dragged) {
      dragged.classList.remove("dragging");
    }
    dragged = null;
    board.querySelectorAll(".drop-target").forEach(function (c) {
      c.classList.remove("drop-target");
    });
  });

  board.addEventListener("dragover", function (e) {
    var column = e.target.closest(".board-column");
    if (column && dragged) {
      e.preventDefault();
      column.classList.add("drop-target");
    }
  });

  board.addEventListener("dragleave", function (e) {
    var column = e.target.closest(".board-column");
    if (column && !column.contains(e.relatedTarget)) {
      column.classList.remove("drop-target");
    }
  });

  board.addEventListener("drop", function (e) {
    var column = e.target.closest(".board-column");
    if (!column || !dragged) {
      return;
    }
    e.preventDefault();
    var form = dragged.querySelector("form.card-move");
    form.querySelector("select[name=stage]").value = column.dataset.stage;
    htmx.ajax("POST", "/sales/pipeline/move", {
      source: form,
      values: htmx.values(form),
      target: "#board-columns",
      swap: "outerHTML"
    });
  });
})();
