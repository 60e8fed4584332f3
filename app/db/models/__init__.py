"""All mapped tables, one module per step of the flow.

Importing this package imports every module in it, so a new step adds its module here (and an
Alembic revision under `app/db/migrations/versions`) without editing a shared list. The tables
of the walking skeleton are re-exported for convenience.
"""

import importlib
import pkgutil

from app.db.models.catalog import Product
from app.db.models.orders import Finding, Order, OrderEvent, OrderLine
from app.db.models.outbox import OutboxMessage
from app.db.models.packing import ScanEvent
from app.db.models.settings import Setting
from app.db.models.shipping import Shipment
from app.db.models.stock import StockMove

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")

__all__ = [
    "Finding",
    "Order",
    "OrderEvent",
    "OrderLine",
    "OutboxMessage",
    "Product",
    "ScanEvent",
    "Setting",
    "Shipment",
    "StockMove",
]
