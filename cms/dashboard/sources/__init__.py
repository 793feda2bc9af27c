"""Adapters that add other apps' figures to :mod:`cms.dashboard.registry`.

Each module imports its app and is imported (by ``DashboardConfig.ready``) only when that app is
installed.
"""
