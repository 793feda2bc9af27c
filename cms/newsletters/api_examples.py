"""Example request and answer of the subscribe API, shown in the OpenAPI document."""

SUBSCRIBE_REQUEST = {
    "email": "juf.anna@obs-deregenboog.nl",
    "name": "Anna de Vries",
    "segments": ["basisonderwijs"],
    "region": "techtown",
    "consent": True,
}

SUBSCRIBED = {
    "status": "pending",
    "message": "Kijk in je mailbox: we hebben je een link gestuurd om je aanmelding te bevestigen.",
}
