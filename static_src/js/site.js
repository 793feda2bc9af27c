// Site-wide enhancements (an ES module from our own origin: the CSP allows nothing inline).
// Without JavaScript the "Menu" link jumps to the navigation, which CSS shows as its :target.

/** Replace a link that only opens something on this page by a real button (same classes and content). */
export function linkToButton(link) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = link.className;
  for (const name of ["aria-controls", "data-menu-button", "data-filters-open"]) {
    if (link.hasAttribute(name)) button.setAttribute(name, link.getAttribute(name));
  }
  button.append(...link.childNodes);
  button.setAttribute("aria-expanded", "false");
  link.replaceWith(button);
  return button;
}

function enhanceMenu() {
  const link = document.querySelector("a[data-menu-button]");
  const nav = document.getElementById("site-nav");
  if (!link || !nav) return;
  const button = linkToButton(link);
  document.documentElement.classList.add("has-menu-button");
  const setOpen = (open) => {
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("is-open", open);
  };
  button.addEventListener("click", () => setOpen(button.getAttribute("aria-expanded") !== "true"));
  nav.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
  if (location.hash === "#site-nav") {
    history.replaceState(history.state, "", location.pathname + location.search);
    setOpen(true);
  }
}

/** A form shown with errors: focus its summary (read out first); a summary link focuses its field. */
function enhanceErrorSummary() {
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    const field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    // Show the field's label (or legend) too, not only the input at the top edge.
    const label = field.closest("fieldset, .form-field");
    (label || field).scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  });
}

enhanceMenu();
enhanceErrorSummary();
