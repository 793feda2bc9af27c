// A text input as a WAI-ARIA combobox (APG "list autocomplete with manual selection"), shared by the
// databank's search box and the booking form's school field. Markup inside `root`: the input, an empty
// `ul[role=listbox][id]` (hidden) and a visually hidden `[data-combobox-status]` whose `data-one` and
// `data-many` are the translated announcements ("%s" is the number of options).
//
// `search(typed, signal)` resolves to the options for what was typed (null: keep the current ones),
// `label(option)` is an option's text (the typed part is marked), `choose(option)` is called when one
// is picked with the mouse or Enter. Typing less than `minLength` characters clears the options.

export function enhanceCombobox(root, { search, label, choose, minLength = 2, delay = 150 }) {
  const input = root.querySelector("input");
  const listbox = root.querySelector("[role=listbox]");
  const status = root.querySelector("[data-combobox-status]");
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
  const pick = (index) => {
    const option = options[index];
    close();
    choose(option);
  };
  const render = (typed) => {
    listbox.replaceChildren(
      ...options.map((option, i) => {
        const item = document.createElement("li");
        item.id = `${listbox.id}-${i}`;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        const text = label(option);
        const at = text.toLowerCase().indexOf(typed.toLowerCase());
        if (typed && at >= 0) {
          const mark = document.createElement("mark");
          mark.textContent = text.slice(at, at + typed.length);
          item.append(text.slice(0, at), mark, text.slice(at + typed.length));
        } else {
          item.textContent = text;
        }
        // mousedown, not click: keep the focus in the input (and the list open) while choosing.
        item.addEventListener("mousedown", (event) => {
          event.preventDefault();
          pick(i);
        });
        return item;
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
    const wording = options.length === 1 ? status.dataset.one : status.dataset.many;
    status.textContent = options.length ? wording.replace("%s", options.length) : "";
  };
  const update = async () => {
    const typed = input.value.trim();
    if (typed.length < minLength) {
      options = [];
      render(typed);
      return;
    }
    controller?.abort();
    controller = new AbortController();
    try {
      const found = await search(typed, controller.signal);
      if (found === null) return;
      options = found;
      if (input.value.trim() === typed && document.activeElement === input) render(typed);
    } catch (error) {
      if (error.name !== "AbortError") close();
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, delay);
  });
  input.addEventListener("keydown", (event) => {
    const open = !listbox.hidden;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) {
        if (options.length) render(input.value.trim());
        else update();
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
        pick(active);
      }
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        close();
      } else if (input.value) {
        event.preventDefault();
        input.value = "";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    } else if (event.key === "Tab") {
      close();
    }
  });
  input.addEventListener("blur", close);
}

/** Options from a JSON endpoint: `url?q=typed&...params`; null when it answers with an error. */
export async function fetchJson(url, params, signal) {
  const response = await fetch(`${url}?${new URLSearchParams(params)}`, {
    signal,
    headers: { Accept: "application/json" },
  });
  return response.ok ? response.json() : null;
}
