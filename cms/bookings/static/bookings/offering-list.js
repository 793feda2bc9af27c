// "Boek een les" (/boeken/), enhanced. Without JavaScript the filters are a plain GET form with a
// "Toon lessen" button: the URL keeps the state and the back button works. With it, a changed filter,
// a removed chip or another page fetches the page for the new URL, swaps the list in place, pushes the
// URL and announces the number of lessons; the back button restores the list and the filters.

const form = document.querySelector("[data-lesson-filters]");
const SWAPS = ["lessons", "filter-errors"];
let pending = null;

function formUrl() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (value !== "") params.append(name, value);
  const query = params.toString();
  return query ? `${location.pathname}?${query}` : location.pathname;
}

async function update(url, { push = true, focusHeading = false } = {}) {
  pending?.abort();
  pending = new AbortController();
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
  // The filters follow the URL (back button, removed chip) without losing the focused control.
  for (const select of form.querySelectorAll("select")) {
    const source = next.getElementById(select.id);
    if (source) select.value = source.value;
  }
  document.title = next.title;
  if (push) history.pushState({ lessons: true }, "", url);
  const heading = document.getElementById("lessons-heading");
  document.querySelector("[data-results-status]").textContent = heading.textContent;
  if (focusHeading) {
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: "nearest" });
  }
}

if (form) {
  form.addEventListener("change", (event) => {
    if (event.target.matches("[data-instant]")) update(formUrl());
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update(formUrl(), { focusHeading: true });
  });
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-instant-link]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    update(link.href, { focusHeading: true }); // the chip or page link is gone: continue at the heading
  });
  window.addEventListener("popstate", () => update(location.href, { push: false }));
  history.replaceState({ lessons: true }, "", location.href);
  for (const button of form.querySelectorAll("[data-filters-apply]")) button.hidden = true;
}
