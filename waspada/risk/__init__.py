"""Risk model: an explainable score per region and phase, trends, alerts and a forward look.

All numbers come from data/risk_model.toml; the method is in docs/risk-model.md.
Every function takes a DuckDB cursor (``Database(path).reader()``) except
``refresh_alerts``, which takes the writer connection of ``Database.writer()``.
"""

from waspada.risk.config import RiskConfig, RiskConfigError, config_table, load_config
from waspada.risk.model import contributions, current_phase, score_history, scores, trend
from waspada.risk.alerts import current_alerts, refresh_alerts, refresh_alerts_after_load
from waspada.risk.forward import forward_look

__all__ = [
    "RiskConfig", "RiskConfigError", "config_table", "load_config",
    "scores", "contributions", "score_history", "trend", "current_phase",
    "current_alerts", "refresh_alerts", "refresh_alerts_after_load", "forward_look",
]
