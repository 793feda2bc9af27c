"""URL path converters shared by every app's ``urls.py`` (registered in ``cms/urls.py``)."""

from cms.api.schema_types import MAX_DB_INT


class DatabaseIdConverter:
    """``<id:name>``: a positive whole number the database can hold (64-bit signed).

    Larger numbers do not match, so the URL is a plain 404 instead of an overflow in the database.
    """

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 1 <= number <= MAX_DB_INT:
            raise ValueError(value)
        return number

    def to_url(self, value: int) -> str:
        return str(value)
