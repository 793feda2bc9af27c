import factory

from cms.partners.models import PartnerOffer
from tests.factories import PartnerFactory


class PartnerOfferFactory(factory.django.DjangoModelFactory):
    partner = factory.SubFactory(PartnerFactory)
    kind = PartnerOffer.Kind.GUEST_LESSON
    title = factory.Sequence(lambda n: f"Gastles techniek {n}")
    description = "Een vakman vertelt over zijn werk en neemt gereedschap mee."
    place = PartnerOffer.Place.SCHOOL
    period = "Op aanvraag"
    max_pupils = 30

    class Meta:
        model = PartnerOffer
        skip_postgeneration_save = True

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if extracted:
            self.target_groups.set(extracted)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
