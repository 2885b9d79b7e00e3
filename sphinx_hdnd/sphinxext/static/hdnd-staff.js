/* sphinx-hdnd: the office staff's notes on a briefing ("why this item") are hidden by
   default; one button shows them, and the choice is remembered on this computer. */
(function () {
  "use strict";
  var KEY = "hdnd-show-staff";
  function apply(show, button) {
    document.documentElement.classList.toggle("hdnd-show-staff", show);
    button.setAttribute("aria-pressed", show ? "true" : "false");
    button.textContent = show ? "Ẩn lý do chọn nội dung" : "Lý do chọn nội dung (dành cho cán bộ văn phòng)";
  }
  document.addEventListener("DOMContentLoaded", function () {
    var page = document.querySelector(".hdnd-briefing");
    if (!page || !page.querySelector(".hdnd-staff")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "hdnd-staff-toggle";
    var show = false;
    try { show = window.localStorage.getItem(KEY) === "1"; } catch (e) { /* file:// */ }
    apply(show, button);
    button.addEventListener("click", function () {
      show = !show;
      try { window.localStorage.setItem(KEY, show ? "1" : "0"); } catch (e) { /* file:// */ }
      apply(show, button);
    });
    var nav = page.querySelector(".hdnd-nav");
    (nav || page).appendChild(button);
  });
})();
