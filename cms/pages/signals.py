"""Signals of the page layer that apps above it send and receive without importing each other."""

from django.dispatch import Signal

#: Something shown about lesson kits that lives outside the pages changed (e.g. a kit became
#: available to borrow). ``page_ids``: the kits concerned. The databank search re-indexes them.
kit_facts_changed = Signal()
