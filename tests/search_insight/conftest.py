from tests.search.conftest import databank  # noqa: F401 - the indexed kits the search tests use
