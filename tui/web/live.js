// protokoll serve: keeps the page up to date from the server's event stream.
// Text goes in with textContent only: what the secretary wrote is never markup.
"use strict";

(function () {
  const base = location.pathname.replace(/\/?$/, "/");
  const protocol = document.getElementById("protocol");
  const state = document.getElementById("state");
  const liveWord = state.textContent;

  function show(view) {
    document.getElementById("title").textContent = view.title;
    document.title = view.title;
    document.getElementById("current").textContent = view.current_label;
    document.getElementById("saved").textContent = view.saved;
    const changed = new Set(view.changed);
    const [first, last] = view.current || [-1, -1];
    const lines = view.lines.map(function (text, i) {
      const div = document.createElement("div");
      div.className = "line";
      if (i >= first && i <= last) div.classList.add("current");
      if (changed.has(i) && text.trim() !== "") div.classList.add("changed");
      div.textContent = text === "" ? " " : text;
      return div;
    });
    protocol.replaceChildren(...lines);
    toCurrent(first, last);
  }

  // The current §, in view: its heading a fifth of the way down, so that the
  // decision before it stays readable; if the § does not fit below that,
  // its end (where the secretary writes) at the bottom.
  function toCurrent(first, last) {
    if (first < 0) return;
    const lines = protocol.children;
    const head = lines[first];
    const end = lines[Math.min(last, lines.length - 1)];
    const bar = document.querySelector("header").offsetHeight;
    const room = window.innerHeight - bar;
    const top = head.getBoundingClientRect().top + window.scrollY - bar;
    const bottom = end.getBoundingClientRect().bottom + window.scrollY - bar;
    const lead = room * 0.2;
    const y = bottom - top <= room - lead ? top - lead : bottom - room + 16;
    window.scrollTo({ top: Math.max(0, y), behavior: "instant" });
  }

  const events = new EventSource(base + "events");
  events.addEventListener("view", function (e) {
    state.textContent = liveWord;
    state.classList.remove("lost");
    show(JSON.parse(e.data));
  });
  events.addEventListener("error", function () {
    state.textContent = state.dataset.lost;
    state.classList.add("lost");
  });
  const current = document.querySelector(".line.current");
  if (current) {
    const all = document.querySelectorAll(".line.current");
    const idx = Array.prototype.indexOf.call(protocol.children, current);
    toCurrent(idx, idx + all.length - 1);
  }
})();
