// ccm site: optional. Without it every page works; with it, tables sort by a click on their headings and
// filter as you type. It only reads the page's own cells (textContent) and never writes HTML.
"use strict";
(function () {
  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) { return ""; }
    var sort = cell.getAttribute("data-sort");
    return sort !== null ? Number(sort) : cell.textContent.trim();
  }
  function sortTable(table, index, button) {
    var heading = button.parentNode;
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      var order = (typeof x === "number" && typeof y === "number") ? x - y : collator.compare(String(x), String(y));
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function makeSortable(table) {
    if (!table.tHead) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () { sortTable(table, index, button); });
    });
  }
  function makeFilter(input) {
    var table = document.getElementById(input.getAttribute("data-filter"));
    if (!table) { return; }
    input.closest("label").hidden = false;
    input.addEventListener("input", function () {
      var wanted = input.value.trim().toLocaleLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = wanted !== "" && row.textContent.toLocaleLowerCase().indexOf(wanted) === -1;
      });
    });
  }
  function makeFilters(form) {
    var table = document.getElementById(form.getAttribute("data-filters"));
    if (!table) { return; }
    form.hidden = false;
    function apply() {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var shown = Array.prototype.every.call(form.elements, function (select) {
          if (!select.name || !select.value) { return true; }
          var values = (row.getAttribute("data-" + select.name) || "").split(" ");
          return values.indexOf(select.value) !== -1;
        });
        row.hidden = !shown;
      });
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
    Array.prototype.forEach.call(document.querySelectorAll("input[data-filter]"), makeFilter);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-filters]"), makeFilters);
  });
})();
