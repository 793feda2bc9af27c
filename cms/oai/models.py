from django.db import models
from django.utils.translation import gettext_lazy as _


class KitRecordChange(models.Model):
    """The last time a lesson kit left or re-entered the public set, as harvesters must hear it.

    OAI-PMH promises *persistent* deleted records: a kit that was unpublished, deleted or made
    private keeps answering as ``status="deleted"`` so Edurep drops it. A kit that became public
    again without a new publication (a view restriction lifted) keeps a row with
    ``deleted=False`` so its datestamp moves and selective harvesting picks it up again.
    """

    page_id = models.PositiveIntegerField(_("page id"), unique=True)
    deleted = models.BooleanField(_("deleted"), default=True)
    datestamp = models.DateTimeField(_("datestamp"), db_index=True)
    # " region:techtown theme:energie ": space-delimited, so set filtering is a portable
    # substring match on SQLite and PostgreSQL alike.
    set_specs = models.TextField(_("sets"), blank=True, default="")

    class Meta:
        verbose_name = _("harvest record change")
        verbose_name_plural = _("harvest record changes")

    def __str__(self) -> str:
        return f"kit {self.page_id} ({'deleted' if self.deleted else 'restored'} {self.datestamp:%Y-%m-%d})"

    @property
    def set_spec_list(self) -> list[str]:
        return self.set_specs.split()
