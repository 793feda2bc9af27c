"""The default Dutch question sets (``data/question_sets.json``), loaded idempotently.

Works with the real models and with a migration's historical ones. A set that exists already
(by its key) is left as editors made it; a kind that has a set in use gets the default as not in use.
"""

import json
from pathlib import Path

DEFAULTS_FILE = Path(__file__).with_name("data") / "question_sets.json"


def default_question_sets() -> list[dict]:
    return json.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))


def load_default_question_sets(question_set_model, question_model) -> int:
    """Create the default sets that are missing; returns how many were created."""
    created = 0
    for data in default_question_sets():
        if question_set_model.objects.filter(default_key=data["key"]).exists():
            continue
        in_use = question_set_model.objects.filter(kind=data["kind"], active=True).exists()
        question_set = question_set_model.objects.create(
            default_key=data["key"],
            name=data["name"],
            kind=data["kind"],
            intro=data.get("intro", ""),
            active=not in_use,
        )
        question_model.objects.bulk_create(
            question_model(
                question_set=question_set,
                sort_order=position,
                text=question["text"],
                kind=question["kind"],
                choices="\n".join(question.get("choices", [])),
                required=question.get("required", True),
            )
            for position, question in enumerate(data["questions"])
        )
        created += 1
    return created
