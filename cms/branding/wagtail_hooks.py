from wagtail import hooks

from .mail import mail_brand

# Mail in the region's house style: the outbox's mail layout asks for it by this hook name.
hooks.register("outbox_mail_brand", mail_brand)
