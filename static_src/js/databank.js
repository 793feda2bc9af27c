// The databank search page, enhanced. Without JavaScript the page is a plain GET form: suggestions are
// missing, filters apply with "Filters toepassen" and the phone drawer opens as the #filters target.
//
// With it: the search box is a WAI-ARIA combobox (APG "list autocomplete with manual selection") fed by
// /api/v3/databank/suggest; filters, sort and chip removal update the results in place and push the URL
// (shareable, the back button works); on phones the filters open in a modal drawer.

import { linkToButton } from "./site.js";

const form = document.querySelector("[data-databank-form]");
const PHONE = window.matchMedia("(max-width: 47.99rem)");

// --- Suggestions combobox --------------------------------------------------------------------------

function enhanceCombobox(root) {
  const input = root.querySelector("input");
  const listbox = root.querySelector("[role=listbox]");
  const status = root.querySelector("[data-combobox-status]");
  const url = input.dataset.suggestUrl;
  let options = [];
  let active = -1;
  let timer = 0;
  let controller = null;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);

  const close = () => {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const setActive = (index) => {
    active = index;
    listbox.querySelectorAll("[role=option]").forEach((option, i) => {
      option.setAttribute("aria-selected", String(i === index));
      if (i === index) option.scrollIntoView({ block: "nearest" });
    });
    if (index >= 0) input.setAttribute("aria-activedescendant", `${listbox.id}-${index}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const choose = (index) => {
    input.value = options[index].title;
    close();
    form.requestSubmit();
  };
  const render = (typed) => {
    listbox.replaceChildren(
      ...options.map((suggestion, i) => {
        const option = document.createElement("li");
        option.id = `${listbox.id}-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        const title = suggestion.title;
        const at = title.toLowerCase().indexOf(typed.toLowerCase());
        if (typed && at >= 0) {
          const mark = document.createElement("mark");
          mark.textContent = title.slice(at, at + typed.length);
          option.append(title.slice(0, at), mark, title.slice(at + typed.length));
        } else {
          option.textContent = title;
        }
        // mousedown, not click: keep the focus in the input (and the list open) while choosing.
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(i);
        });
        return option;
      }),
    );
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (options.length) {
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    } else {
      close();
    }
    // The wording comes from the template (translated): data-one and data-many ("%s" is the number).
    const wording = options.length === 1 ? status.dataset.one : status.dataset.many;
    status.textContent = options.length ? wording.replace("%s", options.length) : "";
  };
  const fetchSuggestions = async () => {
    const typed = input.value.trim();
    if (typed.length < 2) {
      options = [];
      render(typed);
      return;
    }
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`${url}?${new URLSearchParams({ q: typed, limit: "8" })}`, {
        signal: controller.signal,
        headers: { Accept: "application/json" },
      });
      if (!response.ok) return;
      options = await response.json();
      if (input.value.trim() === typed && document.activeElement === input) render(typed);
    } catch (error) {
      if (error.name !== "AbortError") close();
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", (event) => {
    const open = !listbox.hidden;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) {
        if (options.length) render(input.value.trim());
        else fetchSuggestions();
        if (event.altKey) return;
      }
      if (options.length) setActive(active + 1 >= options.length ? 0 : active + 1);
    } else if (event.key === "ArrowUp") {
      if (!open || !options.length) return;
      event.preventDefault();
      setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === "Enter") {
      if (open && active >= 0) {
        event.preventDefault();
        choose(active);
      }
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        close();
      } else if (input.value) {
        event.preventDefault();
        input.value = "";
      }
    } else if (event.key === "Tab") {
      close();
    }
  });
  input.addEventListener("blur", close);
}

// --- Filters that apply at once ---------------------------------------------------------------------

const SWAPS = ["facets", "count", "chips", "list", "filter-count", "show-results"];
let pending = null;

function currentFormUrl() {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const [name, value] of data) if (value !== "") params.append(name, value);
  return `${location.pathname}?${params}`;
}

