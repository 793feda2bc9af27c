"""Adapters that describe other apps' participations to :mod:`cms.evaluations.registry`.

Each module imports its app and is imported (by ``EvaluationsConfig.ready``) only when that app
is installed.
"""
