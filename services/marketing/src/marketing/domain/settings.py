"""The marketing service's business settings (loaded from the environment by config.py)."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class MarketingSettings:
    # A campaign whose budget (minor units) is over this needs approval by an approver.
    approval_threshold_minor: int = 5_000_000
    # Intake of the same phone or email within this many seconds merges into one lead (a touch).
    dedupe_window_seconds: int = 30 * 86400
    # An assigned lead not contacted within this many seconds returns to the pool ...
    contact_deadline_seconds: int = 2 * 86400
    # ... and its owner is reminded this many seconds after assignment (0 = no reminder).
    contact_reminder_seconds: int = 86400
    # Pool grabs a rep may make per local day.
    pool_claim_limit: int = 20
    # The organisation's time zone (local days for capacities and claim limits).
    time_zone: str = "Asia/Shanghai"
    # Most customers one AddCampaignMembers call takes from a customers filter.
    max_customer_members: int = 5000
    # Most data rows in one CSV lead import.
    import_max_rows: int = 5000
