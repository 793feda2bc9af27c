"""NL-LOM vocabulary values for lesson kits (Edustandaard NL LOM, as Edurep harvests it).

Sources (Edustandaard / Kennisnet, consulted 2026):
- NL LOM example records in the IMS MD 1.2.4 binding that Edurep harvests as ``lom``:
  github.com/kennisnet/edurep-files ``example/nllom-aanbevolen.xml`` (namespace
  ``http://www.imsglobal.org/xsd/imsmd_v1p2``, vocabularies ``vdex_context_czp_20060628.xml`` with
  PO|VO|BVE|SO|SBaO|VVE, ``vdex_intendedenduserrole_lomv1p0_20060628.xml``,
  ``vdex_learningresourcetype_czp_20060628.xml`` with "open opdracht", aggregation level 2 = a lesson).
- Licences: developers.wiki.kennisnet.nl ``Edurep:Metadata/Licentie`` (recommended vocabulary
  ``copyrightsandotherrestrictions_nllom_20180530``: cc-by-40, cc-by-sa-40, ..., cc0-10; "yes" for
  all rights reserved, with the terms in rights/description).
- Core goals: ``mapping/mapping_vdex_classification_kerndoelen_po_04_2006.xml.csv`` in the same
  repository: purpose "competency", vocabulary ``vdex_classification_kerndoelen_po_04_2006.xml``,
  the term identifier is the core goal's number.

Note: the issue says "SBO"; the NL LOM context vocabulary spells special primary education "SBaO".
"""

PURL = "http://purl.edustandaard.nl/"

AGGREGATION_LEVEL_SOURCE = PURL + "vdex_aggregationlevel_czp_20060628.xml"
LESSON_AGGREGATION_LEVEL = "2"
STATUS_SOURCE = PURL + "vdex_status_lomv1p0_20060628.xml"
CONTRIBUTE_ROLE_SOURCE = PURL + "vdex_lifecycle_contribute_role_lomv1p0_20060628.xml"
LEARNING_RESOURCE_TYPE_SOURCE = PURL + "vdex_learningresourcetype_czp_20060628.xml"
# A lesson kit is hands-on work for pupils with an open outcome.
KIT_LEARNING_RESOURCE_TYPE = "open opdracht"
INTENDED_END_USER_ROLE_SOURCE = PURL + "vdex_intendedenduserrole_lomv1p0_20060628.xml"
# Teachers prepare and run a kit, pupils work with it.
KIT_END_USER_ROLES = ("teacher", "learner")
CONTEXT_SOURCE = PURL + "vdex_context_czp_20060628.xml"
COST_SOURCE = PURL + "vdex_cost_lomv1p0_20060628.xml"
COPYRIGHT_SOURCE = "https://purl.edustandaard.nl/copyrightsandotherrestrictions_nllom_20180530"
CLASSIFICATION_PURPOSE_SOURCE = PURL + "vdex_classification_purpose_czp_20060628.xml"
CORE_GOAL_PURPOSE = "competency"
CORE_GOAL_SOURCE = PURL + "vdex_classification_kerndoelen_po_04_2006.xml"

# TargetGroup.level -> NL LOM educational context ("PO/SO, SBaO" for primary-school kits).
CONTEXTS_BY_LEVEL: dict[str, tuple[str, ...]] = {
    "po": ("PO", "SBaO"),
    "vmbo": ("VO",),
    "pro": ("VO",),
    "vso": ("SO",),
    "mbo": ("BVE",),
}

# Licence (cms.pages Licence values) -> NL LOM copyright value.
COPYRIGHT_BY_LICENCE = {
    "cc-by-4.0": "cc-by-40",
    "cc-by-sa-4.0": "cc-by-sa-40",
    "cc-by-nc-4.0": "cc-by-nc-40",
    "cc-by-nc-sa-4.0": "cc-by-nc-sa-40",
    "cc0-1.0": "cc0-10",
}
ALL_RIGHTS_RESERVED = "yes"


def contexts_for_levels(levels) -> list[str]:
    """The NL LOM contexts of a kit's target-group levels, in a stable order without repeats."""
    contexts: list[str] = []
    for level in levels:
        for context in CONTEXTS_BY_LEVEL.get(level, ()):
            if context not in contexts:
                contexts.append(context)
    return contexts


def iso_duration(minutes: int) -> str:
    """ISO 8601 duration for LOM typicallearningtime and schema.org timeRequired: 90 -> PT1H30M."""
    hours, rest = divmod(int(minutes or 0), 60)
    if not hours and not rest:
        return "PT0M"
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest else "")
