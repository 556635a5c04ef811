"""The ledger store: SQLite schema, migrations and the one API every caller uses (no Qt)."""

from .errors import (
    ConflictError,
    DatabaseDamaged,
    DatabaseMissing,
    ForeignSchema,
    NewerSchema,
    NotFound,
    NotOurDatabase,
    OldSchema,
    PeriodClosed,
    StoreError,
    ValidationFailed,
    WriteFailed,
)
from .models import (
    CodeEntry,
    HistoryEntry,
    Indicator,
    Milestone,
    MonthlyReport,
    Problem,
    Project,
)
from .store import Store
from .units import Unit

__all__ = [
    "CodeEntry",
    "ConflictError",
    "DatabaseDamaged",
    "DatabaseMissing",
    "ForeignSchema",
    "HistoryEntry",
    "Indicator",
    "Milestone",
    "MonthlyReport",
    "NewerSchema",
    "NotFound",
    "NotOurDatabase",
    "OldSchema",
    "PeriodClosed",
    "Problem",
    "Project",
    "Store",
    "StoreError",
    "Unit",
    "ValidationFailed",
    "WriteFailed",
]
