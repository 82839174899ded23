"""All tables. Importing this package registers every table on ``SQLModel.metadata`` (migrations rely on it)."""

from itatui.store.models.accounts import AuditLog, User
from itatui.store.models.complaints import (
    Complaint,
    ComplaintEvent,
    ComplaintEvidence,
    ComplaintKey,
    ComplaintLink,
    RegistryCounter,
)
from itatui.store.models.org import Organisation, Setting, Unit
from itatui.store.models.plan import (
    Budget,
    Dimension,
    Kpi,
    KpiActual,
    Mission,
    Plan,
    PlanTarget,
    ProgressReport,
    Project,
    ProjectUnit,
    TargetGroup,
)
from itatui.store.models.security import LoginThrottle, OfficeKey, RecoveryWrap, RingMember
from itatui.store.models.risk import RiskAssessment, RiskControl, RiskIssue, RiskProcess

__all__ = [
    "LoginThrottle",
    "OfficeKey",
    "RecoveryWrap",
    "RingMember",
    "AuditLog",
    "Budget",
    "Complaint",
    "ComplaintEvent",
    "ComplaintEvidence",
    "ComplaintKey",
    "ComplaintLink",
    "Dimension",
    "Kpi",
    "KpiActual",
    "Mission",
    "Organisation",
    "Plan",
    "PlanTarget",
    "ProgressReport",
    "Project",
    "ProjectUnit",
    "RegistryCounter",
    "RiskAssessment",
    "RiskControl",
    "RiskIssue",
    "RiskProcess",
    "Setting",
    "TargetGroup",
    "Unit",
    "User",
]