async function update(url, { push = true, focus = null } = {}) {
  pending?.abort();
  pending = new AbortController();
  const openDetails = [...document.querySelectorAll(".filters details[open]")].map((d) => d.id);
  const focusedId = document.activeElement?.id;
  let html;
  try {
    const response = await fetch(url, { signal: pending.signal, headers: { Accept: "text/html" } });
    html = await response.text();
  } catch (error) {
    if (error.name !== "AbortError") location.assign(url);
    return;
  }
  const next = new DOMParser().parseFromString(html, "text/html");
  for (const name of SWAPS) {
    const target = document.querySelector(`[data-swap="${name}"]`);
    const source = next.querySelector(`[data-swap="${name}"]`);
    if (target && source) target.innerHTML = source.innerHTML;
  }
  for (const id of openDetails) document.getElementById(id)?.setAttribute("open", "");
  document.title = next.title;
  const nextQuery = next.getElementById("databank-q");
  if (nextQuery) document.getElementById("databank-q").value = nextQuery.value;
  const nextSort = next.getElementById("databank-sort");
  const sort = document.getElementById("databank-sort");
  if (nextSort && sort) sort.replaceChildren(...nextSort.cloneNode(true).children);
  if (push) history.pushState({ databank: true }, "", url);
  document.querySelector("[data-results-status]").textContent =
    document.getElementById("results-heading").textContent;
  const refocus = focus || (focusedId && document.getElementById(focusedId));
  if (refocus) refocus.focus();
}

function enhanceInstantFilters() {
  document.addEventListener("change", (event) => {
    if (event.target.matches("[data-instant]")) update(currentFormUrl());
  });
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-instant-link]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    // The chip disappears: continue at the results heading.
    update(link.href, { focus: document.getElementById("results-heading") });
  });
  window.addEventListener("popstate", () => update(location.href, { push: false }));
  history.replaceState({ databank: true }, "", location.href);
  for (const button of document.querySelectorAll("[data-filters-apply]")) button.hidden = true;
}

// --- Filter drawer (phones) ---------------------------------------------------------------------------

function enhanceDrawer() {
  const drawer = document.querySelector("[data-filters]");
  const link = document.querySelector("a[data-filters-open]");
  if (!drawer || !link) return;
  const toggle = linkToButton(link);
  const outside = [".site-header", ".site-footer", ".databank-hero", ".results", ".skip-link"]
    .map((selector) => document.querySelector(selector))
    .filter(Boolean);
  const setOpen = (open, { restoreFocus = true } = {}) => {
    const modal = open && PHONE.matches;
    drawer.classList.toggle("is-open", modal);
    toggle.setAttribute("aria-expanded", String(modal));
    document.documentElement.classList.toggle("drawer-open", modal);
    if (modal) {
      drawer.setAttribute("role", "dialog");
      drawer.setAttribute("aria-modal", "true");
    } else {
      drawer.removeAttribute("role");
      drawer.removeAttribute("aria-modal");
    }
    for (const element of outside) element.inert = modal;
    if (modal) document.getElementById("filters-heading").focus();
    else if (restoreFocus) toggle.focus();
  };
  toggle.addEventListener("click", () => setOpen(true));
  drawer.addEventListener("click", (event) => {
    if (event.target.closest("[data-filters-close]")) {
      event.preventDefault();
      setOpen(false);
    }
  });
  drawer.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && drawer.classList.contains("is-open")) setOpen(false);
  });
  PHONE.addEventListener("change", () => {
    if (drawer.classList.contains("is-open")) setOpen(false, { restoreFocus: false });
  });
  if (location.hash === "#filters") {
    history.replaceState(history.state, "", location.pathname + location.search);
    setOpen(PHONE.matches, { restoreFocus: false });
  }
}

if (form) {
  const combobox = document.querySelector("[data-combobox]");
  if (combobox) enhanceCombobox(combobox);
  enhanceInstantFilters();
  enhanceDrawer();
  document.documentElement.classList.add("databank-enhanced");
}
