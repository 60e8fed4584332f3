"""The platform names printed by `app/` and shown by the windows are the same words."""

from __future__ import annotations

from app.orders.platforms import LABELS
from ui.labels import platform_labels


def test_documents_and_windows_name_platforms_alike() -> None:
    """`app/` cannot use the windows' translated list (it never imports Qt), so it keeps its
    own; without this check a platform added to one list would print as its code."""
    assert platform_labels() == LABELS
