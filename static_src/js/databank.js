// The databank search page, enhanced. Without JavaScript the page is a plain GET form: suggestions are
// missing, filters apply with "Filters toepassen" and the phone drawer opens as the #filters target.
//
// With it: the search box is a WAI-ARIA combobox (APG "list autocomplete with manual selection") fed by
// /api/v3/databank/suggest; filters, sort and chip removal update the results in place and push the URL
// (shareable, the back button works); on phones the filters open in a modal drawer.

import { enhanceCombobox, fetchJson } from "./combobox.js";
import { linkToButton } from "./site.js";

const form = document.querySelector("[data-databank-form]");
const PHONE = window.matchMedia("(max-width: 47.99rem)");

// --- Suggestions combobox --------------------------------------------------------------------------

function enhanceSearchBox(root) {
  const input = root.querySelector("input");
  enhanceCombobox(root, {
    search: (typed, signal) => fetchJson(input.dataset.suggestUrl, { q: typed, limit: "8" }, signal),
    label: (suggestion) => suggestion.title,
    choose: (suggestion) => {
      input.value = suggestion.title;
      form.requestSubmit();
    },
  });
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
  if (combobox) enhanceSearchBox(combobox);
  enhanceInstantFilters();
  enhanceDrawer();
  document.documentElement.classList.add("databank-enhanced");
}
