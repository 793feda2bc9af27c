"""What the databank search tells other apps, so that they can listen without search knowing them.

``search_performed``: a search was answered (``results``: :class:`~search.backends.base.SearchResults`,
``site``: the request's Wagtail site or ``None``). Sent before the results are shown, so a receiver
may rewrite the hits' ``url`` (search_insight adds the search and the position to each link).

``download_served``: a file or the ZIP of a kit was served (``request``, ``kit_id``), after it was
counted for the kit.

Nothing listens when no app that wants them is installed; a search then costs no more.
"""

from django.dispatch import Signal

search_performed = Signal()
download_served = Signal()
