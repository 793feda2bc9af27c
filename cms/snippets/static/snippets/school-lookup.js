// The school of a public form (snippets/school_fields.html), enhanced. Without JavaScript a teacher
// types the school's BRIN code or name and the server looks it up when the form is sent (several
// matches: radio buttons to choose from). With it, the schools matching what is typed are suggested at
// once (a combobox fed by the form's data-schools-url); choosing one fills the hidden school field, says
// which school was chosen and folds the new-school details away. Typing again forgets the choice, so
// the server looks up what is typed.

import { enhanceCombobox, fetchJson } from "../js/combobox.js";

const root = document.querySelector("[data-school-lookup][data-schools-url]");
const chosenId = document.querySelector("input[type=hidden][name=school]");

if (root && chosenId) {
  const input = root.querySelector("input");
  const chosen = document.querySelector("[data-chosen-school]");
  const chosenName = document.querySelector("[data-chosen-school-name]");
  const newSchool = document.querySelector("[data-new-school]");
  const label = (school) => `${school.name} (${school.brin_code})${school.city ? `, ${school.city}` : ""}`;

  enhanceCombobox(root, {
    search: async (typed, signal) => (await fetchJson(root.dataset.schoolsUrl, { q: typed }, signal))?.items ?? null,
    label,
    choose: (school) => {
      input.value = school.name;
      chosenId.value = school.id;
      chosenName.textContent = label(school);
      chosen.hidden = false;
      newSchool.open = false;
    },
  });
  input.addEventListener("input", () => {
    if (chosenId.value) {
      chosenId.value = "";
      chosen.hidden = true;
    }
  });
}
