/* sphinx-hdnd: the landing page's picker. Two lists, the area, then the audience, and a
   button that opens that briefing, in front of the folded list of every area's card
   (which is what a browser without JavaScript shows). The lists are made from the cards'
   own links, so they go where the cards go, from a web server or from a folder. */
(function () {
  "use strict";
  var n = 0;
  function option(label, value) {
    var o = document.createElement("option");
    o.textContent = label;
    o.value = value;
    return o;
  }
  function field(form, id, label, select) {
    var p = document.createElement("p");
    var l = document.createElement("label");
    l.htmlFor = id;
    l.textContent = label;
    select.id = id;
    p.appendChild(l);
    p.appendChild(select);
    form.appendChild(p);
  }
  function build(picker) {
    var areas = [];
    picker.querySelectorAll(".hdnd-area-card").forEach(function (card) {
      var title = card.querySelector(".sd-card-title a");
      if (!title) return;
      var audiences = [];
      card.querySelectorAll(".hdnd-audience-list a").forEach(function (a) {
        audiences.push({ name: a.textContent.trim(), href: a.href });
      });
      areas.push({ name: title.textContent.trim(), href: title.href, audiences: audiences });
    });
    if (!areas.length) return;
    n += 1;
    var form = document.createElement("form");
    form.className = "hdnd-picker-form";
    // back from a briefing, a restored area with a list of audiences made for none
    form.setAttribute("autocomplete", "off");
    var area = document.createElement("select");
    area.name = "dia-ban";
    area.appendChild(option("— Chọn địa bàn —", ""));
    areas.forEach(function (a, i) { area.appendChild(option(a.name, String(i))); });
    var audience = document.createElement("select");
    audience.name = "doi-tuong";
    var go = document.createElement("button");
    go.type = "submit";
    go.textContent = "Mở đề cương";
    function fill() {
      var chosen = areas[Number(area.value)];
      audience.textContent = "";
      if (!area.value || !chosen) {
        audience.appendChild(option("— Chọn địa bàn trước —", ""));
        audience.disabled = true;
        go.disabled = true;
        return;
      }
      audience.appendChild(option("— Chọn đối tượng cử tri —", ""));
      chosen.audiences.forEach(function (a) { audience.appendChild(option(a.name, a.href)); });
      audience.appendChild(option("Mọi đối tượng (trang chung của địa bàn)", chosen.href));
      audience.disabled = false;
      go.disabled = !audience.value;
    }
    area.addEventListener("change", fill);
    audience.addEventListener("change", function () { go.disabled = !audience.value; });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (audience.value) window.location.href = audience.value;
    });
    field(form, "hdnd-chon-dia-ban-" + n, "Địa bàn", area);
    field(form, "hdnd-chon-doi-tuong-" + n, "Đối tượng cử tri", audience);
    var p = document.createElement("p");
    p.appendChild(go);
    form.appendChild(p);
    picker.insertBefore(form, picker.firstChild);
    fill();
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".hdnd-picker").forEach(build);
  });
})();
